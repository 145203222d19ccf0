package org.legwatch.device.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.legwatch.analysis.night.NightSummary;
import org.legwatch.analysis.night.NightTallyCodec;
import org.legwatch.analysis.night.ScoredNight;
import org.legwatch.analysis.scoring.Leg;
import org.legwatch.analysis.scoring.LegMovement;
import org.legwatch.analysis.sim.PatientProfile;
import org.legwatch.device.config.AgentConfig;
import org.legwatch.device.journal.NightJournal;
import org.legwatch.device.sim.DeviceSimulation;
import org.legwatch.link.DeviceIdentity;
import org.legwatch.link.LinkSettings;
import org.legwatch.link.Movement;
import org.legwatch.link.Night;
import org.legwatch.link.NightInbox;
import org.legwatch.link.NightReceiver;
import org.legwatch.link.NightSender;
import org.legwatch.link.keys.DeviceKey;
import org.legwatch.link.keys.DeviceKeys;
import org.legwatch.link.transport.MemoryPipe;

/**
 * Nights the agent journaled go over the real link protocol (in-memory line) to a receiver; the
 * journal lets each go only when the host has stored it, and what arrives rebuilds to the night the
 * device recorded.
 */
class JournalToHostTest {
    @TempDir
    Path dir;

    @Test
    void recordedNightsArriveOnceRebuildIdenticallyAndLeaveTheJournal() throws Exception {
        List<NightSummary> recorded = new ArrayList<>();
        DeviceSimulation sim = new DeviceSimulation(AgentConfig.defaults("bedroom-1"), PatientProfile.MODERATE, 2, 1, 5,
                LocalDate.of(2026, 11, 2), DeviceSimulation.DEFAULT_START, ZoneId.of("UTC"), Double.POSITIVE_INFINITY,
                (night, scored, why) -> recorded.add(scored.summary()));
        DeviceKey key = new DeviceKey("bedroom-1", 1, new byte[DeviceKey.KEY_BYTES]);
        DeviceKeys keys = id -> id.equals("bedroom-1") ? Optional.of(key) : Optional.empty();
        Map<String, Night> stored = new ConcurrentHashMap<>();
        NightInbox inbox = new NightInbox() {
            @Override
            public boolean contains(String deviceId, String nightId) {
                return stored.containsKey(deviceId + "/" + nightId);
            }

            @Override
            public void commit(DeviceIdentity device, Night night) {
                assertTrue(stored.putIfAbsent(device.deviceId() + "/" + night.nightId(), night) == null, "stored twice");
            }
        };
        try (NightJournal journal = NightJournal.open(dir, NightJournal.Options.defaults(), new NightJournal.BudgetListener() { })) {
            sim.run(journal);
            assertEquals(2, journal.unsentNights().size());
            MemoryPipe pipe = new MemoryPipe();
            NightReceiver receiver = new NightReceiver(pipe.hostSide(), keys, inbox, LinkSettings.defaults());
            NightSender sender = new NightSender(pipe.deviceSide(), key, "test", new JournalOutbox(journal), LinkSettings.defaults());
            receiver.start();
            sender.start();
            try {
                assertTrue(sender.awaitAllSent(Duration.ofSeconds(60)), "all nights stored");
            } finally {
                sender.close();
                receiver.close();
            }
            assertTrue(journal.unsentNights().isEmpty(), "the journal lets the nights go once stored");
        }
        assertEquals(2, stored.size());
        List<NightSummary> arrived = new ArrayList<>();
        for (Night night : stored.values()) {
            List<LegMovement> detected = new ArrayList<>();
            for (Movement m : night.movements()) {
                detected.add(new LegMovement(m.onsetUs(), m.offsetUs(), Leg.values()[m.leg()]));
            }
            arrived.add(ScoredNight.rebuild(detected, NightTallyCodec.decode(night.summary().orElseThrow())).summary());
        }
        assertTrue(arrived.containsAll(recorded) && recorded.containsAll(arrived), "the host rebuilds what the device recorded");
    }
}
