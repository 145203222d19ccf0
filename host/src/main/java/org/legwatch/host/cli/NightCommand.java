package org.legwatch.host.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.legwatch.analysis.night.NightSummary;
import org.legwatch.analysis.scoring.ScoredMovement;
import org.legwatch.host.io.InputFormatException;
import org.legwatch.host.io.MovementListCsv;
import org.legwatch.host.io.NightSummaryJson;
import org.legwatch.host.store.CommitOutcome;
import org.legwatch.host.store.NightClock;
import org.legwatch.host.store.Store;
import org.legwatch.host.store.StoredNight;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code legwatch night import}: a night scored on the host ({@code legwatch detect}) into the store. */
@Command(name = "night",
        mixinStandardHelpOptions = true,
        description = "Nights in the store.",
        subcommands = {NightCommand.Import.class})
public final class NightCommand extends CommandGroup {
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Stores a night scored from a raw recording, e.g. by",
                "  legwatch detect --right r.csv --left l.csv --detail --lms-out lms.csv --summary-out night.json",
                "Importing the same files again changes nothing."})
    static final class Import implements Callable<Integer> {
        /** The device id of nights that came from files rather than a device. */
        static final String FILE_DEVICE = "import";

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        StoreOption store;

        @Option(names = "--patient", required = true, paramLabel = "ID")
        String patient;

        @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "The evening the night began.")
        String date;

        @Option(names = "--summary", required = true, paramLabel = "FILE", description = "The night summary (JSON).")
        Path summaryFile;

        @Option(names = "--lms", required = true, paramLabel = "FILE",
                description = "The scored movement list written with --detail (CSV).")
        Path lmsFile;

        @Option(names = "--start", paramLabel = "TIME",
                description = "When the recording began (local time or with an offset); default 22:00 that evening, marked not synchronised.")
        String start;

        @Option(names = "--device", paramLabel = "ID", defaultValue = FILE_DEVICE,
                description = "The device id to file it under (default: ${DEFAULT-VALUE}).")
        String device;

        @Option(names = "--night-id", paramLabel = "ID",
                description = "The night's id, unique for the device (default: PATIENT/DATE).")
        String nightId;

        @Override
        public Integer call() throws IOException, InputFormatException {
            LocalDate evening = CliArguments.date("--date", date);
            NightSummary summary = NightSummaryJson.read(summaryFile);
            List<ScoredMovement> movements = MovementListCsv.readScored(lmsFile);
            long plms = movements.stream().filter(ScoredMovement::plm).count();
            if (plms != summary.statistics().plm().total() || movements.size() != summary.statistics().lm().total()) {
                throw new InputFormatException(lmsFile, 0, null, movements.size() + " movements with " + plms
                        + " PLMs, but " + summaryFile + " counts " + summary.statistics().lm().total() + " with "
                        + summary.statistics().plm().total() + ": they are not of the same night");
            }
            ZoneId zone = ZoneId.systemDefault();
            Instant begin = start == null ? evening.atTime(22, 0).atZone(zone).toInstant()
                    : CliArguments.instant("--start", start, zone);
            StoredNight night = new StoredNight(device, nightId == null ? patient + "/" + evening : nightId, patient,
                    evening, new NightClock("", 0, begin.toEpochMilli(), start != null), summary, movements);
            try (Store opened = store.open()) {
                CommitOutcome outcome = opened.commit(night);
                spec.commandLine().getOut().printf(Locale.ROOT, "%s night %s of %s (evening %s, PLMI %.1f/h, %s) in %s%n",
                        outcome == CommitOutcome.STORED ? "stored" : "already stored:", night.deviceNightId(), patient,
                        evening, summary.statistics().plmIndex(), summary.valid() ? "valid" : "invalid",
                        opened.location());
            }
            return 0;
        }
    }
}
