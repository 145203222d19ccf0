package org.legwatch.host.therapy;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.legwatch.host.io.CsvReader;
import org.legwatch.host.io.InputFormatException;
import org.legwatch.host.store.TherapyEvent;

/**
 * The therapy CSV of formats.md: {@code patient,date,kind,detail,value,unit}, one event a row,
 * columns found by name. Reading checks every row ({@link TherapyFields}) and collects every
 * problem, so one run names all the bad rows.
 */
public final class TherapyCsv {
    private TherapyCsv() {
    }

    /** The rows read: the events that passed, and the problems of the rows that did not. */
    public record Rows(List<TherapyRecordCheck.Entry> entries, List<TherapyRecordCheck.Problem> problems) {
    }

    /**
     * Reads every row. A file that cannot be read as CSV at all (missing column, a row with the wrong
     * number of fields) throws; a bad value is collected.
     */
    public static Rows read(Path file, LocalDate today) throws IOException, InputFormatException {
        List<TherapyRecordCheck.Entry> entries = new ArrayList<>();
        List<TherapyRecordCheck.Problem> problems = new ArrayList<>();
        try (CsvReader csv = CsvReader.open(file, TherapyFields.PATIENT, TherapyFields.DATE, TherapyFields.KIND,
                TherapyFields.DETAIL, TherapyFields.VALUE, TherapyFields.UNIT)) {
            while (csv.next()) {
                try {
                    entries.add(new TherapyRecordCheck.Entry(csv.line(), TherapyFields.event(
                            csv.text(TherapyFields.PATIENT), csv.text(TherapyFields.DATE), csv.text(TherapyFields.KIND),
                            csv.text(TherapyFields.DETAIL), csv.text(TherapyFields.VALUE), csv.text(TherapyFields.UNIT),
                            today)));
                } catch (FieldProblem e) {
                    problems.add(new TherapyRecordCheck.Problem(csv.line(), e.field(), e.getMessage()));
                }
            }
        }
        return new Rows(entries, problems);
    }

    /** Reads a file that must be all good (for analysis input): the first problem throws. */
    public static List<TherapyEvent> readAll(Path file, LocalDate today) throws IOException, InputFormatException {
        Rows rows = read(file, today);
        if (!rows.problems().isEmpty()) {
            TherapyRecordCheck.Problem first = rows.problems().get(0);
            throw new InputFormatException(file, first.line(), first.field(), first.message());
        }
        return rows.entries().stream().map(TherapyRecordCheck.Entry::event).toList();
    }

    /** Writes the header and one row per event, in the order given. */
    public static void write(Writer out, List<TherapyEvent> events) throws IOException {
        out.write(TherapyFields.HEADER + "\n");
        for (TherapyEvent event : events) {
            out.write(row(event) + "\n");
        }
    }

    /** One event as a CSV row (no line end). */
    public static String row(TherapyEvent event) {
        return event.patientId() + "," + event.date() + "," + event.kind().code() + "," + event.detail() + ","
                + (event.value().isPresent() ? TherapyFields.plain(event.value().getAsDouble()) : "") + "," + event.unit();
    }
}
