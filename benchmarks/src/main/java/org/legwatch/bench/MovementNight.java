package org.legwatch.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

import org.legwatch.analysis.scoring.Leg;
import org.legwatch.analysis.scoring.Micros;
import org.legwatch.analysis.scoring.NightAccumulator;
import org.legwatch.analysis.scoring.NightStatistics;
import org.legwatch.analysis.scoring.ScoringAnnotations;
import org.legwatch.analysis.scoring.ScoringRules;
import org.legwatch.analysis.scoring.StreamingScorer;

/**
 * A synthetic night of single-leg movements, as a detector on two ankles would report them, in onset
 * order and in primitive arrays so that feeding it to a scorer allocates nothing.
 *
 * <p>The night alternates PLM episodes and quiet spells. In an episode, leg movements come every
 * 15-40 s (so they form PLM series), on either leg, often on both with overlapping or near-touching
 * bursts (bilateral movements), and often broken up into same-leg fragments less than 0.5 s apart
 * (which the scorer joins); a few are longer than 10 s (not CLMs: they break the series). Quiet spells
 * hold isolated movements. Short twitches (under 0.5 s, which the scorer drops) are sprinkled over
 * the whole night. The mix is tuned so that 4,000 single-leg movements span about 8 hours (about
 * half of them fragments or twitches under 0.5 s) and score as a severe but plausible night: with
 * the default seed, ~860 final movements (about half bilateral), a PLM index of ~90/h in ~40 series.
 *
 * <p>The same seed always gives the same night.
 */
public final class MovementNight {
    /** Leg ordinals of {@link #legs}. */
    public static final Leg[] LEGS = {Leg.RIGHT, Leg.LEFT};

    public final long[] onsetUs;
    public final long[] offsetUs;
    /** 0 = right, 1 = left ({@link Leg#ordinal()}). */
    public final byte[] legs;

    private MovementNight(long[] onsetUs, long[] offsetUs, byte[] legs) {
        this.onsetUs = onsetUs;
        this.offsetUs = offsetUs;
        this.legs = legs;
    }

    public int size() {
        return onsetUs.length;
    }

    /** Onset of the last movement, as a rough length of the night. */
    public long spanUs() {
        return onsetUs[onsetUs.length - 1];
    }

    /** Exactly {@code movements} single-leg movements in onset order (the first ones of a longer night). */
    public static MovementNight generate(long seed, int movements) {
        Builder b = new Builder(new SplittableRandom(seed));
        // Generate a little more than asked, sort, and keep the first ones, so that the count is exact.
        // Movements are generated at most a few seconds out of onset order, so nothing is missing at the cut.
        long t = 3 * 60 * Micros.PER_SECOND;
        while (b.size < movements + 64) {
            t = b.plmEpisode(t);
            t = b.quietSpell(t);
        }
        return b.build(movements);
    }

    private static final class Builder {
        final SplittableRandom rnd;
        long[] on = new long[8192];
        long[] off = new long[8192];
        byte[] leg = new byte[8192];
        int size;

        Builder(SplittableRandom rnd) {
            this.rnd = rnd;
        }

        /** A run of periodic movements; returns the time after it. */
        long plmEpisode(long t) {
            int events = 6 + rnd.nextInt(55);
            int side = rnd.nextInt(2);
            for (int e = 0; e < events; e++) {
                if (rnd.nextDouble() < 0.3) {
                    side ^= 1; // the leading leg changes now and then
                }
                if (rnd.nextDouble() < 0.03) {
                    // a long movement (> 10 s): not a CLM, ends the series
                    add(t, t + us(10.5, 40), side);
                } else {
                    double duration = rnd.nextDouble(0.6, 4.5);
                    burst(t, duration, side);
                    if (rnd.nextDouble() < 0.55) {
                        // the other leg too: overlapping, or starting within 0.5 s of the end
                        long start = t + us(0, Math.min(duration + 0.45, 2.0));
                        burst(start, rnd.nextDouble(0.5, 4.0), side ^ 1);
                    }
                }
                if (rnd.nextDouble() < 0.7) {
                    twitch(t + us(5, 12));
                }
                t += us(15, 40);
            }
            return t + us(10, 60);
        }

        /** A spell without periodic movements, with a few isolated ones; returns the time after it. */
        long quietSpell(long t) {
            long end = t + us(120, 600);
            t += us(5, 60);
            while (t < end) {
                int side = rnd.nextInt(2);
                double kind = rnd.nextDouble();
                if (kind < 0.10) {
                    add(t, t + us(10.5, 60), side);
                } else if (kind < 0.35) {
                    twitch(t);
                } else {
                    double duration = rnd.nextDouble(0.5, 8);
                    burst(t, duration, side);
                    if (rnd.nextDouble() < 0.2) {
                        burst(t + us(0, duration), rnd.nextDouble(0.5, 4), side ^ 1);
                    }
                }
                // irregular: mostly outside the PLM IMI range, in short clusters or far apart
                double gap = rnd.nextDouble();
                t += gap < 0.5 ? us(1.5, 9.5) : gap < 0.8 ? us(91, 150) : us(10, 90);
            }
            return end;
        }

