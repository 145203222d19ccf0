package org.legwatch.host.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `legwatch detect` on the device's raw recordings, and `legwatch convert-raw`. */
class RawRecordingCommandsTest {
    @TempDir
    static Path night;

    @TempDir
    Path temp;

    @BeforeAll
    static void generateARawNight() {
        CliRunner result = CliRunner.run("generate-night", "--out", night.toString(), "--hours", "1.5", "--rate", "50",
                "--profile", "severe", "--seed", "5", "--format", "lwr", "--sensor", "lsm6dsox-4g");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("right.lwr: ") && result.out().contains("bytes/sample"), result.out());
    }

    private CliRunner detect(Path right, Path left, String name) {
        List<String> args = new java.util.ArrayList<>(List.of("detect", "--right", right.toString()));
        if (left != null) {
            args.addAll(List.of("--left", left.toString()));
        }
        args.addAll(List.of("--lms-out", temp.resolve(name + ".csv").toString(), "--summary-out", temp.resolve(name + ".json").toString()));
        return CliRunner.run(args.toArray(String[]::new));
    }

    private CliRunner convert(Path in, Path out) {
        return CliRunner.run("convert-raw", "--in", in.toString(), "--out", out.toString());
    }

    @Test
    void detectOnARawNightEqualsDetectOnItsCsv() throws IOException {
        Path right = night.resolve("right.lwr");
        Path left = night.resolve("left.lwr");
        Path rightCsv = temp.resolve("right.csv.gz");
        Path leftCsv = temp.resolve("left.csv");
        CliRunner converted = convert(right, rightCsv);
        assertEquals(0, converted.exitCode(), converted.err());
        assertTrue(converted.out().contains("leg R of night 'simulated-5', LSM6DSOX +-4 g at 50 Hz (0.000122 g per count)")
                && converted.out().contains("1 part(s)") && converted.out().contains("closed cleanly"), converted.out());
        assertEquals(0, convert(left, leftCsv).exitCode());

        CliRunner raw = detect(right, left, "raw");
        CliRunner csv = detect(rightCsv, leftCsv, "csv");
        CliRunner mixed = detect(right, leftCsv, "mixed");
        for (CliRunner r : List.of(raw, csv, mixed)) {
            assertEquals(0, r.exitCode(), r.err());
            assertEquals("", r.err());
        }
        assertTrue(Files.readAllLines(temp.resolve("raw.csv")).size() > 20, "a severe night has movements");
        for (String other : List.of("csv", "mixed")) {
            assertArrayEquals(Files.readAllBytes(temp.resolve("raw.csv")), Files.readAllBytes(temp.resolve(other + ".csv")), other);
            assertArrayEquals(Files.readAllBytes(temp.resolve("raw.json")), Files.readAllBytes(temp.resolve(other + ".json")), other);
        }
        assertEquals(raw.out().replace(temp.resolve("raw").toString(), ""), csv.out().replace(temp.resolve("csv").toString(), ""));
    }

    private static long samplesLost(Path summary) throws IOException {
        JsonNode json = new ObjectMapper().readTree(summary.toFile());
        return json.get("quality").get("samples_lost").asLong();
    }

    @Test
    void damageIsReadAroundAndReported() throws IOException {
        byte[] bytes = Files.readAllBytes(night.resolve("right.lwr"));
        assertEquals(0, detect(night.resolve("right.lwr"), null, "whole").exitCode());

        byte[] damaged = bytes.clone();
        damaged[bytes.length / 2] ^= 0x55;
        Path middle = temp.resolve("middle.lwr");
        Files.write(middle, damaged);
        CliRunner result = detect(middle, null, "middle");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.err().contains("legwatch detect: warning: " + middle + ": ")
                && result.err().contains("damaged bytes from byte") && result.err().contains("of part 1 lost"), result.err());
        long lost = samplesLost(temp.resolve("middle.json")) - samplesLost(temp.resolve("whole.json"));
        assertTrue(lost >= 45 && lost <= 55, "one second at 50 Hz lost, not " + lost);

        Path torn = temp.resolve("torn.lwr");
        Files.write(torn, Arrays.copyOf(bytes, bytes.length - 40));
        result = detect(torn, null, "torn");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.err().contains("torn block, a write cut short; dropped"), result.err());

        CliRunner converted = convert(torn, temp.resolve("torn.csv"));
        assertEquals(0, converted.exitCode(), converted.err());
        assertTrue(converted.err().contains("torn block") && converted.out().contains("not closed"), converted.out() + converted.err());
    }

    @Test
    void aBrokenHeaderIsNamedAndNothingIsWritten() throws IOException {
        byte[] bytes = Files.readAllBytes(night.resolve("right.lwr"));
        bytes[9] = 9;
        Path file = temp.resolve("v9.lwr");
        Files.write(file, bytes);
        CliRunner result = detect(file, null, "v9");
        assertEquals(LegwatchCli.EXIT_INPUT, result.exitCode());
        assertTrue(result.err().contains(file + ": field 'version': byte 8: format version 9 is not supported"), result.err());
        assertFalse(Files.exists(temp.resolve("v9.csv")));

        Path notRaw = temp.resolve("notes.lwr");
        Files.writeString(notRaw, "t_s,x_g,y_g,z_g\n");
        result = convert(notRaw, temp.resolve("notes.csv"));
        assertEquals(LegwatchCli.EXIT_INPUT, result.exitCode());
        assertTrue(result.err().contains(notRaw + ": field 'magic': byte 0: not a legwatch raw recording"), result.err());
        assertFalse(Files.exists(temp.resolve("notes.csv")));
    }

    @Test
    void aRawRecordingIsRecognisedByItsMagicWhateverItsName() throws IOException {
        Path renamed = temp.resolve("right-ankle.dat");
        Files.copy(night.resolve("right.lwr"), renamed);
        assertEquals(0, detect(renamed, null, "renamed").exitCode());
        assertEquals(0, detect(night.resolve("right.lwr"), null, "named").exitCode());
        assertArrayEquals(Files.readAllBytes(temp.resolve("named.json")), Files.readAllBytes(temp.resolve("renamed.json")));
    }
}
