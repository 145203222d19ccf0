package org.legwatch.host.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.legwatch.host.io.NightsCsv;
import org.legwatch.host.io.TextFiles;
import org.legwatch.host.store.NightRow;
import org.legwatch.host.store.Patient;
import org.legwatch.host.store.Store;
import org.legwatch.host.store.StoreException;
import org.legwatch.host.store.TherapyEvent;
import org.legwatch.host.therapy.TherapyCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code legwatch export nights|therapy}: the store's nights or therapy record as the CSVs {@code analyze} reads. */
@Command(name = "export",
        mixinStandardHelpOptions = true,
        description = {"Writes the nights (patient,date,plmi,plm_count,time_in_bed_h,periodicity_index,valid,...) or the",
            "therapy record (patient,date,kind,detail,value,unit) of one patient, or of every patient, as CSV."})
public final class ExportCommand implements Callable<Integer> {
    enum What { nights, therapy }

    enum Format { csv }

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @Parameters(paramLabel = "WHAT", description = "nights or therapy.")
    What what;

    @Option(names = "--patient", paramLabel = "ID", description = "One patient (default: every patient).")
    String patient;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv", description = "csv (the only format so far).")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write (default: standard output).")
    Path out;

    @Override
    public Integer call() throws IOException {
        try (Store opened = store.open()) {
            List<String> patients = new ArrayList<>();
            if (patient != null) {
                if (opened.patient(patient).isEmpty()) {
                    throw new StoreException("unknown patient " + patient + " in " + opened.location());
                }
                patients.add(patient);
            } else {
                opened.patients().stream().map(Patient::id).forEach(patients::add);
            }
            if (what == What.nights) {
                List<NightRow> rows = new ArrayList<>();
                for (String id : patients) {
                    rows.addAll(opened.nights(id));
                }
                emit(w -> NightsCsv.write(w, rows));
                report(rows.size() + " night(s)", patients.size());
            } else {
                List<TherapyEvent> events = new ArrayList<>();
                for (String id : patients) {
                    events.addAll(opened.therapy(id));
                }
                emit(w -> TherapyCsv.write(w, events));
                report(events.size() + " therapy event(s)", patients.size());
            }
        }
        return 0;
    }

    private void emit(TextFiles.WriterBody body) throws IOException {
        if (out == null) {
            PrintWriter writer = spec.commandLine().getOut();
            body.write(writer);
            writer.flush();
        } else {
            TextFiles.writeAtomically(out, body);
        }
    }

    private void report(String what, int patients) {
        if (out != null) {
            spec.commandLine().getOut().println(what + " of " + patients + " patient(s) -> " + out);
        }
    }
}
