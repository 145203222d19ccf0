package org.legwatch.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScoreCommandTest {
    @TempDir
    Path temp;

    private Path write(String name, String content) throws IOException {
        Path file = temp.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    /** Four CLMs 20 s apart on alternating legs: one PLM series. */
    private static final String SERIES = """
            onset_s,offset_s,leg
            10.0,11.0,R
            30.0,31.5,L
            50.0,51.0,R
            70.0,72.0,L
            """;

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of("missing column", "onset_s,offset_s\n1,2\n", ":1: field 'leg': missing column"),
                Arguments.of("unparsable onset", "onset_s,offset_s,leg\n1,2,R\nabc,3,R\n", ":3: field 'onset_s': 'abc' is not a number"),
                Arguments.of("unparsable offset", "onset_s,offset_s,leg\n1,2x,R\n", ":2: field 'offset_s': '2x' is not a number"),
                Arguments.of("offset before onset", "onset_s,offset_s,leg\n1,2,R\n5,4.5,L\n",
                        ":3: field 'offset_s': 4.500 s is before the onset 5.000 s"),
                Arguments.of("unknown leg", "onset_s,offset_s,leg\n1,2,X\n", ":2: field 'leg': 'X' is not a leg"),
                Arguments.of("bilateral as input", "onset_s,offset_s,leg\n1,2,B\n", ":2: field 'leg': 'B' is not a leg"),
                Arguments.of("negative onset", "onset_s,offset_s,leg\n-1,2,R\n", ":2: field 'onset_s': -1.000 s is before the start"),
                Arguments.of("short row", "onset_s,offset_s,leg\n1,2\n", ":2: expected 3 fields as in the header, found 2"),
                Arguments.of("empty file", "", "the file is empty"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputIsNamedByFileLineAndField(String what, String content, String expected) throws IOException {
        Path lms = write("bad.csv", content);
        Path out = temp.resolve("out.csv");
        CliRunner result = CliRunner.run("score", "--lms", lms.toString(), "--out", out.toString());
        assertEquals(LegwatchCli.EXIT_INPUT, result.exitCode(), what);
        assertTrue(result.err().contains(lms.toString()), result.err());
        assertTrue(result.err().contains(expected), "wanted '" + expected + "' in: " + result.err());
        assertFalse(Files.exists(out), "nothing is written for bad input");
    }

    @Test
    void failedRunLeavesAnEarlierOutputUntouched() throws IOException {
        Path out = write("out.csv", "precious\n");
        Path lms = write("bad.csv", "onset_s,offset_s,leg\n1,2,Q\n");
        CliRunner result = CliRunner.run("score", "--lms", lms.toString(), "--out", out.toString());
        assertEquals(LegwatchCli.EXIT_INPUT, result.exitCode());
        assertEquals("precious\n", Files.readString(out));
    }

    @Test
    void missingFileIsReported() {
        CliRunner result = CliRunner.run("score", "--lms", temp.resolve("nope.csv").toString(), "--out", temp.resolve("o.csv").toString());
        assertEquals(LegwatchCli.EXIT_INPUT, result.exitCode());
        assertTrue(result.err().contains("no such file") && result.err().contains("nope.csv"), result.err());
    }

    @Test
    void usageErrorsExitWith2() {
        assertEquals(LegwatchCli.EXIT_USAGE, CliRunner.run("score", "--out", "x.csv").exitCode());
        assertEquals(LegwatchCli.EXIT_USAGE, CliRunner.run("no-such-command").exitCode());
        assertEquals(LegwatchCli.EXIT_USAGE, CliRunner.run().exitCode());
    }

    @Test
    void unknownRulesAreNamed() throws IOException {
        CliRunner result = CliRunner.run("score", "--lms", write("l.csv", SERIES).toString(), "--out",
                temp.resolve("o.csv").toString(), "--rules", "fancy");
        assertEquals(LegwatchCli.EXIT_INPUT, result.exitCode());
        assertTrue(result.err().contains("unknown rules 'fancy'") && result.err().contains("wasm2016, aasm"), result.err());
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : List.of("score", "analyze")) {
            CliRunner result = CliRunner.run(command, "--help");
            assertEquals(0, result.exitCode());
            assertTrue(result.out().contains("Usage: legwatch " + command), result.out());
        }
        String help = CliRunner.run("--help").out();
        assertTrue(help.contains("score") && help.contains("./legwatch demo"), help);
    }

    @Test
    void scoresGzippedListAndWritesSummary() throws IOException {
        Path lms = temp.resolve("night.csv.gz");
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(lms))) {
            gz.write(SERIES.getBytes(StandardCharsets.UTF_8));
        }
        Path out = temp.resolve("scored.csv");
        Path summary = temp.resolve("summary.json");
        CliRunner result = CliRunner.run("score", "--lms", lms.toString(), "--out", out.toString(),
                "--summary-out", summary.toString(), "--in-bed", "0-3600", "--min-valid-hours", "0.5");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals(List.of("onset_s,offset_s,leg,clm,plm", "10.000,11.000,R,1,1", "30.000,31.500,L,1,1",
                "50.000,51.000,R,1,1", "70.000,72.000,L,1,1"), Files.readAllLines(out));
        JsonNode json = new ObjectMapper().readTree(summary.toFile());
        assertEquals(4, json.get("lm_count").asInt());
        assertEquals(4, json.get("clm_count").asInt());
        assertEquals(4, json.get("plm_count").asInt());
        assertEquals(1.0, json.get("time_in_bed_h").asDouble(), 1e-9);
        assertEquals(4.0, json.get("plmi").asDouble(), 1e-9);
        assertEquals(1.0, json.get("periodicity_index").asDouble(), 1e-9);
        assertEquals(0.0, json.get("in_bed").get(0).get(0).asDouble());
        assertEquals(3600.0, json.get("in_bed").get(0).get(1).asDouble());
        assertTrue(json.get("valid").asBoolean());
        assertTrue(json.get("quality").get("invalid_reasons").isEmpty());
    }

    @Test
    void shortNightIsFlaggedInvalidWithTheReason() throws IOException {
        Path summary = temp.resolve("summary.json");
        CliRunner result = CliRunner.run("score", "--lms", write("l.csv", SERIES).toString(), "--out",
                temp.resolve("o.csv").toString(), "--summary-out", summary.toString());
        assertEquals(0, result.exitCode(), result.err());
        JsonNode json = new ObjectMapper().readTree(summary.toFile());
        assertFalse(json.get("valid").asBoolean());
        assertTrue(json.get("quality").get("invalid_reasons").get(0).asText().contains("below the 4.00 h minimum"));
    }

    @Test
    void aasmRulesAcceptShorterImis() throws IOException {
        String sixSecondImis = """
                onset_s,offset_s,leg
                0,1,R
                6,7,R
                12,13,R
                18,19,R
                """;
        Path lms = write("l.csv", sixSecondImis);
        Path out = temp.resolve("o.csv");
        assertEquals(0, CliRunner.run("score", "--lms", lms.toString(), "--out", out.toString()).exitCode());
        assertTrue(Files.readAllLines(out).stream().skip(1).allMatch(l -> l.endsWith(",0")), "no PLMs by WASM 2016");
        assertEquals(0, CliRunner.run("score", "--lms", lms.toString(), "--out", out.toString(), "--rules", "aasm").exitCode());
        assertTrue(Files.readAllLines(out).stream().skip(1).allMatch(l -> l.endsWith(",1")), "4 PLMs by AASM");
    }

    @Test
    void respiratoryEventsGiveIndicesWithAndWithoutThem() throws IOException {
        String five = SERIES + "90.0,91.0,R\n";
        Path resp = write("resp.csv", "start_s,end_s\n20.0,29.0\n");
        Path summary = temp.resolve("s.json");
        Path out = temp.resolve("o.csv");
        CliRunner result = CliRunner.run("score", "--lms", write("l.csv", five).toString(), "--out", out.toString(),
                "--respiratory", resp.toString(), "--summary-out", summary.toString(), "--detail");
        assertEquals(0, result.exitCode(), result.err());
        JsonNode json = new ObjectMapper().readTree(summary.toFile());
        assertEquals(5, json.get("plm_count").asInt());
        // The movement at 30 s (within 10.25 s after the event's end at 29 s) is respiratory-related;
        // without it the IMI 10 -> 50 s is 40 s, so 10, 50, 70, 90 still form a series of four.
        assertEquals(4, json.get("plm_count_excluding_respiratory").asInt());
        assertEquals(1, json.get("respiratory_clm_count").asInt());
        assertEquals("30.000,31.500,L,1,1,1,1,20.000,1,0,0", Files.readAllLines(out).get(2));
    }
}
