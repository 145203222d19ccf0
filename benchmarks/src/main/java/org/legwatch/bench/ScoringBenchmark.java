package org.legwatch.bench;

import java.util.concurrent.TimeUnit;

import org.legwatch.analysis.scoring.Leg;
import org.legwatch.analysis.scoring.NightAccumulator;
import org.legwatch.analysis.scoring.ScoredMovement;
import org.legwatch.analysis.scoring.ScoringAnnotations;
import org.legwatch.analysis.scoring.ScoringRules;
import org.legwatch.analysis.scoring.StreamingScorer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of the WASM 2016 streaming scorer, in single-leg movements per second.
 *
 * <p>Each invocation feeds a whole synthetic night ({@link MovementNight}: {@value #MOVEMENTS}
 * single-leg movements over about 8 h) through one reused {@link StreamingScorer}, finishes it and
 * resets it. {@link OperationsPerInvocation} makes one operation one input movement, so the score is
 * movements/s and, with {@code -prof gc}, {@code gc.alloc.rate.norm} is bytes allocated per input
 * movement (the scorer's only intended allocation is one {@link ScoredMovement} per final movement,
 * and there are fewer final movements than input movements).
 *
 * <ul>
 *   <li>{@link #intoAccumulator}: the scored stream goes into a {@link NightAccumulator}, as in the
 *       application (one accumulator for the whole trial; it has no reset and its memory is fixed).
 *   <li>{@link #intoBlackhole}: the scored stream goes into a JMH {@link Blackhole}, which measures
 *       the scorer alone.
 * </ul>
 *
 * <p>Run with {@code ./bench ScoringBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ScoringBenchmark {
    /** Single-leg movements in the night; the operations of one invocation. */
    public static final int MOVEMENTS = 4_000;
    public static final long SEED = 0x5EED_2016L;

    private static final Leg[] LEGS = MovementNight.LEGS;

    private long[] onsetUs;
    private long[] offsetUs;
    private byte[] legs;

    private NightAccumulator accumulator;
    private StreamingScorer toAccumulator;
    private StreamingScorer toBlackhole;

    @Setup(Level.Trial)
    public void setUp(Blackhole blackhole) {
        MovementNight night = MovementNight.generate(SEED, MOVEMENTS);
        onsetUs = night.onsetUs;
        offsetUs = night.offsetUs;
        legs = night.legs;
        accumulator = new NightAccumulator(ScoringRules.WASM_2016, false);
        toAccumulator = new StreamingScorer(ScoringRules.WASM_2016, ScoringAnnotations.NONE, accumulator);
        toBlackhole = new StreamingScorer(ScoringRules.WASM_2016, ScoringAnnotations.NONE, blackhole::consume);
    }

    @Benchmark
    @OperationsPerInvocation(MOVEMENTS)
    public int intoAccumulator() {
        return scoreNight(toAccumulator);
    }

    @Benchmark
    @OperationsPerInvocation(MOVEMENTS)
    public int intoBlackhole() {
        return scoreNight(toBlackhole);
    }

    /** Feeds the night, finishes it, and resets the scorer for the next invocation; returns the PLM series count. */
    private int scoreNight(StreamingScorer scorer) {
        long[] on = onsetUs;
        long[] off = offsetUs;
        byte[] leg = legs;
        for (int i = 0; i < on.length; i++) {
            scorer.accept(on[i], off[i], LEGS[leg[i]]);
        }
        scorer.finish();
        int series = scorer.seriesCount();
        scorer.reset();
        return series;
    }
}
