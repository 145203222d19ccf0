package org.legwatch.analysis.sim;

import java.util.List;
import java.util.Map;
import org.legwatch.analysis.scoring.Leg;

/**
 * A whole synthetic night: the ground truth, and the samples of each band on demand.
 *
 * <p>{@link #generate} plans the night (a few thousand events at most) and keeps only that; samples
 * are computed while they are read, so a night of any length streams in constant memory, and every
 * call to {@link #samples} replays exactly the same samples.
 */
public final class SyntheticNight {
    /** What a stream of one leg needs: the sensor's realisation and the leg's motions. */
    record Channel(LegSensor sensor, Motion[] motions, double[] sensorOffset) {
    }

    private final NightScenario scenario;
    private final GroundTruth truth;
    private final Map<Leg, Channel> channels;

    SyntheticNight(NightScenario scenario, GroundTruth truth, Map<Leg, Channel> channels) {
        this.scenario = scenario;
        this.truth = truth;
        this.channels = Map.copyOf(channels);
    }

    /** Builds the night the scenario describes; the same scenario always gives the same night. */
    public static SyntheticNight generate(NightScenario scenario) {
        return new NightBuilder(scenario).build();
    }

    public NightScenario scenario() {
        return scenario;
    }

    public GroundTruth truth() {
        return truth;
    }

    /** The legs that wear a band. */
    public List<Leg> legs() {
        return scenario.instrumentedLegs();
    }

    /** Length of the recording, microseconds. */
    public long recordingUs() {
        return truth.recordingUs();
    }

    /** A fresh stream of the band on this leg, from the first sample. */
    public SampleStream samples(Leg leg) {
        Channel c = channels.get(leg);
        if (c == null) {
            throw new IllegalArgumentException("no band on " + leg + "; this night has " + legs());
        }
        return new SampleStream(c.sensor(), c.motions(), c.sensorOffset());
    }
}
