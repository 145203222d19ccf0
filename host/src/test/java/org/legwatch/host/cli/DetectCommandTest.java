package org.legwatch.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DetectCommandTest {
    @TempDir
    static Path night;

    @TempDir
    Path temp;

    @BeforeAll
    static void generateANight() {
        CliRunner result = CliRunner.run("generate-night", "--out", night.toString(), "--hours", "4.5", "--rate", "50",
                "--profile", "severe", "--seed", "21", "--gzip");
        assertEquals(0, result.exitCode(), result.err());
    }

    @Test
    void detectsANightCloseToItsTruth() throws IOException {
        Path lms = temp.resolve("lms.csv");
        Path summary = temp.resolve("summary.json");
        CliRunner result = CliRunner.run("detect", "--right", night.resolve("right.csv.gz").toString(),
                "--left", night.resolve("left.csv.gz").toString(), "--lms-out", lms.toString(),
                "--summary-out", summary.toString(), "--range-g", "4");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("50.0 Hz"), result.out());

        List<String> truth = Files.readAllLines(night.resolve("truth-scored.csv"));
        long truePlms = truth.stream().skip(1).filter(l -> l.endsWith(",1")).count();
        List<String> detected = Files.readAllLines(lms);
        assertEquals("onset_s,offset_s,leg,clm,plm", detected.get(0));
        long detectedPlms = detected.stream().skip(1).filter(l -> l.endsWith(",1")).count();
        assertTrue(Math.abs(detectedPlms - truePlms) <= Math.max(10, 0.1 * truePlms),
                "PLMs: detected " + detectedPlms + ", true " + truePlms);

        JsonNode json = new ObjectMapper().readTree(summary.toFile());
        for (String key : List.of("lm_count", "clm_count", "plm_count", "time_in_bed_h", "plmi", "periodicity_index",
                "in_bed", "valid", "quality")) {
            assertTrue(json.has(key), key);
        }
        assertEquals(detectedPlms, json.get("plm_count").asLong());
        assertEquals(4.5, json.get("time_in_bed_h").asDouble(), 5 / 60.0);
        assertTrue(json.get("valid").asBoolean(), json.get("quality").toString());
        assertTrue(json.get("quality").get("from_samples").asBoolean());
        assertEquals(2, json.get("quality").get("legs").asInt());
        assertTrue(json.get("quality").get("samples").asLong() > 2 * 4.5 * 3600 * 50);
    }

    @Test
    void oneLegIsEnough() throws IOException {
        Path summary = temp.resolve("s.json");
        CliRunner result = CliRunner.run("detect", "--left", night.resolve("left.csv.gz").toString(),
                "--lms-out", temp.resolve("l.csv").toString(), "--summary-out", summary.toString());
        assertEquals(0, result.exitCode(), result.err());
        JsonNode json = new ObjectMapper().readTree(summary.toFile());
        assertEquals(0, json.get("by_leg").get("lm").get("R").asInt());
        assertTrue(json.get("by_leg").get("lm").get("L").asInt() > 0);
    }

    @Test
    void noLegIsAUsageError() {
        CliRunner result = CliRunner.run("detect", "--lms-out", temp.resolve("l.csv").toString(),
                "--summary-out", temp.resolve("s.json").toString());
        assertEquals(LegwatchCli.EXIT_INPUT, result.exitCode());
        assertTrue(result.err().contains("give --right FILE, --left FILE, or both"), result.err());
    }

    static Stream<Arguments> badRecordings() {
        String head = "t_s,x_g,y_g,z_g\n";
        return Stream.of(
                Arguments.of("missing column", "t_s,x_g,y_g\n0,0,0\n", ":1: field 'z_g': missing column"),
                Arguments.of("time going back", head + "0.00,0,0,1\n0.01,0,0,1\n0.02,0,0,1\n0.015,0,0,1\n",
                        ":5: field 't_s': time 0.015 s does not advance past 0.02 s"),
                Arguments.of("bad number", head + "0.00,0,0,1\n0.01,0,abc,1\n0.02,0,0,1\n", ":3: field 'y_g': 'abc' is not a number"),
                Arguments.of("short row", head + "0.00,0,0,1\n0.01,0,0\n0.02,0,0,1\n", ":3: expected 4 fields as in the header, found 3"),
                Arguments.of("long row", head + "0.00,0,0,1\n0.01,0,0,1,7\n0.02,0,0,1\n", ":3: more fields than the 4 of the header"),
                Arguments.of("too short", head + "0.00,0,0,1\n", "too few samples"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRecordings")
    void badRecordingIsNamedByFileLineAndField(String what, String content, String expected) throws IOException {
        Path file = temp.resolve("bad.csv");
        Files.writeString(file, content);
        Path lms = temp.resolve("l.csv");
        CliRunner result = CliRunner.run("detect", "--right", file.toString(), "--lms-out", lms.toString(),
                "--summary-out", temp.resolve("s.json").toString());
        assertEquals(LegwatchCli.EXIT_INPUT, result.exitCode(), what + ": " + result.err());
        assertTrue(result.err().contains(file.toString()) && result.err().contains(expected), "wanted '" + expected + "' in " + result.err());
        assertFalse(Files.exists(lms));
    }
}
