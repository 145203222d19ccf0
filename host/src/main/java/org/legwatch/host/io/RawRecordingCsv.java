package org.legwatch.host.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.legwatch.link.recording.CountScale;
import org.legwatch.link.recording.RawRecordingException;
import org.legwatch.link.recording.RawRecordingHeader;
import org.legwatch.link.recording.RawRecordingReader;

/**
 * Converts a raw recording into the CSV {@code t_s,x_g,y_g,z_g} exactly: times to the µs, each
 * axis with as many decimals as its part's scale needs, printed from the integer counts, so
 * reading the CSV gives the same doubles as reading the recording.
 */
public final class RawRecordingCsv {
    private RawRecordingCsv() {
    }

    /**
     * What was converted.
     *
     * @param header       the first part's header
     * @param parts        parts read
     * @param samples      samples written
     * @param firstUs      the first sample's time (µs), or Long.MIN_VALUE when none
     * @param lastUs       the last sample's time (µs), or Long.MIN_VALUE when none
     * @param bytes        the recording's size
     * @param endedCleanly whether its last part was closed by its writer
     * @param damage       damage read around, one sentence each
     */
    public record Conversion(RawRecordingHeader header, long parts, long samples, long firstUs, long lastUs, long bytes,
                             boolean endedCleanly, List<String> damage) {
        public Conversion {
            damage = List.copyOf(damage);
        }
    }

    /** Writes {@code csv} (gzip when its name ends in .gz) from {@code recording}, atomically. */
    public static Conversion convert(Path recording, Path csv) throws IOException, InputFormatException {
        try (RawRecordingSamples samples = RawRecordingSamples.open(recording)) {
            RawRecordingReader reader = samples.reader();
            long[] firstAndCount = {Long.MIN_VALUE, 0};
            TextFiles.writeAtomically(csv, writer -> {
                writer.write(RawSampleCsv.T + "," + RawSampleCsv.X + "," + RawSampleCsv.Y + "," + RawSampleCsv.Z + "\n");
                StringBuilder line = new StringBuilder(64);
                while (reader.next()) {
                    CountScale scale = reader.part().scale();
                    int decimals = scale.decimals();
                    line.setLength(0);
                    Decimal.appendUnscaled(line, reader.tUs(), 6).append(',');
                    Decimal.appendUnscaled(line, scale.unscaled(reader.xCount()), decimals).append(',');
                    Decimal.appendUnscaled(line, scale.unscaled(reader.yCount()), decimals).append(',');
                    Decimal.appendUnscaled(line, scale.unscaled(reader.zCount()), decimals).append('\n');
                    writer.append(line);
                    if (firstAndCount[1]++ == 0) {
                        firstAndCount[0] = reader.tUs();
                    }
                }
            });
            return new Conversion(reader.header(), reader.partNumber(), firstAndCount[1], firstAndCount[0],
                    reader.lastTimeUs(), reader.fileSize(), reader.partEndedCleanly(), samples.damage());
        } catch (RawRecordingException e) {
            throw RawRecordingSamples.inputError(e);
        }
    }
}
