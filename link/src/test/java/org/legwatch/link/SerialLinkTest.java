package org.legwatch.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.legwatch.link.keys.DeviceKey;
import org.legwatch.link.transport.SerialTransport;
import org.legwatch.link.transport.SocatPtyPair;

/** The link over a real serial line: a socat pty pair, jSerialComm on both ends. */
class SerialLinkTest {

    @TempDir
    Path dir;

    @Test
    void nightsCrossARealSerialLineAndTheSenderCarriesOnWhenTheHostComesLate() throws Exception {
        DeviceKey key = TestKeys.key("pi-serial", 3, 11);
        List<Night> nights = new ArrayList<>(TestNights.small(5, 40));
        Random rnd = new Random(6);
        nights.add(TestNights.realistic(rnd, "real-a"));
        nights.add(TestNights.realistic(rnd, "real-b"));
        MemoryInbox inbox = new MemoryInbox();
        MemoryOutbox outbox = new MemoryOutbox(nights, id -> inbox.has("pi-serial", id));
        try (SocatPtyPair line = SocatPtyPair.start(dir, "line");
             NightSender sender = new NightSender(new SerialTransport(line.a().toString(), 115200), key, "2.0",
                     outbox, TestSettings.fast());
             NightReceiver receiver = new NightReceiver(new SerialTransport(line.b().toString(), 115200),
                     TestKeys.registry(key), inbox, TestSettings.fast())) {
            sender.start();
            // The device says hello into a line nobody listens to, as when the laptop is shut.
            Thread.sleep(600);
            assertEquals(0, sender.counters().sessions());
            receiver.start();
            assertTrue(sender.awaitAllSent(Duration.ofSeconds(30)), () -> "not all sent: " + sender.counters());
            assertTrue(line.alive());
        }
        assertEquals(List.of(), outbox.violations());
        assertEquals(nights.size(), inbox.commits().size());
        for (Night n : nights) {
            assertEquals(n, inbox.night("pi-serial", n.nightId()));
        }
    }
}
