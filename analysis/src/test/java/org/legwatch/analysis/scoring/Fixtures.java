package org.legwatch.analysis.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Concise builders for test nights. Seconds are doubles, converted with {@link Micros#ofSeconds}. */
final class Fixtures {
    static final ScoringRules WASM = ScoringRules.WASM_2016;
    static final ScoringRules AASM = ScoringRules.AASM;

    private Fixtures() {
    }

    static long us(double seconds) {
        return Micros.ofSeconds(seconds);
    }

    static LegMovement r(double onS, double offS) {
        return new LegMovement(us(onS), us(offS), Leg.RIGHT);
    }

    static LegMovement l(double onS, double offS) {
        return new LegMovement(us(onS), us(offS), Leg.LEFT);
    }

    static LegMovement rUs(long onUs, long offUs) {
        return new LegMovement(onUs, offUs, Leg.RIGHT);
    }

    static LegMovement lUs(long onUs, long offUs) {
        return new LegMovement(onUs, offUs, Leg.LEFT);
    }

    /** One-second right-leg CLMs at the given onsets (seconds). */
    static List<LegMovement> clmsAt(double... onsetsS) {
        List<LegMovement> list = new ArrayList<>();
        for (double on : onsetsS) {
            list.add(r(on, on + 1));
        }
        return list;
    }

    /** One-second right-leg CLMs at the given onsets (microseconds). */
    static List<LegMovement> clmsAtUs(long... onsetsUs) {
        List<LegMovement> list = new ArrayList<>();
        for (long on : onsetsUs) {
            list.add(rUs(on, on + Micros.PER_SECOND));
        }
        return list;
    }

    @SafeVarargs
    static List<LegMovement> concat(List<LegMovement>... parts) {
        List<LegMovement> all = new ArrayList<>();
        for (List<LegMovement> part : parts) {
            all.addAll(part);
        }
        return all;
    }

    static List<ScoredMovement> wasm(LegMovement... movements) {
        return BatchScorer.score(Arrays.asList(movements), WASM);
    }

    static List<ScoredMovement> wasm(List<LegMovement> movements) {
        return BatchScorer.score(movements, WASM);
    }

    static List<ScoredMovement> aasm(LegMovement... movements) {
        return BatchScorer.score(Arrays.asList(movements), AASM);
    }

    static List<ScoredMovement> aasm(List<LegMovement> movements) {
        return BatchScorer.score(movements, AASM);
    }

    static ScoredMovement only(List<ScoredMovement> scored) {
        assertEquals(1, scored.size(), () -> "expected exactly one final movement, got " + describe(scored));
        return scored.get(0);
    }

    static List<Boolean> plmFlags(List<ScoredMovement> scored) {
        return scored.stream().map(ScoredMovement::plm).toList();
    }

    static List<Boolean> clmFlags(List<ScoredMovement> scored) {
        return scored.stream().map(ScoredMovement::clm).toList();
    }

    static List<Integer> seriesNumbers(List<ScoredMovement> scored) {
        return scored.stream().map(ScoredMovement::series).toList();
    }

    static List<Long> imis(List<ScoredMovement> scored) {
        return scored.stream().map(ScoredMovement::imiUs).toList();
    }

    static List<Long> onsets(List<ScoredMovement> scored) {
        return scored.stream().map(ScoredMovement::onsetUs).toList();
    }

    static List<Boolean> repeat(boolean value, int n) {
        List<Boolean> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(value);
        }
        return list;
    }

    static String describe(List<ScoredMovement> scored) {
        return scored.stream().map(Fixtures::describe).collect(Collectors.joining(", ", "[", "]"));
    }

    static String describe(ScoredMovement m) {
        return String.format("%c[%.6f,%.6f]x%d%s%s#%d imi=%d%s%s%s", m.leg().code(),
                Micros.toSeconds(m.onsetUs()), Micros.toSeconds(m.offsetUs()), m.joinedCount(),
                m.clm() ? " CLM" : " -", m.plm() ? " PLM" : "", m.series(), m.imiUs(),
                m.respiratory() ? " resp" : "", m.arousal() ? " ar" : "",
                m.plmExcludingRespiratory() ? " plmX" : "");
    }
}
