package org.legwatch.analysis.night;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.legwatch.analysis.movement.DetectorSettings;
import org.legwatch.analysis.scoring.LegMovement;
import org.legwatch.analysis.scoring.ScoredMovement;
import org.legwatch.analysis.scoring.ScoringRules;
import org.legwatch.analysis.sim.DetectorValidation;
import org.legwatch.analysis.sim.NightScenario;
import org.legwatch.analysis.sim.PatientProfile;
import org.legwatch.analysis.sim.SyntheticNight;

/**
 * The device journals the detector's movements and the night's tally, and rebuilds the night from
 * them after a restart; the host re-scores the same record. Both must give exactly what the
 * recorder gave live.
 */
class NightRebuildTest {

    private record Live(List<ScoredMovement> scored, List<LegMovement> detected, NightSummary summary, NightTally tally,
                        List<NightTally> checkpoints) {}

    private static Live record(NightScenario scenario, ScoringRules rules) {
        SyntheticNight night = SyntheticNight.generate(scenario);
        NightSettings settings = NightSettings.DEFAULT.withShankAxis(scenario.shankAxis().ordinal())
                .withSensorRange(scenario.sensor().maxG());
        List<ScoredMovement> scored = new ArrayList<>();
        List<LegMovement> detected = new ArrayList<>();
        NightRecorder recorder = new NightRecorder(settings, DetectorSettings.DEFAULT, rules, night.legs(),
                scenario.sampleRateHz(), scored::add, (leg, on, off, peak) -> detected.add(new LegMovement(on, off, leg)));
        List<NightTally> checkpoints = new ArrayList<>();
        double[] nextCheckpoint = {1800};
        DetectorValidation.feed(night, (leg, t, x, y, z) -> {
            recorder.accept(leg, t, x, y, z);
            if (t >= nextCheckpoint[0]) {
                checkpoints.add(recorder.progress());
                nextCheckpoint[0] += 1800;
            }
        });
        NightSummary summary = recorder.finish();
        return new Live(scored, detected, summary, recorder.tally(summary), checkpoints);
    }

    @Test
    void rebuildingFromTheJournaledRecordGivesTheLiveNightExactly() {
        for (NightScenario scenario : List.of(
                NightScenario.standard(PatientProfile.SEVERE, 31).withTimes(5, 20, 6, 10, 5),
                NightScenario.standard(PatientProfile.MODERATE, 32).withLegs(1).withTimes(5, 20, 5, 10, 5),
                NightScenario.random(33),
                // a movement at the end of the band's still start: the live night must leave it out as the rebuild does
                NightScenario.standard(PatientProfile.MODERATE, 3).withLegs(1).withTimes(5, 20, 5, 10, 5))) {
            for (ScoringRules rules : ScoringRules.NAMED) {
                Live live = record(scenario, rules);
                ScoredNight rebuilt = ScoredNight.rebuild(live.detected(), NightTallyCodec.decode(NightTallyCodec.encode(live.tally())));
                assertEquals(live.scored(), rebuilt.movements(), scenario + " " + rules.name());
                assertEquals(live.summary(), rebuilt.summary(), scenario + " " + rules.name());
                assertTrue(live.summary().statistics().lm().total() > 0);
            }
        }
    }

    @Test
    void checkpointsOnlyEverGrowAndNeverClaimTimeInBedTheNightDoesNotHave() {
        Live live = record(NightScenario.standard(PatientProfile.SEVERE, 34).withTimes(5, 20, 6, 10, 5), ScoringRules.WASM_2016);
        assertTrue(live.checkpoints().size() >= 10, "checkpoints: " + live.checkpoints().size());
        NightTally previous = null;
        for (NightTally checkpoint : live.checkpoints()) {
            for (TimeSpan span : checkpoint.inBed()) {
                assertTrue(live.summary().inBed().stream().anyMatch(s -> s.contains(span.startUs(), span.endUs())),
                        span + " is not in the night's spans " + live.summary().inBed());
            }
            if (previous != null) {
                assertTrue(checkpoint.decidedUntilUs() >= previous.decidedUntilUs());
                assertTrue(checkpoint.hoursInBed() >= previous.hoursInBed() - 1e-12);
                assertTrue(checkpoint.signal().samples() > previous.signal().samples());
            }
            previous = checkpoint;
        }
        assertTrue(previous.hoursInBed() > live.summary().hoursInBed() - 0.6,
                "the last checkpoint has " + previous.hoursInBed() + " h of " + live.summary().hoursInBed());
    }

    @Test
    void tallyCodecRejectsEveryTruncationAndNamesTheField() {
        Live live = record(NightScenario.standard(PatientProfile.MILD, 35).withTimes(5, 20, 5, 10, 5), ScoringRules.WASM_2016);
        byte[] bytes = NightTallyCodec.encode(live.tally());
        assertEquals(live.tally(), NightTallyCodec.decode(bytes));
        for (int cut = 0; cut < bytes.length; cut++) {
            byte[] shorter = Arrays.copyOf(bytes, cut);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NightTallyCodec.decode(shorter));
            assertTrue(e.getMessage().startsWith("night tally:"), e.getMessage());
        }
        byte[] hugeCount = bytes.clone();
        int spansAt = 1 + 1 + live.tally().rules().length() + 32;
        hugeCount[spansAt] = (byte) 0xFF;
        hugeCount[spansAt + 1] = (byte) 0xFF;
        assertThrows(IllegalArgumentException.class, () -> NightTallyCodec.decode(hugeCount));
    }

    @Test
    void aLaterPartOfTheNightAddsItsSpansAndCountsTheOutageAsLost() {
        SignalQuality q = new SignalQuality(true, 2, 1000, 10, 1, 0, 0.1, 2.0);
        NightTally first = new NightTally("wasm2016", 4, 0.2, 100, 120, List.of(new TimeSpan(0, 50)), List.of(), q);
        NightTally second = new NightTally("wasm2016", 4, 0.2, 300, 320, List.of(new TimeSpan(200, 250)), List.of(), q);
        NightTally joined = first.followedBy(second, 500);
        assertEquals(List.of(new TimeSpan(0, 50), new TimeSpan(200, 250)), joined.inBed());
        assertEquals(2000, joined.signal().samples());
        assertEquals(520, joined.signal().lostSamples());
        assertEquals(3, joined.signal().gaps());
        assertEquals(300, joined.decidedUntilUs());
        assertEquals(320, joined.recordedUntilUs());
        assertThrows(IllegalArgumentException.class, () -> second.followedBy(first, 0));
        assertThrows(IllegalArgumentException.class,
                () -> first.followedBy(new NightTally("aasm", 4, 0.2, 300, 320, List.of(), List.of(), q), 0));
    }
}
