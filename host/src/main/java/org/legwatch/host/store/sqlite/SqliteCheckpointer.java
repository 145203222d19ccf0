package org.legwatch.host.store.sqlite;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Semaphore;

/**
 * Copies committed pages from an SQLite file's write-ahead log into the file itself, on its own
 * thread and connection. Left to itself, SQLite does this in the writing connection right after a
 * commit that grew the log past 1,000 pages: the writer then also waits for the copy and the
 * file's fsync, which at bulk-import rates takes as long as the write itself. Here the copy
 * overlaps with the writer's next work. A write is durable once its log is on disk
 * ({@code synchronous=FULL}); when the copy happens changes nothing of that.
 *
 * <p>A log is only restarted from its beginning when a write begins after everything in it was
 * copied, which a writer that never pauses does not allow; so once the log has grown past
 * {@link #RESTART_FRAMES} pages the writer restarts it ({@link #restartLargeLog}).
 *
 * <p>When a copy fails, the thread stops and the writer's connection goes back to copying itself;
 * nothing is lost (the log holds every committed write), and {@link #close} reports the failure.
 */
final class SqliteCheckpointer implements AutoCloseable {
    /** Pages in the log above which the writer waits for the copy and restarts the log (64 MB of 4 kB pages). */
    static final int RESTART_FRAMES = 16_384;

    private final Connection connection;
    private final String file;
    private final Thread thread;
    private final Semaphore requests = new Semaphore(0);
    private volatile boolean closing;
    private volatile int logFrames;
    /** Written by the writer only. */
    private volatile int restartAboveFrames;
    /** Held while a checkpoint runs, by this thread or by the writer restarting the log. */
    private final Object copying = new Object();
    private final int restartFrames;
    private volatile SQLException failure;

    /** Starts copying over {@code connection}; a log past {@code restartFrames} pages is to be restarted. */
    SqliteCheckpointer(Connection connection, String file, int restartFrames) {
        this.connection = connection;
        this.file = file;
        this.restartFrames = restartFrames;
        this.restartAboveFrames = restartFrames;
        this.thread = new Thread(this::run, "sqlite-checkpoint " + file);
        thread.setDaemon(true);
        thread.start();
    }

    /** Called after a commit: there is more in the log to copy. */
    void committed() {
        requests.release();
    }

    /** Whether the copying has stopped on a failure (the writer must copy by itself again). */
    boolean failed() {
        return failure != null;
    }

    /**
     * Called by the writer before a write: when the log has grown past the limit, waits for the
     * copy under way, copies the rest and has the next write restart the log. SQLite refuses a
     * second checkpoint while one runs rather than wait for it, hence the wait here. When a reader
     * in another process holds the restart up, the next try is only after the log has grown by as
     * much again, so that such a reader slows one write in many, not every write.
     */
    void restartLargeLog(Connection writer) throws SQLException {
        if (logFrames <= restartAboveFrames) {
            return;
        }
        synchronized (copying) {
            try (Statement statement = writer.createStatement();
                 ResultSet result = statement.executeQuery("PRAGMA wal_checkpoint(RESTART)")) {
                if (result.next() && result.getInt(1) == 0) {
                    logFrames = 0;
                    restartAboveFrames = restartFrames;
                } else {
                    restartAboveFrames = logFrames + restartFrames;
                }
            }
        }
    }

    private void run() {
        try {
            while (true) {
                requests.acquire();
                requests.drainPermits();
                if (closing) {
                    return;
                }
                synchronized (copying) {
                    try (Statement statement = connection.createStatement();
                         ResultSet result = statement.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
                        if (result.next()) {
                            logFrames = result.getInt(2);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            failure = e;
        } catch (InterruptedException e) {
            failure = new SQLException("the thread copying the write-ahead log was interrupted", e);
        }
    }

    /** Stops the thread after the copy under way; throws the failure that stopped it earlier, if any. */
    @Override
    public void close() throws SQLException {
        closing = true;
        requests.release();
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        try {
            connection.close();
        } catch (SQLException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            } else {
                throw e;
            }
        }
        if (failure != null) {
            throw new SQLException("copying the write-ahead log into " + file + " failed (nothing was lost: the log "
                    + "holds every committed write, and the next open copies it): " + failure.getMessage(), failure);
        }
    }
}
