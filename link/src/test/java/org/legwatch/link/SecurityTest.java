package org.legwatch.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.legwatch.link.keys.DeviceKey;
import org.legwatch.link.keys.DeviceKeys;
import org.legwatch.link.transport.LinkChannel;
import org.legwatch.link.transport.MemoryPipe;
import org.legwatch.link.transport.RecordingTransport;

/** Frames of strangers, wrong keys and replays are refused, logged with the reason, and do no harm. */
class SecurityTest {

    static final DeviceKey KNOWN = TestKeys.key("pi-known", 4, 1);

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    /**
     * Runs a sender with {@code deviceKey} against a receiver that knows only {@link #KNOWN}, until
     * the host has logged the expected refusal; then checks that the receiver still serves the known
     * device on the same line.
     */
    private static void refused(DeviceKey deviceKey, String hostReason, String deviceReason) throws Exception {
        MemoryInbox inbox = new MemoryInbox();
        MemoryPipe pipe = new MemoryPipe();
        DeviceKeys registry = TestKeys.registry(KNOWN);
        try (LogCapture log = new LogCapture();
             NightReceiver receiver = new NightReceiver(pipe.hostSide(), registry, inbox, TestSettings.fast())) {
            receiver.start();
            MemoryOutbox strangerOutbox = new MemoryOutbox(TestNights.small(3, 5), id -> false);
            try (NightSender stranger = new NightSender(pipe.deviceSide(), deviceKey, "6.6.6", strangerOutbox,
                    TestSettings.fast())) {
                stranger.start();
                await(() -> log.contains("WARNING", hostReason), "the host to log: " + hostReason);
                await(() -> log.contains("WARNING", deviceReason), "the device to log: " + deviceReason);
                assertEquals(0, stranger.counters().sessions());
            }
            assertEquals(0, inbox.size());
            assertEquals(List.of(), strangerOutbox.acknowledged());
            assertTrue(receiver.counters().framesRejected() > 0);
            // The receiver is unharmed: the paired device gets through on the same line.
            MemoryOutbox outbox = new MemoryOutbox(TestNights.small(4, 5), id -> inbox.has("pi-known", id));
            try (NightSender known = new NightSender(pipe.deviceSide(), KNOWN, "1.0", outbox, TestSettings.fast())) {
                known.start();
                assertTrue(known.awaitAllSent(Duration.ofSeconds(20)));
            }
            assertEquals(5, inbox.size());
        }
    }

    @Test
    void anUnknownDeviceIsRefusedAndToldWhy() throws Exception {
        refused(TestKeys.key("pi-stranger", 1, 2), "device pi-stranger is not paired with this host",
                "the host refuses (error 1): device pi-stranger is not paired");
    }

    @Test
    void aDeviceWithAnotherSecretIsRefusedForItsTag() throws Exception {
        refused(TestKeys.key("pi-known", 4, 99), "HELLO of device pi-known has a wrong tag",
                "the host refuses (error 3)");
    }

    @Test
    void aDeviceWithAnOldKeyIsToldToPairAgain() throws Exception {
        refused(TestKeys.key("pi-known", 3, 1), "device pi-known uses key 3, this host holds key 4; pair the device again",
                "the host refuses (error 2)");
    }

    @Test
    void aRecordedSessionReplayedToTheHostStoresNothing() throws Exception {
        // Record everything a genuine device sends in a session that delivers three nights.
        MemoryInbox original = new MemoryInbox();
        MemoryPipe pipe = new MemoryPipe();
        RecordingTransport recorder = new RecordingTransport(pipe.deviceSide());
        List<Night> nights = TestNights.small(5, 3);
        MemoryOutbox outbox = new MemoryOutbox(nights, id -> original.has("pi-known", id));
        try (NightReceiver receiver = new NightReceiver(pipe.hostSide(), TestKeys.registry(KNOWN), original,
                TestSettings.fast());
             NightSender sender = new NightSender(recorder, KNOWN, "1.0", outbox, TestSettings.fast())) {
            receiver.start();
            sender.start();
            assertTrue(sender.awaitAllSent(Duration.ofSeconds(20)));
        }
        byte[] recording = recorder.written();

        // Replay it, byte for byte, to a host whose store is empty (as after a restore from backup).
        MemoryInbox fresh = new MemoryInbox();
        MemoryPipe line = new MemoryPipe();
        try (LogCapture log = new LogCapture();
             NightReceiver receiver = new NightReceiver(line.hostSide(), TestKeys.registry(KNOWN), fresh,
                     TestSettings.fast())) {
            receiver.start();
            LinkChannel attacker = line.deviceSide().open();
            Thread.sleep(100);
            for (int off = 0; off < recording.length; off += 512) {
                attacker.write(recording, off, Math.min(512, recording.length - off));
                Thread.sleep(1);
            }
            await(() -> log.contains("INFO", "which this host does not have"), "the replayed frames to be refused");
            Thread.sleep(300);
            attacker.close();
            assertEquals(0, fresh.size(), "a replay must not store anything");
            // The replayed hellos were answered with fresh nonces, so no replayed frame could belong.
            assertTrue(receiver.counters().sessions() >= 1);
            assertEquals(0, receiver.counters().nightsStored());
        }
    }
}
