package org.legwatch.host.io;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.legwatch.analysis.night.TimeSpan;
import org.legwatch.analysis.scoring.Leg;
import org.legwatch.analysis.scoring.LegMovement;
import org.legwatch.analysis.scoring.ScoredMovement;

/**
 * The leg-movement list files of docs/formats.md: input {@code onset_s,offset_s,leg} (leg R or L),
 * scored output {@code onset_s,offset_s,leg,clm,plm} (leg R, L or B), and event spans
 * {@code start_s,end_s} for respiratory events and arousals.
 */
public final class MovementListCsv {
    public static final String ONSET = "onset_s";
    public static final String OFFSET = "offset_s";
    public static final String LEG = "leg";
    public static final String START = "start_s";
    public static final String END = "end_s";
    public static final String SCORED_HEADER = "onset_s,offset_s,leg,clm,plm";
    public static final String DETAIL_HEADER = ",joined,series,imi_s,respiratory,arousal,plm_excl_resp";

    private MovementListCsv() {
    }

    /** Reads single-leg movements in file order. */
    public static List<LegMovement> read(Path file) throws IOException, InputFormatException {
        List<LegMovement> movements = new ArrayList<>();
        try (CsvReader csv = CsvReader.open(file, ONSET, OFFSET, LEG)) {
            while (csv.next()) {
                long[] times = onsetOffset(csv);
                String legText = csv.text(LEG);
                Leg leg = Leg.fromCode(legText);
                if (leg == null || leg == Leg.BILATERAL) {
                    throw csv.fail(LEG, "'" + legText + "' is not a leg: use R (right) or L (left)");
                }
                movements.add(new LegMovement(times[0], times[1], leg));
            }
        }
        return movements;
    }

    /**
     * Reads a scored list written with the detail columns ({@code --detail}), back into the
     * movements it was written from (to the millisecond the file keeps).
     */
    public static List<ScoredMovement> readScored(Path file) throws IOException, InputFormatException {
        return readScored(file, true);
    }

    /**
     * Reads a scored list with or without the detail columns. Without them a movement counts as one
     * joined movement, in no series, without IMI, respiratory event or arousal.
     */
    public static List<ScoredMovement> readScoredAnyDetail(Path file) throws IOException, InputFormatException {
        return readScored(file, false);
    }

    private static List<ScoredMovement> readScored(Path file, boolean detailRequired) throws IOException, InputFormatException {
        String[] columns = (detailRequired ? SCORED_HEADER + DETAIL_HEADER : SCORED_HEADER).split(",");
        List<ScoredMovement> movements = new ArrayList<>();
        CsvReader opened;
        try {
            opened = CsvReader.open(file, columns);
        } catch (InputFormatException e) {
            if (e.field() != null && DETAIL_HEADER.contains("," + e.field())) {
                throw new InputFormatException(file, e.line(), e.field(),
                        "missing column: write the movement list with --detail (e.g. legwatch detect --detail)");
            }
            throw e;
        }
        try (CsvReader csv = opened) {
            boolean detail = Arrays.stream(DETAIL_HEADER.substring(1).split(",")).allMatch(csv::has);
            while (csv.next()) {
                long[] times = onsetOffset(csv);
                long onset = times[0];
                long offset = times[1];
                String legText = csv.text(LEG);
                Leg leg = Leg.fromCode(legText);
                if (leg == null) {
                    throw csv.fail(LEG, "'" + legText + "' is not a leg: R, L or B");
                }
                boolean plm = flag(csv, "plm");
                if (!detail) {
                    movements.add(new ScoredMovement(onset, offset, leg, 1, flag(csv, "clm"), plm, 0, -1, false, false, plm));
                    continue;
                }
                String imi = csv.text("imi_s");
                long imiUs = imi.isEmpty() ? -1 : csv.seconds("imi_s");
                movements.add(new ScoredMovement(onset, offset, leg, count(csv, "joined"), flag(csv, "clm"),
                        plm, count(csv, "series"), imiUs, flag(csv, "respiratory"), flag(csv, "arousal"),
                        flag(csv, "plm_excl_resp")));
            }
        }
        return movements;
    }

