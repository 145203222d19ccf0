package org.legwatch.analysis.sim;

import java.util.Comparator;
import java.util.List;
import org.legwatch.analysis.scoring.BatchScorer;
import org.legwatch.analysis.scoring.LegMovement;
import org.legwatch.analysis.scoring.Micros;
import org.legwatch.analysis.scoring.ScoredMovement;
import org.legwatch.analysis.scoring.ScoringRules;

/**
 * True movements scored by the clinical rules, with the time-in-bed denominator an ankle device
 * uses (PLMs in bed per hour in bed).
 *
 * @param movements  the single-leg movements scored, in onset order
 * @param scored     what {@link BatchScorer} makes of them
 * @param lmCount    final leg movements (after joining; bilateral counts once)
 * @param clmCount   candidate leg movements
 * @param plmCount   periodic leg movements
 * @param seriesCount PLM series
 * @param hoursInBed the denominator
 * @param plmi       PLMs per hour in bed (NaN without time in bed)
 * @param lmi        leg movements per hour in bed (NaN without time in bed)
 */
public record TruthScore(
        List<LegMovement> movements,
        List<ScoredMovement> scored,
        int lmCount,
        int clmCount,
        int plmCount,
        int seriesCount,
        double hoursInBed,
        double plmi,
        double lmi) {

    public TruthScore {
        movements = List.copyOf(movements);
        scored = List.copyOf(scored);
    }

    public static TruthScore of(List<LegMovement> movements, long inBedUs, ScoringRules rules) {
        List<LegMovement> sorted = movements.stream()
                .sorted(Comparator.comparingLong(LegMovement::onsetUs).thenComparing(LegMovement::leg))
                .toList();
        List<ScoredMovement> scored = BatchScorer.score(sorted, rules);
        int clm = 0;
        int plm = 0;
        int series = 0;
        for (ScoredMovement m : scored) {
            if (m.clm()) {
                clm++;
            }
            if (m.plm()) {
                plm++;
                series = Math.max(series, m.series());
            }
        }
        double hours = Micros.toHours(inBedUs);
        double plmi = hours > 0 ? plm / hours : Double.NaN;
        double lmi = hours > 0 ? scored.size() / hours : Double.NaN;
        return new TruthScore(sorted, scored, scored.size(), clm, plm, series, hours, plmi, lmi);
    }
}
