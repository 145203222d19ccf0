package org.legwatch.host.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.legwatch.analysis.night.NightSettings;
import org.legwatch.analysis.night.NightSummary;
import org.legwatch.analysis.night.ScoredNight;
import org.legwatch.analysis.scoring.Leg;
import org.legwatch.analysis.scoring.NightStatistics;
import org.legwatch.analysis.scoring.ScoringAnnotations;
import org.legwatch.analysis.scoring.ScoringRules;
import org.legwatch.analysis.sim.NightScenario;
import org.legwatch.analysis.sim.PatientProfile;
import org.legwatch.analysis.sim.SyntheticNight;
import org.legwatch.analysis.sim.TruthScore;
import org.legwatch.host.detect.RecordingDetection;
import org.legwatch.host.io.InputFormatException;
import org.legwatch.host.io.MovementListCsv;
import org.legwatch.host.io.NightSummaryJson;
import org.legwatch.host.io.SyntheticNightFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code legwatch demo}: what legwatch does, end to end, with no hardware. First it scores a real
 * night's leg-movement list (392 onsets from the public gmpda repository, BSD-3-Clause) by WASM
 * 2016; then it simulates a night of two ankle accelerometers, runs the device's detector and
 * scorer on the recordings, and sets the result beside the simulation's truth.
 */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        description = {"Scores a real night's leg movements (shipped with legwatch), then runs the device's detector",
            "on a simulated two-leg night and compares it with the truth."})
