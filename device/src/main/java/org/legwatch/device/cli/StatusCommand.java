package org.legwatch.device.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.legwatch.analysis.night.NightSummary;
import org.legwatch.analysis.night.NightTallyCodec;
import org.legwatch.analysis.night.ScoredNight;
import org.legwatch.device.agent.Agent;
import org.legwatch.device.journal.NightJournal;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code legwatch-device status}: what the journal holds. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Shows the journal: the night being recorded, the nights waiting for the host, the disk budget.")
final class StatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ArgGroup(multiplicity = "1")
    JournalLocation where;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = where.journal != null ? where.journal
                : org.legwatch.device.config.AgentConfig.load(where.config, RunCommand.hostName()).journalDir();
        // Opening recovers the journal and takes its lock: while the agent runs, this says the journal
        // is held open (stop the service, or read the agent's log).
        try (NightJournal journal = NightJournal.open(dir, NightJournal.Options.defaults(), new JournalBudgetLog())) {
            RunCommand.reportRecovery(journal);
            journal.openNight().ifPresentOrElse(
                    n -> out.printf(Locale.ROOT, "recording: %s (%d movements so far, %d restart%s)%n", n.id(),
                            n.movements().size(), n.parts().size(), n.parts().size() == 1 ? "" : "s"),
                    () -> out.println("recording: nothing"));
            var unsent = journal.unsentNights();
            out.printf(Locale.ROOT, "waiting for the host: %d night%s%n", unsent.size(), unsent.size() == 1 ? "" : "s");
            for (NightJournal.Night n : unsent) {
                if (n.summary().isPresent()) {
                    NightSummary s = ScoredNight.rebuild(Agent.detected(n), NightTallyCodec.decode(n.summary().get())).summary();
                    out.printf(Locale.ROOT, "  %-40s %5.2f h in bed, PLMI %5.1f/h, %s%n", n.id(), s.hoursInBed(),
                            s.statistics().plmIndex(), s.valid() ? "valid" : "not valid");
                } else {
                    out.printf(Locale.ROOT, "  %-40s unfinished (damaged on disk), %d movements%n", n.id(), n.movements().size());
                }
            }
            out.printf(Locale.ROOT, "journal: %.1f MB in %s%n", journal.usedBytes() / 1048576.0, dir);
        }
        return 0;
    }
}
