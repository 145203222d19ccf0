package org.legwatch.analysis.sim;

import org.legwatch.analysis.scoring.Leg;

/**
 * An in-bed leg movement as planned: when, how long, how far, and its shape as keyframes in
 * fractions of the duration (times) and of the amplitude (values).
 */
record PlannedMovement(Leg leg, long onsetUs, long offsetUs, MovementKind kind, double amplitudeRad,
                       double[] times, double[] values, int series) {

    AngleProfile profile(double sign) {
        double d = (offsetUs - onsetUs) / 1e6;
        double[] t = new double[times.length];
        double[] v = new double[values.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = times[i] * d;
            v[i] = values[i] * amplitudeRad * sign;
        }
        t[t.length - 1] = d;
        return new AngleProfile(t, v);
    }

    double peakRad() {
        double m = 0;
        for (double v : values) {
            m = Math.max(m, Math.abs(v));
        }
        return m * amplitudeRad;
    }
}
