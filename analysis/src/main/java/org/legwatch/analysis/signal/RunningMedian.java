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
    private final long upBits;
    private final long downBits;
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
        this.upBits = Double.doubleToRawLongBits(up);
        this.downBits = Double.doubleToRawLongBits(down);
        this.estimate = initial;
    }

    public void accept(double value) {
        // Same as estimate *= value > estimate ? up : down, without a branch: at the median the
        // branch goes either way at random, and each misprediction costs more than the whole update.
        // value > estimate exactly when estimate - value is negative (a difference of doubles is zero
        // only when they are equal; doubleToLongBits makes NaN positive, and the one disagreement,
        // estimate = -0.0 with value = +0.0, multiplies zero). The sign is spread over all 64 bits
        // to pick the factor's bits.
        long above = Double.doubleToLongBits(estimate - value) >> 63;
        estimate *= Double.longBitsToDouble((upBits & above) | (downBits & ~above));
    }

    public double estimate() {
        return estimate;
    }

    public void reset(double initial) {
        estimate = initial;
    }
}
