package org.legwatch.host.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.LongStream;
import org.legwatch.analysis.movement.DetectorSettings;
import org.legwatch.analysis.night.NightSettings;
import org.legwatch.analysis.sim.DetectorValidation;
import org.legwatch.analysis.sim.DetectorValidation.NightResult;
import org.legwatch.analysis.sim.DetectorValidation.Overall;
import org.legwatch.analysis.sim.NightScenario;
import org.legwatch.host.io.TextFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code legwatch validate}: the detector against the ground truth of generated nights. */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Generates N varied nights (chips, rates 25-200 Hz, one or two legs, patients from healthy to very severe,",
            "lost samples, bands worn upside down, bands never worn), runs the device's detector and scorer on each,",
            "and compares with the truth: movement sensitivity/precision/F1 (matched by overlap), PLM count and",
            "PLMI error, time in bed error, severity class agreement (<15, 15-30, 30-50, >=50 /h)."})
public final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--nights", defaultValue = "50", paramLabel = "N", description = "Nights to generate (default ${DEFAULT-VALUE}).")
    int nights;

    @Option(names = "--seed", defaultValue = "1000", paramLabel = "S",
            description = "First seed; night i uses seed S+i (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write the per-night figures as CSV.")
    Path csv;

    @Option(names = "--quiet", description = "Print only the overall figures.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        if (nights < 1) {
            throw new IllegalArgumentException("--nights must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        List<NightResult> results = LongStream.range(seed, seed + nights).parallel()
                .mapToObj(s -> DetectorValidation.run(NightScenario.random(s), DetectorSettings.DEFAULT, NightSettings.DEFAULT))
                .toList();
        if (!quiet) {
            out.println("seed  chip          Hz  legs profile      true_lm det_lm  sens  prec  true_plmi det_plmi tib_true tib_err_min");
            for (NightResult r : results) {
                NightScenario s = r.scenario();
                out.printf(Locale.ROOT, "%-5d %-12s %4.0f %4d %-12s %7d %6d %5.3f %5.3f %9.1f %8.1f %8.2f %11.1f%s%n",
                        results.indexOf(r) + seed, s.sensor().name(), s.sampleRateHz(), s.legCount(),
                        s.patient().name(), r.trueMovements(), r.detectedMovements(), r.sensitivity(), r.precision(),
                        r.truePlmi(), r.detectedPlmi(), r.trueHoursInBed(), r.hoursInBedErrorMinutes(),
                        r.worn() && !r.plmiWithinTolerance() ? "  PLMI off" : "");
            }
        }
        Overall o = DetectorValidation.summarise(results);
        out.printf(Locale.ROOT, "%nnights %d (worn %d), seeds %d..%d%n", o.nights(), o.wornNights(), seed, seed + nights - 1);
        out.printf(Locale.ROOT, "movements: true %d, detected %d, matched %d: sensitivity %.3f, precision %.3f, F1 %.3f%n",
                o.trueMovements(), o.detectedMovements(), o.matched(), o.sensitivity(), o.precision(), o.f1());
        out.printf(Locale.ROOT, "PLMI within max(2/h, 10%%) of truth: %.1f%% of worn nights; mean error %+.2f/h; r = %.3f%n",
                100 * o.plmiWithinToleranceFraction(), o.meanPlmiError(), o.plmiCorrelation());
        out.printf(Locale.ROOT, "severity class agreement: %.1f%%%n", 100 * o.severityAgreementFraction());
        out.printf(Locale.ROOT, "time in bed within 5 min: %.1f%% of nights; median |error| %.1f min%n",
                100 * o.hoursInBedWithin5MinFraction(), o.medianAbsHoursInBedErrorMinutes());
        if (csv != null) {
            TextFiles.writeAtomically(csv, w -> {
                w.write("seed,chip,rate_hz,legs,profile,true_lm,detected_lm,matched,true_plm,detected_plm,"
                        + "true_plmi,detected_plmi,true_tib_h,detected_tib_h,detected_valid\n");
                for (int i = 0; i < results.size(); i++) {
                    NightResult r = results.get(i);
                    NightScenario s = r.scenario();
                    w.write(String.format(Locale.ROOT, "%d,%s,%.0f,%d,%s,%d,%d,%d,%d,%d,%.3f,%.3f,%.4f,%.4f,%d%n",
                            seed + i, s.sensor().name(), s.sampleRateHz(), s.legCount(), s.patient().name(),
                            r.trueMovements(), r.detectedMovements(), r.matched(), r.truePlms(), r.detectedPlms(),
                            r.truePlmi(), r.detectedPlmi(), r.trueHoursInBed(), r.detectedHoursInBed(),
                            r.detectedValid() ? 1 : 0));
                }
            });
        }
        return 0;
    }
}