public final class DemoCommand implements Callable<Integer> {
    static final String NIGHT_RESOURCE = "/org/legwatch/host/demo/real-night-lms.csv";
    static final long SIMULATED_SEED = 7;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "demo-out",
            description = "Folder for the demo's files (default ${DEFAULT-VALUE}).")
    Path outDir;

    @Override
    public Integer call() throws IOException, InputFormatException {
        PrintWriter out = spec.commandLine().getOut();
        Files.createDirectories(outDir);
        Path lms = outDir.resolve("night-lms.csv");
        try (InputStream night = DemoCommand.class.getResourceAsStream(NIGHT_RESOURCE)) {
            if (night == null) {
                throw new IOException("the demo night " + NIGHT_RESOURCE + " is missing from this build");
            }
            Files.copy(night, lms, StandardCopyOption.REPLACE_EXISTING);
        }
        out.println("legwatch demo: scoring a real night's leg movements by WASM 2016");
        out.println("  input   " + lms + "  (392 leg-movement onsets, public gmpda data set, BSD-3-Clause)");

        ScoredNight night = ScoredNight.score(MovementListCsv.read(lms), ScoringRules.WASM_2016,
                ScoringAnnotations.NONE, List.of(), NightSummary.DEFAULT_MIN_VALID_HOURS);
        Path scored = outDir.resolve("night-scored.csv");
        Path summaryFile = outDir.resolve("night-summary.json");
        MovementListCsv.write(scored, night.movements(), true);
        NightSummaryJson.write(summaryFile, night.summary());

        NightSummary summary = night.summary();
        NightStatistics s = summary.statistics();
        out.printf(Locale.ROOT, "  scored  %s%n  summary %s%n%n", scored, summaryFile);
        out.printf(Locale.ROOT, "  time base           %.2f h (from 0 to the last movement's offset: a movement list has no in-bed record)%n", summary.hoursInBed());
        out.printf(Locale.ROOT, "  leg movements       %d (%d CLM, %d non-CLM)%n", s.lm().total(), s.clm().total(),
                s.lm().total() - s.clm().total());
        out.printf(Locale.ROOT, "  PLMs                %d in %d series (length %d-%d, mean %.1f)%n", s.plm().total(),
                s.seriesCount(), s.seriesLengthMin(), s.seriesLengthMax(), s.seriesLengthMean());
        out.printf(Locale.ROOT, "  PLM index           %.1f /h  (adults: abnormal above 15 /h)%n", s.plmIndex());
        out.printf(Locale.ROOT, "  periodicity index   %.2f  (above ~0.5: a periodic pattern)%n", s.periodicityIndex());
        out.printf(Locale.ROOT, "  log-IMI             mean %.2f, SD %.2f  (IMI geometric mean %.1f s)%n",
                s.logImiMean(), s.logImiSd(), Math.exp(s.logImiMean()));
        out.printf(Locale.ROOT, "  night valid         %s%n", summary.valid() ? "yes"
                : "no: " + String.join("; ", summary.invalidReasons()));
        out.println();
        out.println("  IMI histogram (2 s bins, IMIs between CLMs)");
        printHistogram(out, s);
        simulatedNight(out);
        return 0;
    }

    /** Part 2: the detector on a simulated night with known truth. */
    private void simulatedNight(PrintWriter out) throws IOException, InputFormatException {
        Path dir = outDir.resolve("simulated-night");
        NightScenario scenario = NightScenario.standard(PatientProfile.MODERATE, SIMULATED_SEED);
        out.println();
        out.println("legwatch demo: the device's detector on a simulated night");
        out.printf(Locale.ROOT, "  simulating 2 ankles, %s +-4 g at %.0f Hz, a moderate RLS patient, 8 h in bed ...%n",
                "LIS3DH", scenario.sampleRateHz());
        out.flush();
        SyntheticNight night = SyntheticNight.generate(scenario);
        SyntheticNightFiles.write(night, dir, true);
        out.println("  recordings " + SyntheticNightFiles.recording(dir, Leg.RIGHT, true) + ", "
                + SyntheticNightFiles.recording(dir, Leg.LEFT, true));
        out.println("  detecting ...");
        out.flush();
        RecordingDetection.Result result = RecordingDetection.detect(SyntheticNightFiles.recording(dir, Leg.RIGHT, true),
                SyntheticNightFiles.recording(dir, Leg.LEFT, true),
                NightSettings.DEFAULT.withSensorRange(scenario.sensor().maxG()), ScoringRules.WASM_2016);
        Path lms = dir.resolve("detected-lms.csv");
        Path summaryFile = dir.resolve("detected-summary.json");
        MovementListCsv.write(lms, result.night().movements(), true);
        NightSummaryJson.write(summaryFile, result.night().summary());
        out.println("  detected " + lms + ", " + summaryFile);
        out.println();
        NightSummary summary = result.night().summary();
        NightStatistics s = summary.statistics();
        TruthScore truth = night.truth().score();
        out.println("                        detected      truth");
        out.printf(Locale.ROOT, "  time in bed         %8.2f h  %8.2f h%n", summary.hoursInBed(), truth.hoursInBed());
        out.printf(Locale.ROOT, "  leg movements       %8d    %8d%n", s.lm().total(), truth.lmCount());
        out.printf(Locale.ROOT, "  PLMs                %8d    %8d%n", s.plm().total(), truth.plmCount());
        out.printf(Locale.ROOT, "  PLM index           %8.1f /h %8.1f /h%n", s.plmIndex(), truth.plmi());
        out.printf(Locale.ROOT, "  periodicity index   %8.2f%n", s.periodicityIndex());
        out.printf(Locale.ROOT, "  samples lost        %8d (%d gaps)%n", summary.signal().lostSamples(), summary.signal().gaps());
        out.printf(Locale.ROOT, "  night valid         %s%n", summary.valid() ? "yes" : "no: " + String.join("; ", summary.invalidReasons()));
    }

    private static void printHistogram(PrintWriter out, NightStatistics s) {
        List<Integer> bins = s.imiHistogram();
        int max = Math.max(1, bins.stream().mapToInt(Integer::intValue).max().orElse(1));
        int last = bins.size() - 1;
        while (last > 0 && bins.get(last) == 0) {
            last--;
        }
        for (int i = 0; i <= last; i++) {
            int n = bins.get(i);
            out.printf(Locale.ROOT, "  %3d-%-3d s %4d %s%n", i * NightStatistics.IMI_BIN_S, (i + 1) * NightStatistics.IMI_BIN_S,
                    n, "#".repeat((int) Math.round(40.0 * n / max)));
        }
        out.printf(Locale.ROOT, "  >= 90 s  %4d%n", s.imiAbove90Count());
    }
}
