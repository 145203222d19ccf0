package org.legwatch.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
    @Test
    void demoScoresTheShippedNight(@TempDir Path temp) throws Exception {
        Path dir = temp.resolve("demo");
        CliRunner result = CliRunner.run("demo", "--out", dir.toString());
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("387 in 14 series"), result.out());
        assertEquals(393, Files.readAllLines(dir.resolve("night-scored.csv")).size());
        assertTrue(Files.readString(dir.resolve("night-summary.json")).contains("\"plm_count\" : 387"));
        assertTrue(result.out().contains("the device's detector on a simulated night"), result.out());
        assertTrue(Files.size(dir.resolve("simulated-night/right.csv.gz")) > 1_000_000);
        assertTrue(Files.readString(dir.resolve("simulated-night/detected-summary.json")).contains("\"valid\" : true"));
    }
}
