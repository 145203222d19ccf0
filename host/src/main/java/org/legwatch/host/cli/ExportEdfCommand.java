package org.legwatch.host.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.legwatch.host.export.RecordingEdfExport;
import org.legwatch.host.io.InputFormatException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code legwatch export edf}: a raw recording with its movements as an EDF+ file. */
@Command(name = "edf",
        mixinStandardHelpOptions = true,
        description = {
            "Writes one or two legs' raw recordings (CSV t_s,x_g,y_g,z_g or the device's .lwr) as an EDF+ file: the",
            "acceleration of each axis in g, and the movements as annotations (leg, PLM, PLM series, time in bed, lost",
            "samples). The movements are detected as legwatch detect does, unless --lms gives a scored movement list.",
            "EDF+C when no samples were lost, else EDF+D. Layout: docs/formats.md."})
final class ExportEdfCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RecordingOptions recordings;

    @Option(names = "--out", required = true, paramLabel = "FILE.edf", description = "The EDF+ file to write.")
    Path out;

    @Option(names = "--lms", paramLabel = "FILE",
            description = "Scored movement list to annotate (onset_s,offset_s,leg,clm,plm[,detail columns]) instead of detecting.")
    Path lms;

    @Option(names = "--patient", paramLabel = "ID", description = "The patient's code in the EDF header (default: X, unknown).")
    String patient;

    @Option(names = "--start", paramLabel = "YYYY-MM-DDTHH:MM:SS",
            description = "Local date and time of the recording's time 0 (default: a .lwr's wall clock; unknown for a CSV).")
    LocalDateTime start;

    @Option(names = "--zone", paramLabel = "ZONE",
            description = "Time zone of the EDF start time for a .lwr's wall clock (default: this computer's).")
    ZoneId zone;

    @Override
    public Integer call() throws IOException, InputFormatException {
        RecordingEdfExport.Outcome done = RecordingEdfExport.export(new RecordingEdfExport.Request(recordings.right, recordings.left, lms, out,
                patient, start, zone == null ? ZoneId.systemDefault() : zone, recordings.nightSettings(),
                recordings.scoringRules()));
        for (String damage : done.damage()) {
            spec.commandLine().getErr().println("legwatch export edf: warning: " + damage);
        }
        spec.commandLine().getOut().printf(Locale.ROOT,
                "%s, %d records of %s s (%d samples per signal, +-%s g), start %s%s: %d movements, %d annotations,"
                        + " %d samples lost, %d samples dropped, %d slots repeated -> %s%n",
                done.continuous() ? "EDF+C" : "EDF+D", done.records(), done.recordUs() / 1e6, done.samplesPerRecord(),
                stripZero(done.rangeG()), done.start(), done.startKnown() ? "" : " (unknown)", done.movements(),
                done.annotations(), done.lostSamples(), done.samplesDropped(), done.slotsRepeated(), out);
        return 0;
    }

    private static String stripZero(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
