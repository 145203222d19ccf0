package org.legwatch.device.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which journal a command reads: a folder, or the one a configuration names. Exactly one is given. */
final class JournalLocation {
    @Option(names = "--config", paramLabel = "FILE", description = "The agent's configuration (journal.dir, link.*).")
    Path config;

    @Option(names = "--journal", paramLabel = "DIR", description = "The journal folder.")
    Path journal;
}
