package org.legwatch.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.legwatch.analysis.movement.DetectorSettings;
import org.legwatch.analysis.movement.LegMovementDetector;
import org.legwatch.analysis.night.NightRecorder;
import org.legwatch.analysis.night.NightSettings;
import org.legwatch.analysis.scoring.Leg;
import org.legwatch.analysis.scoring.ScoredMovement;
import org.legwatch.analysis.scoring.ScoringRules;
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
 * Throughput of the per-sample path, in samples per second of one leg.
 *
 * <p>Each invocation feeds ten minutes of one leg at 100 Hz ({@link SimulatedLeg}: {@value #SAMPLES}
 * samples of a severe patient in bed from the night simulator). {@link OperationsPerInvocation} makes one
 * operation one sample, so the score is samples/s and, with {@code -prof gc},
 * {@code gc.alloc.rate.norm} is bytes allocated per sample.
 *
 * <p>The detector keeps its state and requires time to advance, so one detector (one recorder) runs
 * for the whole trial and each invocation continues its timeline: invocation {@code k} feeds the
 * recording shifted by {@code k} times {@link SimulatedLeg#spanS}, as one endless night (no
 * per-invocation set-up, which would distort a benchmark this small).
 *
 * <ul>
 *   <li>{@link #detector}: a {@link LegMovementDetector} alone, its movements into a {@link Blackhole}.
 *       The detector must do O(1) work and allocate nothing per sample.
 *   <li>{@link #nightRecorder}: the whole chain, a one-leg {@link NightRecorder} (detector, posture,
 *       not-worn time, scoring) with the default settings and WASM 2016 rules, its scored movements
 *       into a {@link Blackhole}. Its only intended allocations are a {@link ScoredMovement} per
 *       final movement and a span per in-bed / not-worn change; per sample that is close to 0.
 * </ul>
 *
 * <p>Run with {@code ./bench DetectorBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DetectorBenchmark {
    /** Samples of one replay of the recording; the operations of one invocation. */
    public static final int SAMPLES = SimulatedLeg.SAMPLES;

    private double[] t;
    private double[] x;
    private double[] y;
    private double[] z;
    private double spanS;

    private LegMovementDetector detector;
    /** Replays fed so far: the next one is shifted by this many spans. */
    private long detectorReplays;

    private NightRecorder recorder;
    private long recorderReplays;

    @Setup(Level.Trial)
    public void setUp(Blackhole blackhole) {
        SimulatedLeg signal = new SimulatedLeg(SimulatedLeg.SEED);
        t = signal.t;
        x = signal.x;
        y = signal.y;
        z = signal.z;
        spanS = signal.spanS;
        detector = new LegMovementDetector(Leg.RIGHT, SimulatedLeg.RATE_HZ, DetectorSettings.DEFAULT,
                (leg, onsetUs, offsetUs, peakG) -> {
                    blackhole.consume(onsetUs);
                    blackhole.consume(offsetUs);
                    blackhole.consume(peakG);
                });
        detectorReplays = 0;
        recorder = new NightRecorder(NightSettings.DEFAULT, DetectorSettings.DEFAULT, ScoringRules.WASM_2016,
                List.of(Leg.RIGHT), SimulatedLeg.RATE_HZ, blackhole::consume);
        recorderReplays = 0;
    }

    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public long detector() {
        LegMovementDetector d = detector;
        double offset = detectorReplays++ * spanS;
        double[] tt = t;
        double[] xx = x;
        double[] yy = y;
        double[] zz = z;
        for (int i = 0; i < tt.length; i++) {
            d.accept(tt[i] + offset, xx[i], yy[i], zz[i]);
        }
        return d.movements();
    }

    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public double nightRecorder() {
        NightRecorder r = recorder;
        double offset = recorderReplays++ * spanS;
        double[] tt = t;
        double[] xx = x;
        double[] yy = y;
        double[] zz = z;
        for (int i = 0; i < tt.length; i++) {
            r.accept(Leg.RIGHT, tt[i] + offset, xx[i], yy[i], zz[i]);
        }
        return offset;
    }
}
