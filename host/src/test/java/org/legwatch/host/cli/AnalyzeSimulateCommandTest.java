package org.legwatch.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeSimulateCommandTest {
    @TempDir
    Path temp;

    @Test
    void reportsEveryPartOfTheStudy() {
        CliRunner result = CliRunner.run("analyze-simulate", "--patients", "30", "--curve-patients", "5", "--timing-infusions", "40");
        assertEquals(0, result.exitCode(), result.err());
        for (String part : new String[] {"No effect", "responder call (the rule above)", "40 % fall by day 28, complete windows",
            "Lifelike responders", "loss of response", "Detection curve", "Speed: 40 patient-infusions"}) {
            assertTrue(result.out().contains(part), "missing '" + part + "' in:\n" + result.out());
        }
    }

    @Test
    void writtenInputsAreReadBackByAnalyze() throws IOException {
        CliRunner written = CliRunner.run("analyze-simulate", "--patients", "25", "--seed", "9", "--write-inputs", temp.toString());
        assertEquals(0, written.exitCode(), written.err());
        Path out = temp.resolve("analysis.json");
        CliRunner analysed = CliRunner.run("analyze", "--nights", temp.resolve("nights.csv").toString(), "--therapy",
                temp.resolve("therapy.csv").toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, analysed.exitCode(), analysed.err());
        JsonNode root = new ObjectMapper().readTree(out.toFile());
        assertEquals(25, root.get("patients").size());
        int courses = root.get("cohort").get("courses").asInt();
        assertTrue(written.out().startsWith("25 patients with " + courses + " IV iron courses"), written.out());
        assertTrue(root.get("cohort").get("responders").get("count").asInt() > 0);
    }
}
