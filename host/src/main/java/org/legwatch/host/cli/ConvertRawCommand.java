package org.legwatch.host.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.legwatch.host.io.InputFormatException;
import org.legwatch.host.io.RawRecordingCsv;
import org.legwatch.link.recording.RawRecordingHeader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code legwatch convert-raw}: a device's raw recording as the CSV other tools read. */
@Command(name = "convert-raw",
        mixinStandardHelpOptions = true,
        description = {
            "Converts a raw recording from the device (.lwr, docs/formats.md) into the CSV t_s,x_g,y_g,z_g",
            "(gzip when the name ends in .gz), losslessly: times to the µs, axes to the sensor's resolution. Prints",
            "what the recording holds; damage read around (a torn last block, skipped blocks) is reported on stderr."})
public final class ConvertRawCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--in", required = true, paramLabel = "FILE", description = "The raw recording.")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The CSV to write (.csv or .csv.gz).")
    Path out;

    @Override
    public Integer call() throws IOException, InputFormatException {
        RawRecordingCsv.Conversion c = RawRecordingCsv.convert(in, out);
        for (String damage : c.damage()) {
            spec.commandLine().getErr().println("legwatch convert-raw: warning: " + damage);
        }
        RawRecordingHeader h = c.header();
        PrintWriter print = spec.commandLine().getOut();
        print.printf(Locale.ROOT, "%s: leg %s of night '%s', %s +-%d g at %s Hz (%s g per count), wall clock %s (%s)%n",
                in, h.leg(), h.nightId(), h.chip(), h.rangeG(), trim(h.nominalRateHz()), h.scale().toBigDecimal().toPlainString(),
                Instant.ofEpochMilli(h.wallClockMs()), h.wallClockSynchronised() ? "synchronised" : "not synchronised");
        print.printf(Locale.ROOT, "  %d part(s), %d samples, %s; %d bytes, %.3f bytes/sample; %s -> %s%n", c.parts(), c.samples(),
                c.samples() == 0 ? "no time" : String.format(Locale.ROOT, "%.6f-%.6f s", c.firstUs() / 1e6, c.lastUs() / 1e6),
                c.bytes(), c.samples() == 0 ? 0.0 : (double) c.bytes() / c.samples(),
                c.endedCleanly() ? "closed cleanly" : "not closed (the recording was cut off)", out);
        return 0;
    }

    private static String trim(double hz) {
        return hz == Math.rint(hz) ? Long.toString((long) hz) : Double.toString(hz);
    }
}
