package org.legwatch.host.io;

import java.io.IOException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.legwatch.analysis.response.PatientNight;

/**
 * The nightly results file of {@code legwatch analyze} (docs/formats.md): header
 * {@code patient,date,plmi,plm_count,time_in_bed_h,periodicity_index,valid}, one row per patient and
 * night ({@code date} the evening the night began, {@code valid} 1 or 0). A valid night needs its
 * PLMI, PLM count and time in bed; an invalid night may leave them empty; an empty periodicity
 * index means the night had no IMIs. A patient with two rows for one date is an error, so no
 * night counts twice.
 */
public final class NightResultsCsv {
    public static final String PATIENT = "patient";
    public static final String DATE = "date";
    public static final String PLMI = "plmi";
    public static final String PLM_COUNT = "plm_count";
    public static final String TIME_IN_BED = "time_in_bed_h";
    public static final String PERIODICITY = "periodicity_index";
    public static final String VALID = "valid";
    public static final String HEADER = "patient,date,plmi,plm_count,time_in_bed_h,periodicity_index,valid";

    private NightResultsCsv() {
    }

    /** Nights by patient (patients in id order, nights in date order). */
    public static Map<String, List<PatientNight>> read(Path file) throws IOException, InputFormatException {
        Map<String, List<PatientNight>> byPatient = new HashMap<>();
        Map<String, List<Long>> lines = new HashMap<>();
        String current = null;
        List<PatientNight> currentNights = null;
        List<Long> currentLines = null;
        try (CsvReader csv = CsvReader.open(file, PATIENT, DATE, PLMI, PLM_COUNT, TIME_IN_BED, PERIODICITY, VALID)) {
            while (csv.next()) {
                String patient = patient(csv, PATIENT);
                LocalDate date = date(csv, DATE);
                boolean valid = flag(csv, VALID);
                double plmi = optionalNumber(csv, PLMI, valid);
                double count = optionalNumber(csv, PLM_COUNT, valid);
                double hours = optionalNumber(csv, TIME_IN_BED, valid);
                double periodicity = optionalNumber(csv, PERIODICITY, false);
                if (plmi < 0) {
                    throw csv.fail(PLMI, "a PLM index cannot be negative (" + csv.text(PLMI) + ")");
                }
                if (!Double.isNaN(count) && (count < 0 || count != Math.rint(count) || count > Integer.MAX_VALUE)) {
                    throw csv.fail(PLM_COUNT, "'" + csv.text(PLM_COUNT) + "' is not a whole number of PLMs");
                }
                if (hours < 0 || hours > 24) {
                    throw csv.fail(TIME_IN_BED, "time in bed must be 0-24 h, not " + csv.text(TIME_IN_BED));
                }
                if (periodicity < 0 || periodicity > 1) {
                    throw csv.fail(PERIODICITY, "a periodicity index is between 0 and 1, not " + csv.text(PERIODICITY));
                }
                // A patient's rows usually come together: look the lists up only when the patient changes.
                if (!patient.equals(current)) {
                    current = patient;
                    currentNights = byPatient.computeIfAbsent(patient, p -> new ArrayList<>());
                    currentLines = lines.computeIfAbsent(patient, p -> new ArrayList<>());
                }
                currentNights.add(new PatientNight(date, plmi, Double.isNaN(count) ? -1 : (int) count, hours, periodicity, valid));
                currentLines.add(csv.line());
            }
        }
        Map<String, List<PatientNight>> sorted = new TreeMap<>();
        for (Map.Entry<String, List<PatientNight>> entry : byPatient.entrySet()) {
            sorted.put(entry.getKey(), inDateOrder(file, entry.getKey(), entry.getValue(), lines.get(entry.getKey())));
        }
        return sorted;
    }

    /** A patient's nights sorted by date; two nights on one date are an error naming both lines. */
    private static List<PatientNight> inDateOrder(Path file, String patient, List<PatientNight> nights, List<Long> lines)
            throws InputFormatException {
        Integer[] order = new Integer[nights.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // Stable: of two rows with one date, the earlier line comes first and the later one is reported.
        Arrays.sort(order, Comparator.comparing(i -> nights.get(i).date()));
        List<PatientNight> sorted = new ArrayList<>(order.length);
        for (int k = 0; k < order.length; k++) {
            PatientNight night = nights.get(order[k]);
            if (k > 0 && night.date().equals(sorted.getLast().date())) {
                throw new InputFormatException(file, lines.get(order[k]), DATE,
                        "patient " + patient + " already has a night dated " + night.date() + " (line " + lines.get(order[k - 1]) + ")");
            }
            sorted.add(night);
        }
        return sorted;
    }

    static String patient(CsvReader csv, String column) throws InputFormatException {
        String patient = csv.text(column);
        if (patient.isEmpty()) {
            throw csv.fail(column, "empty patient id");
        }
        return patient;
    }

    /** A {@code YYYY-MM-DD} date (read by hand: a cohort file holds millions, and the general parser is slow). */
    static LocalDate date(CsvReader csv, String column) throws InputFormatException {
        String text = csv.text(column);
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            if (year >= 0 && month >= 0 && day >= 0) {
                try {
                    return LocalDate.of(year, month, day);
                } catch (DateTimeException e) {
                    // reported below
                }
            }
        }
        throw csv.fail(column, "'" + text + "' is not a date (YYYY-MM-DD)");
    }

    /** The decimal number in {@code text[from, to)}, or -1 when a character is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = 10 * value + (c - '0');
        }
        return value;
    }

    private static boolean flag(CsvReader csv, String column) throws InputFormatException {
        return switch (csv.text(column)) {
            case "1" -> true;
            case "0" -> false;
            default -> throw csv.fail(column, "'" + csv.text(column) + "' is not 1 or 0");
        };
    }

    /** A number, or {@code NaN} when empty and not required. */
    static double optionalNumber(CsvReader csv, String column, boolean required) throws InputFormatException {
        if (csv.text(column).isEmpty()) {
            if (required) {
                throw csv.fail(column, "empty; a valid night needs it");
            }
            return Double.NaN;
        }
        return csv.number(column);
    }

    /** Appends one night in this file's columns (without a line end); unknown values are left empty. */
    public static StringBuilder append(StringBuilder line, String patient, PatientNight night) {
        line.append(patient).append(',').append(night.date()).append(',');
        if (Double.isFinite(night.plmi())) {
            Decimal.append(line, night.plmi(), 3);
        }
        line.append(',');
        if (night.plmCount() >= 0) {
            line.append(night.plmCount());
        }
        line.append(',');
        if (Double.isFinite(night.hoursInBed())) {
            Decimal.append(line, night.hoursInBed(), 3);
        }
        line.append(',');
        if (night.hasPeriodicityIndex()) {
            Decimal.append(line, night.periodicityIndex(), 4);
        }
        return line.append(',').append(night.valid() ? '1' : '0');
    }

    /** Writes nights of many patients in this format. */
    public static void write(Path file, Map<String, List<PatientNight>> byPatient) throws IOException {
        TextFiles.writeAtomically(file, w -> {
            w.write(HEADER + "\n");
            StringBuilder line = new StringBuilder(96);
            for (Map.Entry<String, List<PatientNight>> entry : byPatient.entrySet()) {
                for (PatientNight night : entry.getValue()) {
                    line.setLength(0);
                    append(line, entry.getKey(), night).append('\n');
                    w.append(line);
                }
            }
        });
    }
}
