package org.legwatch.link.recording;

/**
 * A sensor's resolution as an exact decimal: one count is {@code mantissa} x 10^{@code exponent} g
 * (0.000061 g is 61 x 10^-6). Counts become g with one division by a power of ten, which gives the
 * double nearest to the exact decimal value: the same double a CSV reader gets from that value
 * printed in full, so a recording and its CSV conversion feed the detector identical numbers.
 *
 * @param mantissa positive
 * @param exponent -18 .. 9
 */
public record CountScale(int mantissa, int exponent) {
    /** Largest magnitude a count may have: deltas of two counts then fit in 32 bits. */
    public static final int MAX_COUNT = (1 << 30) - 1;

    private static final double[] POWERS_OF_TEN = new double[19];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    public CountScale {
        if (mantissa <= 0) {
            throw new IllegalArgumentException("scale mantissa must be positive: " + mantissa);
        }
        if (exponent < -18 || exponent > 9) {
            throw new IllegalArgumentException("scale exponent outside -18..9: " + exponent);
        }
    }

    /**
     * The exact decimal behind a data sheet's g per count given as a double (0.0039, 0.000061):
     * the fewest decimal places that reproduce it to 1e-9 of its value, with at most 9 significant
     * digits.
     */
    public static CountScale of(double gPerCount) {
        if (!(gPerCount > 0) || Double.isInfinite(gPerCount)) {
            throw new IllegalArgumentException("g per count must be a positive number: " + gPerCount);
        }
        for (int decimals = 0; decimals <= 18; decimals++) {
            double scaled = gPerCount * POWERS_OF_TEN[decimals];
            double rounded = Math.rint(scaled);
            if (rounded >= 1 && rounded <= 999_999_999 && Math.abs(scaled - rounded) <= 1e-9 * scaled) {
                return new CountScale((int) rounded, -decimals);
            }
        }
        throw new IllegalArgumentException("g per count " + gPerCount + " is not a decimal of at most 9 significant digits");
    }

    /** One count in g, as a double (for display; conversions use {@link #toG}). */
    public double gPerCount() {
        return exponent <= 0 ? mantissa / POWERS_OF_TEN[-exponent] : mantissa * POWERS_OF_TEN[exponent];
    }

    /** Decimal places needed to print any count's value in g exactly. */
    public int decimals() {
        return Math.max(0, -exponent);
    }

    /** {@code count} in g: the double nearest to count x mantissa x 10^exponent. */
    public double toG(long count) {
        long unscaled = count * mantissa;
        return exponent <= 0 ? unscaled / POWERS_OF_TEN[-exponent] : unscaled * POWERS_OF_TEN[exponent];
    }

    /** {@code count} x mantissa: the value in units of 10^exponent g, exact. */
    public long unscaled(long count) {
        return count * mantissa;
    }

    /**
     * The count nearest to {@code g}.
     *
     * @throws IllegalArgumentException when {@code g} is not a number or its count exceeds
     *     {@link #MAX_COUNT}
     */
    public int toCount(double g) {
        double count = Math.rint(exponent <= 0 ? g * POWERS_OF_TEN[-exponent] / mantissa
                : g / POWERS_OF_TEN[exponent] / mantissa);
        if (!(Math.abs(count) <= MAX_COUNT)) {
            throw new IllegalArgumentException(g + " g is not a reading of " + this + " (count " + count + ")");
        }
        return (int) count;
    }

    /** One count in g, exactly. */
    public java.math.BigDecimal toBigDecimal() {
        return java.math.BigDecimal.valueOf(mantissa, -exponent);
    }

    @Override
    public String toString() {
        return mantissa + "e" + exponent + " g/count";
    }
}
