package org.legwatch.host.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.legwatch.analysis.response.PatientNight;
import org.legwatch.analysis.response.PatientTimeline;
import org.legwatch.analysis.response.ResponseAnalysis;
import org.legwatch.analysis.response.ResponseSettings;
import org.legwatch.analysis.response.TherapyEvent;
import org.legwatch.analysis.sim.ResponseScenario;
import org.legwatch.analysis.sim.ResponseSimulationStudy;
import org.legwatch.analysis.sim.ResponseSimulationStudy.CurvePoint;
import org.legwatch.analysis.sim.ResponseSimulationStudy.Durability;
import org.legwatch.analysis.sim.ResponseSimulationStudy.NoEffect;
import org.legwatch.analysis.sim.ResponseSimulationStudy.WithEffect;
import org.legwatch.analysis.sim.SimulatedPatient;
import org.legwatch.host.io.NightResultsCsv;
import org.legwatch.host.io.TherapyRecordCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code legwatch analyze-simulate}: the simulation study behind the response analysis (docs/analysis.md). */
@Command(name = "analyze-simulate",
        mixinStandardHelpOptions = true,
        description = {
            "Generates patients with known truth (AR(1) night-to-night noise with rho 0.3-0.6 and SD 8/h, missing and",
            "invalid nights, a response of known size, lag and duration, or none), runs the response analysis on them",
            "and reports false-positive rates, detection, interval coverage, timing accuracy and speed.",
            "With --write-inputs it writes a simulated cohort as the two input files of `legwatch analyze`."})
public final class AnalyzeSimulateCommand implements Callable<Integer> {
    private static final double[] CURVE_BASELINES = {15, 20, 30, 40, 60};
    private static final double[] CURVE_FALLS = {0.2, 0.3, 0.4, 0.5, 0.6};

    @Spec
    CommandSpec spec;

