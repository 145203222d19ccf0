package org.legwatch.host.io;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.legwatch.analysis.response.TherapyEvent;
import org.legwatch.analysis.response.TherapyKind;

/**
 * The therapy record of {@code legwatch analyze} (docs/formats.md): header
 * {@code patient,date,kind,detail,value,unit}. Checked per kind: an IV iron dose needs its product
 * and a dose in mg; ferritin is in ug/L (ng/mL is the same), TSAT in %, hemoglobin in g/dL (g/L is
 * converted); oral iron starts and medication changes need their detail. An entry repeated with
 * the same patient, date, kind, detail and value is an error, so no dose counts twice.
 */
public final class TherapyRecordCsv {
    public static final String PATIENT = "patient";
    public static final String DATE = "date";
    public static final String KIND = "kind";
    public static final String DETAIL = "detail";
    public static final String VALUE = "value";
    public static final String UNIT = "unit";
    public static final String HEADER = "patient,date,kind,detail,value,unit";

    private TherapyRecordCsv() {
    }

    /** Entries by patient (patients in id order, entries in file order). */
    public static Map<String, List<TherapyEvent>> read(Path file) throws IOException, InputFormatException {
        Map<String, List<TherapyEvent>> byPatient = new TreeMap<>();
        Map<String, Long> seen = new HashMap<>();
        try (CsvReader csv = CsvReader.open(file, PATIENT, DATE, KIND, DETAIL, VALUE, UNIT)) {
            while (csv.next()) {
                String patient = NightResultsCsv.patient(csv, PATIENT);
                LocalDate date = NightResultsCsv.date(csv, DATE);
                String code = csv.text(KIND);
                TherapyKind kind = TherapyKind.fromCode(code);
                if (kind == null) {
                    throw csv.fail(KIND, "'" + code + "' is not a kind of entry; use one of " + TherapyKind.codes());
                }
                String detail = csv.text(DETAIL);
                String unit = csv.text(UNIT);
                double value = NightResultsCsv.optionalNumber(csv, VALUE, false);
                TherapyEvent event = switch (kind) {
                    case IV_IRON -> {
                        requireDetail(csv, detail, "the IV iron product");
                        requirePositive(csv, value, "a dose");
                        requireUnit(csv, unit, "a dose of IV iron", "mg");
                        yield new TherapyEvent(date, kind, detail, value, "mg");
                    }
                    case ORAL_IRON_START, ORAL_IRON_STOP -> {
                        if (kind == TherapyKind.ORAL_IRON_START) {
                            requireDetail(csv, detail, "the oral iron product");
                        }
                        if (!Double.isNaN(value)) {
                            requirePositive(csv, value, "a daily elemental iron dose");
                            requireUnit(csv, unit, "a daily elemental iron dose", "mg");
                        }
                        yield new TherapyEvent(date, kind, detail, value, Double.isNaN(value) ? "" : "mg");
                    }
                    case FERRITIN -> {
                        requireNonNegative(csv, value, "a ferritin result");
                        requireUnit(csv, unit, "ferritin", "ug/L", "ng/mL", "µg/L", "mcg/L");
                        yield new TherapyEvent(date, kind, detail, value, "ug/L");
                    }
                    case TSAT -> {
                        requireNonNegative(csv, value, "a TSAT result");
                        if (value > 100) {
                            throw csv.fail(VALUE, "a transferrin saturation cannot exceed 100 % (" + csv.text(VALUE) + ")");
                        }
                        requireUnit(csv, unit, "TSAT", "%");
                        yield new TherapyEvent(date, kind, detail, value, "%");
                    }
                    case HEMOGLOBIN -> {
                        requirePositive(csv, value, "a hemoglobin result");
                        requireUnit(csv, unit, "hemoglobin", "g/dL", "g/L");
                        double gPerDl = unit.equalsIgnoreCase("g/L") ? value / 10 : value;
                        yield new TherapyEvent(date, kind, detail, gPerDl, "g/dL");
                    }
                    case MEDICATION -> {
                        requireDetail(csv, detail, "the drug and its change (e.g. 'pramipexole stop')");
                        yield new TherapyEvent(date, kind, detail, value, unit);
                    }
                };
                String key = patient + '\u0000' + date + '\u0000' + kind + '\u0000' + detail.toLowerCase(Locale.ROOT)
                        + '\u0000' + (Double.isNaN(value) ? "" : Double.toString(value));
                Long earlier = seen.putIfAbsent(key, csv.line());
                if (earlier != null) {
                    throw new InputFormatException(file, csv.line(), null,
                            "the same entry as line " + earlier + " (patient " + patient + ", " + date + ", " + code
                                    + "); remove one so it is not counted twice");
                }
                byPatient.computeIfAbsent(patient, p -> new ArrayList<>()).add(event);
            }
        }
        return byPatient;
    }

    private static void requireDetail(CsvReader csv, String detail, String what) throws InputFormatException {
        if (detail.isEmpty()) {
            throw csv.fail(DETAIL, "empty; name " + what);
        }
    }

    private static void requirePositive(CsvReader csv, double value, String what) throws InputFormatException {
        if (Double.isNaN(value)) {
            throw csv.fail(VALUE, "empty; " + what + " is needed");
        }
        if (value <= 0) {
            throw csv.fail(VALUE, what + " must be above 0, not " + csv.text(VALUE));
        }
    }

    private static void requireNonNegative(CsvReader csv, double value, String what) throws InputFormatException {
        if (Double.isNaN(value)) {
            throw csv.fail(VALUE, "empty; " + what + " is needed");
        }
        if (value < 0) {
            throw csv.fail(VALUE, what + " cannot be negative (" + csv.text(VALUE) + ")");
        }
    }

    private static void requireUnit(CsvReader csv, String unit, String what, String... accepted) throws InputFormatException {
        for (String a : accepted) {
            if (a.equalsIgnoreCase(unit)) {
                return;
            }
        }
        throw csv.fail(UNIT, "'" + unit + "' is not a unit for " + what + "; use " + String.join(" or ", accepted));
    }

    /** Writes the entries of many patients in this format. */
    public static void write(Path file, Map<String, List<TherapyEvent>> byPatient) throws IOException {
        TextFiles.writeAtomically(file, w -> {
            w.write(HEADER + "\n");
            StringBuilder line = new StringBuilder(96);
            for (Map.Entry<String, List<TherapyEvent>> entry : byPatient.entrySet()) {
                for (TherapyEvent e : entry.getValue()) {
                    line.setLength(0);
                    line.append(entry.getKey()).append(',').append(e.date()).append(',').append(e.kind().code()).append(',')
                            .append(e.detail()).append(',');
                    if (Double.isFinite(e.value())) {
                        line.append(Numbers.plain(e.value()));
                    }
                    line.append(',').append(e.unit()).append('\n');
                    w.append(line);
                }
            }
        });
    }
}
