package org.legwatch.host.web;

import java.util.Optional;

/** Two dashboards over the simulated patient's store side by side: one open, one that needs {@code token}. */
final class TestDashboards implements AutoCloseable {
    final TestDashboard open;
    final TestDashboard guarded;

    TestDashboards(String token) throws Exception {
        open = new TestDashboard(Optional.empty());
        guarded = new TestDashboard(Optional.of(new AccessToken(token)));
    }

    @Override
    public void close() throws Exception {
        try (open; guarded) {
            // both closed, also when the first fails
        }
    }
}