    @Option(names = "--patients", defaultValue = "1000", paramLabel = "N", description = "Patients per scenario (default ${DEFAULT-VALUE}).")
    int patients;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--curve-patients", defaultValue = "200", paramLabel = "N",
            description = "Patients per point of the detection curve; 0 skips it (default ${DEFAULT-VALUE}).")
    int curvePatients;

    @Option(names = "--timing-infusions", defaultValue = "10000", paramLabel = "N",
            description = "Patient-infusions for the speed measurement; 0 skips it (default ${DEFAULT-VALUE}).")
    int timingInfusions;

    @Option(names = "--write-inputs", paramLabel = "DIR",
            description = "Only write a simulated cohort of N patients (60 %% responders, a quarter with a second course) "
                    + "as DIR/nights.csv and DIR/therapy.csv, then stop.")
    Path writeInputs;

    @Override
    public Integer call() throws IOException {
        if (patients < 1) {
            throw new IllegalArgumentException("--patients must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (writeInputs != null) {
            writeCohort(out);
            return 0;
        }
        ResponseSettings settings = ResponseSettings.DEFAULT;
        out.println("rule: " + settings.ruleText());
        out.printf(Locale.ROOT, "%d patients per scenario, seed %d%n%n", patients, seed);

        NoEffect none = ResponseSimulationStudy.noEffect(
                ResponseSimulationStudy.run(ResponseScenario.noEffect(), patients, seed, settings), settings);
        out.printf(Locale.ROOT, "No effect (rho 0.3-0.6, SD 8/h, baseline 20-60/h, 10 %% of nights missing + gaps, 5 %% invalid): "
                + "%d patients, %d evaluable%n", none.patients(), none.evaluable());
        out.printf(Locale.ROOT, "  responder call (the rule above)             %5.1f %%   (target <= 6 %%)%n", 100 * none.responder());
        out.printf(Locale.ROOT, "  responder call at a fall threshold of 0/25/30/50 %%: %s%n", thresholds(none.responderByThreshold()));
        out.printf(Locale.ROOT, "  significant fall (CI below 0; nominal 2.5 %%) %5.1f %%%n", 100 * none.significantFall());
        out.printf(Locale.ROOT, "  rank test p < 0.05, adjusted (nominal 5 %%)   %5.1f %%   naive (nights independent): %5.1f %%%n",
                100 * none.rankTest(), 100 * none.naiveRankTest());
        out.printf(Locale.ROOT, "  mean change p < 0.05, adjusted               %5.1f %%%n", 100 * none.meanTest());
        out.printf(Locale.ROOT, "  time series level change p < 0.05, AR(1) GLS %5.1f %%   ordinary least squares: %5.1f %%%n",
                100 * none.itsLevel(), 100 * none.naiveItsLevel());
        out.printf(Locale.ROOT, "  periodicity index p < 0.05                   %5.1f %%%n", 100 * none.periodicityTest());
        out.printf(Locale.ROOT, "  95 %% CI covers 0: shift %5.1f %%, mean %5.1f %%; onset timed although none: %.1f %%%n",
                100 * none.coverage(), 100 * none.meanCoverage(), 100 * none.falseOnset());
        out.printf(Locale.ROOT, "  night-to-night correlation: estimated %.3f on average, true %.3f%n%n", none.meanRho(), none.meanTrueRho());

        effect(out, "40 % fall by day 28, complete windows (28 baseline + 56 response nights)",
                ResponseSimulationStudy.withEffect(ResponseSimulationStudy.run(ResponseScenario.steadyFall(0.4, true), patients,
                        seed + 1, settings), settings), true);
        effect(out, "40 % fall by day 28, nights missing as in life",
                ResponseSimulationStudy.withEffect(ResponseSimulationStudy.run(ResponseScenario.steadyFall(0.4, false), patients,
                        seed + 2, settings), settings), false);
        ResponseSimulationStudy.Run lifelike = ResponseSimulationStudy.run(ResponseScenario.lifelikeResponders(), patients, seed + 3, settings);
        effect(out, "Lifelike responders (40-70 % fall, lag 7-42 days, lasting 30-360 days, nights missing)",
                ResponseSimulationStudy.withEffect(lifelike, settings), false);
        Durability durability = ResponseSimulationStudy.durability(lifelike, settings);
        out.printf(Locale.ROOT, "  loss of response: %d detected responders lost it within follow-up: called %.1f %%, within 14 days %.1f %%;"
                        + " %d never lost it: falsely called %.1f %%%n", durability.trueLosses(), 100 * durability.lossFound(),
                100 * durability.lossWithin14Days(), durability.durable(), 100 * durability.falseLoss());
        out.printf(Locale.ROOT, "  ferritin decay: median |error| %.2f ug/L per week%n%n", durability.ferritinRateError());

        if (curvePatients > 0) {
            curve(out, ResponseSimulationStudy.detectionCurve(CURVE_BASELINES, CURVE_FALLS, 0.45, curvePatients, seed + 4, settings));
        }
        if (timingInfusions > 0) {
            speed(out, settings);
        }
        return 0;
    }

    /** @param detectionTarget the detection target (>= 80 %) applies to this scenario */
    private static void effect(PrintWriter out, String title, WithEffect f, boolean detectionTarget) {
        out.printf(Locale.ROOT, "%s: %d patients, %d evaluable%n", title, f.patients(), f.evaluable());
        out.printf(Locale.ROOT, "  significant fall detected                    %5.1f %%%s%n", 100 * f.detected(),
                detectionTarget ? "   (target >= 80 %)" : "");
        out.printf(Locale.ROOT, "  responder call (the rule above)              %5.1f %%%n", 100 * f.responder());
        out.printf(Locale.ROOT, "  responder call at a fall threshold of 0/25/30/50 %%: %s%n", thresholds(f.responderByThreshold()));
        if (f.steadyPatients() > 0) {
            out.printf(Locale.ROOT, "  95 %% CI covers the true change (%d patients): shift %5.1f %% (target >= 90 %%), mean %5.1f %%;"
                    + " median error %+.2f /h%n", f.steadyPatients(), 100 * f.coverage(), 100 * f.meanCoverage(), f.medianError());
        }
        out.printf(Locale.ROOT, "  onset timed in %.1f %% of detected; within 7 days of the truth: %.1f %% of detected (target >= 80 %%)%n",
                100 * f.onsetFound(), 100 * f.onsetWithin7Days());
        out.printf(Locale.ROOT, "  time series: level change significantly below 0 in %.1f %%%n%n", 100 * f.itsLevelFall());
    }

    private static String thresholds(Map<Double, Double> rates) {
        StringBuilder text = new StringBuilder();
        rates.forEach((threshold, rate) -> text.append(text.isEmpty() ? "" : " / ").append(String.format(Locale.ROOT, "%.1f %%", 100 * rate)));
        return text.toString();
    }

    private static void curve(PrintWriter out, List<CurvePoint> points) {
        out.printf(Locale.ROOT, "Detection curve (rho %.2f, SD 8/h, complete windows, %d patients per cell):%n", points.getFirst().rho(),
                points.getFirst().evaluable());
        out.println("  significant fall % (responder by the rule %) per true fall");
        StringBuilder header = new StringBuilder("  baseline PLMI");
        for (double fall : CURVE_FALLS) {
            header.append(String.format(Locale.ROOT, "  %6.0f %% fall", 100 * fall));
        }
        out.println(header);
        for (double baseline : CURVE_BASELINES) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %8.0f /h  ", baseline));
            for (CurvePoint p : points) {
                if (p.baselinePlmi() == baseline) {
                    row.append(String.format(Locale.ROOT, "  %5.1f (%5.1f)", 100 * p.detected(), 100 * p.responder()));
                }
            }
            out.println(row);
        }
        out.println();
    }

    private void speed(PrintWriter out, ResponseSettings settings) {
        List<PatientTimeline> timelines = IntStream.range(0, timingInfusions)
                .mapToObj(i -> SimulatedPatient.generate(ResponseScenario.lifelikeResponders(), seed + 5, i).timeline()).toList();
        int nights = timelines.stream().mapToInt(t -> t.nights().size()).sum();
        double[] single = new double[3];
        double[] cpu = new double[3];
        double[] parallel = new double[3];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int run = 0; run < 3; run++) {
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            for (PatientTimeline t : timelines) {
                ResponseAnalysis.analyze(t, settings);
            }
            single[run] = (System.nanoTime() - start) / 1e9;
            cpu[run] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            start = System.nanoTime();
            AnalyzeCommand.analyze(timelines, settings);
            parallel[run] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(single);
        Arrays.sort(cpu);
        Arrays.sort(parallel);
        out.printf(Locale.ROOT, "Speed: %d patient-infusions (%d nights) analysed in %.2f s on one thread (%.2f s of CPU), %.2f s on %d "
                        + "(medians of 3 runs; target < 10 s); load average %.2f on %d cores%n", timingInfusions, nights, single[1],
                cpu[1], parallel[1], Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
    }

    private void writeCohort(PrintWriter out) throws IOException {
        Map<String, List<PatientNight>> nights = new TreeMap<>();
        Map<String, List<TherapyEvent>> therapy = new TreeMap<>();
        SplittableRandom draw = new SplittableRandom(seed);
        int courses = 0;
        for (int i = 0; i < patients; i++) {
            boolean responder = draw.nextDouble() < 0.6;
            boolean secondCourse = draw.nextDouble() < 0.25;
            SimulatedPatient p = SimulatedPatient.generate(ResponseScenario.mixedCohort(responder, secondCourse), seed, i);
            nights.put(p.timeline().patient(), p.timeline().nights());
            therapy.put(p.timeline().patient(), p.timeline().events());
            courses += secondCourse ? 2 : 1;
        }
        Path nightsFile = writeInputs.resolve("nights.csv");
        Path therapyFile = writeInputs.resolve("therapy.csv");
        NightResultsCsv.write(nightsFile, nights);
        TherapyRecordCsv.write(therapyFile, therapy);
        out.printf(Locale.ROOT, "%d patients with %d IV iron courses -> %s, %s%n", patients, courses, nightsFile, therapyFile);
    }
}
