package org.legwatch.host.cli;

import picocli.CommandLine;
import picocli.CommandLine.Spec;

/** A command that only groups subcommands ({@code legwatch patient add}): run alone, it names them. */
abstract class CommandGroup implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "name a subcommand: " + String.join(" or ", spec.subcommands().keySet()));
    }
}
