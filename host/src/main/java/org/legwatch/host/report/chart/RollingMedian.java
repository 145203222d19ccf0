package org.legwatch.host.report.chart;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.legwatch.analysis.response.Quantiles;

/**
 * The rolling median of the nightly PLM index drawn through the nights: for each evening, the
 * median of the valid nights within a window of evenings centred on it. A centred window keeps a
 * fall in place (a trailing one would show it days late); the median is untouched by a single
 * wild night. Where the window holds fewer than half its evenings as valid nights there is no
 * value, so the line breaks over gaps and runs of invalid nights instead of bridging them.
 */
public final class RollingMedian {
    /** Default window: a week of evenings. */
    public static final int DEFAULT_DAYS = 7;

    /** One evening's median and the valid nights it stands on. */
    public record Point(LocalDate evening, double median, int validNights) {
    }

    private RollingMedian() {
    }

    /**
     * @param evenings the evenings of the valid nights (an evening may appear more than once: each
     *                 night counts)
     * @param values   their PLM indices, in the same order
     * @param days     window length in evenings, odd and at least 1
     * @return one point per evening from the first to the last valid night that has enough valid
     *         nights around it, in date order
     */
    public static List<Point> centred(List<LocalDate> evenings, List<Double> values, int days) {
        if (days < 1 || days % 2 == 0) {
            throw new IllegalArgumentException("a centred window needs an odd number of days, not " + days);
        }
        if (evenings.size() != values.size()) {
            throw new IllegalArgumentException(evenings.size() + " evenings but " + values.size() + " values");
        }
        NavigableMap<LocalDate, List<Double>> byEvening = new TreeMap<>();
        for (int i = 0; i < evenings.size(); i++) {
            byEvening.computeIfAbsent(evenings.get(i), d -> new ArrayList<>()).add(values.get(i));
        }
        List<Point> points = new ArrayList<>();
        if (byEvening.isEmpty()) {
            return points;
        }
        int half = days / 2;
        int minNights = half + 1;
        LocalDate last = byEvening.lastKey();
        for (LocalDate day = byEvening.firstKey(); !day.isAfter(last); day = day.plusDays(1)) {
            List<Double> window = new ArrayList<>();
            for (List<Double> nights : byEvening.subMap(day.minusDays(half), true, day.plusDays(half), true).values()) {
                window.addAll(nights);
            }
            if (window.size() >= minNights) {
                double[] sample = window.stream().mapToDouble(Double::doubleValue).toArray();
                points.add(new Point(day, Quantiles.median(sample), sample.length));
            }
        }
        return points;
    }
}