    /** The current row's onset and offset in µs, checked: the onset not negative, the offset not before it. */
    private static long[] onsetOffset(CsvReader csv) throws InputFormatException {
        long onset = csv.seconds(ONSET);
        long offset = csv.seconds(OFFSET);
        if (onset < 0) {
            throw csv.fail(ONSET, Seconds.millis(onset) + " s is before the start of the recording");
        }
        if (offset < onset) {
            throw csv.fail(OFFSET, Seconds.millis(offset) + " s is before the onset " + Seconds.millis(onset) + " s");
        }
        return new long[] {onset, offset};
    }

    private static boolean flag(CsvReader csv, String column) throws InputFormatException {
        return switch (csv.text(column)) {
            case "1" -> true;
            case "0" -> false;
            default -> throw csv.fail(column, "'" + csv.text(column) + "' is not 1 or 0");
        };
    }

    private static int count(CsvReader csv, String column) throws InputFormatException {
        String text = csv.text(column);
        try {
            int value = Integer.parseInt(text);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            throw csv.fail(column, "'" + text + "' is not a whole number");
        }
        throw csv.fail(column, "'" + text + "' is negative");
    }

    /** Reads {@code start_s,end_s} spans (respiratory events, arousals). */
    public static List<TimeSpan> readSpans(Path file) throws IOException, InputFormatException {
        List<TimeSpan> spans = new ArrayList<>();
        try (CsvReader csv = CsvReader.open(file, START, END)) {
            while (csv.next()) {
                long start = csv.seconds(START);
                long end = csv.seconds(END);
                if (end < start) {
                    throw csv.fail(END, Seconds.millis(end) + " s is before the start " + Seconds.millis(start) + " s");
                }
                spans.add(new TimeSpan(start, end));
            }
        }
        return spans;
    }

    /** Writes single-leg movements in the input format, in the order given. */
    public static void writeMovements(Path file, List<LegMovement> movements) throws IOException {
        TextFiles.writeAtomically(file, w -> {
            w.write(ONSET + "," + OFFSET + "," + LEG + "\n");
            for (LegMovement m : movements) {
                w.write(Seconds.millis(m.onsetUs()) + "," + Seconds.millis(m.offsetUs()) + "," + m.leg().code() + "\n");
            }
        });
    }

    /** Writes {@code start_s,end_s} spans. */
    public static void writeSpans(Path file, List<TimeSpan> spans) throws IOException {
        TextFiles.writeAtomically(file, w -> {
            w.write(START + "," + END + "\n");
            for (TimeSpan span : spans) {
                w.write(Seconds.millis(span.startUs()) + "," + Seconds.millis(span.endUs()) + "\n");
            }
        });
    }

    /** Writes scored movements; with {@code detail}, more columns after the five of the format. */
    public static void write(Path file, List<ScoredMovement> movements, boolean detail) throws IOException {
        TextFiles.writeAtomically(file, writer -> write(writer, movements, detail));
    }

    static void write(Writer out, List<ScoredMovement> movements, boolean detail) throws IOException {
        out.write(SCORED_HEADER);
        if (detail) {
            out.write(DETAIL_HEADER);
        }
        out.write('\n');
        StringBuilder line = new StringBuilder(96);
        for (ScoredMovement m : movements) {
            line.setLength(0);
            appendRow(line, m, detail);
            out.append(line).append('\n');
        }
    }

    /** One movement's fields as {@link #write} prints them: {@link #SCORED_HEADER}, then with {@code detail} {@link #DETAIL_HEADER}. */
    public static StringBuilder appendRow(StringBuilder line, ScoredMovement m, boolean detail) {
        line.append(Seconds.millis(m.onsetUs())).append(',')
            .append(Seconds.millis(m.offsetUs())).append(',')
            .append(m.leg().code()).append(',')
            .append(m.clm() ? '1' : '0').append(',')
            .append(m.plm() ? '1' : '0');
        if (detail) {
            line.append(',').append(m.joinedCount())
                .append(',').append(m.series())
                .append(',').append(m.hasImi() ? Seconds.millis(m.imiUs()) : "")
                .append(',').append(m.respiratory() ? '1' : '0')
                .append(',').append(m.arousal() ? '1' : '0')
                .append(',').append(m.plmExcludingRespiratory() ? '1' : '0');
        }
        return line;
    }
}
