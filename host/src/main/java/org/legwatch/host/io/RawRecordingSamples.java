package org.legwatch.host.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.legwatch.link.recording.RawRecordingException;
import org.legwatch.link.recording.RawRecordingReader;
import org.legwatch.link.recording.RecordingDamage;

/**
 * A raw recording (docs/formats.md) as a {@link SampleFile}: µs become seconds and counts become g
 * each with one division by a power of ten, so the values are the doubles a CSV reader gets from
 * the same recording converted with {@code legwatch convert-raw}. Format errors become
 * {@link InputFormatException}s naming the file, byte and field; damage is collected, not thrown.
 */
public final class RawRecordingSamples implements SampleFile {
    private final RawRecordingReader reader;

    private RawRecordingSamples(RawRecordingReader reader) {
        this.reader = reader;
    }

    public static RawRecordingSamples open(Path file) throws IOException, InputFormatException {
        try {
            return new RawRecordingSamples(RawRecordingReader.open(file));
        } catch (RawRecordingException e) {
            throw inputError(e);
        }
    }

    /** The reader underneath, for the recording's header and parts. */
    public RawRecordingReader reader() {
        return reader;
    }

    static InputFormatException inputError(RawRecordingException e) {
        return new InputFormatException(e.file(), 0, e.field(), "byte " + e.offset() + ": " + e.problem());
    }

    @Override
    public Path file() {
        return reader.file();
    }

    @Override
    public boolean next() throws IOException, InputFormatException {
        try {
            return reader.next();
        } catch (RawRecordingException e) {
            throw inputError(e);
        }
    }

    @Override
    public double t() {
        return reader.tUs() / 1e6;
    }

    @Override
    public double x() {
        return reader.x();
    }

    @Override
    public double y() {
        return reader.y();
    }

    @Override
    public double z() {
        return reader.z();
    }

    @Override
    public List<String> damage() {
        List<String> sentences = new ArrayList<>();
        for (RecordingDamage d : reader.damage()) {
            sentences.add(d.description());
        }
        if (reader.damageCount() > reader.damage().size()) {
            sentences.add(reader.file() + ": " + (reader.damageCount() - reader.damage().size()) + " more damaged stretches ("
                    + reader.damagedBytes() + " damaged bytes in all)");
        }
        return sentences;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
