package org.legwatch.host.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.legwatch.host.store.NightRow;
import org.legwatch.host.store.Patient;
import org.legwatch.host.store.Store;
import org.legwatch.host.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code legwatch patient add|list}. */
@Command(name = "patient",
        mixinStandardHelpOptions = true,
        description = "Patients in the store.",
        subcommands = {PatientCommand.Add.class, PatientCommand.ListPatients.class})
public final class PatientCommand extends CommandGroup {
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Adds a patient (adding the same patient again changes nothing).")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        StoreOption store;

        @Parameters(paramLabel = "ID", description = "The patient's id: 1-64 letters, digits, '.', '_' or '-' (a study pseudonym).")
        String id;

        @Option(names = "--name", paramLabel = "NAME", defaultValue = "", description = "A name for the clinician's eyes (optional).")
        String name;

        @Override
        public Integer call() throws StoreException {
            Patient patient = new Patient(id, name);
            try (Store opened = store.open()) {
                boolean added = opened.addPatient(patient);
                spec.commandLine().getOut().println((added ? "added patient " : "patient is already stored: ") + id
                        + " (" + opened.location() + ")");
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists the patients as CSV: patient,name,nights,valid_nights,first_night,last_night.")
    static final class ListPatients implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        StoreOption store;

        @Override
        public Integer call() throws StoreException {
            PrintWriter out = spec.commandLine().getOut();
            out.println("patient,name,nights,valid_nights,first_night,last_night");
            try (Store opened = store.open()) {
                for (Patient patient : opened.patients()) {
                    List<NightRow> nights = opened.nights(patient.id());
                    out.println(patient.id() + "," + patient.name().replace(',', ' ') + "," + nights.size() + ","
                            + nights.stream().filter(NightRow::valid).count() + ","
                            + (nights.isEmpty() ? "" : nights.get(0).eveningDate()) + ","
                            + (nights.isEmpty() ? "" : nights.get(nights.size() - 1).eveningDate()));
                }
            }
            return 0;
        }
    }
}
