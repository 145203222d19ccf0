package org.legwatch.host.export;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import org.legwatch.analysis.night.NightSettings;
import org.legwatch.analysis.night.NightSummary;
import org.legwatch.analysis.night.TimeSpan;
import org.legwatch.analysis.scoring.Leg;
import org.legwatch.analysis.scoring.ScoredMovement;
import org.legwatch.analysis.scoring.ScoringRules;
import org.legwatch.host.detect.RecordingDetection;
import org.legwatch.host.io.InputFormatException;
import org.legwatch.host.io.MovementListCsv;
import org.legwatch.host.io.RawRecordingSamples;
import org.legwatch.host.io.SampleFile;
import org.legwatch.host.io.TextFiles;
import org.legwatch.link.recording.RawRecordingHeader;

/**
 * A raw recording (one or two legs, CSV or the device's .lwr) as an EDF+ file with the night's
 * movements as annotations (docs/formats.md, "EDF+"). The recording is read twice and never held:
 * first to detect the movements with the device's pipeline (or only to survey it when a scored
 * movement list is given), find the data records and the lost samples; then to write the records.
 * The file is written beside its target and moved into place when whole.
 */
public final class RecordingEdfExport {
    private static final String[] MONTHS = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    /** When nothing says when a CSV recording began: the EDF+ convention for an unknown date. */
    private static final LocalDateTime UNKNOWN_START = LocalDateTime.of(1985, 1, 1, 0, 0);
    private static final int EDF_FIRST_YEAR = 1985;
    private static final int EDF_LAST_YEAR = 2084;

    private RecordingEdfExport() {
    }

    /**
     * What to export.
     *
     * @param lms      a scored movement list to annotate instead of detecting the movements (null: detect)
     * @param patient  the patient's code for the EDF header (null: unknown)
     * @param start    the local date and time of the recording's time 0 (null: from a raw recording's
     *                 wall clock, in {@code zone}; unknown for a CSV)
     */
    public record Request(Path right, Path left, Path lms, Path out, String patient, LocalDateTime start, ZoneId zone,
                          NightSettings settings, ScoringRules rules) {
    }

    /**
     * What was written. {@code summary} is the detected night (null when a movement list was given).
     */
    public record Outcome(boolean continuous, long records, long recordUs, int samplesPerRecord, double rangeG,
                          int annotations, int movements, long lostSamples, long samplesDropped, long slotsRepeated,
                          LocalDateTime start, boolean startKnown, List<String> damage, NightSummary summary) {
    }

    public static Outcome export(Request request) throws IOException, InputFormatException {
        List<RawRecordingHeader> headers = new ArrayList<>();
        for (Path file : new Path[] {request.right(), request.left()}) {
            if (file != null) {
                try (SampleFile samples = SampleFile.open(file)) {
                    if (samples instanceof RawRecordingSamples raw && raw.reader().header() != null) {
                        headers.add(raw.reader().header());
                    }
                }
            }
        }
        RecordingScan scan = new RecordingScan();
        List<ScoredMovement> movements;
        NightSummary summary = null;
        List<String> damage;
        if (request.lms() == null) {
            RecordingDetection.Result detected = RecordingDetection.detect(request.right(), request.left(),
                    request.settings(), request.rules(), scan);
            movements = detected.night().movements();
            summary = detected.night().summary();
            damage = detected.damage();
        } else {
            movements = MovementListCsv.readScoredAnyDetail(request.lms());
            damage = RecordingDetection.stream(request.right(), request.left(), scan).damage();
        }
        SampleGrid grid = scan.grid();

        LocalDateTime originTime = null;
        long originUs = grid.originUs();
        if (request.start() != null) {
            originTime = request.start().plus(originUs, ChronoUnit.MICROS);
        } else if (!headers.isEmpty()) {
            RawRecordingHeader h = headers.get(0);
            long wallUs = h.wallClockMs() * 1000 + originUs - h.wallClockAtUs();
            LocalDateTime wall = LocalDateTime.ofInstant(Instant.EPOCH.plus(wallUs, ChronoUnit.MICROS), request.zone());
            // A device's clock that never got a date (before 1985, EDF's first year) tells nothing.
            originTime = wall.getYear() >= EDF_FIRST_YEAR && wall.getYear() <= EDF_LAST_YEAR ? wall : null;
        }
        boolean startKnown = originTime != null;
        if (!startKnown) {
            originTime = UNKNOWN_START.plus(originUs, ChronoUnit.MICROS);
        }
        LocalDateTime fileStart = originTime.truncatedTo(ChronoUnit.SECONDS);
        long fractionUs = ChronoUnit.MICROS.between(fileStart, originTime);

        double range = 1;
        for (RawRecordingHeader h : headers) {
            range = Math.max(range, h.rangeG());
        }
        while (range < scan.maxAbsG()) {
            range *= 2;
        }
        List<EdfWriter.Signal> signals = new ArrayList<>();
        for (Leg leg : scan.legs()) {
            String chip = headers.stream().filter(h -> h.leg() == leg.code()).map(RawRecordingHeader::chip).findFirst()
                    .orElse("");
            for (String axis : new String[] {"X", "Y", "Z"}) {
                signals.add(new EdfWriter.Signal("Accel " + leg.code() + "-ankle " + axis,
                        "3-axis MEMS accelerometer" + (chip.isEmpty() ? "" : " " + EdfWriter.subfield(chip, 40)), "g",
                        -range, range, -Short.MAX_VALUE, Short.MAX_VALUE, "None", grid.samplesPerRecord()));
            }
        }

        List<EdfAnnotation> annotations = annotations(movements, summary, scan, fractionUs - originUs);
        long[] annotationRecords = new long[annotations.size()];
        int capacity = 0;
        int bytes = 0;
        long current = -1;
        for (int i = 0; i < annotations.size(); i++) {
            long record = scan.recordWithSamples(grid.recordAt(annotations.get(i).onsetUs() - fractionUs + originUs));
            annotationRecords[i] = record;
            if (record != current) {
                current = record;
                bytes = EdfAnnotation.timekeeping(fractionUs + record * grid.recordUs()).length;
            }
            bytes += annotations.get(i).tal().length;
            capacity = Math.max(capacity, bytes);
        }
        long lastRecord = scan.recordWithSamples(Integer.MAX_VALUE);
        capacity = Math.max(capacity, EdfAnnotation.timekeeping(fractionUs + lastRecord * grid.recordUs()).length);

        boolean continuous = scan.lostSamples() == 0 && scan.recordsContiguous();
        EdfWriter.Header header = new EdfWriter.Header(patientField(request.patient()),
                recordingField(startKnown ? fileStart : null, headers), fileStart, continuous, grid.recordUs());
        long[] written = new long[3];
        int finalCapacity = capacity;
        try {
            TextFiles.replaceAtomically(request.out(), temp -> {
                try (EdfWriter writer = new EdfWriter(temp, header, signals, finalCapacity)) {
                    EdfRecordAssembler assembler = new EdfRecordAssembler(writer, scan, signals, annotations,
                            annotationRecords, fractionUs);
                    RecordingDetection.stream(request.right(), request.left(), assembler);
                    assembler.finish();
                    written[0] = writer.records();
                    written[1] = assembler.samplesDropped();
                    written[2] = assembler.slotsRepeated();
                } catch (InputFormatException e) {
                    throw new InputFailure(e);
                }
            });
        } catch (InputFailure e) {
            throw (InputFormatException) e.getCause();
        }
        return new Outcome(continuous, written[0], grid.recordUs(), grid.samplesPerRecord(), range, annotations.size(),
                movements.size(), scan.lostSamples(), written[1], written[2], fileStart, startKnown, damage, summary);
    }

