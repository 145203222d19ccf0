package org.legwatch.device.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.legwatch.device.config.AgentConfig;
import org.legwatch.device.journal.NightJournal;
import org.legwatch.device.send.HostLink;
import org.legwatch.link.NightSender;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code legwatch-device send}: the journal's unsent nights to the host, then exit. {@code run}
 * sends by itself when {@code link.port} is set; this is for a journal the agent is not using (a
 * simulation's, or the Pi's with the service stopped); the journal's lock refuses a second opener.
 */
@Command(name = "send", mixinStandardHelpOptions = true,
        description = {"Sends the journal's unsent nights to the host over a serial port and exits when the host has stored",
                "them all (exit 0) or the timeout passes (exit 1). Use it while the agent is stopped: `run` sends by itself."})
final class SendCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ArgGroup(multiplicity = "1")
    JournalLocation where;

    @Option(names = "--port", paramLabel = "PATH", description = "Serial port to the host (default: the configuration's link.port).")
    String port;

    @Option(names = "--baud", description = "Baud rate (default: the configuration's link.baud, else 115200).")
    Integer baud;

    @Option(names = "--key", paramLabel = "FILE", description = "This device's key file from `legwatch pair` (default: link.key-file).")
    Path key;

    @Option(names = "--timeout", defaultValue = "600", paramLabel = "SECONDS", description = "Give up after this long (default ${DEFAULT-VALUE}).")
    long timeoutS;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        AgentConfig cfg = where.config != null ? AgentConfig.load(where.config, RunCommand.hostName()) : AgentConfig.defaults("device");
        Path dir = where.journal != null ? where.journal : cfg.journalDir();
        String portPath = port != null ? port : cfg.linkPort();
        if (portPath == null) {
            throw new IllegalArgumentException("no serial port: give --port or set link.port in the configuration");
        }
        try (NightJournal journal = NightJournal.open(dir, NightJournal.Options.defaults(), new JournalBudgetLog())) {
            int waiting = journal.unsentNights().size();
            out.printf("%d night%s to send over %s%n", waiting, waiting == 1 ? "" : "s", portPath);
            NightSender sender = HostLink.sender(journal, portPath, baud != null ? baud : cfg.linkBaud(),
                    key != null ? key : cfg.linkKeyFile(), HostLink.softwareVersion());
            sender.start();
            try {
                boolean all = sender.awaitAllSent(Duration.ofSeconds(timeoutS));
                int left = journal.unsentNights().size();
                out.printf("%d night%s stored by the host, %d left%n", waiting - left, waiting - left == 1 ? "" : "s", left);
                return all ? 0 : 1;
            } finally {
                sender.close();
            }
        }
    }
}
