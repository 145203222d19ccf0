package org.legwatch.host.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.legwatch.analysis.sim.GroundTruth;
import org.legwatch.analysis.sim.NightScenario;
import org.legwatch.analysis.sim.PatientProfile;
import org.legwatch.analysis.sim.SensorAxis;
import org.legwatch.analysis.sim.SensorModel;
import org.legwatch.analysis.sim.SyntheticNight;
import org.legwatch.host.io.SyntheticNightFiles;
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
        SyntheticNightFiles.write(night, outDir, gzip);
        GroundTruth truth = night.truth();
        spec.commandLine().getOut().printf(Locale.ROOT,
                "%s: %s patient, %d leg(s), %.0f Hz, %.2f h recorded, %.2f h in bed; truth %d movements, %d PLM, PLMI %.1f/h%n",
                outDir, profile, legs, rate, night.recordingUs() / 3.6e9, truth.hoursInBed(),
                truth.score().lmCount(), truth.plmCount(), truth.plmi());
        return 0;
    }
}
