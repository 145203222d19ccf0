package org.legwatch.analysis.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random nights built to land on the rule bounds often: times on a random grid (1 us, 0.1 s,
 * 0.25 s or 0.5 s), steps and durations drawn partly from the exact bound values.
 */
final class RandomNights {
    private static final long[] EXACT_STEPS = {
        500_000, 499_999, 4_999_999, 5_000_000, 9_999_999, 10_000_000, 10_000_001,
        89_999_999, 90_000_000, 90_000_001, 90_000_002, 20_000_000,
    };
    private static final long[] EXACT_DURATIONS = {
        500_000, 499_999, 10_000_000, 10_000_001, 15_000_000, 7_500_000, 1_000_000,
    };

    private RandomNights() {
    }

    /** Movements sorted by onset (stable, as {@link BatchScorer} sorts them). */
    static List<LegMovement> night(SplittableRandom rnd) {
        long[] quanta = {1, 100_000, 250_000, 500_000};
        long quantum = quanta[rnd.nextInt(quanta.length)];
        int n = 1 + rnd.nextInt(70);
        List<LegMovement> night = new ArrayList<>();
        long t = quantize(rnd.nextLong(0, 5_000_000), quantum);
        for (int i = 0; i < n; i++) {
            double p = rnd.nextDouble();
            long step;
            if (i == 0) {
                step = 0;
            } else if (p < 0.25) {
                step = quantize(rnd.nextLong(0, 3_000_000), quantum);
            } else if (p < 0.4) {
                step = EXACT_STEPS[rnd.nextInt(EXACT_STEPS.length)];
            } else if (p < 0.8) {
                step = quantize(rnd.nextLong(4_000_000, 95_000_000), quantum);
            } else if (p < 0.95) {
                step = quantize(rnd.nextLong(8_000_000, 40_000_000), quantum);
            } else {
                step = quantize(rnd.nextLong(95_000_000, 400_000_000), quantum);
            }
            t += step;
            Leg leg = rnd.nextBoolean() ? Leg.RIGHT : Leg.LEFT;
            night.add(new LegMovement(t, t + duration(rnd, quantum), leg));
            if (rnd.nextDouble() < 0.2) {
                // a partner on the other leg close by
                long delta = quantize(rnd.nextLong(0, 2_000_000), quantum);
                Leg other = leg == Leg.RIGHT ? Leg.LEFT : Leg.RIGHT;
                night.add(new LegMovement(t + delta, t + delta + duration(rnd, quantum), other));
            }
        }
        night.sort(Comparator.comparingLong(LegMovement::onsetUs));
        return night;
    }

    private static long duration(SplittableRandom rnd, long quantum) {
        double p = rnd.nextDouble();
        if (p < 0.2) {
            return quantize(rnd.nextLong(0, 800_000), quantum);
        } else if (p < 0.35) {
            return EXACT_DURATIONS[rnd.nextInt(EXACT_DURATIONS.length)];
        } else if (p < 0.85) {
            return quantize(rnd.nextLong(500_000, 5_000_000), quantum);
        } else {
            return quantize(rnd.nextLong(5_000_000, 16_000_000), quantum);
        }
    }

    private static long quantize(long value, long quantum) {
        return value / quantum * quantum;
    }

    /** Respiratory event ends over the night, or null (not scored) a third of the time. */
    static long[] respiratoryEnds(SplittableRandom rnd, List<LegMovement> night) {
        int choice = rnd.nextInt(3);
        if (choice == 0) {
            return null;
        }
        long span = night.isEmpty() ? 1 : night.get(night.size() - 1).offsetUs() + 20_000_000;
        int n = choice == 1 ? 0 : 1 + rnd.nextInt(12);
        long[] ends = new long[n];
        for (int i = 0; i < n; i++) {
            ends[i] = rnd.nextLong(0, span) / 250_000 * 250_000;
        }
        return ends;
    }

    /** Arousal spans over the night, or null half the time. */
    static long[][] arousals(SplittableRandom rnd, List<LegMovement> night) {
        if (rnd.nextBoolean()) {
            return null;
        }
        long span = night.isEmpty() ? 1 : night.get(night.size() - 1).offsetUs() + 20_000_000;
        int n = rnd.nextInt(12);
        long[][] spans = new long[n][];
        for (int i = 0; i < n; i++) {
            long start = rnd.nextLong(0, span) / 250_000 * 250_000;
            long length = rnd.nextDouble() < 0.8 ? rnd.nextLong(0, 15_000_000) : rnd.nextLong(0, 200_000_000);
            spans[i] = new long[] {start, start + length / 250_000 * 250_000};
        }
        return spans;
    }

    static String toJava(List<LegMovement> night) {
        StringBuilder sb = new StringBuilder();
        for (LegMovement m : night) {
            sb.append(m.leg() == Leg.RIGHT ? "rUs(" : "lUs(").append(m.onsetUs()).append("L, ")
                    .append(m.offsetUs()).append("L), ");
        }
        return sb.toString();
    }
}
