package org.legwatch.analysis.signal;

/**
 * A running estimate of the median of a positive signal in O(1) time and memory: each sample moves
 * the estimate up or down by a small factor. Multiplicative steps make it scale-free, so the same
 * settings work for a 1 mg and a 5 mg sensor; being a median, it is not dragged up by the
 * movements it is meant to stand out from.
 */
public final class RunningMedian {
    private final double up;
    private final double down;
    private double estimate;

    /**
     * @param initial     starting estimate (> 0)
     * @param timeConstantS how fast it follows a change, in seconds (about an e-fold per time constant)
     * @param rateHz      samples per second
     */
    public RunningMedian(double initial, double timeConstantS, double rateHz) {
        if (!(initial > 0)) {
            throw new IllegalArgumentException("initial estimate must be positive: " + initial);
        }
        double step = 1.0 / (timeConstantS * rateHz);
        this.up = 1.0 + step;
        this.down = 1.0 - step;
        this.estimate = initial;
    }

    public void accept(double value) {
        estimate *= value > estimate ? up : down;
    }

    public double estimate() {
        return estimate;
    }

    public void reset(double initial) {
        estimate = initial;
    }
}
