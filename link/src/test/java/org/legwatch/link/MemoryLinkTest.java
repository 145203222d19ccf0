package org.legwatch.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.legwatch.link.keys.DeviceKey;
import org.legwatch.link.transport.MemoryPipe;

class MemoryLinkTest {

    @Test
    void everyNightArrivesOnceAndUnalteredAndLeavesTheOutboxOnlyAfterCommit() throws Exception {
        DeviceKey key = TestKeys.key("pi-7", 1, 7);
        List<Night> nights = new ArrayList<>(TestNights.small(1, 60));
        Random rnd = new Random(2);
        for (int i = 0; i < 3; i++) {
            nights.add(TestNights.realistic(rnd, "real-" + i));
        }
        MemoryInbox inbox = new MemoryInbox();
        MemoryOutbox outbox = new MemoryOutbox(nights, id -> inbox.has("pi-7", id));
        MemoryPipe pipe = new MemoryPipe();
        try (NightReceiver receiver = new NightReceiver(pipe.hostSide(), TestKeys.registry(key), inbox, TestSettings.fast());
             NightSender sender = new NightSender(pipe.deviceSide(), key, "1.2.3", outbox, TestSettings.fast())) {
            receiver.start();
            sender.start();
            assertTrue(sender.awaitAllSent(Duration.ofSeconds(20)), () -> "not all sent: " + sender.counters());
        }
        assertEquals(0, outbox.unsentCount());
        assertEquals(List.of(), outbox.violations());
        assertEquals(nights.size(), inbox.commits().size(), "one commit per night");
        for (Night n : nights) {
            assertEquals(n, inbox.night("pi-7", n.nightId()), n.nightId());
        }
        assertEquals(new DeviceIdentity("pi-7", "1.2.3", 1), inbox.devices().get(0));
    }
}
