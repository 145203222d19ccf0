package org.legwatch.host.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.legwatch.analysis.scoring.Leg;
import org.legwatch.analysis.sim.GroundTruth;
import org.legwatch.analysis.sim.NightScenario;
import org.legwatch.analysis.sim.PatientProfile;
import org.legwatch.analysis.sim.SensorAxis;
import org.legwatch.analysis.sim.SensorModel;
import org.legwatch.analysis.sim.SyntheticNight;
import org.legwatch.host.io.SyntheticNightFiles;
import org.legwatch.link.recording.RawRecordingReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code legwatch generate-night}: a synthetic night as raw recordings, with its ground truth. */
@Command(name = "generate-night",
        mixinStandardHelpOptions = true,
        description = {
            "Writes a synthetic night (the generator legwatch is validated with) as raw recordings in a format",
            "`legwatch detect` reads, plus the truth: right.csv[.gz], left.csv[.gz] (two legs) or, with --format lwr,",
            "the device's raw recordings right.lwr, left.lwr (stamped as the device's sample clock stamps them:",
            "regular at the band's true rate, no jitter); truth-lms.csv (the true single-leg movements in bed),",
            "truth-scored.csv and truth-in-bed.csv."})
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

    @Option(names = "--gzip", description = "Compress the CSV recordings.")
    boolean gzip;

    @Option(names = "--format", defaultValue = "csv", paramLabel = "FORMAT",
            description = "csv (default) or lwr (the device's raw recording, docs/formats.md).")
    String format;

    @Option(names = "--sensor", defaultValue = "lis3dh-4g", paramLabel = "CHIP",
            description = "Chip and range: adxl345-4g, adxl345-16g, lis3dh-2g, lis3dh-4g (default), lsm6dsox-2g, lsm6dsox-4g.")
    String sensor;

    private SensorModel sensorModel() {
        for (SensorModel model : SensorModel.CHIPS) {
            if (cliName(model).equals(sensor.toLowerCase(Locale.ROOT))) {
                return model;
            }
        }
        throw new IllegalArgumentException("--sensor is one of "
                + String.join(", ", SensorModel.CHIPS.stream().map(GenerateNightCommand::cliName).toList()) + ", not '" + sensor + "'");
    }

    /** "LIS3DH +-4g" as "lis3dh-4g". */
    private static String cliName(SensorModel model) {
        return model.name().toLowerCase(Locale.ROOT).replace(" +-", "-");
    }

    @Override
    public Integer call() throws IOException {
        boolean raw = switch (format.toLowerCase(Locale.ROOT)) {
            case "csv" -> false;
            case "lwr" -> true;
            default -> throw new IllegalArgumentException("--format is csv or lwr, not '" + format + "'");
        };
        NightScenario scenario = NightScenario.standard(PatientProfile.named(profile), seed)
                .withLegs(legs)
                .withSensor(sensorModel(), rate)
                .withMounting(SensorAxis.X, 0);
        scenario = scenario.withTimes(scenario.notWornBeforeMinutes(), scenario.eveningMinutes(), hours,
                scenario.morningMinutes(), scenario.notWornAfterMinutes());
        if (raw) {
            scenario = scenario.withClock(scenario.clockErrorPpm(), 0);
        }
        SyntheticNight night = SyntheticNight.generate(scenario);
        if (raw) {
            SyntheticNightFiles.writeRaw(night, outDir);
            for (Leg leg : night.legs()) {
                Path file = SyntheticNightFiles.rawRecording(outDir, leg);
                try (RawRecordingReader reader = RawRecordingReader.open(file)) {
                    long samples = 0;
                    while (reader.next()) {
                        samples++;
                    }
                    spec.commandLine().getOut().printf(Locale.ROOT, "%s: %d samples in %d bytes, %.3f bytes/sample%n",
                            file, samples, reader.fileSize(), (double) reader.fileSize() / samples);
                }
            }
        } else {
            SyntheticNightFiles.write(night, outDir, gzip);
        }
        GroundTruth truth = night.truth();
        spec.commandLine().getOut().printf(Locale.ROOT,
                "%s: %s patient, %d leg(s), %.0f Hz, %.2f h recorded, %.2f h in bed; truth %d movements, %d PLM, PLMI %.1f/h%n",
                outDir, profile, legs, rate, night.recordingUs() / 3.6e9, truth.hoursInBed(),
                truth.score().lmCount(), truth.plmCount(), truth.plmi());
        if (legs == 1) {
            // The truth files hold both legs (what polysomnography would score); one band sees one leg.
            spec.commandLine().getOut().printf(Locale.ROOT,
                    "  the band's leg alone (the best one band can give): %d movements, %d PLM, PLMI %.1f/h%n",
                    truth.instrumentedScore().lmCount(), truth.instrumentedScore().plmCount(),
                    truth.instrumentedScore().plmi());
        }
        return 0;
    }
}
