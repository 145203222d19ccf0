package org.legwatch.host.web;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.Optional;
import org.legwatch.analysis.response.ResponseSettings;
import org.legwatch.host.store.Store;
import org.legwatch.host.store.Stores;

/** A dashboard on a free port of 127.0.0.1 over the simulated patient's store, with its log kept. */
final class TestDashboard implements AutoCloseable {
    final Store store;
    final DashboardServer server;
    private final StringWriter log = new StringWriter();

    TestDashboard(Optional<AccessToken> token) throws Exception {
        this(InetAddress.getLoopbackAddress(), token);
    }

    TestDashboard(InetAddress bind, Optional<AccessToken> token) throws Exception {
        store = Stores.open(SimulatedPatientStore.shared());
        server = Dashboard.start(store, new DashboardServer.Settings(bind, 0, token, 2), ResponseSettings.DEFAULT,
                ZoneOffset.UTC, new PrintWriter(log, true));
    }

    URI url(String path) {
        return server.url().resolve(path);
    }

    String log() {
        return log.toString();
    }

    @Override
    public void close() throws Exception {
        server.close();
        store.close();
    }
}
