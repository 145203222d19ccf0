package org.legwatch.analysis.scoring;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Scores a whole list of single-leg movements: sorts them by onset and runs a {@link StreamingScorer}. */
public final class BatchScorer {
    private BatchScorer() {
    }

    public static List<ScoredMovement> score(Collection<LegMovement> movements, ScoringRules rules) {
        return score(movements, rules, ScoringAnnotations.NONE);
    }

    public static List<ScoredMovement> score(Collection<LegMovement> movements, ScoringRules rules,
                                             ScoringAnnotations annotations) {
        List<LegMovement> sorted = new ArrayList<>(movements);
        sorted.sort(Comparator.comparingLong(LegMovement::onsetUs));
        List<ScoredMovement> scored = new ArrayList<>(sorted.size());
        StreamingScorer scorer = new StreamingScorer(rules, annotations, scored::add);
        for (LegMovement movement : sorted) {
            scorer.accept(movement);
        }
        scorer.finish();
        return scored;
    }
}
