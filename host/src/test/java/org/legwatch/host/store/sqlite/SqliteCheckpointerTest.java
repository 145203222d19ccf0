package org.legwatch.host.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.legwatch.host.store.Patient;
import org.legwatch.host.store.StoredNight;
import org.legwatch.host.store.bench.SyntheticStoreNights;

class SqliteCheckpointerTest {
    private static final int RESTART_FRAMES = 200;
    private static final int PAGE_BYTES = 4096;
    private static final int WRITES = 24;

    @TempDir
    Path folder;

    @Test
    void theLogOfAWriterThatNeverPausesIsRestartedOnceItPassesTheLimit() throws Exception {
        SyntheticStoreNights nights = new SyntheticStoreNights(12, 3);
        Path file = folder.resolve("restart.db");
        Path log = folder.resolve("restart.db-wal");
        long largestLog = 0;
        int stored = 0;
        try (SqliteStore store = SqliteStore.open(file, RESTART_FRAMES)) {
            store.addPatient(new Patient("P1", ""));
            for (int write = 0; write < WRITES; write++) {
                List<StoredNight> batch = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    batch.add(nights.night(stored + i, "dev-1", "P1", LocalDate.of(2025, 1, 1), stored + i));
                }
                stored += store.commitAll(batch);
                largestLog = Math.max(largestLog, Files.size(log));
            }
            assertEquals(WRITES * 100, store.nights("P1").size());
            // The log may pass the limit by the write that crossed it and by the writes made while
            // the copy that saw it ran (a few on a loaded machine); without restarts it grows with every write.
            long write = Files.size(file) / WRITES;
            long bound = (long) RESTART_FRAMES * PAGE_BYTES + 5 * write;
            assertTrue(largestLog < bound, "largest log " + largestLog + " bytes, bound " + bound);
            assertTrue(largestLog > RESTART_FRAMES * PAGE_BYTES, "the log reached the limit: " + largestLog);
        }
    }
}
