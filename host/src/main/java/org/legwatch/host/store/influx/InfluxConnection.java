package org.legwatch.host.store.influx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBException;
import org.influxdb.InfluxDBFactory;
import org.influxdb.InfluxDBIOException;
import org.influxdb.dto.BatchPoints;
import org.influxdb.dto.BoundParameterQuery;
import org.influxdb.dto.Point;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;
import org.legwatch.host.store.StoreException;

/**
 * Talks to one InfluxDB database over the v1 HTTP API ({@code /ping}, {@code /query},
 * {@code /write}): queries with bound parameters and results in microseconds, writes in batches of
 * {@link #BATCH_POINTS} points at microsecond precision, each request retried with backoff when
 * the failure is worth a retry (network, timeouts, an overloaded server).
 */
final class InfluxConnection implements AutoCloseable {
    /** Points per write request. */
    static final int BATCH_POINTS = 5_000;
    /** Write requests in flight at once. */
    static final int PARALLEL_WRITES = 3;
    private static final int ATTEMPTS = 5;
    private static final long FIRST_BACKOFF_MS = 200;

    private final InfluxLocation location;
    private final InfluxDB influx;
    private final ExecutorService writers;

    private InfluxConnection(InfluxLocation location, InfluxDB influx) {
        this.location = location;
        this.influx = influx;
        this.writers = Executors.newFixedThreadPool(PARALLEL_WRITES, task -> {
            Thread thread = new Thread(task, "influx-writer");
            thread.setDaemon(true);
            return thread;
        });
    }

