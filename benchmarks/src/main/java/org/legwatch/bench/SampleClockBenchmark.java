package org.legwatch.bench;

import java.util.concurrent.TimeUnit;
import org.legwatch.device.clock.SampleClock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The device's sample clock on the path of every FIFO read: one operation is one sample timed, in
 * reads of {@value #PER_READ} samples (a LIS3DH's half FIFO at 100 Hz) at a slightly irregular
 * cadence. With {@code -prof gc}, {@code gc.alloc.rate.norm} is bytes per sample (0 expected).
 *
 * <p>Run with {@code ./bench SampleClockBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SampleClockBenchmark {
    static final int PER_READ = 16;
    private final SampleClock clock = new SampleClock(100, 0.5);
    private final long[] times = new long[32];
    private long readNs = 1_000_000_000L;
    private int step;

    @Benchmark
    @OperationsPerInvocation(PER_READ)
    public void stampARead(Blackhole bh) {
        // 160 ms apart, +-1.5 ms of scheduling jitter (deterministic), as the Pi's sampling thread reads.
        step = (step + 7) % 31;
        readNs += 160_000_000L + (step - 15) * 100_000L;
        clock.stamp(PER_READ, 0, readNs, times);
        bh.consume(times[PER_READ - 1]);
    }
}
