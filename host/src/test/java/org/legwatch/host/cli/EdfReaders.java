package org.legwatch.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Two EDF readers from Debian packages, independent of legwatch, run as processes: EDFlib
 * (libedf-dev, the EDF+ reference library; strict, reads EDF+C only) through a small C program
 * that prints what it reads, and BioSig's save2gdf (biosig-tools; reads EDF+D). ./run-tests
 * installs both; a missing one fails the test naming it.
 */
final class EdfReaders {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path edfDump;

    private EdfReaders() {
    }

    /** What EDFlib read: the header line's numbers, the fields, the signals, the annotations and every signal's samples. */
    record EdflibView(int fileType, long records, long recordDuration100ns, LocalDateTime start, long subsecond100ns,
                      Map<String, String> fields, List<String[]> signals, List<String> annotations, List<double[]> samples) {
    }

    /** What BioSig read: its JSON header and events, and the samples (rows of the CSV, one column per signal). */
    record BiosigView(JsonNode header, List<double[]> rows) {
        /** Events that are annotations (BioSig adds one "start of a new segment" per data record of an EDF+D file). */
        List<JsonNode> annotations() {
            List<JsonNode> out = new ArrayList<>();
            header.path("EVENT").forEach(e -> {
                if (!e.path("TYP").asText().equals("0x7ffe")) {
                    out.add(e);
                }
            });
            return out;
        }

        List<JsonNode> segmentStarts() {
            List<JsonNode> out = new ArrayList<>();
            header.path("EVENT").forEach(e -> {
                if (e.path("TYP").asText().equals("0x7ffe")) {
                    out.add(e);
                }
            });
            return out;
        }

        LocalDateTime start() {
            return time(header.path("StartOfRecording").asText());
        }

        static LocalDateTime time(String text) {
            return LocalDateTime.parse(text, DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS"));
        }

        /** Seconds from the recording's start to an event's time stamp. */
        double secondsFromStart(JsonNode event) {
            return Duration.between(start(), time(event.path("TimeStamp").asText())).toNanos() / 1e9;
        }
    }

    static void requireTools() throws IOException, InterruptedException {
        if (!Files.exists(Path.of("/usr/include/edflib.h")) || !onPath("gcc")) {
            fail("EDFlib (Debian package libedf-dev) or gcc is missing: run ./run-tests, which installs them");
        }
        if (!onPath("save2gdf")) {
            fail("BioSig's save2gdf (Debian package biosig-tools) is missing: run ./run-tests, which installs it");
        }
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** Compiles the EDFlib dump program once per test run, into the module's target folder. */
    private static synchronized Path edfDump(Path work) throws IOException, InterruptedException {
        if (edfDump == null) {
            Path dir = Files.createDirectories(Path.of("target", "test-tools").toAbsolutePath());
            Path source = dir.resolve("edf_dump.c");
            try (InputStream in = EdfReaders.class.getResourceAsStream("/edf/edf_dump.c")) {
                Files.copy(in, source, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            Path binary = dir.resolve("edf_dump").toAbsolutePath();
            Run compiled = run(List.of("gcc", "-O", "-o", binary.toString(), source.toString(), "-ledf"), work);
            assertEquals(0, compiled.exit(), "compiling the EDFlib dump: " + compiled.err());
            edfDump = binary;
        }
        return edfDump;
    }

    /** EDFlib's reading; fails when EDFlib refuses the file (the code it returns is in the message). */
    static EdflibView edflib(Path edf, Path work) throws IOException, InterruptedException {
        Run run = edflibRun(edf, work);
        assertEquals(0, run.exit(), "EDFlib refused " + edf + ": " + run.out() + run.err());
        int fileType = 0;
        long records = 0;
        long duration = 0;
        LocalDateTime start = null;
        long subsecond = 0;
        Map<String, String> fields = new LinkedHashMap<>();
        List<String[]> signals = new ArrayList<>();
        List<String> annotations = new ArrayList<>();
        List<double[]> samples = new ArrayList<>();
        for (String line : run.out().split("\n")) {
            if (line.startsWith("header ")) {
                String[] h = line.split(" ");
                fileType = Integer.parseInt(h[1]);
                records = Long.parseLong(h[2]);
                duration = Long.parseLong(h[3]);
                start = LocalDateTime.of(Integer.parseInt(h[4]), Integer.parseInt(h[5]), Integer.parseInt(h[6]),
                        Integer.parseInt(h[7]), Integer.parseInt(h[8]), Integer.parseInt(h[9]));
                subsecond = Long.parseLong(h[10]);
            } else if (line.startsWith("field ")) {
                String[] f = line.substring(6).split("\t", -1);
                fields.put(f[0], f[1].strip());
            } else if (line.startsWith("signal ")) {
                signals.add(Arrays.stream(line.substring(7).split("\t", -1)).map(String::strip).toArray(String[]::new));
            } else if (line.startsWith("annotation ")) {
                annotations.add(line.substring(11));
            } else if (line.startsWith("samples ")) {
                String[] v = line.split(" ");
                samples.add(Arrays.stream(v, 2, v.length).mapToDouble(Double::parseDouble).toArray());
            }
        }
        return new EdflibView(fileType, records, duration, start, subsecond, fields, signals, annotations, samples);
    }

    /** EDFlib's answer when it refuses the file ("error CODE"), or the empty string when it reads it. */
    static String edflibRefusal(Path edf, Path work) throws IOException, InterruptedException {
        Run run = edflibRun(edf, work);
        return run.exit() == 0 ? "" : run.out().strip();
    }

    private static Run edflibRun(Path edf, Path work) throws IOException, InterruptedException {
        return run(List.of(edfDump(work).toString(), edf.toString()), work);
    }

    /** BioSig's reading: the header and events, and with {@code samples} every sample. */
    static BiosigView biosig(Path edf, Path work, boolean samples) throws IOException, InterruptedException {
        Run header = run(List.of("save2gdf", "-JSON", edf.toString()), work);
        assertEquals(0, header.exit(), "save2gdf -JSON " + edf + ": " + header.err());
        String out = header.out();
        JsonNode json = JSON.readTree(out.substring(out.indexOf('{'), out.lastIndexOf('}') + 1));
        if (!samples) {
            return new BiosigView(json, List.of());
        }
        Path csv = work.resolve(edf.getFileName() + ".csv");
        Run data = run(List.of("save2gdf", "-CSV", edf.toString(), csv.toString()), work);
        assertEquals(0, data.exit(), "save2gdf -CSV " + edf + ": " + data.err());
        List<double[]> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                rows.add(Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble).toArray());
            }
        }
        return new BiosigView(json, rows);
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(List<String> command, Path work) throws IOException, InterruptedException {
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        Process p = new ProcessBuilder(command).directory(work.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(String.join(" ", command) + " did not finish in 120 s");
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
