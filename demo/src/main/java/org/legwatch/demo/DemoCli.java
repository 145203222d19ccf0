package org.legwatch.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code legwatch demo}: the product end to end on one simulated patient ({@link EndToEndDemo}). The
 * {@code ./legwatch} launcher runs this module's jar for {@code demo} and the host's for every other
 * command: the demo needs the device's agent, which the host must not depend on.
 */
@Command(name = "legwatch demo",
        mixinStandardHelpOptions = true,
        description = {"The product end to end, no hardware and no server needed: one patient with severe RLS wears an",
            "ankle band for 23 weeks and has two IV iron infusions. The real device agent records every night from",
            "simulated sensors (detector, scorer, journal on disk), sends it over the link protocol to the host, which",
            "stores it in SQLite; the therapy record is imported and the iron-response analysis runs on the store.",
            "Prints progress, then the key figures beside the simulation's truth. Takes about a minute."})
public final class DemoCli implements Callable<Integer> {
    /** Held so the level set on it stays (java.util.logging keeps loggers weakly). */
    private static final Logger LEGWATCH_LOG = Logger.getLogger("org.legwatch");

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "demo-out",
            description = "Folder for the demo's files, emptied first when an earlier demo made it (default ${DEFAULT-VALUE}).")
    Path outDir;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of everything random (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--legs", defaultValue = "1",
            description = {"Bands worn: 1 (the right ankle, as the device's example configuration) or 2 (both ankles: twice the",
                "signal to simulate, half again as much CPU) (default ${DEFAULT-VALUE})."})
    int legs;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the demo's command line with the given streams; returns the exit code (0, 1 failed, 2 usage, 3 internal error). */
    static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new DemoCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof IOException || e instanceof IllegalArgumentException) {
                err.println("legwatch demo: " + e.getMessage());
                return 1;
            }
            err.println("legwatch demo: internal error, please report it:");
            e.printStackTrace(err);
            return 3;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        // The agent and the host log every night; the demo prints its own progress. Warnings still show.
        LEGWATCH_LOG.setLevel(Level.WARNING);
        PrintWriter out = spec.commandLine().getOut();
        DemoFolder folder = new DemoFolder(outDir.toAbsolutePath().normalize());
        PatientStory story = PatientStory.twoInfusions();
        EndToEndDemo.Outcome outcome = new EndToEndDemo(EndToEndDemo.Settings.of(folder, story, seed, legs)).run(out);
        new DemoFigures(out).print(outcome, story, folder);
        out.printf(java.util.Locale.ROOT, "%ndone in %.0f s%n", outcome.seconds());
        return 0;
    }
}
