package org.legwatch.device.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.legwatch.analysis.night.NightRecorder;
import org.legwatch.analysis.night.NightSummary;
import org.legwatch.analysis.night.NightTally;
import org.legwatch.analysis.night.NightTallyCodec;
import org.legwatch.analysis.night.ScoredNight;
import org.legwatch.analysis.scoring.Leg;
import org.legwatch.analysis.sim.PatientProfile;
import org.legwatch.device.config.AgentConfig;
import org.legwatch.device.gpio.AgentState;
import org.legwatch.device.gpio.NightButton;
import org.legwatch.device.gpio.StatusLight;
import org.legwatch.device.journal.NightJournal;
import org.legwatch.device.sim.DeviceSimulation;
import org.legwatch.link.recording.RawRecordingReader;
import org.legwatch.device.sim.SimulatedWearer.NightTruth;

/** The real agent, on simulated sensors and simulated time, records nights the way the truth says. */
class AgentSimulationTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    @TempDir
    Path dir;

    @Test
    void recordsTwoNightsOnBothLegsCloseToTheTruthAndJournalsThemForTheHost() throws IOException, InterruptedException {
        AgentConfig config = AgentConfig.defaults("test-device");
        List<ScoredNight> finished = new ArrayList<>();
        try (NightJournal journal = NightJournal.open(dir, NightJournal.Options.defaults(), new NightJournal.BudgetListener() { })) {
            DeviceSimulation sim = new DeviceSimulation(config, PatientProfile.SEVERE, 2, 2, 42, LocalDate.of(2026, 11, 2), DeviceSimulation.DEFAULT_START,
                    ZONE, Double.POSITIVE_INFINITY, (night, scored, why) -> finished.add(scored));
            sim.run(journal);
            assertEquals(2, finished.size());
            List<NightJournal.Night> unsent = journal.unsentNights();
            assertEquals(2, unsent.size());
            List<NightTruth> truths = sim.wearer().truths();
            for (int i = 0; i < 2; i++) {
                NightJournal.Night night = unsent.get(i);
                ScoredNight rebuilt = ScoredNight.rebuild(Agent.detected(night),
                        NightTallyCodec.decode(night.summary().orElseThrow()));
                assertEquals(finished.get(i).summary(), rebuilt.summary(), "what the host rebuilds is what the device saw");
                NightSummary s = rebuilt.summary();
                NightTruth truth = truths.get(i);
                assertTrue(Math.abs(s.hoursInBed() - truth.hoursInBed()) * 60 <= 5,
                        "time in bed " + s.hoursInBed() + " h, truth " + truth.hoursInBed() + " h");
                double plmi = s.statistics().plmIndex();
                assertTrue(Math.abs(plmi - truth.plmi()) <= Math.max(2, 0.1 * truth.plmi()),
                        "PLMI " + plmi + ", truth " + truth.plmi());
                assertTrue(s.valid(), s.invalidReasons().toString());
                assertTrue(s.signal().samples() > 2 * 100 * 3600 * 5, "samples " + s.signal().samples());
                assertTrue(night.start().orElseThrow().wallClockSynced());
            }
        }
    }

    /** Thrown out of the agent's loop: the power goes, nothing more is written. */
    private static final class PowerCut extends RuntimeException {
        PowerCut() {
            super("power cut");
        }
    }

    private record Restarted(NightJournal.Night night, ScoredNight scored, String reason, NightTruth truth) {}

    /** Records one night, cuts the power {@code cutAfterH} into it, reboots {@code offMinutes} later and lets the night end. */
    private Restarted cutAndReboot(long seed, int legs, double cutAfterH, double offMinutes, boolean syncedAfter)
            throws IOException, InterruptedException {
        AgentConfig config = AgentConfig.defaults("test-device");
        List<String> reasons = new ArrayList<>();
        List<ScoredNight> finished = new ArrayList<>();
        DeviceSimulation sim = new DeviceSimulation(config, PatientProfile.MODERATE, 1, legs, seed, LocalDate.of(2026, 11, 2), DeviceSimulation.DEFAULT_START,
                ZONE, Double.POSITIVE_INFINITY, (night, scored, why) -> {
                    finished.add(scored);
                    reasons.add(why);
                });
        long cutAt = sim.wearer().nights().get(0).recordingStartNs() + (long) (cutAfterH * 3.6e12);
        try (NightJournal journal = NightJournal.open(dir, NightJournal.Options.defaults(), new NightJournal.BudgetListener() { })) {
            Agent agent = sim.newAgent(journal, StatusLight.none(), NightButton.none());
            assertThrows(PowerCut.class, () -> agent.run(() -> {
                if (sim.clocks().worldNs() >= cutAt) {
                    throw new PowerCut();
                }
                return true;
            }));
        }
        sim.clocks().reboot("second-boot", (long) (offMinutes * 60e9));
        sim.clocks().synchronised(syncedAfter);
        try (NightJournal journal = NightJournal.open(dir, NightJournal.Options.defaults(), new NightJournal.BudgetListener() { })) {
            Agent agent = sim.newAgent(journal, StatusLight.none(), NightButton.none());
            agent.run(sim::notOver);
            agent.finishOpenNight("simulation ended");
            assertEquals(1, finished.size(), "one night, however often the Pi restarted");
            List<NightJournal.Night> unsent = journal.unsentNights();
            assertEquals(1, unsent.size());
            NightJournal.Night night = unsent.get(0);
            ScoredNight rebuilt = ScoredNight.rebuild(Agent.detected(night), NightTallyCodec.decode(night.summary().orElseThrow()));
            assertEquals(finished.get(0).summary(), rebuilt.summary());
            assertNoMovementTwice(night);
            return new Restarted(night, rebuilt, reasons.get(0), sim.wearer().truths().get(0));
        }
    }

    private static void assertNoMovementTwice(NightJournal.Night night) {
        long[] lastOnset = {Long.MIN_VALUE, Long.MIN_VALUE};
        for (NightJournal.Movement m : night.movements()) {
            assertTrue(m.onsetUs() > lastOnset[m.leg()], "movement at " + m.onsetUs() + " us recorded twice or out of order");
            lastOnset[m.leg()] = m.onsetUs();
        }
    }

    @Test
    void aPowerCutMidNightResumesTheSameNightAndLosesOnlyTheTimeTheDeviceWasOff() throws IOException, InterruptedException {
        Restarted r = cutAndReboot(7, 2, 4, 3, true);
        assertEquals(1, r.night().parts().size());
        NightJournal.NightPart part = r.night().parts().get(0);
        assertTrue(part.startCertain(), "both wall clocks synchronised: the part is placed exactly");
        assertEquals("second-boot", part.bootId());
        NightSummary s = r.scored().summary();
        double missingMin = (r.truth().hoursInBed() - s.hoursInBed()) * 60;
        // the 3 min off, the time since the last saved tally (<= 5 min) and the bed state's decision lag
        assertTrue(missingMin >= 3 && missingMin <= 12, "time in bed short by " + missingMin + " min");
        assertTrue(s.signal().lostSamples() >= 3 * 60 * 100 * 2, "lost samples " + s.signal().lostSamples());
        assertTrue(Math.abs(s.statistics().plmIndex() - r.truth().plmi()) <= Math.max(2, 0.1 * r.truth().plmi()),
                "PLMI " + s.statistics().plmIndex() + ", truth " + r.truth().plmi());
        assertTrue(s.valid());
    }

    @Test
    void withoutASynchronisedClockTheResumedPartIsMarkedAsPlacedAtTheEarliestPossibleTime() throws IOException, InterruptedException {
        Restarted r = cutAndReboot(8, 1, 3, 10, false);
        NightJournal.NightPart part = r.night().parts().get(0);
        assertFalse(part.startCertain());
        assertTrue(r.scored().summary().hoursInBed() < r.truth().hoursInBed(), "the time off is not in bed");
    }

    @Test
    void aPiThatComesBackAfterTheWindowClosesTheNightAsItWasSaved() throws IOException, InterruptedException {
        Restarted r = cutAndReboot(9, 1, 5, 12 * 60, true);
        assertEquals("interrupted by a restart and not resumed", r.reason());
        assertTrue(r.night().parts().isEmpty());
        double hours = r.scored().summary().hoursInBed();
        assertTrue(hours > r.truth().hoursInBed() * 0.4 && hours < r.truth().hoursInBed() * 0.8,
                "kept " + hours + " h of " + r.truth().hoursInBed());
    }

    @Test
    void aPulledCableShowsAsAFaultAndTheNightGoesOnWithTheGap() throws IOException, InterruptedException {
        AgentConfig config = AgentConfig.defaults("test-device");
        List<ScoredNight> finished = new ArrayList<>();
        DeviceSimulation sim = new DeviceSimulation(config, PatientProfile.SEVERE, 1, 2, 10, LocalDate.of(2026, 11, 2), DeviceSimulation.DEFAULT_START,
                ZONE, Double.POSITIVE_INFINITY, (night, scored, why) -> finished.add(scored));
        long start = sim.wearer().nights().get(0).recordingStartNs();
        long pullAt = start + (long) (3 * 3.6e12);
        long plugAt = pullAt + 90_000_000_000L;
        List<AgentState> shown = new ArrayList<>();
        StatusLight light = new StatusLight() {
            private AgentState state = AgentState.IDLE;

            @Override
            public void show(AgentState s) {
                if (s != state) {
                    shown.add(s);
                }
                state = s;
            }

            @Override
            public AgentState showing() {
                return state;
            }

            @Override
            public void close() {
            }
        };
        try (NightJournal journal = NightJournal.open(dir, NightJournal.Options.defaults(), new NightJournal.BudgetListener() { })) {
            Agent agent = sim.newAgent(journal, light, NightButton.none());
            agent.run(() -> {
                long now = sim.clocks().worldNs();
                sim.sensors().get(0).unplug(now >= pullAt && now < plugAt);
                return sim.notOver();
            });
            agent.finishOpenNight("simulation ended");
        }
        assertEquals(List.of(AgentState.RECORDING, AgentState.FAULT, AgentState.RECORDING, AgentState.UNSENT), shown);
        NightSummary s = finished.get(0).summary();
        assertTrue(s.signal().lostSamples() >= 90 * 100, "lost " + s.signal().lostSamples());
        assertTrue(s.valid());
        NightTruth truth = sim.wearer().truths().get(0);
        assertTrue(Math.abs(s.statistics().plmIndex() - truth.plmi()) <= Math.max(2, 0.1 * truth.plmi()),
                "PLMI " + s.statistics().plmIndex() + ", truth " + truth.plmi());
    }

    @Test
    void theRawRecordingsReScoreToExactlyTheNightTheDeviceRecorded() throws IOException, InterruptedException {
        Path raw = dir.resolve("raw");
        AgentConfig config = AgentConfig.defaults("test-device").withRawDir(raw);
        List<NightJournal.Night> nights = new ArrayList<>();
        DeviceSimulation sim = new DeviceSimulation(config, PatientProfile.MODERATE, 1, 2, 11, LocalDate.of(2026, 11, 2),
                DeviceSimulation.DEFAULT_START, ZONE, Double.POSITIVE_INFINITY, (night, scored, why) -> nights.add(night));
        try (NightJournal journal = NightJournal.open(dir.resolve("journal"), NightJournal.Options.defaults(),
                new NightJournal.BudgetListener() { })) {
            sim.run(journal);
        }
        NightJournal.Night night = nights.get(0);
        NightTally tally = NightTallyCodec.decode(night.summary().orElseThrow());
        NightSummary recorded = ScoredNight.rebuild(Agent.detected(night), tally).summary();

        NightSession.Settings settings = sim.setup().settings();
        NightRecorder again = new NightRecorder(settings.night(), settings.detector(), settings.rules(), settings.legs(),
                settings.rateHz(), m -> { });
        try (RawRecordingReader right = RawRecordingReader.open(raw.resolve(night.id() + "-right.lwr"));
             RawRecordingReader left = RawRecordingReader.open(raw.resolve(night.id() + "-left.lwr"))) {
            assertEquals("simulated LIS3DH +-4g", right.header().chip());
            boolean r = right.next();
            boolean l = left.next();
            while (r || l) {
                if (r && (!l || right.tUs() <= left.tUs())) {
                    again.accept(Leg.RIGHT, right.tUs() / 1e6, right.x(), right.y(), right.z());
                    r = right.next();
                } else {
                    again.accept(Leg.LEFT, left.tUs() / 1e6, left.x(), left.y(), left.z());
                    l = left.next();
                }
            }
            assertTrue(right.damage().isEmpty() && left.damage().isEmpty());
        }
        NightSummary rescored = again.finish();
        assertEquals(recorded.statistics(), rescored.statistics());
        assertEquals(recorded.inBed(), rescored.inBed());
        assertEquals(recorded.signal().samples(), rescored.signal().samples());
    }
}
