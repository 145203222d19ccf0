package org.legwatch.analysis.response;

import java.time.LocalDate;

/**
 * A ferritin result as the analysis reads it: its TSAT when one was drawn within a week, the days
 * since the latest IV iron dose before it ({@code -1} when none), whether it is unreliable (drawn
 * within 4 weeks after IV iron) and the guideline check on it.
 */
public record FerritinReading(LocalDate date, double ferritin, double tsat, int daysSinceIv, boolean unreliable,
                              IronGuideline.Check guideline) {
}
