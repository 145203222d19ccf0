package org.legwatch.host.io;

/** Fast fixed-point formatting of doubles for large CSV files (millions of values). */
public final class Decimal {
    private static final long[] POWERS = new long[19];

    static {
        POWERS[0] = 1;
        for (int i = 1; i < POWERS.length; i++) {
            POWERS[i] = POWERS[i - 1] * 10;
        }
    }

    private Decimal() {
    }

    /** Appends {@code value} rounded half away from zero to {@code decimals} (0-8) places. */
    public static StringBuilder append(StringBuilder out, double value, int decimals) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("cannot write " + value);
        }
        if (decimals > 8) {
            throw new IllegalArgumentException("at most 8 decimals from a double, not " + decimals);
        }
        long scaled = Math.round(Math.abs(value) * POWERS[decimals]);
        return appendUnscaled(out, value < 0 ? -scaled : scaled, decimals);
    }

    /** Appends {@code unscaled} x 10^-{@code decimals} (0-18 places) exactly, e.g. (-61, 6) as -0.000061. */
    public static StringBuilder appendUnscaled(StringBuilder out, long unscaled, int decimals) {
        long scale = POWERS[decimals];
        long magnitude = Math.abs(unscaled);
        if (unscaled < 0) {
            out.append('-');
        }
        out.append(magnitude / scale);
        if (decimals > 0) {
            out.append('.');
            long fraction = magnitude % scale;
            for (long p = scale / 10; p > fraction && p > 1; p /= 10) {
                out.append('0');
            }
            out.append(fraction);
        }
        return out;
    }
}
