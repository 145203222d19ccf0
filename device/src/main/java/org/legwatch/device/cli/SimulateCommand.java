package org.legwatch.device.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.legwatch.analysis.night.NightSummary;
import org.legwatch.analysis.sim.PatientProfile;
import org.legwatch.device.config.AgentConfig;
import org.legwatch.device.journal.NightJournal;
import org.legwatch.device.sim.DeviceSimulation;
import org.legwatch.device.sim.SimulatedWearer.NightTruth;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code legwatch-device simulate}: the same agent on simulated sensors, at real or accelerated speed. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Runs the agent on simulated ankle sensors: a generated patient wears the bands for some nights,",
                "the agent records them into a journal exactly as on the Pi. Prints each night beside the simulation's truth."})
final class SimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "A configuration file (sensor addresses and GPIO are ignored).")
    Path config;

    @Option(names = "--journal", paramLabel = "DIR", description = "The journal to record into (default: a new folder under the system's temporary folder).")
    Path journalDir;

    @Option(names = "--nights", defaultValue = "1", description = "Nights to simulate (default ${DEFAULT-VALUE}).")
    int nights;

    @Option(names = "--legs", defaultValue = "2", description = "Bands worn: 1 (right ankle) or 2 (default ${DEFAULT-VALUE}).")
    int legs;

    @Option(names = "--profile", defaultValue = "moderate", description = "Patient: healthy, mild, moderate, severe, very-severe (default ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of everything random (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--speed", defaultValue = "max", paramLabel = "X|max",
            description = "Times faster than real time, or 'max' (default ${DEFAULT-VALUE}); 1 runs in real time.")
    String speed;

    @Option(names = "--first-evening", paramLabel = "YYYY-MM-DD", description = "The date of the first evening (default: as many days ago as there are nights).")
    LocalDate firstEvening;

    @Option(names = "--raw", paramLabel = "DIR",
            description = "Also write raw recordings of the acceleration (.lwr, one per leg and night) into DIR.")
    Path rawDir;

    @Option(names = "--start-at", paramLabel = "HH:MM", defaultValue = "19:00",
            description = "Local time on the first evening at which simulated time starts (default ${DEFAULT-VALUE}; e.g. 23:30 to be mid-night at once).")
    LocalTime startAt;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        if (nights < 1 || nights > 3650) {
            throw new IllegalArgumentException("--nights must be 1..3650");
        }
        if (legs != 1 && legs != 2) {
            throw new IllegalArgumentException("--legs must be 1 or 2");
        }
        double speedUp = speed.equalsIgnoreCase("max") ? Double.POSITIVE_INFINITY : parseSpeed(speed);
        AgentConfig loaded = config == null ? AgentConfig.defaults("simulated") : AgentConfig.load(config, "simulated");
        AgentConfig cfg = rawDir == null ? loaded : loaded.withRawDir(rawDir);
        ZoneId zone = ZoneId.systemDefault();
        LocalDate evening = firstEvening != null ? firstEvening : LocalDate.now(zone).minusDays(nights);
        Path dir = journalDir != null ? journalDir : Files.createTempDirectory("legwatch-simulated-journal-");
        List<String> lines = new ArrayList<>();
        DeviceSimulation[] sim = new DeviceSimulation[1];
        sim[0] = new DeviceSimulation(cfg, PatientProfile.named(profile), nights, legs, seed, evening, startAt, zone, speedUp,
                (night, scored, why) -> {
                    NightSummary s = scored.summary();
                    LocalDate nightEvening = LocalDate.ofInstant(Instant.ofEpochMilli(night.start().orElseThrow().wallClockMs()), zone);
                    NightTruth truth = sim[0].wearer().truth((int) ChronoUnit.DAYS.between(evening, nightEvening));
                    String line = String.format(Locale.ROOT, "%-40s %s  in bed %5.2f h (truth %5.2f)  PLMI %5.1f/h (truth %5.1f)  %s",
                            night.id(), nightEvening,
                            s.hoursInBed(), truth.hoursInBed(), s.statistics().plmIndex(), truth.plmi(),
                            s.valid() ? "valid" : "not valid: " + String.join("; ", s.invalidReasons()));
                    out.println(line);
                    lines.add(line);
                });
        out.printf(Locale.ROOT, "simulating %d night%s of a %s patient on %d band%s at %s Hz, speed %s; journal %s%n",
                nights, nights == 1 ? "" : "s", profile, legs, legs == 1 ? "" : "s", cfg.rateHz(), speed, dir);
        try (NightJournal journal = NightJournal.open(dir, NightJournal.Options.defaults(), new JournalBudgetLog())) {
            sim[0].run(journal);
            out.printf(Locale.ROOT, "%d night%s recorded; %d waiting in the journal for the host (%s)%n", lines.size(),
                    lines.size() == 1 ? "" : "s", journal.unsentNights().size(), dir);
        }
        return 0;
    }

    private static double parseSpeed(String text) {
        try {
            double v = Double.parseDouble(text);
            if (v > 0 && Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("--speed must be a positive number or 'max', not '" + text + "'");
    }
}
