package org.legwatch.analysis.response;

import java.util.Arrays;

/**
 * Values observed on whole days, at most one per day, days strictly increasing; missing days are
 * simply absent. Days are counted from a reference (for the response analysis: the infusion, day 0).
 */
public record DaySeries(int[] days, double[] values) {
    public static final DaySeries EMPTY = new DaySeries(new int[0], new double[0]);

    public DaySeries {
        if (days.length != values.length) {
            throw new IllegalArgumentException(days.length + " days but " + values.length + " values");
        }
        for (int i = 0; i < days.length; i++) {
            if (i > 0 && days[i] <= days[i - 1]) {
                throw new IllegalArgumentException("days must increase: " + days[i - 1] + " then " + days[i]);
            }
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("value on day " + days[i] + " is " + values[i]);
            }
        }
    }

    public int size() {
        return days.length;
    }

    public boolean isEmpty() {
        return days.length == 0;
    }

    /** The observations on days {@code from} (inclusive) to {@code to} (exclusive). */
    public DaySeries between(int from, int to) {
        int start = firstAtOrAfter(from);
        int end = firstAtOrAfter(to);
        if (end <= start) {
            return EMPTY;
        }
        return new DaySeries(Arrays.copyOfRange(days, start, end), Arrays.copyOfRange(values, start, end));
    }

    /** The observations with index {@code from} (inclusive) to {@code to} (exclusive). */
    public DaySeries slice(int from, int to) {
        return new DaySeries(Arrays.copyOfRange(days, from, to), Arrays.copyOfRange(values, from, to));
    }

    /** This series followed by a later one. */
    public DaySeries followedBy(DaySeries later) {
        if (isEmpty()) {
            return later;
        }
        if (later.isEmpty()) {
            return this;
        }
        int[] d = Arrays.copyOf(days, days.length + later.days.length);
        System.arraycopy(later.days, 0, d, days.length, later.days.length);
        double[] v = Arrays.copyOf(values, values.length + later.values.length);
        System.arraycopy(later.values, 0, v, values.length, later.values.length);
        return new DaySeries(d, v);
    }

    /** The same values on days moved by {@code offset}. */
    public DaySeries shifted(int offset) {
        int[] moved = days.clone();
        for (int i = 0; i < moved.length; i++) {
            moved[i] += offset;
        }
        return new DaySeries(moved, values);
    }

    /** The same days with other values. */
    public DaySeries withValues(double[] newValues) {
        return new DaySeries(days, newValues);
    }

    public double mean() {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return values.length == 0 ? Double.NaN : sum / values.length;
    }

    /** The median ({@code NaN} when empty). */
    public double median() {
        return Quantiles.median(values);
    }

    private int firstAtOrAfter(int day) {
        int at = Arrays.binarySearch(days, day);
        return at >= 0 ? at : -at - 1;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DaySeries s && Arrays.equals(days, s.days) && Arrays.equals(values, s.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(days) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "DaySeries" + Arrays.toString(days) + "=" + Arrays.toString(values);
    }
}