    static InfluxConnection open(InfluxLocation location) throws StoreException {
        OkHttpClient.Builder http = new OkHttpClient.Builder()
                .connectTimeout(10, TimeUnit.SECONDS)
                .readTimeout(120, TimeUnit.SECONDS)
                .writeTimeout(120, TimeUnit.SECONDS);
        InfluxDB influx = location.user() == null
                ? InfluxDBFactory.connect(location.serverUrl(), http)
                : InfluxDBFactory.connect(location.serverUrl(), location.user(),
                        location.password() == null ? "" : location.password(), http);
        InfluxConnection connection = new InfluxConnection(location, influx);
        try {
            connection.retrying("reaching", () -> {
                if (!influx.ping().isGood()) {
                    throw new InfluxDBIOException(new java.io.IOException("no answer to /ping"));
                }
                return null;
            });
        } catch (StoreException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    InfluxLocation location() {
        return location;
    }

    /** {@code "rp"."measurement"} or {@code "measurement"}, for a FROM clause. */
    String from(String measurement) {
        return (location.retentionPolicy() == null ? "" : quote(location.retentionPolicy()) + ".") + quote(measurement);
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Runs a statement that returns no rows (CREATE DATABASE); not bound to the database. */
    void command(String what, String statement) throws StoreException {
        QueryResult result = retrying(what, () -> influx.query(new Query(statement)));
        check(what, result);
    }

    /**
     * Runs a query with {@code $name} parameters bound to {@code params} (so ids never need
     * quoting) and returns its rows; the tags of GROUP BY series are read as columns.
     */
    List<InfluxRow> rows(String what, String influxQl, Map<String, Object> params) throws StoreException {
        BoundParameterQuery.QueryBuilder builder = BoundParameterQuery.QueryBuilder.newQuery(influxQl)
                .forDatabase(location.database());
        params.forEach(builder::bind);
        BoundParameterQuery query = builder.create();
        QueryResult result = retrying(what, () -> influx.query(query, TimeUnit.MICROSECONDS));
        check(what, result);
        List<InfluxRow> rows = new ArrayList<>();
        for (QueryResult.Result part : result.getResults()) {
            if (part.getSeries() == null) {
                continue;
            }
            for (QueryResult.Series series : part.getSeries()) {
                if (series.getValues() == null) {
                    continue;
                }
                Map<String, Integer> columns = new HashMap<>();
                for (int i = 0; i < series.getColumns().size(); i++) {
                    columns.put(series.getColumns().get(i), i);
                }
                for (List<Object> values : series.getValues()) {
                    rows.add(new InfluxRow(series.getName(), columns, values, series.getTags()));
                }
            }
        }
        return rows;
    }

    /** The database names the server lists. */
    List<String> databases() throws StoreException {
        QueryResult result = retrying("listing databases", () -> influx.query(new Query("SHOW DATABASES")));
        check("listing databases", result);
        List<String> names = new ArrayList<>();
        for (QueryResult.Result part : result.getResults()) {
            if (part.getSeries() != null) {
                for (QueryResult.Series series : part.getSeries()) {
                    if (series.getValues() != null) {
                        series.getValues().forEach(v -> names.add(String.valueOf(v.get(0))));
                    }
                }
            }
        }
        return names;
    }

    /** Writes points in order, in batches; returns when InfluxDB has accepted every batch. */
    void write(String what, List<Point> points) throws StoreException {
        for (int from = 0; from < points.size(); from += BATCH_POINTS) {
            BatchPoints batch = BatchPoints.database(location.database())
                    .retentionPolicy(location.retentionPolicy())
                    .precision(TimeUnit.MICROSECONDS)
                    .points(points.subList(from, Math.min(points.size(), from + BATCH_POINTS)))
                    .build();
            retrying(what, () -> {
                influx.write(batch);
                return null;
            });
        }
    }

    /** Hands batches of line protocol to {@link #writeLines} as they are made. */
    @FunctionalInterface
    interface LineBatches {
        void makeEach(Consumer<String> send) throws StoreException;
    }

    /**
     * Writes batches of points given as line protocol (each at most {@link #BATCH_POINTS} lines,
     * timestamps in microseconds), each sent as soon as {@code batches} has made it and up to
     * {@link #PARALLEL_WRITES} requests at a time, so that the server parses one batch while the
     * next is made and travels; returns when every batch is accepted, or throws the first failure
     * once the others have ended.
     */
    void writeLines(String what, LineBatches batches) throws StoreException {
        List<Future<Object>> pending = new ArrayList<>();
        try {
            batches.makeEach(lines -> pending.add(writers.submit(() -> retrying(what, () -> {
                influx.write(location.database(), location.retentionPolicy(), InfluxDB.ConsistencyLevel.ONE,
                        TimeUnit.MICROSECONDS, lines);
                return null;
            }))));
        } catch (StoreException | RuntimeException e) {
            pending.forEach(p -> p.cancel(true));
            throw e;
        }
        StoreException failure = null;
        for (Future<Object> write : pending) {
            try {
                write.get();
            } catch (ExecutionException e) {
                StoreException cause = e.getCause() instanceof StoreException s ? s
                        : new StoreException(what + " failed: " + e.getCause(), e.getCause());
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                pending.forEach(p -> p.cancel(true));
                throw new StoreException(what + " was interrupted", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void check(String what, QueryResult result) throws StoreException {
        if (result.getError() != null) {
            throw new StoreException(what + " failed on " + location + ": " + result.getError());
        }
        for (QueryResult.Result part : result.getResults()) {
            if (part.getError() != null) {
                throw new StoreException(what + " failed on " + location + ": " + part.getError());
            }
        }
    }

    @FunctionalInterface
    private interface Call<T> {
        T run();
    }

    private <T> T retrying(String what, Call<T> call) throws StoreException {
        long backoff = FIRST_BACKOFF_MS;
        for (int attempt = 1; ; attempt++) {
            try {
                return call.run();
            } catch (InfluxDBIOException e) {
                if (attempt == ATTEMPTS) {
                    throw new StoreException(what + " failed: cannot reach " + location + " (" + e.getMessage()
                            + ") after " + ATTEMPTS + " attempts", e);
                }
            } catch (InfluxDBException e) {
                if (!worthRetrying(e) || attempt == ATTEMPTS) {
                    throw new StoreException(what + " failed on " + location + ": " + e.getMessage(), e);
                }
            }
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreException(what + " was interrupted", e);
            }
            backoff *= 2;
        }
    }

    /**
     * Network failures and an overloaded server are worth another try; a query or point InfluxDB
     * rejected, or refused credentials, are not (the client library calls every unknown error
     * retryable, parse errors included).
     */
    private static boolean worthRetrying(InfluxDBException e) {
        if (e instanceof InfluxDBException.CacheMaxMemorySizeExceededException
                || e instanceof InfluxDBException.HintedHandOffQueueNotEmptyException) {
            return true;
        }
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        return message.contains("timeout") || message.contains("service unavailable") || message.contains("overloaded");
    }

    @Override
    public void close() {
        writers.shutdownNow();
        influx.close();
    }
}
