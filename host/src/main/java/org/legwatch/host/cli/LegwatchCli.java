package org.legwatch.host.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.legwatch.host.io.InputFormatException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code legwatch} command. Exit codes: 0 success, 1 bad input or a failed operation (the
 * message names what and where), 2 wrong usage, 3 an internal error (with its stack trace, to be
 * reported).
 */
@Command(name = "legwatch",
        mixinStandardHelpOptions = true,
        versionProvider = LegwatchCli.Version.class,
        description = "Leg-movement and PLM scoring for restless legs syndrome, and the host side of the legwatch monitor.",
        subcommands = {ScoreCommand.class, DetectCommand.class, GenerateNightCommand.class, ValidateCommand.class, DemoCommand.class,
            ConvertRawCommand.class, AnalyzeCommand.class, AnalyzeSimulateCommand.class, PairCommand.class,
            ReceiveCommand.class, PatientCommand.class, DeviceCommand.class, TherapyCommand.class, NightCommand.class,
            ExportCommand.class, StoreCommand.class, ReportCommand.class, ServeCommand.class, CommandLine.HelpCommand.class})
public final class LegwatchCli implements Runnable {
    public static final int EXIT_INPUT = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_INTERNAL = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit code (used by the tests too). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new LegwatchCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
            if (cause instanceof InputFormatException || cause instanceof IOException
                    || cause instanceof IllegalArgumentException) {
                err.println(commandLine.getCommandSpec().qualifiedName() + ": " + describe(cause));
                return EXIT_INPUT;
            }
            err.println(commandLine.getCommandSpec().qualifiedName() + ": internal error, please report it:");
            e.printStackTrace(err);
            return EXIT_INTERNAL;
        });
        return cli.execute(args);
    }

    private static String describe(Throwable e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file: " + e.getMessage();
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied: " + e.getMessage();
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command, e.g. 'legwatch score --help'");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = LegwatchCli.class.getPackage().getImplementationVersion();
            return new String[] {"legwatch " + (version == null ? "(development build)" : version)};
        }
    }
}
