package org.legwatch.link.recording;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: headers for the three chips and reading a whole recording back. */
final class Recordings {
    private Recordings() {
    }

    /** ADXL345 full resolution, LIS3DH high resolution at +-4 g, LSM6DSOX at +-2 g. */
    static final double[] CHIP_G_PER_COUNT = {0.0039, 0.002, 0.000061};
    static final String[] CHIPS = {"ADXL345", "LIS3DH", "LSM6DSOX"};
    static final int[] CHIP_BITS = {13, 12, 16};

    static RawRecordingHeader header(char leg, int chip, double rateHz) {
        return new RawRecordingHeader(leg, CHIPS[chip], rateHz, 4, CountScale.of(CHIP_G_PER_COUNT[chip]), "night-7",
                "3f1c2a9e-boot", 123_456_789_000L, 1_700_000_000_000L, 5_000, chip != 1);
    }

    static RawRecordingHeader header() {
        return header('R', 1, 100);
    }

    /** One sample as counts. */
    record Sample(long t, int x, int y, int z) {
    }

    /** Everything a reader returns, with its damage. */
    record Contents(RawRecordingHeader header, List<Sample> samples, List<RecordingDamage> damage, boolean endedCleanly) {
    }

    static Contents read(Path file) throws IOException {
        try (RawRecordingReader reader = RawRecordingReader.open(file)) {
            List<Sample> samples = new ArrayList<>();
            while (reader.next()) {
                samples.add(new Sample(reader.tUs(), reader.xCount(), reader.yCount(), reader.zCount()));
            }
            return new Contents(reader.header(), samples, List.copyOf(reader.damage()), reader.partEndedCleanly());
        }
    }

    static void write(Path file, RawRecordingHeader header, List<Sample> samples) throws IOException {
        try (RawRecordingWriter writer = RawRecordingWriter.open(file, header, RawRecordingWriter.Options.DEFAULT)) {
            for (Sample s : samples) {
                writer.appendCounts(s.t(), s.x(), s.y(), s.z());
            }
        }
    }

    /** The offsets of the blocks of a file without damage, in order, and the file's length at the end. */
    static List<Long> blockOffsets(byte[] bytes) {
        List<Long> offsets = new ArrayList<>();
        int at = RawRecordingFormat.FILE_HEADER;
        while (at < bytes.length) {
            offsets.add((long) at);
            at += RawRecordingFormat.FRAME_OVERHEAD + ((bytes[at + 5] & 0xFF) << 8 | (bytes[at + 6] & 0xFF));
        }
        return offsets;
    }

    static int typeAt(byte[] bytes, long offset) {
        return bytes[(int) offset + 4];
    }
}
