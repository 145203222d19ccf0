package org.legwatch.host.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.legwatch.analysis.response.ResponseSettings;
import org.legwatch.host.store.Store;
import org.legwatch.host.store.StoreException;
import org.legwatch.host.web.AccessToken;
import org.legwatch.host.web.Dashboard;
import org.legwatch.host.web.DashboardServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code legwatch serve}: the dashboard in a browser, over the store, until Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"A local web dashboard over the store (docs/dashboard.md): patients, their nights, infusions and",
                "response results with charts, and each night's detail. Read-only. Listens on 127.0.0.1 unless told",
                "otherwise; any other address needs --token-file. Runs until Ctrl-C."})
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default ${DEFAULT-VALUE}: this computer only).")
    String bind;

    @Option(names = "--port", paramLabel = "N", defaultValue = "" + DashboardServer.Settings.DEFAULT_PORT,
            description = "TCP port (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = {"Require this access token (one line, at least " + AccessToken.MIN_CHARS + " characters; the file",
                    "readable by its owner only). Needed to bind beyond 127.0.0.1."})
    Path tokenFile;

    @Override
    public Integer call() throws IOException, StoreException, InterruptedException {
        Optional<AccessToken> token = tokenFile == null ? Optional.empty() : Optional.of(AccessToken.read(tokenFile));
        DashboardServer.Settings settings = new DashboardServer.Settings(address(bind), port, token,
                DashboardServer.Settings.DEFAULT_THREADS);
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        // Ctrl-C runs the hook; it waits until the server and the store are closed, so the JVM does not end mid-answer.
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                stopped.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "legwatch-serve-stop");
        try {
            try (Store opened = store.open();
                 DashboardServer server = Dashboard.start(opened, settings, ResponseSettings.DEFAULT, ZoneId.systemDefault(),
                         spec.commandLine().getErr())) {
                Runtime.getRuntime().addShutdownHook(hook);
                spec.commandLine().getOut().printf("legwatch dashboard on %s (store %s%s); Ctrl-C stops it%n", server.url(),
                        opened.location(), token.isPresent() ? ", access token required" : "");
                stop.await();
            }
            spec.commandLine().getOut().println("dashboard stopped");
        } finally {
            stopped.countDown();
        }
        return 0;
    }

    private static InetAddress address(String name) {
        try {
            return InetAddress.getByName(name);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--bind " + name + ": no such address", e);
        }
    }
}
