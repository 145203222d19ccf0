package org.legwatch.host.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.legwatch.analysis.night.NightSummary;
import org.legwatch.host.io.InputFormatException;
import org.legwatch.host.io.MovementListCsv;
import org.legwatch.host.io.NightSummaryJson;
import org.legwatch.host.detect.RecordingDetection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code legwatch detect}: the device's pipeline on raw recordings. */
@Command(name = "detect",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the device's detector and scorer on raw ankle recordings, one file per leg: CSV t_s,x_g,y_g,z_g",
            "(plain or gzip) or the device's raw recording (.lwr, recognised by its first bytes), and writes the",
            "scored movement list and the night summary. The sample rate is read from the times; jumps in time are",
            "lost samples. Damage in a raw recording is read around and reported on stderr."})
public final class DetectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RecordingOptions recordings;

    @Option(names = "--lms-out", required = true, paramLabel = "FILE", description = "Scored movement list to write (CSV).")
    Path lmsOut;

    @Option(names = "--summary-out", required = true, paramLabel = "FILE", description = "Night summary to write (JSON).")
    Path summaryOut;

    @Option(names = "--detail", description = "Add the detail columns to the movement list (see docs/formats.md).")
    boolean detail;

    @Override
    public Integer call() throws IOException, InputFormatException {
        RecordingDetection.Result result = RecordingDetection.detect(recordings.right, recordings.left, recordings.nightSettings(),
                recordings.scoringRules());
        for (String damage : result.damage()) {
            spec.commandLine().getErr().println("legwatch detect: warning: " + damage);
        }
        NightSummary summary = result.night().summary();
        MovementListCsv.write(lmsOut, result.night().movements(), detail);
        NightSummaryJson.write(summaryOut, summary);
        spec.commandLine().getOut().printf(Locale.ROOT,
                "%.1f Hz, %.2f h recorded, %.2f h in bed: %d movements, %d PLM, PLMI %.1f/h, %s -> %s, %s%n",
                result.sampleRateHz(), summary.signal().recordedHours(), summary.hoursInBed(),
                summary.statistics().lm().total(), summary.statistics().plm().total(), summary.statistics().plmIndex(),
                summary.valid() ? "valid" : "INVALID (" + String.join("; ", summary.invalidReasons()) + ")",
                lmsOut, summaryOut);
        return 0;
    }
}
