package org.legwatch.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.legwatch.link.keys.DeviceKey;
import org.legwatch.link.message.ErrorReport;
import org.legwatch.link.message.Message;
import org.legwatch.link.message.MessageType;
import org.legwatch.link.message.MovementChunk;
import org.legwatch.link.message.NightEnd;
import org.legwatch.link.message.NightHeader;
import org.legwatch.link.message.NightResult;
import org.legwatch.link.transport.LinkChannel;
import org.legwatch.link.transport.MemoryPipe;
import org.legwatch.link.wire.FrameCodec;
import org.legwatch.link.wire.FrameMac;

/**
 * A device that holds a genuine key and sends what a correct sender never would, then junk: the
 * receiver refuses each thing with its reason, stores nothing wrong, and still serves the next
 * device.
 */
class HostileDeviceTest {

    static final DeviceKey KEY = TestKeys.key("pi-hostile", 1, 5);

    @Test
    void authenticMessagesThatBreakTheProtocolEndTheSessionAndNothingElse() throws Exception {
        MemoryInbox inbox = new MemoryInbox();
        MemoryPipe pipe = new MemoryPipe();
        try (LogCapture log = new LogCapture();
             NightReceiver receiver = new NightReceiver(pipe.hostSide(), TestKeys.registry(KEY), inbox,
                     TestSettings.fast())) {
            receiver.start();
            LinkChannel channel = pipe.deviceSide().open();
            RawDevice device = new RawDevice(channel, KEY);

            violation(device, log, d -> d.sendRaw(MessageType.MOVEMENTS.code(), new byte[] {0, 0, 0, 1, 0, 0, 0, 0,
                    (byte) 0xFF, (byte) 0xFF}), "malformed MOVEMENTS: movements count 65535 does not fit");
            violation(device, log, d -> d.send(new MovementChunk(0, List.of(new Movement(1, 2, (byte) 0, 0))), 1),
                    "MOVEMENTS outside a night");
            violation(device, log, d -> d.send(new NightEnd(0), 1), "NIGHT_END outside a night");
            violation(device, log, d -> d.send(new NightResult("x", NightResult.Status.STORED, ""), 1),
                    "NIGHT_RESULT is not sent to this end");
            violation(device, log, d -> d.sendRaw(0x7E, new byte[0]), "unknown message type 0x7e");
            violation(device, log, d -> d.send(new NightHeader("n", Optional.empty(), false, 0, 0), 0),
                    "NIGHT_START with sequence number 0");

            // A night whose parts disagree is rejected, and the device is told why.
            device.handshake();
            device.send(new NightHeader("bad-night", Optional.empty(), false, 2, 0), 1);
            device.send(new MovementChunk(0, List.of(new Movement(1, 2, (byte) 0, 0))), 2);
            device.send(new NightEnd(0), 3);
            List<Message> answers = device.messages(600);
            assertTrue(answers.contains(new NightResult("bad-night", NightResult.Status.REJECTED,
                    "1 of 2 movements arrived")), answers::toString);

            // Frames of the session with a wrong tag, or sent back as if from the host.
            Session s = device.session;
            byte[] forged = FrameCodec.encode(MessageType.NIGHT_START.code(), s.id, s.nextFrame + 5, new byte[8],
                    new FrameMac(new byte[32]));
            device.write(forged);
            device.write(FrameCodec.encode(MessageType.HEARTBEAT.code(), s.id, s.nextFrame + 6, new byte[0],
                    s.receiveMac));
            await(log, "frame with a wrong tag in session");
            // A frame of the session sent again, as a replay would.
            s.nextFrame--;
            device.send(org.legwatch.link.message.Heartbeat.INSTANCE, 0);
            await(log, "came already (a replay)");

            // Junk of every kind, then a frame of another protocol version.
            Random rnd = new Random(3);
            for (int i = 0; i < 2000; i++) {
                byte[] junk = new byte[rnd.nextInt(80)];
                rnd.nextBytes(junk);
                device.write(junk);
            }
            device.write(versionTwoFrame());
            await(log, "frame of protocol version 2 rejected");
            channel.close();
            assertEquals(0, inbox.size());
            assertTrue(receiver.counters().framesDamaged() > 100);

            // The receiver still serves a genuine device.
            MemoryOutbox outbox = new MemoryOutbox(TestNights.small(9, 4), id -> inbox.has("pi-hostile", id));
            try (NightSender sender = new NightSender(pipe.deviceSide(), KEY, "1", outbox, TestSettings.fast())) {
                sender.start();
                assertTrue(sender.awaitAllSent(Duration.ofSeconds(20)));
            }
            assertEquals(4, inbox.size());
        }
    }

    interface Action {
        void run(RawDevice d) throws Exception;
    }

    private static void violation(RawDevice device, LogCapture log, Action action, String reason) throws Exception {
        device.handshake();
        action.run(device);
        List<Message> answers = device.messages(300);
        assertTrue(answers.stream().anyMatch(m -> m instanceof ErrorReport e && e.code() == ErrorReport.PROTOCOL_VIOLATION
                && e.text().contains(reason)), () -> "expected a protocol violation '" + reason + "', got " + answers);
        await(log, "protocol violation in session");
        assertTrue(log.contains("WARNING", reason), () -> reason + " not logged: " + log.messages());
    }

    private static void await(LogCapture log, String text) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!log.contains("WARNING", text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not logged: " + text + " in " + log.messages());
            }
            Thread.sleep(10);
        }
    }

    /** A correct frame in every respect but its version byte, 2. */
    private static byte[] versionTwoFrame() {
        byte[] body = new byte[FrameCodec.OVERHEAD];
        body[0] = 2;
        body[1] = (byte) MessageType.HEARTBEAT.code();
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(body, 0, body.length - 4);
        int c = (int) crc.getValue();
        body[body.length - 4] = (byte) (c >>> 24);
        body[body.length - 3] = (byte) (c >>> 16);
        body[body.length - 2] = (byte) (c >>> 8);
        body[body.length - 1] = (byte) c;
        byte[] wire = new byte[body.length + 8];
        int n = org.legwatch.link.wire.Cobs.encode(body, 0, body.length, wire, 1);
        return java.util.Arrays.copyOf(wire, n + 2);
    }
}
