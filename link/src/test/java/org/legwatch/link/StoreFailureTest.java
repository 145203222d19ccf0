package org.legwatch.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.legwatch.link.keys.DeviceKey;
import org.legwatch.link.transport.MemoryPipe;

/** The host's store or the device's outbox fails now and then: nights are retried, never lost or doubled. */
class StoreFailureTest {

    @Test
    void aNightTheStoreFailsOnIsSentAgainAndANightWhoseAcknowledgementWasNotRecordedIsRecognised()
            throws Exception {
        DeviceKey key = TestKeys.key("pi-flaky", 1, 8);
        List<Night> nights = TestNights.small(21, 30);
        MemoryInbox store = new MemoryInbox();
        Set<String> failedOnce = new HashSet<>();
        NightInbox flakyStore = new NightInbox() {
            @Override
            public boolean contains(String deviceId, String nightId) {
                return store.contains(deviceId, nightId);
            }

            @Override
            public void commit(DeviceIdentity device, Night night) throws IOException {
                if (night.nightId().hashCode() % 3 == 0 && failedOnce.add(night.nightId())) {
                    throw new IOException("disk full (test)");
                }
                store.commit(device, night);
            }
        };
        MemoryOutbox outbox = new MemoryOutbox(nights, id -> store.has("pi-flaky", id));
        Set<String> unrecorded = new HashSet<>();
        NightOutbox flakyOutbox = new NightOutbox() {
            @Override
            public List<Night> unsentNights() {
                return outbox.unsentNights();
            }

            @Override
            public void acknowledged(String nightId) throws IOException {
                if (nightId.hashCode() % 4 == 1 && unrecorded.add(nightId)) {
                    throw new IOException("SD card write failed (test)");
                }
                outbox.acknowledged(nightId);
            }
        };
        MemoryPipe pipe = new MemoryPipe();
        try (LogCapture log = new LogCapture();
             NightReceiver receiver = new NightReceiver(pipe.hostSide(), TestKeys.registry(key), flakyStore,
                     TestSettings.fast());
             NightSender sender = new NightSender(pipe.deviceSide(), key, "1", flakyOutbox, TestSettings.fast())) {
            receiver.start();
            sender.start();
            assertTrue(sender.awaitAllSent(Duration.ofSeconds(30)), () -> "not all sent: " + sender.counters());
            assertTrue(!failedOnce.isEmpty() && !unrecorded.isEmpty(), "the test made both kinds of failure");
            assertEquals(failedOnce.size(), sender.counters().nightsFailed());
            assertEquals(unrecorded.size(), sender.counters().nightsAlreadyStored(),
                    "each night whose acknowledgement was lost came back and was recognised");
            assertTrue(log.contains("SEVERE", "failed; the device will send it again"));
            assertTrue(log.contains("WARNING", "(STORE_FAILED: disk full (test))"));
            assertTrue(log.contains("SEVERE", "is stored on the host, but recording that failed"));
        }
        assertEquals(List.of(), outbox.violations());
        assertEquals(0, outbox.unsentCount());
        assertEquals(nights.size(), store.commits().size(), "each night committed once");
        for (Night n : nights) {
            assertEquals(n, store.night("pi-flaky", n.nightId()));
        }
    }
}
