package org.legwatch.analysis.night;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.legwatch.analysis.scoring.LegMovement;
import org.legwatch.analysis.scoring.NightAccumulator;
import org.legwatch.analysis.scoring.ScoredMovement;
import org.legwatch.analysis.scoring.ScoringAnnotations;
import org.legwatch.analysis.scoring.ScoringRules;
import org.legwatch.analysis.scoring.StreamingScorer;

/**
 * A night scored from a movement list (a scorer's EMG list, or a detector's output read back):
 * the scored movements and the night summary.
 */
public record ScoredNight(List<ScoredMovement> movements, NightSummary summary) {
    public ScoredNight {
        movements = List.copyOf(movements);
    }

    /**
     * Scores the movements whose onset lies in an in-bed span (others are not leg movements in bed
     * and are left out, as the detector leaves them out), with the spans as the time in bed. When
     * {@code inBed} is empty, the night is taken to run from 0 to the last offset.
     */
    public static ScoredNight score(List<LegMovement> movements, ScoringRules rules, ScoringAnnotations annotations,
                                    List<TimeSpan> inBed, double minValidHoursInBed) {
        List<TimeSpan> spans = new ArrayList<>(inBed);
        if (spans.isEmpty()) {
            long end = movements.stream().mapToLong(LegMovement::offsetUs).max().orElse(0);
            spans.add(new TimeSpan(0, end));
        }
        return scoreInBed(movements, rules, annotations, spans, minValidHoursInBed, 1.0, SignalQuality.NOT_MEASURED);
    }

    /**
     * Rebuilds a recorded night from the detector's movements and the night's tally (in-bed spans,
     * signal quality, the rules and thresholds it was recorded under): the same result the night
     * recorder gave live, computed again from what the device journaled. Empty in-bed spans mean no
     * time in bed.
     */
    public static ScoredNight rebuild(List<LegMovement> detected, NightTally tally) {
        return scoreInBed(detected, ScoringRules.named(tally.rules()), ScoringAnnotations.NONE, tally.inBed(),
                tally.minValidHoursInBed(), tally.maxLostFraction(), tally.signal());
    }

    private static ScoredNight scoreInBed(List<LegMovement> movements, ScoringRules rules, ScoringAnnotations annotations,
                                          List<TimeSpan> inBed, double minValidHoursInBed, double maxLostFraction,
                                          SignalQuality signal) {
        List<TimeSpan> spans = new ArrayList<>(inBed);
        spans.sort(Comparator.comparingLong(TimeSpan::startUs));
        for (int i = 1; i < spans.size(); i++) {
            if (spans.get(i).startUs() < spans.get(i - 1).endUs()) {
                throw new IllegalArgumentException("in-bed spans overlap: " + spans.get(i - 1) + " and " + spans.get(i));
            }
        }
        List<LegMovement> sorted = new ArrayList<>(movements.size());
        for (LegMovement m : movements) {
            if (inAny(spans, m.onsetUs())) {
                sorted.add(m);
            }
        }
        sorted.sort(Comparator.comparingLong(LegMovement::onsetUs));

        List<ScoredMovement> scored = new ArrayList<>(sorted.size());
        NightAccumulator accumulator = new NightAccumulator(rules, annotations.respiratoryScored());
        StreamingScorer scorer = new StreamingScorer(rules, annotations, scored::add);
        sorted.forEach(scorer::accept);
        scorer.finish();
        scored.forEach(accumulator);
        double hours = NightSummary.hoursIn(spans);
        return new ScoredNight(scored, NightSummary.of(accumulator.statistics(hours), spans, minValidHoursInBed,
                maxLostFraction, signal));
    }

    private static boolean inAny(List<TimeSpan> spans, long timeUs) {
        for (TimeSpan span : spans) {
            if (timeUs >= span.startUs() && timeUs < span.endUs()) {
                return true;
            }
        }
        return false;
    }
}
