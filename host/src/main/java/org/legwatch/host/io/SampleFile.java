package org.legwatch.host.io;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.legwatch.link.recording.RawRecordingFormat;

/**
 * One leg's recording read sample by sample, whatever its format: a CSV ({@link RawSampleCsv}) or
 * a raw recording from the device ({@link RawRecordingSamples}). Times in seconds, axes in g.
 */
public interface SampleFile extends Closeable {

    Path file();

    /** Moves to the next sample; false at the end. */
    boolean next() throws IOException, InputFormatException;

    double t();

    double x();

    double y();

    double z();

    /** Damage read around so far, one sentence each (raw recordings only; a CSV has none). */
    default List<String> damage() {
        return List.of();
    }

    /**
     * Opens {@code file} as a raw recording when it starts with the raw recording's magic bytes or
     * its name ends in {@value RawRecordingFormat#EXTENSION}, else as a CSV (plain or gzip).
     */
    static SampleFile open(Path file) throws IOException, InputFormatException {
        if (isRawRecording(file)) {
            return RawRecordingSamples.open(file);
        }
        return RawSampleCsv.open(file);
    }

    /** Whether {@code file} is to be read as a raw recording: by its magic bytes, or by its name. */
    static boolean isRawRecording(Path file) throws IOException {
        if (file.getFileName().toString().endsWith(RawRecordingFormat.EXTENSION)) {
            return true;
        }
        byte[] head = new byte[RawRecordingFormat.magicLength()];
        int n = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            int r;
            while (n < head.length && (r = in.read(head, n, head.length - n)) > 0) {
                n += r;
            }
        }
        return RawRecordingFormat.hasMagic(head, n);
    }
}
