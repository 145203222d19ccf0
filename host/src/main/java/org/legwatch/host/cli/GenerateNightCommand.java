package org.legwatch.host.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;
import org.legwatch.analysis.night.TimeSpan;
import org.legwatch.analysis.scoring.Leg;
import org.legwatch.analysis.scoring.LegMovement;
import org.legwatch.analysis.sim.GroundTruth;
import org.legwatch.analysis.sim.NightScenario;
import org.legwatch.analysis.sim.PatientProfile;
import org.legwatch.analysis.sim.SampleStream;
import org.legwatch.analysis.sim.SensorAxis;
import org.legwatch.analysis.sim.SensorModel;
import org.legwatch.analysis.sim.SyntheticNight;
import org.legwatch.host.io.Decimal;
import org.legwatch.host.io.MovementListCsv;
import org.legwatch.host.io.Seconds;
import org.legwatch.host.io.TextFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code legwatch generate-night}: a synthetic night as raw recordings, with its ground truth. */
@Command(name = "generate-night",
        mixinStandardHelpOptions = true,
        description = {
            "Writes a synthetic night (the generator legwatch is validated with) as raw recordings in the format",
            "`legwatch detect` reads, plus the truth: right.csv[.gz], left.csv[.gz] (two legs), truth-lms.csv (the",
            "true single-leg movements in bed), truth-scored.csv and truth-in-bed.csv."})
public final class GenerateNightCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write into.")
    Path outDir;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--profile", defaultValue = "moderate", paramLabel = "NAME",
            description = "Patient: healthy, mild, moderate (default), severe, very-severe.")
    String profile;

    @Option(names = "--hours", defaultValue = "8", paramLabel = "H", description = "Time in bed (default ${DEFAULT-VALUE}).")
    double hours;

    @Option(names = "--rate", defaultValue = "100", paramLabel = "HZ", description = "Sample rate (default ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--legs", defaultValue = "2", paramLabel = "N", description = "1 (right) or 2 (default).")
    int legs;

    @Option(names = "--gzip", description = "Compress the recordings.")
    boolean gzip;

    @Override
    public Integer call() throws IOException {
        NightScenario scenario = NightScenario.standard(PatientProfile.named(profile), seed)
                .withLegs(legs)
                .withSensor(SensorModel.LIS3DH_4G, rate)
                .withMounting(SensorAxis.X, 0);
        scenario = scenario.withTimes(scenario.notWornBeforeMinutes(), scenario.eveningMinutes(), hours,
                scenario.morningMinutes(), scenario.notWornAfterMinutes());
        SyntheticNight night = SyntheticNight.generate(scenario);
        Files.createDirectories(outDir);
        for (Leg leg : night.legs()) {
            Path file = outDir.resolve((leg == Leg.RIGHT ? "right" : "left") + (gzip ? ".csv.gz" : ".csv"));
            writeRecording(night.samples(leg), file);
        }
        GroundTruth truth = night.truth();
        writeTruthList(outDir.resolve("truth-lms.csv"), truth.movements());
        MovementListCsv.write(outDir.resolve("truth-scored.csv"), truth.scored(), false);
        TextFiles.writeAtomically(outDir.resolve("truth-in-bed.csv"), w -> {
            w.write("start_s,end_s\n");
            for (TimeSpan span : truth.inBed()) {
                w.write(Seconds.millis(span.startUs()) + "," + Seconds.millis(span.endUs()) + "\n");
            }
        });
        spec.commandLine().getOut().printf(Locale.ROOT,
                "%s: %s patient, %d leg(s), %.0f Hz, %.2f h recorded, %.2f h in bed; truth %d movements, %d PLM, PLMI %.1f/h%n",
                outDir, profile, legs, rate, night.recordingUs() / 3.6e9, truth.hoursInBed(),
                truth.score().lmCount(), truth.plmCount(), truth.plmi());
        return 0;
    }

    private static void writeTruthList(Path file, List<LegMovement> movements) throws IOException {
        TextFiles.writeAtomically(file, w -> {
            w.write("onset_s,offset_s,leg\n");
            for (LegMovement m : movements) {
                w.write(Seconds.millis(m.onsetUs()) + "," + Seconds.millis(m.offsetUs()) + "," + m.leg().code() + "\n");
            }
        });
    }

    /** Streams the samples into the raw CSV format: t with microseconds, axes to 0.01 mg. */
    private void writeRecording(SampleStream samples, Path file) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".part");
        try (OutputStream raw = Files.newOutputStream(temp);
             OutputStream out = gzip ? new GZIPOutputStream(raw, 1 << 16) : raw;
             Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.US_ASCII), 1 << 16)) {
            writer.write("t_s,x_g,y_g,z_g\n");
            double[] t = new double[4096];
            double[] x = new double[4096];
            double[] y = new double[4096];
            double[] z = new double[4096];
            StringBuilder line = new StringBuilder(64);
            int n;
            while ((n = samples.read(t, x, y, z, t.length)) > 0) {
                for (int i = 0; i < n; i++) {
                    line.setLength(0);
                    Decimal.append(line, t[i], 6).append(',');
                    Decimal.append(line, x[i], 5).append(',');
                    Decimal.append(line, y[i], 5).append(',');
                    Decimal.append(line, z[i], 5).append('\n');
                    writer.append(line);
                }
            }
        }
        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
