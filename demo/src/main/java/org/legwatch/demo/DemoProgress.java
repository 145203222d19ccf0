package org.legwatch.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.legwatch.link.DeviceIdentity;
import org.legwatch.link.Night;
import org.legwatch.link.NightInbox;
import org.legwatch.link.NightOutbox;

/**
 * Where the demo is: nights the device has recorded, nights the host has acknowledged to it (sent),
 * nights committed to the store (stored). It counts by standing between the link and its two ends,
 * and prints a line each simulated week.
 */
final class DemoProgress {
    private final PrintWriter out;
    private final int nights;
    private final long startNs = System.nanoTime();
    private final List<EndToEndDemo.NightResult> recorded = new ArrayList<>();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger stored = new AtomicInteger();

    DemoProgress(PrintWriter out, int nights) {
        this.out = out;
        this.nights = nights;
    }

    /** The device finished a night; every seventh (and the last) gets a progress line. */
    synchronized void recorded(EndToEndDemo.NightResult night) {
        recorded.add(night);
        int n = recorded.size();
        if (n % 7 == 0 || n == nights) {
            double measured = 0;
            double truth = 0;
            int valid = 0;
            for (EndToEndDemo.NightResult r : recorded.subList(Math.max(0, n - 7), n)) {
                if (r.valid()) {
                    measured += r.measuredPlmi();
                    truth += r.truePlmi();
                    valid++;
                }
            }
            out.printf(Locale.ROOT, "  week %2d of %d: %3d nights recorded, %3d sent, %3d stored;  this week PLMI %5.1f/h (truth %5.1f/h)  [%4.0f s]%n",
                    (n + 6) / 7, (nights + 6) / 7, n, sent.get(), stored.get(), valid == 0 ? Double.NaN : measured / valid,
                    valid == 0 ? Double.NaN : truth / valid, elapsedSeconds());
            out.flush();
        }
    }

    synchronized List<EndToEndDemo.NightResult> recorded() {
        return List.copyOf(recorded);
    }

    int sent() {
        return sent.get();
    }

    int stored() {
        return stored.get();
    }

    double elapsedSeconds() {
        return (System.nanoTime() - startNs) / 1e9;
    }

    /** The device's outbox, counting the nights the host acknowledged. */
    NightOutbox counting(NightOutbox outbox) {
        return new NightOutbox() {
            @Override
            public List<Night> unsentNights() throws IOException {
                return outbox.unsentNights();
            }

            @Override
            public void acknowledged(String nightId) throws IOException {
                outbox.acknowledged(nightId);
                sent.incrementAndGet();
            }
        };
    }

    /** The host's inbox, counting the nights committed to the store. */
    NightInbox counting(NightInbox inbox) {
        return new NightInbox() {
            @Override
            public boolean contains(String deviceId, String nightId) throws IOException {
                return inbox.contains(deviceId, nightId);
            }

            @Override
            public void commit(DeviceIdentity device, Night night) throws IOException {
                inbox.commit(device, night);
                stored.incrementAndGet();
            }
        };
    }
}
