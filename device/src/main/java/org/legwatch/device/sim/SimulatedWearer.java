package org.legwatch.device.sim;

import java.util.ArrayList;
import java.util.List;
import org.legwatch.analysis.scoring.Leg;
import org.legwatch.analysis.sim.NightScenario;
import org.legwatch.analysis.sim.SampleStream;
import org.legwatch.analysis.sim.SyntheticNight;
import org.legwatch.analysis.sim.TruthScore;

/**
 * A patient who wears the bands for a series of generated nights, each recording starting at a
 * given monotonic time. The night's signal is generated as the simulated sensors read it (nothing
 * stored); its truth is kept for comparison.
 */
public final class SimulatedWearer {
    /** One night of the series: what happens, and when its recording starts in the simulated world's time. */
    public record PlannedNight(NightScenario scenario, long recordingStartNs) {}

    /** A night's truth, once it has been generated. */
    public record NightTruth(int index, long recordingStartNs, double hoursInBed, double plmi, int plmCount) {}

    private final List<PlannedNight> nights;
    private final List<NightTruth> truths = new ArrayList<>();
    private int generatedIndex = -1;
    private SyntheticNight generated;

    public SimulatedWearer(List<PlannedNight> nights) {
        for (int i = 1; i < nights.size(); i++) {
            if (nights.get(i).recordingStartNs() <= nights.get(i - 1).recordingStartNs()) {
                throw new IllegalArgumentException("nights must start in order");
            }
        }
        this.nights = List.copyOf(nights);
    }

    public List<PlannedNight> nights() {
        return nights;
    }

    /** The legs the bands are on (those of the first night). */
    public List<Leg> legs() {
        return nights.get(0).scenario().instrumentedLegs();
    }

    /** The stream of one leg for night {@code index}, or null when that night has no band on the leg. */
    synchronized SampleStream stream(int index, Leg leg) {
        if (index != generatedIndex) {
            generated = SyntheticNight.generate(nights.get(index).scenario());
            generatedIndex = index;
            TruthScore truth = generated.truth().instrumentedScore();
            truths.add(new NightTruth(index, nights.get(index).recordingStartNs(), truth.hoursInBed(), truth.plmi(),
                    truth.plmCount()));
        }
        return generated.legs().contains(leg) ? generated.samples(leg) : null;
    }

    /** The truth of every night generated so far, in order. */
    public synchronized List<NightTruth> truths() {
        return List.copyOf(truths);
    }
}
