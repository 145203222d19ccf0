package org.legwatch.host.export;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.legwatch.analysis.movement.LegMovementDetector;
import org.legwatch.analysis.scoring.Leg;
import org.legwatch.host.detect.RecordingDetection;

/**
 * The first reading of a recording for its EDF file: the grid, which data records have samples,
 * where each leg lost samples (an interval longer than {@link LegMovementDetector#GAP_FACTOR}
 * periods, as the detector counts them), each leg's first and last sample, and the largest
 * acceleration. Memory: one bit per record, one entry per gap.
 */
final class RecordingScan implements RecordingDetection.SampleSink {
    /** A stretch of a leg without samples, µs on the recording's time axis; {@code lost} when samples went missing between two. */
    record Absence(Leg leg, long fromUs, long toUs, boolean lost) {
    }

    private List<Leg> legs;
    private double rateHz;
    private SampleGrid grid;
    private SampleGrid.Placement placement;
    private final BitSet records = new BitSet();
    private final List<Absence> absences = new ArrayList<>();
    private double[] firstT;
    private double[] lastT;
    private double[][] firstValues;
    private long[] samples;
    private long lostSamples;
    private double lastAnyT = Double.NEGATIVE_INFINITY;
    private double maxAbsG;

    @Override
    public void begin(List<Leg> legs, double sampleRateHz) {
        this.legs = List.copyOf(legs);
        this.rateHz = sampleRateHz;
        grid = SampleGrid.forRate(sampleRateHz, legs.size());
        placement = grid.placement();
        firstT = new double[legs.size()];
        lastT = new double[legs.size()];
        firstValues = new double[legs.size()][];
        samples = new long[legs.size()];
    }

    @Override
    public void sample(Leg leg, double t, double x, double y, double z) {
        int i = legs.indexOf(leg);
        long slot = placement.slot(i, t);
        if (slot >= 0) {
            records.set(Math.toIntExact(slot / grid.samplesPerRecord()));
        }
        if (samples[i] == 0) {
            firstT[i] = t;
            firstValues[i] = new double[] {x, y, z};
        } else {
            double dt = t - lastT[i];
            if (dt > LegMovementDetector.GAP_FACTOR / rateHz) {
                absences.add(new Absence(leg, micros(lastT[i] + 1 / rateHz), micros(t), true));
                lostSamples += Math.round(dt * rateHz) - 1;
            }
        }
        lastT[i] = t;
        samples[i]++;
        lastAnyT = Math.max(lastAnyT, t);
        maxAbsG = Math.max(maxAbsG, Math.max(Math.abs(x), Math.max(Math.abs(y), Math.abs(z))));
    }

    private static long micros(double s) {
        return Math.round(s * 1e6);
    }

    List<Leg> legs() {
        return legs;
    }

    SampleGrid grid() {
        return grid;
    }

    /** Whether data record {@code record} has samples. */
    boolean hasRecord(long record) {
        return record >= 0 && record <= Integer.MAX_VALUE && records.get((int) record);
    }

    /** The record with samples nearest to {@code record}: itself, else the next, else the one before. */
    long recordWithSamples(long record) {
        int from = (int) Math.max(0, Math.min(record, records.length() - 1));
        int next = records.nextSetBit(from);
        return next >= 0 ? next : records.previousSetBit(from);
    }

    /** Whether every record from the first to the last has samples. */
    boolean recordsContiguous() {
        return records.cardinality() == records.length() - records.nextSetBit(0);
    }

    long recordsWithSamples() {
        return records.cardinality();
    }

    /**
     * Where legs had no samples: samples lost between two, and stretches longer than the gap rule
     * before a leg's first or after its last sample while the other leg recorded.
     */
    List<Absence> absences() {
        List<Absence> all = new ArrayList<>(absences);
        double originS = grid.originUs() / 1e6;
        for (int i = 0; i < legs.size(); i++) {
            if (firstT[i] - originS > LegMovementDetector.GAP_FACTOR / rateHz) {
                all.add(new Absence(legs.get(i), micros(originS), micros(firstT[i]), false));
            }
            if (lastAnyT - lastT[i] > LegMovementDetector.GAP_FACTOR / rateHz) {
                all.add(new Absence(legs.get(i), micros(lastT[i] + 1 / rateHz), micros(lastAnyT), false));
            }
        }
        return all;
    }

    long lostSamples() {
        return lostSamples;
    }

    /** A leg's first sample, x, y, z in g. */
    double[] firstValues(int leg) {
        return firstValues[leg];
    }

    long samples(int leg) {
        return samples[leg];
    }

    double maxAbsG() {
        return maxAbsG;
    }
}
