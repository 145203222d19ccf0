package org.legwatch.analysis.response;

import java.time.LocalDate;
import java.util.List;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * How fast ferritin falls after an infusion: the least-squares slope of ferritin on weeks since the
 * infusion over the readings after it (before the next course). Readings drawn within 4 weeks of
 * IV iron are falsely high, so they are left out when at least 2 later readings exist; otherwise all
 * readings are used and {@code usesUnreliable} says so. In RLS ferritin falls about 6.6 ug/L per
 * week after 1000 mg, faster than in other patients, and a faster fall means a shorter benefit.
 *
 * @param ratePerWeek           ug/L per week (negative: falling)
 * @param readings              readings used
 * @param usesUnreliable        readings within 4 weeks of IV iron are among them
 * @param projectedBelowTarget  when the fitted line crosses the target ferritin going down; {@code null} when not falling
 */
public record FerritinDecay(double ratePerWeek, int readings, boolean usesUnreliable, double target, LocalDate projectedBelowTarget) {

    /** {@code null} with fewer than 2 readings on 2 different dates. */
    public static FerritinDecay of(LocalDate infusion, List<FerritinReading> after, double target) {
        List<FerritinReading> reliable = after.stream().filter(r -> !r.unreliable()).toList();
        List<FerritinReading> used = reliable.size() >= 2 ? reliable : after;
        if (used.size() < 2 || used.stream().map(FerritinReading::date).distinct().count() < 2) {
            return null;
        }
        SimpleRegression regression = new SimpleRegression();
        long origin = infusion.toEpochDay();
        for (FerritinReading r : used) {
            regression.addData((r.date().toEpochDay() - origin) / 7.0, r.ferritin());
        }
        double slope = regression.getSlope();
        LocalDate below = null;
        if (slope < 0) {
            double weeks = (target - regression.getIntercept()) / slope;
            below = infusion.plusDays(Math.round(weeks * 7));
        }
        boolean usesUnreliable = used.stream().anyMatch(FerritinReading::unreliable);
        return new FerritinDecay(slope, used.size(), usesUnreliable, target, below);
    }
}
