package org.legwatch.host.export;

import java.io.Closeable;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Writes an EDF+ file record by record (EDF+ specification, Kemp and Olivan 2003): the header
 * with its signals, then data records of 16-bit little-endian samples, each ending with the
 * "EDF Annotations" signal whose first TAL keeps the record's start time. Memory holds one record;
 * the number of records is written into the header when the writer is closed.
 */
public final class EdfWriter implements Closeable {
    /** The label of the annotations signal. */
    public static final String ANNOTATIONS_LABEL = "EDF Annotations";
    private static final int NUMBER_OF_RECORDS_OFFSET = 236;

    /**
     * One ordinary signal's header fields. Physical values map linearly onto the digital range:
     * {@code physical = physicalMin + (digital - digitalMin) * (physicalMax - physicalMin) / (digitalMax - digitalMin)}.
     */
    public record Signal(String label, String transducer, String dimension, double physicalMin, double physicalMax,
                         int digitalMin, int digitalMax, String prefilter, int samplesPerRecord) {
        public Signal {
            if (!(physicalMin < physicalMax) || digitalMin >= digitalMax || digitalMin < Short.MIN_VALUE
                    || digitalMax > Short.MAX_VALUE || samplesPerRecord < 1) {
                throw new IllegalArgumentException("signal " + label + ": impossible ranges or samples per record");
            }
        }

        /** The digital value nearest to a physical one, within the digital range. */
        public short digital(double physical) {
            double d = Math.rint(digitalMin + (physical - physicalMin) * (digitalMax - digitalMin) / (physicalMax - physicalMin));
            return (short) Math.max(digitalMin, Math.min(digitalMax, d));
        }
    }

    /**
     * The header's identification: EDF+ patient and recording fields (subfields separated by
     * spaces, see {@link #subfield}), the start date and time (local time, to the second), whether
     * the records are contiguous (EDF+C) or not (EDF+D), and the duration of a record in seconds.
     */
    public record Header(String patient, String recording, LocalDateTime start, boolean continuous, long recordDurationUs) {
    }

    private final FileChannel channel;
    private final List<Signal> signals;
    private final int annotationBytes;
    private final ByteBuffer record;
    private long records;