    /** Carries a format error out of a file body, which may only throw IOException. */
    private static final class InputFailure extends IOException {
        InputFailure(InputFormatException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /**
     * The night as annotations, onsets shifted by {@code shiftUs} from the recording's time axis to
     * the file's start: each movement ("Leg movement right|left|bilateral"), "PLM" on each PLM, each
     * PLM series ("PLM series N", first onset to last offset), time in bed ("In bed"), and where a
     * leg had no samples ("Samples lost, right leg"; "No samples, left leg" before or after it
     * recorded). In onset order, then in that order.
     */
    static List<EdfAnnotation> annotations(List<ScoredMovement> movements, NightSummary summary, RecordingScan scan,
                                           long shiftUs) {
        List<EdfAnnotation> out = new ArrayList<>();
        TreeMap<Integer, long[]> series = new TreeMap<>();
        for (ScoredMovement m : movements) {
            out.add(new EdfAnnotation(m.onsetUs() + shiftUs, m.durationUs(), "Leg movement " + legName(m.leg())));
            if (m.plm()) {
                out.add(new EdfAnnotation(m.onsetUs() + shiftUs, m.durationUs(), "PLM"));
            }
            if (m.series() > 0) {
                series.merge(m.series(), new long[] {m.onsetUs(), m.offsetUs()},
                        (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
            }
        }
        series.forEach((number, span) ->
                out.add(new EdfAnnotation(span[0] + shiftUs, span[1] - span[0], "PLM series " + number)));
        if (summary != null) {
            for (TimeSpan span : summary.inBed()) {
                out.add(new EdfAnnotation(span.startUs() + shiftUs, span.durationUs(), "In bed"));
            }
        }
        for (RecordingScan.Absence a : scan.absences()) {
            out.add(new EdfAnnotation(a.fromUs() + shiftUs, a.toUs() - a.fromUs(),
                    (a.lost() ? "Samples lost, " : "No samples, ") + legName(a.leg()) + " leg"));
        }
        out.sort(Comparator.comparingLong(EdfAnnotation::onsetUs));
        return out;
    }

    private static String legName(Leg leg) {
        return switch (leg) {
            case RIGHT -> "right";
            case LEFT -> "left";
            case BILATERAL -> "bilateral";
        };
    }

    /** EDF+ patient field: code, sex, birthdate, name; only the code is known. */
    private static String patientField(String patient) {
        return EdfWriter.subfield(patient, 74) + " X X X";
    }

    /** EDF+ recording field: "Startdate dd-MMM-yyyy", admin code (the night), technician, equipment, then whether the clock was synchronised. */
    private static String recordingField(LocalDateTime start, List<RawRecordingHeader> headers) {
        String date = start == null ? "X" : String.format(Locale.ROOT, "%02d-%s-%04d", start.getDayOfMonth(),
                MONTHS[start.getMonthValue() - 1], start.getYear());
        Set<String> chips = new LinkedHashSet<>();
        headers.forEach(h -> chips.add(h.chip()));
        String equipment = EdfWriter.subfield(chips.isEmpty() ? "legwatch" : "legwatch " + String.join(" ", chips), 24);
        String night = headers.isEmpty() ? "X" : EdfWriter.subfield(headers.get(0).nightId(), 24);
        String field = "Startdate " + date + " " + night + " X " + equipment;
        if (!headers.isEmpty() && !headers.get(0).wallClockSynchronised()) {
            field += " clock_not_synchronised";
        }
        return field;
    }
}
