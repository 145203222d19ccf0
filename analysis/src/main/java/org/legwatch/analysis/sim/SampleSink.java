package org.legwatch.analysis.sim;

import org.legwatch.analysis.scoring.Leg;

/** Takes samples of the legs in time order, as the device's chain does ({@code NightRecorder::accept}). */
@FunctionalInterface
public interface SampleSink {
    /** One sample of one leg: seconds from the start of the recording, acceleration in g. */
    void accept(Leg leg, double t, double x, double y, double z);
}