    /**
     * Creates the file and writes the header; the annotations signal holds {@code annotationBytes}
     * bytes per record (made even).
     */
    public EdfWriter(Path file, Header header, List<Signal> signals, int annotationBytes) throws IOException {
        this.signals = List.copyOf(signals);
        this.annotationBytes = annotationBytes + (annotationBytes & 1);
        int samples = 0;
        for (Signal s : signals) {
            samples += s.samplesPerRecord();
        }
        record = ByteBuffer.allocate(2 * samples + this.annotationBytes).order(ByteOrder.LITTLE_ENDIAN);
        byte[] head = header(header);
        channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING);
        try {
            write(ByteBuffer.wrap(head));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Bytes of one data record. */
    public int recordBytes() {
        return record.capacity();
    }

    /**
     * Writes one data record: {@code samples[i]} holds signal i's samples (as many as its samples
     * per record); the record starts {@code onsetUs} after the file's start time; the annotations
     * follow its time-keeping TAL and must fit.
     */
    public void writeRecord(short[][] samples, long onsetUs, List<EdfAnnotation> annotations) throws IOException {
        record.clear();
        for (int i = 0; i < signals.size(); i++) {
            short[] values = samples[i];
            for (int k = 0; k < signals.get(i).samplesPerRecord(); k++) {
                record.putShort(values[k]);
            }
        }
        int start = record.position();
        record.put(EdfAnnotation.timekeeping(onsetUs));
        for (EdfAnnotation a : annotations) {
            byte[] tal = a.tal();
            if (record.position() - start + tal.length > annotationBytes) {
                throw new IllegalStateException("record " + records + ": annotations need more than the " + annotationBytes
                        + " bytes reserved");
            }
            record.put(tal);
        }
        while (record.hasRemaining()) {
            record.put((byte) 0);
        }
        record.flip();
        write(record);
        records++;
    }

    public long records() {
        return records;
    }

    /** Writes the number of records into the header and closes the file. */
    @Override
    public void close() throws IOException {
        try (channel) {
            channel.write(ByteBuffer.wrap(field(Long.toString(records), 8)), NUMBER_OF_RECORDS_OFFSET);
            channel.force(true);
        }
    }

    private void write(ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    private byte[] header(Header h) {
        int ns = signals.size() + 1;
        ByteBuffer out = ByteBuffer.allocate(256 * (ns + 1));
        out.put(field("0", 8));
        out.put(field(h.patient(), 80));
        out.put(field(h.recording(), 80));
        LocalDateTime start = h.start();
        if (start.getYear() < 1985 || start.getYear() > 2084) {
            throw new IllegalArgumentException("EDF dates run from 1985 to 2084, not " + start.getYear());
        }
        out.put(field(String.format(Locale.ROOT, "%02d.%02d.%02d", start.getDayOfMonth(), start.getMonthValue(),
                start.getYear() % 100), 8));
        out.put(field(String.format(Locale.ROOT, "%02d.%02d.%02d", start.getHour(), start.getMinute(), start.getSecond()), 8));
        out.put(field(Integer.toString(256 * (ns + 1)), 8));
        out.put(field(h.continuous() ? "EDF+C" : "EDF+D", 44));
        out.put(field("-1", 8));
        out.put(field(EdfAnnotation.seconds(h.recordDurationUs()), 8));
        out.put(field(Integer.toString(ns), 4));
        List<Signal> all = new ArrayList<>(signals);
        all.add(new Signal(ANNOTATIONS_LABEL, "", "", -1, 1, Short.MIN_VALUE, Short.MAX_VALUE, "", annotationBytes / 2));
        for (Signal s : all) {
            out.put(field(s.label(), 16));
        }
        for (Signal s : all) {
            out.put(field(s.transducer(), 80));
        }
        for (Signal s : all) {
            out.put(field(s.dimension(), 8));
        }
        for (Signal s : all) {
            out.put(field(number(s.physicalMin()), 8));
        }
        for (Signal s : all) {
            out.put(field(number(s.physicalMax()), 8));
        }
        for (Signal s : all) {
            out.put(field(Integer.toString(s.digitalMin()), 8));
        }
        for (Signal s : all) {
            out.put(field(Integer.toString(s.digitalMax()), 8));
        }
        for (Signal s : all) {
            out.put(field(s.prefilter(), 80));
        }
        for (Signal s : all) {
            out.put(field(Integer.toString(s.samplesPerRecord()), 8));
        }
        for (int i = 0; i < all.size(); i++) {
            out.put(field("", 32));
        }
        return out.array();
    }

    private static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** A header field: printable US-ASCII, left-aligned, padded with spaces. */
    private static byte[] field(String text, int width) {
        if (text.length() > width || text.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
            throw new IllegalArgumentException("EDF header field '" + text + "' is not printable ASCII of at most "
                    + width + " characters");
        }
        byte[] bytes = new byte[width];
        Arrays.fill(bytes, (byte) ' ');
        byte[] ascii = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(ascii, 0, bytes, 0, ascii.length);
        return bytes;
    }

    /**
     * An EDF+ subfield of the patient or recording field: "X" when unknown, spaces replaced by
     * underscores, anything outside printable ASCII replaced by '_', at most {@code max} characters.
     */
    public static String subfield(String text, int max) {
        if (text == null || text.isBlank()) {
            return "X";
        }
        StringBuilder out = new StringBuilder();
        for (char c : text.strip().toCharArray()) {
            out.append(c > 0x20 && c < 0x7f ? c : '_');
        }
        return out.length() > max ? out.substring(0, max) : out.toString();
    }
}
