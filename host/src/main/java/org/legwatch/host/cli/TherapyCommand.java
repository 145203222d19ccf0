package org.legwatch.host.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.legwatch.host.io.InputFormatException;
import org.legwatch.host.store.Store;
import org.legwatch.host.store.StoreException;
import org.legwatch.host.therapy.FieldProblem;
import org.legwatch.host.therapy.TherapyCsv;
import org.legwatch.host.therapy.TherapyFields;
import org.legwatch.host.therapy.TherapyRecordCheck;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code legwatch therapy add|import}: the patients' iron therapy record. */
@Command(name = "therapy",
        mixinStandardHelpOptions = true,
        description = "The therapy record: IV iron, oral iron, ferritin, TSAT, haemoglobin, RLS medication changes.",
        subcommands = {TherapyCommand.Add.class, TherapyCommand.Import.class})
public final class TherapyCommand extends CommandGroup {
    /** Checks the entries against the store and writes them unless there is a problem or it is a dry run. */
    private static int write(CommandLine cli, Store store, List<TherapyRecordCheck.Entry> entries,
                             List<TherapyRecordCheck.Problem> earlierProblems, ProblemNamer namer, boolean dryRun,
                             String source)
            throws StoreException {
        TherapyRecordCheck.Plan plan = TherapyRecordCheck.check(entries, store);
        List<TherapyRecordCheck.Problem> problems = new ArrayList<>(earlierProblems);
        problems.addAll(plan.problems());
        problems.sort(Comparator.comparingLong(TherapyRecordCheck.Problem::line));
        PrintWriter err = cli.getErr();
        PrintWriter out = cli.getOut();
        if (!problems.isEmpty()) {
            for (TherapyRecordCheck.Problem problem : problems) {
                err.println(cli.getCommandSpec().qualifiedName() + ": " + namer.name(problem));
            }
            err.println(cli.getCommandSpec().qualifiedName() + ": nothing written: " + problems.size() + " problem(s) in " + source);
            return LegwatchCli.EXIT_INPUT;
        }
        if (dryRun) {
            out.println("dry run, nothing written; would add " + plan.toWrite().size() + " event(s), "
                    + plan.alreadyStored().size() + " already stored, to " + store.location() + ":");
            out.println(TherapyFields.HEADER);
            plan.toWrite().forEach(e -> out.println(TherapyCsv.row(e.event())));
            return 0;
        }
        int added = store.addTherapy(plan.events());
        out.println(source + ": " + entries.size() + " event(s): " + added + " added, " + plan.alreadyStored().size()
                + " already stored (" + store.location() + ")");
        return 0;
    }

    @FunctionalInterface
    private interface ProblemNamer {
        String name(TherapyRecordCheck.Problem problem);
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Imports a therapy CSV (patient,date,kind,detail,value,unit; see docs/storage.md). Every row",
                "is checked first; when any row is bad, every problem is named (file:line: field) and nothing is",
                "written. Rows already stored are left as they are, so importing a file twice changes nothing."})
    static final class Import implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        StoreOption store;

        @Parameters(paramLabel = "FILE", description = "The therapy CSV (plain or gzip).")
        Path file;

        @Option(names = "--dry-run", description = "Check and show what would be written, write nothing.")
        boolean dryRun;

        @Override
        public Integer call() throws IOException, InputFormatException {
            TherapyCsv.Rows rows = TherapyCsv.read(file, LocalDate.now());
            try (Store opened = store.open()) {
                return write(spec.commandLine(), opened, rows.entries(), rows.problems(),
                        p -> new InputFormatException(file, p.line(), p.field(), p.message()).getMessage(), dryRun,
                        file.toString());
            }
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Adds one event, checked as a row of the therapy CSV is. Examples:",
                "  --kind iv_iron --detail 'ferric carboxymaltose' --value 1000 --unit mg",
                "  --kind ferritin --value 38 --unit ng/mL     --kind medication --detail 'pramipexole stop'"})
    static final class Add implements Callable<Integer> {
        private static final Map<String, String> OPTIONS = Map.of(TherapyFields.PATIENT, "--patient",
                TherapyFields.DATE, "--date", TherapyFields.KIND, "--kind", TherapyFields.DETAIL, "--detail",
                TherapyFields.VALUE, "--value", TherapyFields.UNIT, "--unit");

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        StoreOption store;

        @Option(names = "--patient", required = true, paramLabel = "ID")
        String patient;

        @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "The day of the event.")
        String date;

        @Option(names = "--kind", required = true, paramLabel = "KIND",
                description = "iv_iron, oral_iron_start, oral_iron_stop, ferritin, tsat, hemoglobin or medication.")
        String kind;

        @Option(names = "--detail", defaultValue = "", paramLabel = "TEXT",
                description = "Product (iron), or drug and change (medication).")
        String detail;

        @Option(names = "--value", defaultValue = "", paramLabel = "NUMBER", description = "Dose or result.")
        String value;

        @Option(names = "--unit", defaultValue = "", paramLabel = "UNIT",
                description = "mg (iron), ug/L or ng/mL (ferritin), % (TSAT), g/dL or g/L (haemoglobin).")
        String unit;

        @Option(names = "--dry-run", description = "Check and show what would be written, write nothing.")
        boolean dryRun;

        @Override
        public Integer call() throws StoreException {
            List<TherapyRecordCheck.Entry> entries = new ArrayList<>();
            List<TherapyRecordCheck.Problem> problems = new ArrayList<>();
            try {
                entries.add(new TherapyRecordCheck.Entry(0,
                        TherapyFields.event(patient, date, kind, detail, value, unit, LocalDate.now())));
            } catch (FieldProblem e) {
                problems.add(new TherapyRecordCheck.Problem(0, e.field(), e.getMessage()));
            }
            try (Store opened = store.open()) {
                return write(spec.commandLine(), opened, entries, problems,
                        p -> OPTIONS.get(p.field()) + ": " + p.message(), dryRun, "therapy add");
            }
        }
    }
}
