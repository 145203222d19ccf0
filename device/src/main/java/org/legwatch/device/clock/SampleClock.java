package org.legwatch.device.clock;

/**
 * Gives a sensor's samples their times from the rhythm of its FIFO, not from the moment each read
 * happened to run: the chip samples at a steady rate of its own (its oscillator is a few per cent
 * off the nominal rate, and drifts with temperature), while a read on a Raspberry Pi runs whenever
 * the scheduler lets it. A read's completion time only bounds when its last sample was taken.
 *
 * <p>The clock keeps the time of the last sample and an estimate of the chip's true period, and
 * runs as a phase-locked loop on the reads: after each read it predicts when the read's last sample
 * was taken (one period per sample after the previous one), compares that with the read's
 * completion time less half a period (the last sample is on average half a period old when a read
 * finds it), and corrects phase and period by small fractions of the difference. The samples of a
 * read are spread evenly, so times never go back and spacing stays near one period.
 *
 * <p>Lost samples become a jump in time, never a squeeze: samples the driver reports lost to a FIFO
 * overrun, and samples that never arrived (a read that finds far fewer samples than the time since
 * the last one allows, as when a cable was pulled and the sensor re-initialised) advance the time by
 * whole periods, counted in {@link #lostSamples()}.
 *
 * <p>O(1) per read, no allocation; not thread-safe (one per sensor, used by the sampling thread).
 */
public final class SampleClock {
    /** Share of the phase error corrected per read. */
    private static final double PHASE_GAIN = 0.2;
    /** Share of the phase error, per sample, taken into the period per read (with the phase gain, a critically damped loop: 0.2 = 2 sqrt(0.01)). */
    private static final double FREQUENCY_GAIN = 0.01;
    /** How far the period may stray from the nominal one: chips' oscillators are within a few per cent. */
    private static final double MAX_RATE_ERROR = 0.15;

    private final double nominalPeriodNs;
    private final double gapThresholdNs;
    private double periodNs;
    private double lastSampleNs = Double.NaN;
    private long lostSamples;
    private long gaps;

    /**
     * @param nominalRateHz the configured output data rate
     * @param gapThresholdS a phase error larger than this (and than three periods) is taken as
     *                      samples that never arrived, not as clock drift
     */
    public SampleClock(double nominalRateHz, double gapThresholdS) {
        if (!(nominalRateHz > 0) || !(gapThresholdS > 0)) {
            throw new IllegalArgumentException("rate and gap threshold must be positive");
        }
        this.nominalPeriodNs = 1e9 / nominalRateHz;
        this.periodNs = nominalPeriodNs;
        this.gapThresholdNs = Math.max(3 * nominalPeriodNs, gapThresholdS * 1e9);
    }

    /**
     * Times the {@code n} samples one read returned.
     *
     * @param n          samples the read returned (0 changes nothing)
     * @param lostBefore samples the driver reports lost before them (FIFO overrun), estimated
     * @param readDoneNs monotonic time at which the read completed
     * @param outNs      receives the samples' monotonic times in ns, {@code outNs[0..n)}
     */
    public void stamp(int n, long lostBefore, long readDoneNs, long[] outNs) {
        if (n <= 0) {
            return;
        }
        double observedLast = readDoneNs - periodNs / 2;
        if (Double.isNaN(lastSampleNs)) {
            place(n, observedLast - (n - 1) * periodNs, outNs);
            return;
        }
        long lost = Math.max(0, lostBefore);
        double predictedLast = lastSampleNs + (lost + n) * periodNs;
        double error = observedLast - predictedLast;
        if (error > gapThresholdNs) {
            // Samples the driver did not report: the time since the last sample holds more of them.
            long missing = Math.round(error / periodNs);
            lost += missing;
            error -= missing * periodNs;
        }
        if (lost > 0) {
            lostSamples += lost;
            gaps++;
        }
        if (error < -gapThresholdNs) {
            // More samples than the time allows: our period is far off (a chip reset to another
            // rate, or a stalled clock). Start over at the nominal period from this read.
            periodNs = nominalPeriodNs;
            double first = Math.max(lastSampleNs + periodNs / 2, observedLast - (n - 1) * periodNs);
            place(n, first, outNs);
            return;
        }
        int steps = (int) Math.min(Integer.MAX_VALUE, lost + n);
        periodNs += FREQUENCY_GAIN * error / steps;
        periodNs = Math.max(nominalPeriodNs * (1 - MAX_RATE_ERROR), Math.min(nominalPeriodNs * (1 + MAX_RATE_ERROR), periodNs));
        double phase = PHASE_GAIN * error;
        // Spread the correction over the read, never shrinking a step below half a period.
        double step = Math.max(periodNs / 2, periodNs + phase / steps);
        place(n, lastSampleNs + (lost + 1) * step, step, outNs);
    }

    private void place(int n, double firstNs, long[] outNs) {
        place(n, firstNs, periodNs, outNs);
    }

    private void place(int n, double firstNs, double stepNs, long[] outNs) {
        for (int i = 0; i < n; i++) {
            outNs[i] = Math.round(firstNs + i * stepNs);
        }
        lastSampleNs = firstNs + (n - 1) * stepNs;
    }

    /** The chip's rate as measured, in Hz. */
    public double estimatedRateHz() {
        return 1e9 / periodNs;
    }

    /** Samples lost so far (reported by the driver or missing from the rhythm). */
    public long lostSamples() {
        return lostSamples;
    }

    /** Reads after which samples were lost. */
    public long gaps() {
        return gaps;
    }
}
