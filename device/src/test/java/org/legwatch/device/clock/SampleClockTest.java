package org.legwatch.device.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A simulated chip samples at its own rate (off the nominal one); a simulated Pi reads its FIFO at
 * irregular moments with bus latency. The clock's times must follow the chip's true sample times.
 */
class SampleClockTest {
    private static final double NOMINAL_HZ = 100;

    /** The chip: sample i taken at {@code startNs + i * periodNs}. */
    private record Chip(double startNs, double periodNs) {
        double timeOf(long i) {
            return startNs + i * periodNs;
        }

        /** Samples taken up to time t. */
        long takenBy(double tNs) {
            return tNs < startNs ? 0 : (long) Math.floor((tNs - startNs) / periodNs) + 1;
        }
    }

    /** Errors (ns) of every stamped sample against the chip's truth, after a settling time. */
    private static List<Double> run(Chip chip, double seconds, long seed, double stallAtS, double stallForS) {
        SampleClock clock = new SampleClock(NOMINAL_HZ, 0.5);
        SplittableRandom random = new SplittableRandom(seed);
        long[] times = new long[64];
        List<Double> errors = new ArrayList<>();
        long next = 0;
        double now = chip.startNs() + 50e6;
        while (now < chip.startNs() + seconds * 1e9) {
            now += 100e6 + random.nextDouble() * 150e6; // the loop wakes every 100-250 ms
            double latency = 0.3e6 + random.nextDouble() * 2e6; // the read completes 0.3-2.3 ms later
            long taken = chip.takenBy(now);
            boolean stalled = now > chip.startNs() + stallAtS * 1e9 && now < chip.startNs() + (stallAtS + stallForS) * 1e9;
            if (stalled) {
                continue; // the sampling thread did not run: the FIFO fills and overflows
            }
            int n = (int) Math.min(32, taken - next);
            long lost = taken - next - n; // a full FIFO keeps the newest 32
            long first = next + lost;
            clock.stamp(n, lost, Math.round(now + latency), times);
            for (int i = 0; i < n; i++) {
                if (now > chip.startNs() + 60e9) {
                    errors.add(times[i] - chip.timeOf(first + i));
                }
            }
            next = taken;
        }
        return errors;
    }

    @Test
    void followsAChipTwoPercentFastWithinAFewMilliseconds() {
        Chip chip = new Chip(1e12, 1e9 / (NOMINAL_HZ * 1.02));
        List<Double> errors = run(chip, 900, 1, Double.MAX_VALUE, 0);
        assertTrue(errors.size() > 80_000);
        double worst = errors.stream().mapToDouble(Math::abs).max().orElseThrow();
        double mean = errors.stream().mapToDouble(d -> d).average().orElseThrow();
        // the last sample of a read is on average half a period plus the latency old
        assertTrue(Math.abs(mean) < 3e6, "mean error " + mean / 1e6 + " ms");
        assertTrue(worst < 8e6, "worst error " + worst / 1e6 + " ms");
    }

    @Test
    void measuresTheChipsTrueRate() {
        for (double off : new double[] {-0.05, -0.01, 0, 0.03, 0.08}) {
            SampleClock clock = new SampleClock(NOMINAL_HZ, 0.5);
            Chip chip = new Chip(0, 1e9 / (NOMINAL_HZ * (1 + off)));
            long[] times = new long[64];
            long next = 0;
            SplittableRandom random = new SplittableRandom(7);
            for (double now = 0; now < 600e9; now += 150e6 + random.nextDouble() * 50e6) {
                long taken = chip.takenBy(now);
                int n = (int) Math.min(32, taken - next);
                clock.stamp(n, taken - next - n, Math.round(now + 1e6), times);
                next = taken;
            }
            assertEquals(NOMINAL_HZ * (1 + off), clock.estimatedRateHz(), 0.05, "chip " + off);
            assertEquals(0, clock.lostSamples());
        }
    }

    @Test
    void samplesThatNeverArrivedBecomeAGapOfTheRightLengthAndTimesNeverGoBack() {
        Chip chip = new Chip(5e9, 1e9 / (NOMINAL_HZ * 0.99));
        SampleClock clock = new SampleClock(NOMINAL_HZ, 0.5);
        long[] times = new long[64];
        long next = 0;
        long previous = Long.MIN_VALUE;
        double now = chip.startNs();
        SplittableRandom random = new SplittableRandom(3);
        long missed = 0;
        while (now < chip.startNs() + 600e9) {
            now += 100e6 + random.nextDouble() * 100e6;
            long taken = chip.takenBy(now);
            if (now > chip.startNs() + 200e9 && now < chip.startNs() + 230e9) {
                missed += taken - next;
                next = taken; // cable out for 30 s: nothing read, the chip re-initialised after
                continue;
            }
            int n = (int) Math.min(32, taken - next);
            clock.stamp(n, 0, Math.round(now + 1e6), times); // the driver knows of no loss
            for (int i = 0; i < n; i++) {
                assertTrue(times[i] > previous, "time went back");
                previous = times[i];
            }
            if (n > 0) {
                // at the first read the phase is known to a period; the loop then closes in
                boolean settled = now > chip.startNs() + 10e9;
                assertEquals(chip.timeOf(taken - 1), times[n - 1], settled ? 8e6 : 15e6, "last sample at " + (now - chip.startNs()) / 1e9 + " s");
            }
            next = taken;
        }
        assertEquals(missed, clock.lostSamples(), 2);
        assertEquals(1, clock.gaps());
    }

    @Test
    void reportedOverrunsAdvanceTimeByTheLostSamples() {
        Chip chip = new Chip(0, 1e7);
        List<Double> errors = run(chip, 600, 11, 300, 0.9); // 0.9 s unread: 58+ samples overflow the FIFO
        double worst = errors.stream().mapToDouble(Math::abs).max().orElseThrow();
        assertTrue(worst < 8e6, "worst error " + worst / 1e6 + " ms");
    }
}
