package org.legwatch.host.store;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real {@code influxd} (Debian package {@code influxdb}, 1.x) for the tests: started once per
 * test run on 127.0.0.1 with a free port, a throwaway data folder and a generated config (no usage
 * reporting, no monitor database, quiet logs), and stopped with the run. Each test asks for its
 * own database. {@code ./run-tests} installs the package when it is missing.
 */
public final class InfluxServer implements BeforeAllCallback {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static Running running;

    private record Running(Process process, Path folder, int httpPort) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws IOException, InterruptedException {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (InfluxServer.class) {
            if (running == null) {
                running = start();
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(InfluxServer.class.getName(), running);
            }
        }
    }

    /** A store URL for a database no other test uses. */
    public static String freshDatabaseUrl() {
        if (running == null) {
            throw new IllegalStateException("annotate the test class with @ExtendWith(InfluxServer.class)");
        }
        return "influx:http://127.0.0.1:" + running.httpPort() + "/test_" + ProcessHandle.current().pid() + "_"
                + DATABASES.incrementAndGet();
    }

    /** The HTTP API's base URL, for tests that talk to the server directly. */
    public static String httpUrl() {
        return "http://127.0.0.1:" + running.httpPort();
    }

    private static Running start() throws IOException, InterruptedException {
        Path influxd = Stream.of("/usr/bin/influxd", "/usr/local/bin/influxd").map(Path::of)
                .filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new IllegalStateException("influxd is not installed: apt-get install influxdb "
                        + "(./run-tests does this)"));
        Path folder = Files.createTempDirectory("legwatch-influxd");
        int http = freePort();
        int rpc = freePort();
        Path config = folder.resolve("influxd.conf");
        Files.writeString(config, """
                reporting-disabled = true
                bind-address = "127.0.0.1:%d"
                [meta]
                  dir = "%s/meta"
                  logging-enabled = false
                [data]
                  dir = "%s/data"
                  wal-dir = "%s/wal"
                  index-version = "tsi1"
                  query-log-enabled = false
                [monitor]
                  store-enabled = false
                [http]
                  bind-address = "127.0.0.1:%d"
                  log-enabled = false
                  pprof-enabled = false
                [logging]
                  level = "warn"
                  suppress-logo = true
                [continuous_queries]
                  enabled = false
                [subscriber]
                  enabled = false
                """.formatted(rpc, folder, folder, folder, http));
        Process process = new ProcessBuilder(influxd.toString(), "run", "-config", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("influxd.log").toFile())
                .start();
        Running server = new Running(process, folder, http);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ping = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http + "/ping"))
                .timeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        IOException lastFailure = null;
        while (true) {
            if (!process.isAlive()) {
                String log = Files.readString(folder.resolve("influxd.log"));
                server.close();
                throw new IllegalStateException("influxd exited at start:\n" + log);
            }
            try {
                if (client.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode() == 204) {
                    return server;
                }
            } catch (IOException notListeningYet) {
                lastFailure = notListeningYet;
            }
            if (System.nanoTime() > deadline) {
                server.close();
                throw new IllegalStateException("influxd did not answer /ping within 30 s", lastFailure);
            }
            Thread.sleep(100);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
