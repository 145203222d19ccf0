package org.legwatch.host.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.legwatch.host.export.FhirNightBundle;
import org.legwatch.host.export.MovementsCsv;
import org.legwatch.host.io.NightsCsv;
import org.legwatch.host.io.TextFiles;
import org.legwatch.host.store.NightRow;
import org.legwatch.host.store.Patient;
import org.legwatch.host.store.Store;
import org.legwatch.host.store.StoreException;
import org.legwatch.host.store.StoredNight;
import org.legwatch.host.store.TherapyEvent;
import org.legwatch.host.therapy.TherapyCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code legwatch export nights|therapy|movements|edf}: the store's nights (CSV or FHIR), therapy
 * record and movements, and a raw recording as EDF+ ({@link ExportEdfCommand}).
 */
@Command(name = "export",
        mixinStandardHelpOptions = true,
        description = {"Exports from the store: nights (CSV, or a FHIR R4 Bundle), the therapy record (CSV), every",
            "movement (CSV); and a raw recording with its movements as EDF+ (docs/formats.md)."},
        subcommands = {ExportCommand.Nights.class, ExportCommand.Therapy.class, ExportCommand.Movements.class,
            ExportEdfCommand.class})
public final class ExportCommand extends CommandGroup {

    /** What every export from the store shares: the store, the patients, where to write. */
    abstract static class StoreExport implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOption store;

        @Option(names = "--patient", paramLabel = "ID", description = "One patient (default: every patient).")
        String patient;

        @Option(names = "--out", paramLabel = "FILE",
                description = "Where to write (default: standard output); written whole or not at all.")
        Path out;

        @Override
        public Integer call() throws IOException {
            try (Store opened = store.open()) {
                List<String> patients = patients(opened);
                String written = export(opened, patients);
                if (out != null) {
                    spec.commandLine().getOut().println(written + " of " + patients.size() + " patient(s) -> " + out);
                }
            }
            return 0;
        }

        /** Writes the patients' export through {@link #emit}; says what it wrote ("3 night(s)"). */
        abstract String export(Store opened, List<String> patients) throws IOException;

        /** The patients to export, checked against the store. */
        List<String> patients(Store opened) throws StoreException {
            List<String> patients = new ArrayList<>();
            if (patient != null) {
                if (opened.patient(patient).isEmpty()) {
                    throw new StoreException("unknown patient " + patient + " in " + opened.location());
                }
                patients.add(patient);
            } else {
                opened.patients().stream().map(Patient::id).forEach(patients::add);
            }
            return patients;
        }

        void emit(TextFiles.WriterBody body) throws IOException {
            if (out == null) {
                PrintWriter writer = spec.commandLine().getOut();
                body.write(writer);
                writer.flush();
            } else {
                TextFiles.writeAtomically(out, body);
            }
        }

        /** What a query gives for each of the patients, one after the other. */
        static <T> List<T> gather(List<String> patients, PatientQuery<T> query) throws StoreException {
            List<T> all = new ArrayList<>();
            for (String id : patients) {
                all.addAll(query.of(id));
            }
            return all;
        }

        @FunctionalInterface
        interface PatientQuery<T> {
            List<T> of(String patientId) throws StoreException;
        }

        /** Hands every night of the patients, with its movements, to {@code writer}, one at a time. */
        static void forEachNight(Store opened, List<String> patients, NightWriter writer) throws IOException {
            try {
                for (String id : patients) {
                    opened.forEachNight(id, night -> {
                        try {
                            writer.write(night);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }

        @FunctionalInterface
        interface NightWriter {
            void write(StoredNight night) throws IOException;
        }
    }

    enum NightFormat { csv, fhir }

    @Command(name = "nights", mixinStandardHelpOptions = true,
            description = {"The nights of one patient or of every patient: as CSV (patient,date,plmi,plm_count,",
                "time_in_bed_h,periodicity_index,valid,... as analyze reads it), or as a FHIR R4 Bundle with one",
                "Observation per night (--format fhir)."})
    static final class Nights extends StoreExport {
        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv", description = "csv (default) or fhir.")
        NightFormat format;

        @Override
        String export(Store opened, List<String> patients) throws IOException {
            if (format == NightFormat.csv) {
                List<NightRow> rows = gather(patients, opened::nights);
                emit(w -> NightsCsv.write(w, rows));
                return rows.size() + " night(s)";
            }
            long[] nights = new long[1];
            emit(w -> {
                FhirNightBundle bundle = new FhirNightBundle(w, patients);
                forEachNight(opened, patients, bundle::add);
                bundle.finish();
                nights[0] = bundle.observations();
            });
            return nights[0] + " night(s) as FHIR Observations";
        }
    }

    @Command(name = "therapy", mixinStandardHelpOptions = true,
            description = "The therapy record (patient,date,kind,detail,value,unit) of one patient or of every patient, as CSV.")
    static final class Therapy extends StoreExport {
        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv", description = "csv (the only format).")
        TableFormat format;

        @Override
        String export(Store opened, List<String> patients) throws IOException {
            List<TherapyEvent> events = gather(patients, opened::therapy);
            emit(w -> TherapyCsv.write(w, events));
            return events.size() + " therapy event(s)";
        }
    }

    enum TableFormat { csv }

    @Command(name = "movements", mixinStandardHelpOptions = true,
            description = {"Every scored movement of one patient's nights (or every patient's), one row per movement:",
                MovementsCsv.HEADER})
    static final class Movements extends StoreExport {
        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv", description = "csv (the only format).")
        TableFormat format;

        @Override
        String export(Store opened, List<String> patients) throws IOException {
            long[] rows = new long[1];
            emit(w -> {
                MovementsCsv csv = new MovementsCsv(w);
                forEachNight(opened, patients, csv::write);
                rows[0] = csv.rows();
            });
            return rows[0] + " movement(s)";
        }
    }
}
