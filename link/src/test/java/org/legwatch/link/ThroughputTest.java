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
import org.legwatch.link.message.MessageCodec;
import org.legwatch.link.transport.LineRelay;
import org.legwatch.link.transport.MemoryPipe;
import org.legwatch.link.transport.SerialTransport;
import org.legwatch.link.transport.SocatPtyPair;
import org.legwatch.link.transport.Transport;

/**
 * How much of a 115200-baud line the link fills with nights, by the definitions of docs/protocol.md:
 * the line carries 11520 bytes per second (8N1: ten bit times per byte); a night's payload is its
 * canonical encoding (every movement at 21 bytes, the summary, the start); the encoded bytes are
 * the message payloads the link actually sends for it.
 */
class ThroughputTest {

    static final int BAUD = 115200;
    static final int LINE_BYTES_PER_SECOND = BAUD / 10;

    @TempDir
    Path dir;

    record Volume(long nights, long movements, long payloadBytes, long encodedBytes) {}

    static Volume volume(List<Night> nights, int chunkBytes) {
        long movements = 0;
        long payload = 0;
        long encoded = 0;
        for (Night n : nights) {
            movements += n.movements().size();
            payload += NightChecksum.canonicalLength(n);
            NightChunker c = new NightChunker(n, chunkBytes);
            while (c.hasNext()) {
                encoded += MessageCodec.encode(c.next()).length;
            }
        }
        return new Volume(nights.size(), movements, payload, encoded);
    }

    static List<Night> realisticNights(int count, long seed) {
        Random rnd = new Random(seed);
        List<Night> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(TestNights.realistic(rnd, "2026-03-" + (10 + i)));
        }
        return out;
    }

    /** Sends the nights with default settings; returns the sender's counters and the seconds it took. */
    static double send(List<Night> nights, Transport device, Transport host, LinkCounters[] counters) throws Exception {
        DeviceKey key = TestKeys.key("pi-rate", 1, 1);
        MemoryInbox inbox = new MemoryInbox();
        MemoryOutbox outbox = new MemoryOutbox(nights, id -> inbox.has("pi-rate", id));
        long started;
        double seconds;
        try (NightReceiver receiver = new NightReceiver(host, TestKeys.registry(key), inbox, LinkSettings.defaults());
             NightSender sender = new NightSender(device, key, "1", outbox, LinkSettings.defaults())) {
            receiver.start();
            Thread.sleep(200);
            started = System.nanoTime();
            sender.start();
            assertTrue(sender.awaitAllSent(Duration.ofSeconds(120)), () -> "not all sent: " + sender.counters());
            seconds = (System.nanoTime() - started) / 1e9;
            counters[0] = sender.counters();
        }
        assertEquals(nights.size(), inbox.commits().size());
        for (Night n : nights) {
            assertEquals(n, inbox.night("pi-rate", n.nightId()));
        }
        return seconds;
    }

    @Test
    void onTheWireNightsTakeFewerBytesThanTheyHoldAndFramingCostsUnderFivePercent() throws Exception {
        List<Night> nights = realisticNights(10, 1);
        Volume v = volume(nights, LinkSettings.defaults().chunkBytes());
        MemoryPipe pipe = new MemoryPipe();
        LinkCounters[] c = new LinkCounters[1];
        send(nights, pipe.deviceSide(), pipe.hostSide(), c);
        long wire = c[0].bytesWritten();
        double payloadPerWireByte = (double) v.payloadBytes() / wire;
        double encodedPerWireByte = (double) v.encodedBytes() / wire;
        System.out.printf("throughput (bytes): %d realistic nights, %d movements (%.0f per night), payload %d B,"
                + " encoded %d B (%.1f B per movement), device wrote %d B in %d frames, %d retransmitted;%n"
                + "  payload / wire bytes = %.3f, encoded / wire bytes = %.3f%n", v.nights(), v.movements(),
                (double) v.movements() / v.nights(), v.payloadBytes(), v.encodedBytes(),
                (double) v.encodedBytes() / v.movements(), wire, c[0].framesWritten(), c[0].retransmissions(),
                payloadPerWireByte, encodedPerWireByte);
        assertTrue(encodedPerWireByte > 0.95, "framing, tags and acknowledgement traffic cost at most 5%");
        assertTrue(payloadPerWireByte >= 1.0, "movements travel in fewer bytes than their fixed width");
    }

    @Test
    void atTheLineRateOf115200BaudTheLinkCarriesMoreThanEightyPercentOfItInPayload() throws Exception {
        List<Night> nights = realisticNights(3, 2);
        Volume v = volume(nights, LinkSettings.defaults().chunkBytes());
        try (SocatPtyPair deviceLine = SocatPtyPair.start(dir, "dev");
             SocatPtyPair hostLine = SocatPtyPair.start(dir, "host")) {
            LineRelay relay = new LineRelay(serial(deviceLine.b()), serial(hostLine.a()),
                    LineRelay.Faults.paced(LINE_BYTES_PER_SECOND), 1);
            relay.start();
            LinkCounters[] c = new LinkCounters[1];
            double seconds;
            try {
                seconds = send(nights, serial(deviceLine.a()), serial(hostLine.b()), c);
            } finally {
                relay.close();
            }
            double payloadShare = v.payloadBytes() / seconds / LINE_BYTES_PER_SECOND;
            double encodedShare = v.encodedBytes() / seconds / LINE_BYTES_PER_SECOND;
            double busy = c[0].bytesWritten() / seconds / LINE_BYTES_PER_SECOND;
            System.out.printf("throughput (timed, %d baud through a paced relay between two pty pairs): %d nights,"
                    + " %d movements in %.2f s, hello to last acknowledgement;%n  payload %.0f B/s = %.2f of the"
                    + " line's %d B/s; encoded %.0f B/s = %.2f; line busy %.2f; %d retransmissions%n", BAUD,
                    v.nights(), v.movements(), seconds, v.payloadBytes() / seconds, payloadShare,
                    LINE_BYTES_PER_SECOND, v.encodedBytes() / seconds, encodedShare, busy, c[0].retransmissions());
            assertTrue(payloadShare >= 0.8, () -> "payload share " + payloadShare);
        }
    }

    private static Transport serial(Path p) {
        return new SerialTransport(p.toString(), BAUD);
    }
}
