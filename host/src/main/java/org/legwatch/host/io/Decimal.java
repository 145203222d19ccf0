package org.legwatch.host.io;

/** Fast fixed-point formatting of doubles for large CSV files (millions of values). */
public final class Decimal {
    private static final long[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private Decimal() {
    }

    /** Appends {@code value} rounded half away from zero to {@code decimals} (0-8) places. */
    public static StringBuilder append(StringBuilder out, double value, int decimals) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("cannot write " + value);
        }
        long scale = POWERS[decimals];
        long scaled = Math.round(Math.abs(value) * scale);
        if (value < 0 && scaled != 0) {
            out.append('-');
        }
        out.append(scaled / scale);
        if (decimals > 0) {
            out.append('.');
            long fraction = scaled % scale;
            for (long p = scale / 10; p > fraction && p > 1; p /= 10) {
                out.append('0');
            }
            out.append(fraction);
        }
        return out;
    }
}
