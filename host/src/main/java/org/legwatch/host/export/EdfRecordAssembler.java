package org.legwatch.host.export;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.TreeMap;
import org.legwatch.analysis.scoring.Leg;
import org.legwatch.host.detect.RecordingDetection;

/**
 * The second reading of a recording: puts each sample in its slot of the grid the first reading
 * laid, and writes each data record with samples once the samples have moved past it, with the
 * annotations placed in it. A slot without a sample of a leg repeats that leg's latest sample
 * before it (its first sample before it began). Memory: one record.
 */
final class EdfRecordAssembler implements RecordingDetection.SampleSink {
    private final EdfWriter writer;
    private final RecordingScan scan;
    private final SampleGrid grid;
    private final List<EdfWriter.Signal> signals;
    private final List<EdfAnnotation> annotations;
    private final long[] annotationRecords;
    private final long firstRecordOnsetUs;
    private final int n;
    private final short[][] latest;
    private final SampleGrid.Placement placement;
    /** Records that may still get samples: a leg's sample can land up to a slot before the other leg's. */
    private final TreeMap<Long, OpenRecord> open = new TreeMap<>();
    private final ArrayDeque<OpenRecord> spare = new ArrayDeque<>();
    private long lastFlushed = -1;
    private int nextAnnotation;

    /** A data record being filled: per signal its samples, per leg how far they are filled. */
    private static final class OpenRecord {
        long index;
        final short[][] samples;
        final int[] filledTo;

        OpenRecord(int signals, int legs, int n) {
            samples = new short[signals][n];
            filledTo = new int[legs];
        }
    }

    /**
     * @param annotations        in onset order
     * @param annotationRecords  the record each annotation goes in (non-decreasing, records with samples)
     * @param firstRecordOnsetUs the start of record 0 after the file's start time
     */
    EdfRecordAssembler(EdfWriter writer, RecordingScan scan, List<EdfWriter.Signal> signals, List<EdfAnnotation> annotations,
                       long[] annotationRecords, long firstRecordOnsetUs) {
        this.writer = writer;
        this.scan = scan;
        this.grid = scan.grid();
        this.signals = signals;
        this.annotations = annotations;
        this.annotationRecords = annotationRecords;
        this.firstRecordOnsetUs = firstRecordOnsetUs;
        this.n = grid.samplesPerRecord();
        int legs = scan.legs().size();
        latest = new short[legs][3];
        placement = grid.placement();
        for (int i = 0; i < legs; i++) {
            double[] first = scan.firstValues(i);
            for (int axis = 0; axis < 3; axis++) {
                latest[i][axis] = signals.get(3 * i + axis).digital(first[axis]);
            }
        }
    }

    @Override
    public void begin(List<Leg> legs, double sampleRateHz) {
        if (!legs.equals(scan.legs())) {
            throw new IllegalStateException("the recordings changed between two readings: legs " + legs);
        }
    }

    @Override
    public void sample(Leg leg, double t, double x, double y, double z) throws IOException {
        // No later sample of either leg lands before this slot (a leg sits less than half a slot off the
        // grid and a sample less than SLACK + 0.5 slot from its time): records ending before it are complete.
        long earliestFutureSlot = (long) Math.ceil((t - grid.originUs() / 1e6) * grid.slotRateHz() - 2);
        while (!open.isEmpty() && (open.firstKey() + 1) * n <= earliestFutureSlot) {
            flush(open.pollFirstEntry().getValue());
        }
        int i = scan.legs().indexOf(leg);
        long slot = placement.slot(i, t);
        if (slot < 0) {
            return;
        }
        long r = Math.floorDiv(slot, n);
        OpenRecord target = open.get(r);
        if (target == null) {
            if (r <= lastFlushed || !scan.hasRecord(r)) {
                throw new IllegalStateException("the recordings changed between two readings (" + leg + " leg at " + t + " s)");
            }
            target = spare.isEmpty() ? new OpenRecord(signals.size(), latest.length, n) : spare.pop();
            target.index = r;
            java.util.Arrays.fill(target.filledTo, 0);
            open.put(r, target);
        }
        for (OpenRecord before : open.headMap(r).values()) {
            repeatLatest(before, i, n);
        }
        int position = (int) (slot - r * n);
        repeatLatest(target, i, position);
        latest[i][0] = signals.get(3 * i).digital(x);
        latest[i][1] = signals.get(3 * i + 1).digital(y);
        latest[i][2] = signals.get(3 * i + 2).digital(z);
        for (int axis = 0; axis < 3; axis++) {
            target.samples[3 * i + axis][position] = latest[i][axis];
        }
        target.filledTo[i] = Math.max(target.filledTo[i], position + 1);
    }

    /** Fills leg {@code i}'s slots of a record from where it stopped up to {@code position} (exclusive) with its latest sample. */
    private void repeatLatest(OpenRecord record, int i, int position) {
        for (int p = record.filledTo[i]; p < position; p++) {
            for (int axis = 0; axis < 3; axis++) {
                record.samples[3 * i + axis][p] = latest[i][axis];
            }
        }
        record.filledTo[i] = Math.max(record.filledTo[i], position);
    }

    private void flush(OpenRecord record) throws IOException {
        for (int i = 0; i < latest.length; i++) {
            repeatLatest(record, i, n);
        }
        int from = nextAnnotation;
        while (nextAnnotation < annotations.size() && annotationRecords[nextAnnotation] == record.index) {
            nextAnnotation++;
        }
        writer.writeRecord(record.samples, firstRecordOnsetUs + record.index * grid.recordUs(),
                annotations.subList(from, nextAnnotation));
        lastFlushed = record.index;
        spare.push(record);
    }

    /** Writes the records still open; checks that every annotation found its record. */
    void finish() throws IOException {
        while (!open.isEmpty()) {
            flush(open.pollFirstEntry().getValue());
        }
        if (nextAnnotation != annotations.size()) {
            throw new IllegalStateException("the recordings changed between two readings: "
                    + (annotations.size() - nextAnnotation) + " annotations found no record");
        }
    }

    /** Samples dropped because their leg's clock ran ahead of the grid. */
    long samplesDropped() {
        return placement.dropped();
    }

    /** Empty slots between two samples less than a gap apart, filled by repeating the earlier one. */
    long slotsRepeated() {
        return placement.repeated();
    }
}
