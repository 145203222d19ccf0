package org.legwatch.host.web;

import java.time.LocalDate;
import java.util.List;
import org.legwatch.analysis.response.Quantiles;
import org.legwatch.host.store.NightRow;

/**
 * The patient's current state in one number: the median PLM index of the last valid nights, with
 * how many nights stand behind it and the dates they span ({@code null} without valid nights).
 */
record RecentPlmi(double median, int nights, LocalDate from, LocalDate to) {
    /** How many of the latest valid nights count. */
    static final int NIGHTS = 14;

    static RecentPlmi of(List<NightRow> rows) {
        List<NightRow> valid = rows.stream().filter(NightRow::valid).filter(r -> Double.isFinite(r.plmi())).toList();
        List<NightRow> recent = valid.subList(Math.max(0, valid.size() - NIGHTS), valid.size());
        if (recent.isEmpty()) {
            return new RecentPlmi(Double.NaN, 0, null, null);
        }
        double median = Quantiles.median(recent.stream().mapToDouble(NightRow::plmi).toArray());
        return new RecentPlmi(median, recent.size(), recent.get(0).eveningDate(), recent.get(recent.size() - 1).eveningDate());
    }
}
