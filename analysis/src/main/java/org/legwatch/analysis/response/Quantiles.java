package org.legwatch.analysis.response;

import java.util.Arrays;

/**
 * Sample quantiles by linear interpolation between order statistics (Hyndman and Fan type 7, the
 * default of R and of spreadsheets), so the figures legwatch prints can be checked by hand.
 */
public final class Quantiles {
    private Quantiles() {
    }

    public static double median(double[] values) {
        return of(values, 0.5);
    }

    /** The {@code p}-quantile (0 <= p <= 1); {@code NaN} for no values. */
    public static double of(double[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return ofSorted(sorted, p);
    }

    /** The {@code p}-quantile of values already in ascending order. */
    public static double ofSorted(double[] sorted, double p) {
        if (p < 0 || p > 1) {
            throw new IllegalArgumentException("quantile " + p + " is outside 0..1");
        }
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double position = p * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
