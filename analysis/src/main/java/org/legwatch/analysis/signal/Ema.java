package org.legwatch.analysis.signal;

/** Coefficients of first-order (exponential) smoothing, from a time constant and a sample rate. */
public final class Ema {
    private Ema() {
    }

    /**
     * The weight of a new sample for a time constant {@code tauS} at {@code rateHz}: the exact
     * discretisation of a first-order low-pass, so the time constant in seconds holds at any rate.
     */
    public static double alpha(double tauS, double rateHz) {
        if (!(tauS > 0) || !(rateHz > 0)) {
            throw new IllegalArgumentException("time constant and rate must be positive: tau " + tauS + " s, rate " + rateHz + " Hz");
        }
        return 1.0 - Math.exp(-1.0 / (tauS * rateHz));
    }
}
