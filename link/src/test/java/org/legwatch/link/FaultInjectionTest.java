package org.legwatch.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.legwatch.link.keys.DeviceKey;
import org.legwatch.link.transport.LineRelay;
import org.legwatch.link.transport.MemoryPipe;
import org.legwatch.link.transport.SerialTransport;
import org.legwatch.link.transport.SocatPtyPair;
import org.legwatch.link.transport.Transport;

/**
 * Nights through a relay that corrupts 1% of the bytes (both ways), drops and duplicates 0.1%,
 * holds up 2% of its reads by up to 3 ms, and cuts the line at random points of the transfer: every
 * night arrives, once, unaltered, and leaves the device only after the host committed it. The full
 * run (500 nights, 20 cuts) goes through two socat pty pairs with jSerialComm on all four ends; a
 * shorter one through in-memory lines adds pulled cables, where the ports fail and are reopened.
 */
class FaultInjectionTest {

    static final LineRelay.Faults FAULTS = new LineRelay.Faults(0.01, 0.001, 0.001, 0.02, 3, 0);
    /** Only a safety net: the runs take seconds. */
    static final Duration DEADLINE = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    @Test
    void nightsSurviveABadLineInMemoryWithCutsSomeOfThemPulledCables() throws Exception {
        MemoryPipe devicePipe = new MemoryPipe();
        MemoryPipe hostPipe = new MemoryPipe();
        // Every third cut pulls a cable: the ports fail and are opened again.
        transfer(devicePipe.deviceSide(), devicePipe.hostSide(), hostPipe.deviceSide(), hostPipe.hostSide(),
                k -> {
                    if (k % 3 == 0) {
                        (k % 2 == 0 ? devicePipe : hostPipe).breakLine();
                        return true;
                    }
                    return false;
                }, 250, 10, 101);
    }

    @Test
    void fiveHundredNightsSurviveABadLineBetweenTwoPtyPairsWithTwentyCuts() throws Exception {
        try (SocatPtyPair deviceLine = SocatPtyPair.start(dir, "device");
             SocatPtyPair hostLine = SocatPtyPair.start(dir, "host")) {
            transfer(serial(deviceLine.a()), serial(deviceLine.b()), serial(hostLine.a()), serial(hostLine.b()),
                    k -> false, 500, 20, 202);
            assertTrue(deviceLine.alive() && hostLine.alive());
        }
    }

    private static Transport serial(Path p) {
        return new SerialTransport(p.toString(), 115200);
    }

    /** A cut that is not just silence; returns whether it did one. */
    interface HardCut {
        boolean cut(int k);
    }

    private void transfer(Transport device, Transport relayLeft, Transport relayRight, Transport host, HardCut hardCut,
            int nightCount, int cutCount, long seed) throws Exception {
        DeviceKey key = TestKeys.key("pi-faults", 2, seed);
        List<Night> nights = TestNights.small(seed, nightCount);
        MemoryInbox inbox = new MemoryInbox();
        MemoryOutbox outbox = new MemoryOutbox(nights, id -> inbox.has("pi-faults", id));
        Random rnd = new Random(seed);
        int[] thresholds = rnd.ints(cutCount, 5, nightCount - 20).sorted().toArray();
        int cuts = 0;
        long started = System.nanoTime();
        LineRelay relay = new LineRelay(relayLeft, relayRight, FAULTS, seed);
        try (NightReceiver receiver = new NightReceiver(host, TestKeys.registry(key), inbox, TestSettings.fast());
             NightSender sender = new NightSender(device, key, "0.9", outbox, TestSettings.fast())) {
            relay.start();
            receiver.start();
            sender.start();
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (cuts < cutCount && System.nanoTime() < deadline) {
                if (inbox.size() >= thresholds[cuts]) {
                    if (!hardCut.cut(cuts)) {
                        // Half the cuts are longer than the link timeout and end the session.
                        Duration d = Duration.ofMillis(30 + rnd.nextInt(470));
                        relay.cut(d);
                        Thread.sleep(d.toMillis());
                    }
                    cuts++;
                }
                Thread.sleep(1);
            }
            assertTrue(sender.awaitAllSent(Duration.ofNanos(Math.max(1, deadline - System.nanoTime()))),
                    () -> "not all sent: " + inbox.size() + " nights stored; device " + sender.counters() + "; host "
                            + receiver.counters());
            System.out.printf("fault injection: %d nights in %.1f s, %d cuts; relay corrupted %d, dropped %d,"
                    + " duplicated %d of %d bytes, %d lost in cuts%n  device: %s%n  host: %s%n", nightCount,
                    (System.nanoTime() - started) / 1e9, cuts, relay.corrupted(), relay.dropped(), relay.duplicated(),
                    relay.forwarded(), relay.lostInCuts(), sender.counters(), receiver.counters());
        } finally {
            relay.close();
        }
        assertEquals(cutCount, cuts, "cuts made");
        assertEquals(List.of(), outbox.violations());
        assertEquals(0, outbox.unsentCount());
        List<String> commits = inbox.commits();
        Set<String> distinct = new HashSet<>(commits);
        assertEquals(commits.size(), distinct.size(), "a night was stored twice");
        assertEquals(nightCount, commits.size());
        for (Night n : nights) {
            assertEquals(n, inbox.night("pi-faults", n.nightId()), n.nightId());
        }
        double corruptedShare = (double) relay.corrupted() / (relay.forwarded() + relay.dropped());
        assertTrue(corruptedShare > 0.008 && corruptedShare < 0.012, () -> "corrupted share " + corruptedShare);
    }
}
