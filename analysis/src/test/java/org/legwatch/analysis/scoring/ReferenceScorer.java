package org.legwatch.analysis.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A deliberately naive, whole-list implementation of the scoring rules, written from the rule text
 * (not from the engine), used as an oracle for random nights. Quadratic where that is simpler.
 *
 * <p>The AASM onset window is read as in docs/scoring.md: the one-leg movements whose onsets lie
 * within 5 s of the first one's onset form one bilateral movement when both legs are among them;
 * otherwise the first stands alone and the window starts again at the next.
 */
final class ReferenceScorer {
    private ReferenceScorer() {
    }

    private record One(long on, long off, Leg leg) {
    }

    private static final class Group {
        long on;
        long off;
        int members;
        boolean right;
        boolean left;
        boolean longMember;
        Leg firstLeg;
    }

    private static void add(Group group, One m, ScoringRules rules) {
        group.off = Math.max(group.off, m.off());
        group.members++;
        group.right |= m.leg() == Leg.RIGHT;
        group.left |= m.leg() == Leg.LEFT;
        group.longMember |= m.off() - m.on() > rules.maxUnilateralClmUs();
    }

    static List<ScoredMovement> score(List<LegMovement> input, ScoringRules rules) {
        return score(input, rules, null, null);
    }

    static List<ScoredMovement> score(List<LegMovement> input, ScoringRules rules, long[] respiratoryEnds,
                                      long[][] arousals) {
        // 1. same-leg joining with the running offset, then the minimum duration
        List<One> oneLeg = new ArrayList<>();
        for (Leg leg : new Leg[] {Leg.RIGHT, Leg.LEFT}) {
            List<LegMovement> mine = new ArrayList<>(input.stream().filter(m -> m.leg() == leg).toList());
            mine.sort(Comparator.comparingLong(LegMovement::onsetUs));
            long on = -1;
            long off = -1;
            for (LegMovement m : mine) {
                if (on >= 0 && m.onsetUs() - off < rules.sameLegJoinGapUs()) {
                    off = Math.max(off, m.offsetUs());
                } else {
                    if (on >= 0 && off - on >= rules.minDurationUs()) {
                        oneLeg.add(new One(on, off, leg));
                    }
                    on = m.onsetUs();
                    off = m.offsetUs();
                }
            }
            if (on >= 0 && off - on >= rules.minDurationUs()) {
                oneLeg.add(new One(on, off, leg));
            }
        }
        oneLeg.sort(Comparator.comparingLong(One::on).thenComparing(o -> o.leg().ordinal()));

        // 2. bilateral joining
        List<Group> groups = new ArrayList<>();
        if (rules.bilateralRule() == BilateralRule.OFFSET_GAP) {
            Group open = null;
            for (One m : oneLeg) {
                if (open == null || m.on() - open.off >= rules.bilateralJoinUs()) {
                    open = new Group();
                    open.on = m.on();
                    open.off = m.off();
                    open.firstLeg = m.leg();
                    groups.add(open);
                }
                add(open, m, rules);
            }
        } else {
            // AASM: every movement whose onset is within the window of the first one's onset; one
            // bilateral movement if both legs are among them, otherwise the first stands alone.
            int i = 0;
            while (i < oneLeg.size()) {
                One first = oneLeg.get(i);
                int end = i;
                boolean r = false;
                boolean l = false;
                while (end < oneLeg.size() && oneLeg.get(end).on() - first.on() < rules.bilateralJoinUs()) {
                    r |= oneLeg.get(end).leg() == Leg.RIGHT;
                    l |= oneLeg.get(end).leg() == Leg.LEFT;
                    end++;
                }
                if (!(r && l)) {
                    end = i + 1;
                }
                Group g = new Group();
                g.on = first.on();
                g.off = first.off();
                g.firstLeg = first.leg();
                for (int k = i; k < end; k++) {
                    add(g, oneLeg.get(k), rules);
                }
                groups.add(g);
                i = end;
            }
        }

        int n = groups.size();
        long[] on = new long[n];
        boolean[] clm = new boolean[n];
        long[] imi = new long[n];
        boolean[] resp = new boolean[n];
        boolean[] arousal = new boolean[n];
        for (int i = 0; i < n; i++) {
            Group g = groups.get(i);
            on[i] = g.on;
            if (g.members == 1) {
                clm[i] = g.off - g.on <= rules.maxUnilateralClmUs();
            } else {
                clm[i] = !g.longMember && g.members <= rules.maxBilateralMembers()
                        && g.off - g.on <= rules.maxBilateralClmUs();
            }
            imi[i] = i > 0 && clm[i] && clm[i - 1] ? on[i] - on[i - 1] : -1;
            if (respiratoryEnds != null) {
                for (long end : respiratoryEnds) {
                    if (end - rules.respiratoryBeforeEndUs() <= g.off && end + rules.respiratoryAfterEndUs() >= g.on) {
                        resp[i] = true;
                    }
                }
            }
            if (arousals != null) {
                for (long[] a : arousals) {
                    if (a[0] <= g.off + rules.arousalGapUs() && a[1] >= g.on - rules.arousalGapUs()) {
                        arousal[i] = true;
                    }
                }
            }
        }

        int[] series = new int[n];
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        series(all, on, clm, rules, series);

        int[] seriesExcluding = new int[n];
        if (respiratoryEnds != null) {
            List<Integer> kept = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (!resp[i]) {
                    kept.add(i);
                }
            }
            series(kept, on, clm, rules, seriesExcluding);
        } else {
            seriesExcluding = series;
        }

        List<ScoredMovement> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Group g = groups.get(i);
            out.add(new ScoredMovement(g.on, g.off, g.members > 1 ? Leg.BILATERAL : g.firstLeg, g.members, clm[i],
                    series[i] > 0, series[i], imi[i], resp[i], arousal[i], seriesExcluding[i] > 0));
        }
        return out;
    }

    /** Marks series numbers (1..) on the movements at the given indices, taken as one sequence. */
    private static void series(List<Integer> sequence, long[] on, boolean[] clm, ScoringRules rules, int[] out) {
        int number = 0;
        List<Integer> run = new ArrayList<>();
        for (int k = 0; k < sequence.size(); k++) {
            int i = sequence.get(k);
            boolean continues = false;
            if (clm[i] && k > 0) {
                int p = sequence.get(k - 1);
                long interval = on[i] - on[p];
                continues = clm[p] && !run.isEmpty() && interval >= rules.minImiUs() && interval <= rules.maxImiUs();
            }
            if (!continues) {
                if (run.size() >= rules.minSeriesLength()) {
                    number++;
                    for (int j : run) {
                        out[j] = number;
                    }
                }
                run.clear();
            }
            if (clm[i]) {
                run.add(i);
            }
        }
        if (run.size() >= rules.minSeriesLength()) {
            number++;
            for (int j : run) {
                out[j] = number;
            }
        }
    }
}
