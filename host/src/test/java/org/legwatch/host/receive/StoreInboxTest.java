package org.legwatch.host.receive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.legwatch.analysis.movement.DetectorSettings;
import org.legwatch.analysis.night.NightRecorder;
import org.legwatch.analysis.night.NightSettings;
import org.legwatch.analysis.night.NightSummary;
import org.legwatch.analysis.night.NightTallyCodec;
import org.legwatch.analysis.scoring.ScoringRules;
import org.legwatch.analysis.sim.DetectorValidation;
import org.legwatch.analysis.sim.NightScenario;
import org.legwatch.analysis.sim.PatientProfile;
import org.legwatch.analysis.sim.SyntheticNight;
import org.legwatch.host.store.DeviceAssignment;
import org.legwatch.host.store.Patient;
import org.legwatch.host.store.Store;
import org.legwatch.host.store.StoredNight;
import org.legwatch.host.store.Stores;
import org.legwatch.link.LinkSettings;
import org.legwatch.link.Movement;
import org.legwatch.link.Night;
import org.legwatch.link.NightOutbox;
import org.legwatch.link.NightReceiver;
import org.legwatch.link.NightSender;
import org.legwatch.link.NightStart;
import org.legwatch.link.keys.DeviceKey;
import org.legwatch.link.keys.DeviceKeys;
import org.legwatch.link.transport.MemoryPipe;

/**
 * A device's night, as the agent journals it (detected movements and tally), over the real link
 * protocol into a SQLite store: stored once under the patient wearing the device, scored exactly as
 * the device scored it; a night from a device nobody wears stays on the device.
 */
class StoreInboxTest {
    private static final long START_MS = Instant.parse("2026-11-02T20:00:00Z").toEpochMilli();

    @TempDir
    Path dir;

    private record Recorded(Night wire, NightSummary summary) {}

    private static Recorded record(String nightId, long seed) {
        NightScenario scenario = NightScenario.standard(PatientProfile.MODERATE, seed).withLegs(1).withTimes(5, 20, 5, 10, 5);
        SyntheticNight night = SyntheticNight.generate(scenario);
        List<Movement> detected = new ArrayList<>();
        NightRecorder recorder = new NightRecorder(NightSettings.DEFAULT, DetectorSettings.DEFAULT, ScoringRules.WASM_2016,
                night.legs(), scenario.sampleRateHz(), m -> { },
                (leg, on, off, peak) -> detected.add(new Movement(on, off, (byte) leg.ordinal(), (float) peak)));
        DetectorValidation.feed(night, recorder::accept);
        NightSummary summary = recorder.finish();
        Night wire = new Night(nightId, Optional.of(new NightStart("boot-1", 5_000_000_000L, START_MS, true)), detected,
                Optional.of(NightTallyCodec.encode(recorder.tally(summary))));
        return new Recorded(wire, summary);
    }

    /** The device's queue: nights leave it only when acknowledged. */
    private static final class Outbox implements NightOutbox {
        final List<Night> nights = new CopyOnWriteArrayList<>();

        @Override
        public List<Night> unsentNights() {
            return List.copyOf(nights);
        }

        @Override
        public void acknowledged(String nightId) {
            nights.removeIf(n -> n.nightId().equals(nightId));
        }
    }

    private static boolean send(Store store, DeviceKey key, Outbox outbox) throws Exception {
        DeviceKeys keys = id -> id.equals(key.deviceId()) ? Optional.of(key) : Optional.empty();
        MemoryPipe pipe = new MemoryPipe();
        NightReceiver receiver = new NightReceiver(pipe.hostSide(), keys, new StoreInbox(store, ZoneId.of("Europe/Berlin")),
                LinkSettings.defaults());
        NightSender sender = new NightSender(pipe.deviceSide(), key, "test", outbox, LinkSettings.defaults());
        receiver.start();
        sender.start();
        try {
            return sender.awaitAllSent(Duration.ofSeconds(15));
        } finally {
            sender.close();
            receiver.close();
        }
    }

    @Test
    void aSentNightIsStoredOnceForItsWearerExactlyAsTheDeviceScoredIt() throws Exception {
        DeviceKey key = new DeviceKey("bedroom-1", 1, new byte[DeviceKey.KEY_BYTES]);
        Recorded night = record("n-1", 3);
        try (Store store = Stores.open("sqlite:" + dir.resolve("site.db"))) {
            Outbox unassigned = new Outbox();
            unassigned.nights.add(night.wire());
            assertFalse(send(store, key, unassigned), "nobody wears the device: the night is not stored");
            assertEquals(1, unassigned.nights.size(), "and stays on the device");
            assertFalse(store.contains("bedroom-1", "n-1"));

            store.addPatient(new Patient("P001", "Test Patient"));
            store.assignDevice(new DeviceAssignment("bedroom-1", "P001", Instant.parse("2026-11-01T00:00:00Z"), null));
            assertTrue(send(store, key, unassigned));
            assertTrue(unassigned.nights.isEmpty());

            StoredNight stored = store.night("bedroom-1", "n-1").orElseThrow();
            assertEquals("P001", stored.patientId());
            assertEquals(java.time.LocalDate.of(2026, 11, 2), stored.eveningDate());
            assertEquals(night.summary().statistics(), stored.summary().statistics());
            assertEquals(night.summary().inBed(), stored.summary().inBed());

            Outbox again = new Outbox();
            again.nights.add(night.wire());
            assertTrue(send(store, key, again), "a night sent again is acknowledged");
            assertEquals(1, store.nights("P001").size(), "and stored once");

            // What `legwatch analyze --store` reads of it.
            var timeline = new org.legwatch.host.response.StorePatientTimelines(store).timeline("P001");
            assertEquals(1, timeline.nights().size());
            assertEquals(night.summary().statistics().plmIndex(), timeline.nights().get(0).plmi(), 1e-9);
            assertEquals(java.time.LocalDate.of(2026, 11, 2), timeline.nights().get(0).date());
        }
    }
}
