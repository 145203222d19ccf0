package org.legwatch.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.legwatch.link.recording.CountScale;
import org.legwatch.link.recording.RawRecordingHeader;
import org.legwatch.link.recording.RawRecordingWriter;

/**
 * {@code legwatch export edf} read back by two EDF readers that know nothing of legwatch (see
 * {@link EdfReaders}): EDFlib for EDF+C files, BioSig for EDF+D. Every sample is compared with
 * the recording it came from (within half a quantisation step) and every annotation with the
 * movements, lost samples and time in bed it stands for.
 */
class ExportEdfTest {
    private static final double RATE = 100;

    @TempDir
    Path temp;

    @BeforeAll
    static void readersAreInstalled() throws Exception {
        EdfReaders.requireTools();
    }

    /** One leg's samples as the test made them. */
    private record Leg(double[] t, double[][] axes) {
        int size() {
            return t.length;
        }
    }

    /** 100 Hz from {@code offset} s, {@code count} samples, leaving out the indices {@code lost} says. */
    private static Leg leg(double offset, int count, IntPredicate lost, double sign) {
        List<Integer> kept = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            if (!lost.test(k)) {
                kept.add(k);
            }
        }
        double[] t = new double[kept.size()];
        double[][] axes = new double[3][kept.size()];
        for (int i = 0; i < kept.size(); i++) {
            int k = kept.get(i);
            t[i] = offset + k / RATE;
            axes[0][i] = round5(sign * 1.5 * Math.sin(k / 37.0));
            axes[1][i] = round5(0.25 * Math.cos(k / 11.0) - 0.5 * sign);
            axes[2][i] = round5(k % 700 < 350 ? 0.98 : -0.2 + (k % 13) * 0.01);
        }
        return new Leg(t, axes);
    }

    private static double round5(double v) {
        return Math.rint(v * 1e5) / 1e5;
    }

    private Path csv(String name, Leg leg) throws IOException {
        Path file = temp.resolve(name);
        try (Writer out = Files.newBufferedWriter(file)) {
            out.write("t_s,x_g,y_g,z_g\n");
            for (int i = 0; i < leg.size(); i++) {
                out.write(String.format(Locale.ROOT, "%.6f,%.5f,%.5f,%.5f%n", leg.t[i], leg.axes[0][i], leg.axes[1][i],
                        leg.axes[2][i]));
            }
        }
        return file;
    }

    /**
     * What a reader must find in the legs' signals, worked out here from the samples: slots of
     * 1/100 s from the first sample (each leg shifted onto the grid by its first sample), records of
     * 100 slots, only records with samples, an empty slot repeating its leg's latest sample.
     */
    private static List<double[][]> expectedSignals(List<Leg> legs, TreeSet<Long> recordsOut) {
        double origin = legs.stream().mapToDouble(l -> l.t[0]).min().orElseThrow();
        List<TreeMap<Long, double[]>> slots = new ArrayList<>();
        for (Leg leg : legs) {
            double first = (leg.t[0] - origin) * RATE;
            double phase = first - Math.rint(first);
            TreeMap<Long, double[]> bySlot = new TreeMap<>();
            for (int i = 0; i < leg.size(); i++) {
                long slot = Math.round((leg.t[i] - origin) * RATE - phase);
                bySlot.put(slot, new double[] {leg.axes[0][i], leg.axes[1][i], leg.axes[2][i]});
                recordsOut.add(slot / 100);
            }
            slots.add(bySlot);
        }
        List<double[][]> out = new ArrayList<>();
        for (TreeMap<Long, double[]> bySlot : slots) {
            double[][] signal = new double[3][recordsOut.size() * 100];
            double[] latest = bySlot.firstEntry().getValue();
            int n = 0;
            for (long record : recordsOut) {
                for (long slot = record * 100; slot < record * 100 + 100; slot++, n++) {
                    double[] here = bySlot.get(slot);
                    if (here == null) {
                        here = bySlot.floorEntry(slot) == null ? latest : bySlot.floorEntry(slot).getValue();
                    }
                    for (int axis = 0; axis < 3; axis++) {
                        signal[axis][n] = here[axis];
                    }
                }
            }
            out.add(signal);
        }
        return out;
    }

    private static void assertSamples(double[] expected, double[] actual, double tolerance, String what) {
        assertEquals(expected.length, actual.length, what + ": samples");
        for (int i = 0; i < expected.length; i++) {
            if (Math.abs(expected[i] - actual[i]) > tolerance) {
                assertEquals(expected[i], actual[i], tolerance, what + " sample " + i);
            }
        }
    }

    private CliRunner export(String... args) {
        List<String> all = new ArrayList<>(List.of("export", "edf"));
        all.addAll(List.of(args));
        return CliRunner.run(all.toArray(String[]::new));
    }

    @Test
    void aContinuousRecordingIsEdfPlusCThatEdflibReadsSampleForSample() throws Exception {
        Leg right = leg(0, 3000, k -> false, 1);
        Leg left = leg(0.003, 3000, k -> false, -1);
        Path lms = Files.writeString(temp.resolve("lms.csv"), String.join("\n",
                "onset_s,offset_s,leg,clm,plm,joined,series,imi_s,respiratory,arousal,plm_excl_resp",
                "3.000,3.800,R,1,1,1,1,,0,0,1",
                "8.000,9.000,L,1,1,1,1,5.000,0,0,1",
                "14.000,14.600,R,1,1,1,1,6.000,0,0,1",
                "20.000,21.500,B,1,1,2,1,6.000,0,0,1",
                "26.000,27.000,L,1,0,1,0,6.000,0,0,0") + "\n");
        Path edf = temp.resolve("night.edf");
        CliRunner run = export("--right", csv("r.csv", right).toString(), "--left", csv("l.csv", left).toString(),
                "--lms", lms.toString(), "--out", edf.toString(), "--patient", "P1", "--start", "2026-11-20T22:10:00.25");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("EDF+C, 30 records of 1.0 s (100 samples per signal, +-2 g)"), run.out());

        EdfReaders.EdflibView view = EdfReaders.edflib(edf, temp);
        assertEquals(1, view.fileType(), "EDF+");
        assertEquals(30, view.records());
        assertEquals(10_000_000L, view.recordDuration100ns());
        assertEquals(LocalDateTime.of(2026, 11, 20, 22, 10, 0), view.start());
        assertEquals(2_500_000L, view.subsecond100ns());
        assertEquals("P1", view.fields().get("patientcode"));
        assertEquals("legwatch", view.fields().get("equipment"));
        List<String> labels = view.signals().stream().map(s -> s[1] + "|" + s[2] + "|" + s[3] + "|" + s[4] + "|" + s[5]
                + "|" + s[6] + "|" + s[7] + "|" + s[8]).toList();
        List<String> expectedLabels = new ArrayList<>();
        for (String side : new String[] {"R", "L"}) {
            for (String axis : new String[] {"X", "Y", "Z"}) {
                expectedLabels.add("Accel " + side + "-ankle " + axis + "|g|-2|2|-32767|32767|100|3000");
            }
        }
        assertEquals(expectedLabels, labels);

        TreeSet<Long> records = new TreeSet<>();
        List<double[][]> expected = expectedSignals(List.of(right, left), records);
        assertEquals(30, records.size());
        double step = 4.0 / 65534;
        for (int legIndex = 0; legIndex < 2; legIndex++) {
            for (int axis = 0; axis < 3; axis++) {
                assertSamples(expected.get(legIndex)[axis], view.samples().get(3 * legIndex + axis), step / 2 + 1e-8,
                        labels.get(3 * legIndex + axis));
            }
        }
        // Onsets as EDFlib gives them: from the recording's start (the header's time plus its 0.25 s).
        assertEquals(List.of(
                "30000000\t8000000\tLeg movement right",
                "30000000\t8000000\tPLM",
                "30000000\t185000000\tPLM series 1",
                "80000000\t10000000\tLeg movement left",
                "80000000\t10000000\tPLM",
                "140000000\t6000000\tLeg movement right",
                "140000000\t6000000\tPLM",
                "200000000\t15000000\tLeg movement bilateral",
                "200000000\t15000000\tPLM",
                "260000000\t10000000\tLeg movement left"), view.annotations());
    }

    @Test
    void lostSamplesMakeEdfPlusDThatBiosigReadsRecordForRecord() throws Exception {
        Leg right = leg(0, 3000, k -> (k >= 200 && k < 203) || (k >= 1000 && k < 1350) || (k >= 2000 && k < 2520), 1);
        Leg left = leg(0.003, 3000, k -> k >= 2000 && k < 2520, -1);
        Path lms = Files.writeString(temp.resolve("lms.csv"),
                "onset_s,offset_s,leg,clm,plm\n5.000,6.250,R,1,1\n17.500,18.000,B,1,0\n");
        Path edf = temp.resolve("gaps.edf");
        CliRunner run = export("--right", csv("r.csv", right).toString(), "--left", csv("l.csv", left).toString(),
                "--lms", lms.toString(), "--out", edf.toString(), "--start", "2026-11-20T22:10:00");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("EDF+D, 25 records") && run.out().contains(" 1393 samples lost"), run.out());
        assertEquals("error -10", EdfReaders.edflibRefusal(edf, temp), "EDFlib knows it as discontinuous (EDF+D)");

        EdfReaders.BiosigView view = EdfReaders.biosig(edf, temp, true);
        assertEquals(25, view.header().path("NumberOfRecords").asInt());
        assertEquals(0, java.time.Duration.between(LocalDateTime.of(2026, 11, 20, 22, 10), view.start()).toNanos() / 1e9, 0.001,
                "start " + view.start());
        TreeSet<Long> records = new TreeSet<>();
        List<double[][]> expected = expectedSignals(List.of(right, left), records);
        List<Double> recordStarts = view.segmentStarts().stream().map(view::secondsFromStart).toList();
        assertEquals(records.size(), recordStarts.size());
        int i = 0;
        for (long record : records) {
            assertEquals(record, recordStarts.get(i++), 0.001, "start of a record");
        }
        double step = 4.0 / 65534;
        for (int signal = 0; signal < 6; signal++) {
            double[] actual = new double[view.rows().size()];
            for (int r = 0; r < actual.length; r++) {
                actual[r] = view.rows().get(r)[signal];
            }
            assertSamples(expected.get(signal / 3)[signal % 3], actual, step / 2 + 1e-5, "signal " + signal);
        }
        List<String> annotations = view.annotations().stream()
                .map(e -> String.format(Locale.ROOT, "%.3f %.3f %s", view.secondsFromStart(e), e.path("DUR").asDouble(),
                        e.path("Description").asText()))
                .sorted().toList();
        assertEquals(List.of(
                "10.000 3.500 Samples lost, right leg",
                "17.500 0.500 Leg movement bilateral",
                "2.000 0.030 Samples lost, right leg",
                "20.000 5.200 Samples lost, right leg",
                "20.003 5.200 Samples lost, left leg",
                "5.000 1.250 Leg movement right",
                "5.000 1.250 PLM"), annotations);
    }

    @Test
    void withoutAMovementListTheMovementsAreThoseLegwatchDetectFinds() throws Exception {
        Path night = temp.resolve("night");
        CliRunner generated = CliRunner.run("generate-night", "--out", night.toString(), "--hours", "1", "--rate", "25",
                "--profile", "severe", "--seed", "4", "--format", "lwr");
        assertEquals(0, generated.exitCode(), generated.err());
        Path lms = temp.resolve("lms.csv");
        Path summary = temp.resolve("summary.json");
        String[] legs = {"--right", night.resolve("right.lwr").toString(), "--left", night.resolve("left.lwr").toString()};
        List<String> detectArgs = new ArrayList<>(List.of("detect"));
        detectArgs.addAll(List.of(legs));
        detectArgs.addAll(List.of("--detail", "--lms-out", lms.toString(), "--summary-out", summary.toString()));
        CliRunner detected = CliRunner.run(detectArgs.toArray(String[]::new));
        assertEquals(0, detected.exitCode(), detected.err());
        Path edf = temp.resolve("detected.edf");
        List<String> exportArgs = new ArrayList<>(List.of(legs));
        exportArgs.addAll(List.of("--out", edf.toString(), "--start", "2026-11-20T23:00:00"));
        CliRunner run = export(exportArgs.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());

        EdfReaders.BiosigView view = EdfReaders.biosig(edf, temp, false);
        assertEquals(25, view.header().path("CHANNEL").get(0).path("Samplingrate").asDouble());
        assertEquals("legwatch_LIS3DH", view.header().path("Manufacturer").path("Name").asText());
        assertEquals(4.0, view.header().path("CHANNEL").get(0).path("PhysicalMaximum").asDouble(), "the chip's range");
        Map<String, Integer> found = new LinkedHashMap<>();
        for (JsonNode e : view.annotations()) {
            String key = String.format(Locale.ROOT, "%.3f %.3f %s", view.secondsFromStart(e), e.path("DUR").asDouble(),
                    e.path("Description").asText());
            found.merge(key, 1, Integer::sum);
        }
        List<String> rows = Files.readAllLines(lms);
        assertTrue(rows.size() > 50, "a night with movements");
        TreeMap<Integer, double[]> series = new TreeMap<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",", -1);
            double onset = Double.parseDouble(f[0]);
            double duration = Double.parseDouble(f[1]) - onset;
            String leg = switch (f[2]) {
                case "R" -> "right";
                case "L" -> "left";
                default -> "bilateral";
            };
            assertTrue(takeNear(found, onset, duration, "Leg movement " + leg), "movement at " + onset + " s: " + found.keySet());
            if (f[4].equals("1")) {
                assertTrue(takeNear(found, onset, duration, "PLM"), "PLM at " + onset + " s");
            }
            int s = Integer.parseInt(f[6]);
            if (s > 0) {
                series.merge(s, new double[] {onset, Double.parseDouble(f[1])},
                        (a, b) -> new double[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
            }
        }
        assertFalse(series.isEmpty(), "a night with PLM series");
        series.forEach((number, span) -> assertTrue(takeNear(found, span[0], span[1] - span[0], "PLM series " + number),
                "series " + number));
        JsonNode inBed = new ObjectMapper().readTree(summary.toFile()).path("in_bed");
        assertTrue(inBed.size() > 0);
        for (JsonNode span : inBed) {
            assertTrue(takeNear(found, span.get(0).asDouble(), span.get(1).asDouble() - span.get(0).asDouble(), "In bed"),
                    "in bed " + span);
        }
        assertTrue(found.keySet().stream().allMatch(k -> k.contains("Samples lost") || k.contains("No samples")),
                "nothing but lost samples left over: " + found);
    }

    /**
     * Takes one annotation with the text at the onset (within 2 ms: the CSV keeps milliseconds) and
     * duration (within a sample period and a millisecond: BioSig keeps an event's duration in whole
     * samples, cut down; these recordings are at 25 Hz).
     */
    private static boolean takeNear(Map<String, Integer> found, double onset, double duration, String text) {
        for (Map.Entry<String, Integer> e : found.entrySet()) {
            String[] parts = e.getKey().split(" ", 3);
            if (parts[2].equals(text) && Math.abs(Double.parseDouble(parts[0]) - onset) < 0.002
                    && Math.abs(Double.parseDouble(parts[1]) - duration) < 0.041) {
                if (e.getValue() == 1) {
                    found.remove(e.getKey());
                } else {
                    e.setValue(e.getValue() - 1);
                }
                return true;
            }
        }
        return false;
    }

    @Test
    void aRawRecordingGivesTheStartTheNightAndTheSensorCountsExactly() throws Exception {
        Path lwr = temp.resolve("right.lwr");
        CountScale scale = CountScale.of(0.002);
        long wallMs = Instant.parse("2026-11-20T21:30:00.400Z").toEpochMilli();
        int[][] counts = new int[3][1000];
        try (RawRecordingWriter writer = RawRecordingWriter.open(lwr, new RawRecordingHeader('R', "LIS3DH", 50, 4, scale,
                "night 7", "boot-1", 0, wallMs, 0, true), RawRecordingWriter.Options.DEFAULT)) {
            for (int k = 0; k < 1000; k++) {
                counts[0][k] = k % 100 - 50;
                counts[1][k] = 7 * (k % 3);
                counts[2][k] = 500 - k % 11;
                writer.appendCounts(20_000L * k, counts[0][k], counts[1][k], counts[2][k]);
            }
        }
        Path edf = temp.resolve("raw.edf");
        CliRunner run = export("--right", lwr.toString(), "--out", edf.toString(), "--zone", "UTC", "--patient", "P3");
        assertEquals(0, run.exitCode(), run.err());
        EdfReaders.EdflibView view = EdfReaders.edflib(edf, temp);
        assertEquals(LocalDateTime.of(2026, 11, 20, 21, 30, 0), view.start());
        assertEquals(4_000_000L, view.subsecond100ns());
        assertEquals(20, view.records());
        assertEquals("night 7", view.fields().get("admincode"), "EDF+ writes the space as '_', EDFlib reads it back");
        assertEquals("legwatch LIS3DH", view.fields().get("equipment"));
        assertEquals("", view.fields().get("recording_additional"), "a synchronised clock");
        assertEquals("Accel R-ankle X|g|-4|4|-32767|32767|50|1000", String.join("|", List.of(view.signals().get(0)))
                .substring(2));
        double step = 8.0 / 65534;
        for (int axis = 0; axis < 3; axis++) {
            double[] expected = new double[1000];
            for (int k = 0; k < 1000; k++) {
                expected[k] = counts[axis][k] * 0.002;
            }
            assertSamples(expected, view.samples().get(axis), step / 2 + 1e-8, "axis " + axis);
        }
    }

    @Test
    void badInputIsNamedByFileLineAndFieldAndNothingIsWritten() throws Exception {
        Path recording = csv("r.csv", leg(0, 500, k -> false, 1));
        Path edf = temp.resolve("out.edf");
        Path badList = Files.writeString(temp.resolve("lms.csv"), "onset_s,offset_s,leg,clm,plm\n1.0,2.0,R,1,0\n3.0,2.5,L,1,0\n");
        CliRunner run = export("--right", recording.toString(), "--lms", badList.toString(), "--out", edf.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("lms.csv:3: field 'offset_s': 2.500 s is before the onset 3.000 s"), run.err());

        List<String> lines = new ArrayList<>(Files.readAllLines(recording));
        lines.set(300, "2.990000,0.1,zero,0.9");
        Path badRecording = Files.write(temp.resolve("bad.csv"), lines);
        run = export("--right", badRecording.toString(), "--out", edf.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("bad.csv:301: field 'y_g'"), run.err());
        assertFalse(Files.exists(edf));
        try (var files = Files.list(temp)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".part")), "no half-written file left");
        }
        Files.writeString(edf, "an earlier file");
        assertEquals(1, export("--right", badRecording.toString(), "--out", edf.toString()).exitCode());
        assertEquals("an earlier file", Files.readString(edf), "an earlier file is left as it was");
    }
}
