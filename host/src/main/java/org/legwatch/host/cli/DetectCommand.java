package org.legwatch.host.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.legwatch.analysis.movement.DetectorSettings;
import org.legwatch.analysis.night.NightRecorder;
import org.legwatch.analysis.night.NightSettings;
import org.legwatch.analysis.night.NightSummary;
import org.legwatch.analysis.scoring.Leg;
import org.legwatch.analysis.scoring.ScoredMovement;
import org.legwatch.analysis.scoring.ScoringRules;
import org.legwatch.host.io.InputFormatException;
import org.legwatch.host.io.MovementListCsv;
import org.legwatch.host.io.NightSummaryJson;
import org.legwatch.host.io.SampleSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code legwatch detect}: the device's pipeline on raw recordings. */
@Command(name = "detect",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the device's detector and scorer on raw ankle recordings (CSV t_s,x_g,y_g,z_g, one file per leg,",
            "plain or gzip) and writes the scored movement list and the night summary. The sample rate is read",
            "from t_s; jumps in t_s are lost samples."})
public final class DetectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--right", paramLabel = "FILE", description = "Right ankle recording.")
    Path right;

    @Option(names = "--left", paramLabel = "FILE", description = "Left ankle recording.")
    Path left;

    @Option(names = "--lms-out", required = true, paramLabel = "FILE", description = "Scored movement list to write (CSV).")
    Path lmsOut;

    @Option(names = "--summary-out", required = true, paramLabel = "FILE", description = "Night summary to write (JSON).")
    Path summaryOut;

    @Option(names = "--rules", paramLabel = "NAME", defaultValue = "wasm2016", description = "wasm2016 (default) or aasm.")
    String rules;

    @Option(names = "--min-valid-hours", paramLabel = "H", defaultValue = "4",
            description = "Least time in bed for a valid night (default ${DEFAULT-VALUE}).")
    double minValidHours;

    @Option(names = "--range-g", paramLabel = "G",
            description = "The sensor's range in g, to count clipped samples exactly (default: detect flat tops).")
    Double rangeG;

    @Option(names = "--shank-axis", paramLabel = "AXIS", defaultValue = "x",
            description = "Sensor axis along the shank as the band is worn: x (default), y or z.")
    String shankAxis;

    @Option(names = "--detail", description = "Add the detail columns to the movement list (see docs/formats.md).")
    boolean detail;

    @Override
    public Integer call() throws IOException, InputFormatException {
        if (right == null && left == null) {
            throw new IllegalArgumentException("give --right FILE, --left FILE, or both");
        }
        ScoringRules ruleSet = ScoringRules.named(rules);
        NightSettings settings = NightSettings.DEFAULT.withMinValidHours(minValidHours)
                .withSensorRange(rangeG == null ? Double.NaN : rangeG);
        settings = settings.withShankAxis(shankAxisIndex());
        List<SampleSource> sources = new ArrayList<>();
        try {
            if (right != null) {
                sources.add(SampleSource.open(Leg.RIGHT, right));
            }
            if (left != null) {
                sources.add(SampleSource.open(Leg.LEFT, left));
            }
            double rate = sources.get(0).sampleRateHz();
            for (SampleSource source : sources) {
                double r = source.sampleRateHz();
                if (Math.abs(r - rate) > 0.02 * rate) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "the legs have different sample rates: %.2f Hz (%s) and %.2f Hz (%s)",
                            rate, sources.get(0).file(), r, source.file()));
                }
            }
            List<ScoredMovement> scored = new ArrayList<>();
            NightRecorder recorder = new NightRecorder(settings, DetectorSettings.DEFAULT, ruleSet,
                    sources.stream().map(SampleSource::leg).toList(), rate, scored::add);
            feed(recorder, sources);
            NightSummary summary = recorder.finish();
            MovementListCsv.write(lmsOut, scored, detail);
            NightSummaryJson.write(summaryOut, summary);
            spec.commandLine().getOut().printf(Locale.ROOT,
                    "%.1f Hz, %.2f h recorded, %.2f h in bed: %d movements, %d PLM, PLMI %.1f/h, %s -> %s, %s%n",
                    rate, summary.signal().recordedHours(), summary.hoursInBed(), summary.statistics().lm().total(),
                    summary.statistics().plm().total(), summary.statistics().plmIndex(),
                    summary.valid() ? "valid" : "INVALID (" + String.join("; ", summary.invalidReasons()) + ")",
                    lmsOut, summaryOut);
            return 0;
        } finally {
            for (SampleSource source : sources) {
                source.close();
            }
        }
    }

    private int shankAxisIndex() {
        return switch (shankAxis.toLowerCase(Locale.ROOT)) {
            case "x" -> 0;
            case "y" -> 1;
            case "z" -> 2;
            default -> throw new IllegalArgumentException("--shank-axis is x, y or z, not '" + shankAxis + "'");
        };
    }

    /** Feeds the legs' samples in time order, so both detectors move through the night together. */
    private static void feed(NightRecorder recorder, List<SampleSource> sources) throws IOException, InputFormatException {
        SampleSource a = sources.get(0);
        SampleSource b = sources.size() > 1 ? sources.get(1) : null;
        while (a.hasSample() || (b != null && b.hasSample())) {
            SampleSource next = b == null || !b.hasSample() || (a.hasSample() && a.t() <= b.t()) ? a : b;
            recorder.accept(next.leg(), next.t(), next.x(), next.y(), next.z());
            next.next();
        }
    }
}
