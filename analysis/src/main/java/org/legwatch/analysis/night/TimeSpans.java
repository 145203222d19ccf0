package org.legwatch.analysis.night;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Set arithmetic on lists of time spans. */
public final class TimeSpans {
    private TimeSpans() {
    }

    /** The parts of {@code spans} not covered by any of {@code removed}, in start order. */
    public static List<TimeSpan> subtract(List<TimeSpan> spans, List<TimeSpan> removed) {
        List<TimeSpan> cuts = new ArrayList<>(removed);
        cuts.sort(Comparator.comparingLong(TimeSpan::startUs));
        List<TimeSpan> result = new ArrayList<>();
        for (TimeSpan span : spans) {
            long start = span.startUs();
            for (TimeSpan cut : cuts) {
                if (cut.endUs() <= start || cut.startUs() >= span.endUs()) {
                    continue;
                }
                if (cut.startUs() > start) {
                    result.add(new TimeSpan(start, cut.startUs()));
                }
                start = Math.max(start, cut.endUs());
            }
            if (start < span.endUs()) {
                result.add(new TimeSpan(start, span.endUs()));
            }
        }
        result.sort(Comparator.comparingLong(TimeSpan::startUs));
        return result;
    }
}
