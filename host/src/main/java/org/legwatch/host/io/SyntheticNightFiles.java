package org.legwatch.host.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.legwatch.analysis.scoring.Leg;
import org.legwatch.analysis.sim.GroundTruth;
import org.legwatch.analysis.sim.NightScenario;
import org.legwatch.analysis.sim.SampleStream;
import org.legwatch.analysis.sim.SensorModel;
import org.legwatch.analysis.sim.SyntheticNight;
import org.legwatch.link.recording.CountScale;
import org.legwatch.link.recording.RawRecordingFormat;
import org.legwatch.link.recording.RawRecordingHeader;
import org.legwatch.link.recording.RawRecordingWriter;

/**
 * A synthetic night on disk: the recordings in a format {@code legwatch detect} reads
 * ({@code right.csv}, {@code left.csv}, gzipped on request, or the device's raw recordings
 * {@code right.lwr}, {@code left.lwr}) and the truth ({@code truth-lms.csv} single-leg movements in
 * bed, {@code truth-scored.csv}, {@code truth-in-bed.csv}).
 */
public final class SyntheticNightFiles {
    private SyntheticNightFiles() {
    }

    public static Path recording(Path dir, Leg leg, boolean gzip) {
        return dir.resolve(legName(leg) + (gzip ? ".csv.gz" : ".csv"));
    }

    public static Path rawRecording(Path dir, Leg leg) {
        return dir.resolve(legName(leg) + RawRecordingFormat.EXTENSION);
    }

    private static String legName(Leg leg) {
        return leg == Leg.RIGHT ? "right" : "left";
    }

    /** The recordings as CSV (gzip on request) and the truth. */
    public static void write(SyntheticNight night, Path dir, boolean gzip) throws IOException {
        Files.createDirectories(dir);
        for (Leg leg : night.legs()) {
            RawSampleCsvWriter.write(night.samples(leg), recording(dir, leg, gzip));
        }
        writeTruth(night, dir);
    }

    /** The recordings as the device's raw recordings and the truth. */
    public static void writeRaw(SyntheticNight night, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Leg leg : night.legs()) {
            writeRawRecording(night, leg, rawRecording(dir, leg));
        }
        writeTruth(night, dir);
    }

    private static void writeTruth(SyntheticNight night, Path dir) throws IOException {
        GroundTruth truth = night.truth();
        MovementListCsv.writeMovements(dir.resolve("truth-lms.csv"), truth.movements());
        MovementListCsv.write(dir.resolve("truth-scored.csv"), truth.scored(), false);
        MovementListCsv.writeSpans(dir.resolve("truth-in-bed.csv"), truth.inBed());
    }

    /**
     * One leg as the device would record it, times rounded to the µs, counts of the scenario's
     * sensor; written to a temporary file and moved into place.
     */
    public static void writeRawRecording(SyntheticNight night, Leg leg, Path file) throws IOException {
        NightScenario scenario = night.scenario();
        SensorModel model = scenario.sensor();
        RawRecordingHeader header = new RawRecordingHeader(leg.code(), model.name().split(" ")[0], scenario.sampleRateHz(),
                (int) Math.round(model.maxG()), CountScale.of(model.lsbG()),
                String.format(Locale.ROOT, "simulated-%d", scenario.seed()), "simulated", 0, 0, 0, false);
        SampleStream samples = night.samples(leg);
        // One force at the end: a generated file is not a night in progress.
        RawRecordingWriter.Options options = new RawRecordingWriter.Options(1_000_000, Integer.MAX_VALUE);
        TextFiles.replaceAtomically(file, temp -> {
            try (RawRecordingWriter writer = RawRecordingWriter.open(temp, header, options)) {
                double[] t = new double[4096];
                double[] x = new double[4096];
                double[] y = new double[4096];
                double[] z = new double[4096];
                int n;
                while ((n = samples.read(t, x, y, z, t.length)) > 0) {
                    for (int i = 0; i < n; i++) {
                        writer.append(Math.round(t[i] * 1e6), x[i], y[i], z[i]);
                    }
                }
            }
        });
    }
}
