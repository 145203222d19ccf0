package org.legwatch.host.export;

import org.legwatch.analysis.movement.LegMovementDetector;

/**
 * The regular time grid an EDF file needs, laid over sample times that are not quite regular:
 * slots at a fixed rate from the first sample of the recording, {@code samplesPerRecord} slots to a
 * data record. Each leg is shifted by less than half a slot so that its first sample lies on one
 * (the two legs' sensors sample at their own phases). A {@link Placement} puts a leg's samples in
 * consecutive slots while they stay within {@value #SLACK} slot of their own time, so timing jitter
 * moves nothing; a clock fast or slow against the grid costs one dropped sample or one repeated
 * slot each time it has drifted that far, and after lost samples the next sample goes to the slot
 * of its time. No sample is placed more than about a slot from its time.
 */
final class SampleGrid {
    /** Record durations tried, seconds: the first that makes the rate a whole number of samples per record. */
    private static final int[] RECORD_SECONDS = {1, 2, 4, 5, 10};
    private static final double RATE_TOLERANCE = 0.002;
    /** How far (in slots) a sample may sit from its time before its leg is set back to its time. */
    static final double SLACK = 0.75;

    private final int samplesPerRecord;
    private final long recordUs;
    private final double slotRateHz;
    private final double[] phase;
    private double originS = Double.NaN;

    private SampleGrid(int samplesPerRecord, long recordUs, int legs) {
        this.samplesPerRecord = samplesPerRecord;
        this.recordUs = recordUs;
        this.slotRateHz = samplesPerRecord * 1e6 / recordUs;
        this.phase = new double[legs];
        java.util.Arrays.fill(phase, Double.NaN);
    }

    /**
     * The grid for a measured sample rate: records of the shortest duration from 1, 2, 4, 5, 10 s
     * holding a whole number of samples within 0.2 % of the rate (1 s and the nearest whole
     * number otherwise).
     */
    static SampleGrid forRate(double rateHz, int legs) {
        for (int seconds : RECORD_SECONDS) {
            long samples = Math.round(rateHz * seconds);
            if (samples >= 1 && Math.abs(samples / (double) seconds - rateHz) <= RATE_TOLERANCE * rateHz) {
                return new SampleGrid((int) samples, seconds * 1_000_000L, legs);
            }
        }
        return new SampleGrid((int) Math.max(1, Math.round(rateHz)), 1_000_000L, legs);
    }

    /** One reading's placement of samples in slots; the first reading fixes the grid's origin and the legs' phases. */
    Placement placement() {
        return new Placement(phase.length);
    }

    /** Slots for one reading of the recording, in time order. */
    final class Placement {
        private final long[] lastSlot;
        private final double[] lastT;
        private long dropped;
        private long repeated;

        private Placement(int legs) {
            lastSlot = new long[legs];
            lastT = new double[legs];
            java.util.Arrays.fill(lastSlot, Long.MIN_VALUE);
        }

        /** The slot of leg {@code leg}'s sample at {@code t} s, or -1 when the sample is dropped (its slot is taken). */
        long slot(int leg, double t) {
            if (Double.isNaN(originS)) {
                originS = t;
            }
            double x = (t - originS) * slotRateHz;
            if (Double.isNaN(phase[leg])) {
                phase[leg] = x - Math.rint(x);
            }
            x -= phase[leg];
            long previous = lastSlot[leg];
            long slot;
            if (previous != Long.MIN_VALUE && (t - lastT[leg]) * slotRateHz <= LegMovementDetector.GAP_FACTOR
                    && Math.abs(x - (previous + 1)) <= SLACK) {
                slot = previous + 1;
            } else {
                slot = Math.round(x);
                if (previous != Long.MIN_VALUE && slot <= previous) {
                    lastT[leg] = t;
                    dropped++;
                    return -1;
                }
                if (previous != Long.MIN_VALUE && (t - lastT[leg]) * slotRateHz <= LegMovementDetector.GAP_FACTOR) {
                    repeated += slot - previous - 1;
                }
            }
            lastSlot[leg] = slot;
            lastT[leg] = t;
            return slot;
        }

        /** Samples dropped because their leg's clock ran ahead of the grid. */
        long dropped() {
            return dropped;
        }

        /** Empty slots between two samples less than a gap apart (the leg's clock fell behind), filled by repeating the earlier one. */
        long repeated() {
            return repeated;
        }
    }

    int samplesPerRecord() {
        return samplesPerRecord;
    }

    long recordUs() {
        return recordUs;
    }

    double slotRateHz() {
        return slotRateHz;
    }

    /** The time of slot 0, µs on the recording's time axis. */
    long originUs() {
        return Math.round(originS * 1e6);
    }

    /** The record that holds the time {@code us} on the recording's time axis. */
    long recordAt(long us) {
        return Math.floorDiv(us - originUs(), recordUs);
    }
}
