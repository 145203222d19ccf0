package org.legwatch.device.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.legwatch.device.config.ConfigException;
import org.legwatch.device.sensor.SensorException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code legwatch-device} command: the agent on the Raspberry Pi. Exit codes as {@code legwatch}:
 * 0 success, 1 bad configuration, input or a failed operation (the message says what and where),
 * 2 wrong usage, 3 an internal error (with its stack trace).
 */
@Command(name = "legwatch-device",
        mixinStandardHelpOptions = true,
        versionProvider = DeviceCli.Version.class,
        description = "The legwatch agent: reads the ankle sensors, records nights, keeps them until the host has them.",
        subcommands = {RunCommand.class, SimulateCommand.class, SensorsCommand.class, StatusCommand.class, SendCommand.class,
                CommandLine.HelpCommand.class})
public final class DeviceCli implements Runnable {
    public static final int EXIT_INPUT = 1;
    public static final int EXIT_INTERNAL = 3;

    /** Held so the level set on it is not lost to garbage collection. */
    private static final java.util.logging.Logger PI4J_LOG = java.util.logging.Logger.getLogger("com.pi4j");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            // One line per message: journald and log files read better, and time comes first.
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$s %5$s%6$s%n");
        }
        // Pi4J tells at INFO how it starts; only its warnings and errors belong in the agent's log.
        PI4J_LOG.setLevel(java.util.logging.Level.WARNING);
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new DeviceCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
            if (cause instanceof ConfigException || cause instanceof IOException || cause instanceof SensorException
                    || cause instanceof IllegalArgumentException) {
                err.println("legwatch-device " + commandLine.getCommandName() + ": "
                        + (cause instanceof java.nio.file.NoSuchFileException ? "no such file: " : "")
                        + (cause.getMessage() == null ? cause.toString() : cause.getMessage()));
                return EXIT_INPUT;
            }
            err.println("legwatch-device " + commandLine.getCommandName() + ": internal error, please report it:");
            e.printStackTrace(err);
            return EXIT_INTERNAL;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command, e.g. 'legwatch-device simulate --help'");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = DeviceCli.class.getPackage().getImplementationVersion();
            return new String[] {"legwatch-device " + (version == null ? "(development build)" : version)};
        }
    }
}