        /**
         * Activity on one leg lasting about {@code seconds}; 70% of the time reported as 2-5 fragments
         * separated by gaps under 0.5 s (one movement once joined).
         */
        void burst(long t, double seconds, int side) {
            long end = t + Micros.ofSeconds(seconds);
            if (rnd.nextDouble() < 0.3) {
                add(t, end, side);
                return;
            }
            int fragments = 2 + rnd.nextInt(4);
            long pos = t;
            for (int f = 0; f < fragments - 1 && pos < end; f++) {
                long fragmentEnd = Math.min(end, pos + us(0.1, 1.2));
                add(pos, fragmentEnd, side);
                pos = fragmentEnd + us(0.05, 0.45);
            }
            add(pos, Math.max(pos + us(0.05, 0.3), end), side);
        }

        /** A movement under 0.5 s, dropped by the minimum-duration rule unless a neighbour absorbs it. */
        void twitch(long t) {
            add(t, t + us(0.05, 0.45), rnd.nextInt(2));
        }

        long us(double fromSeconds, double toSeconds) {
            return Micros.ofSeconds(rnd.nextDouble(fromSeconds, toSeconds));
        }

        void add(long onset, long offset, int side) {
            if (size == on.length) {
                on = Arrays.copyOf(on, size * 2);
                off = Arrays.copyOf(off, size * 2);
                leg = Arrays.copyOf(leg, size * 2);
            }
            on[size] = onset;
            off[size] = offset;
            leg[size] = (byte) side;
            size++;
        }

        MovementNight build(int movements) {
            // Sort by onset (stable, ties keep generation order): the scorer requires onset order.
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Long.compare(on[a], on[b]));
            long[] onsets = new long[movements];
            long[] offsets = new long[movements];
            byte[] legs = new byte[movements];
            for (int i = 0; i < movements; i++) {
                onsets[i] = on[order[i]];
                offsets[i] = off[order[i]];
                legs[i] = leg[order[i]];
            }
            return new MovementNight(onsets, offsets, legs);
        }
    }

    /** Prints what the benchmark's night looks like and how it scores: {@code java -cp benchmarks.jar org.legwatch.bench.MovementNight}. */
    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : ScoringBenchmark.SEED;
        int movements = args.length > 1 ? Integer.parseInt(args[1]) : ScoringBenchmark.MOVEMENTS;
        MovementNight night = generate(seed, movements);
        int under = 0;
        int longer = 0;
        int[] perLeg = new int[2];
        for (int i = 0; i < night.size(); i++) {
            long d = night.offsetUs[i] - night.onsetUs[i];
            under += d < 500_000 ? 1 : 0;
            longer += d > 10_000_000 ? 1 : 0;
            perLeg[night.legs[i]]++;
        }
        double hours = Micros.toHours(night.spanUs());
        System.out.printf(Locale.ROOT, "input: %d single-leg movements (R %d, L %d) over %.2f h; %d under 0.5 s, %d over 10 s%n",
                night.size(), perLeg[0], perLeg[1], hours, under, longer);
        int[] scored = new int[1];
        NightAccumulator acc = new NightAccumulator(ScoringRules.WASM_2016, false);
        StreamingScorer scorer = new StreamingScorer(ScoringRules.WASM_2016, ScoringAnnotations.NONE,
                acc.andThen(m -> scored[0]++));
        for (int i = 0; i < night.size(); i++) {
            scorer.accept(night.onsetUs[i], night.offsetUs[i], LEGS[night.legs[i]]);
        }
        scorer.finish();
        NightStatistics s = acc.statistics(hours);
        System.out.printf(Locale.ROOT, "scored: %d final movements; LM %s; CLM %s; PLM %s; %d series (length %d-%d, mean %.1f)%n",
                scored[0], s.lm(), s.clm(), s.plm(), s.seriesCount(), s.seriesLengthMin(), s.seriesLengthMax(), s.seriesLengthMean());
        System.out.printf(Locale.ROOT, "indices per hour: LM %.1f, CLM %.1f, PLM %.1f; periodicity %.2f; median duration %.1f s%n",
                s.lmIndex(), s.clmIndex(), s.plmIndex(), s.periodicityIndex(), s.durationMedianS());
    }
}
