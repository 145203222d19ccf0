package org.legwatch.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.legwatch.analysis.response.InfusionResponse;
import org.legwatch.host.store.NightRow;
import org.legwatch.host.store.Store;
import org.legwatch.host.store.Stores;

/**
 * The demo on a short story (48 nights, one infusion, one band): every night the simulated device
 * recorded arrives in the store once, the analysis of the stored nights finds the fall after the
 * infusion as the simulation's truth has it, and the figures are printed and written.
 */
class EndToEndDemoTest {
    @TempDir
    Path dir;

    @Test
    void everyNightIsStoredOnceAndTheAnalysisFindsTheFall() throws Exception {
        PatientStory story = PatientStory.oneInfusion();
        DemoFolder folder = new DemoFolder(dir.resolve("demo"));
        ZoneId zone = ZoneId.of("Europe/Berlin");
        LocalDate first = LocalDate.of(2026, 3, 2);
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        EndToEndDemo.Outcome outcome = new EndToEndDemo(new EndToEndDemo.Settings(folder, story, 3, first, zone, 1, true)).run(out);
        new DemoFigures(out).print(outcome, story, folder);
        out.flush();
        String printed = text.toString();

        assertEquals(story.nights(), outcome.nights().size(), printed);
        assertEquals(story.nights(), outcome.sent());
        assertEquals(story.nights(), outcome.committed());
        assertEquals(story.nights(), outcome.storedRows());
        assertEquals(0, outcome.unsentLeft(), "nothing left on the device");
        try (Store store = Stores.open(folder.storeUrl())) {
            List<NightRow> rows = store.nights(EndToEndDemo.PATIENT);
            Set<LocalDate> evenings = rows.stream().map(NightRow::eveningDate).collect(Collectors.toSet());
            assertEquals(story.nights(), evenings.size(), "one stored night per evening");
            assertEquals(first, rows.get(0).eveningDate());
            assertEquals(first.plusDays(story.nights() - 1L), rows.get(rows.size() - 1).eveningDate());
            assertEquals(story.therapy(EndToEndDemo.PATIENT, first).size(), store.therapy(EndToEndDemo.PATIENT).size());
        }
        EndToEndDemo.NightResult offNight = outcome.nights().get(3);
        assertFalse(offNight.valid(), "the band left on the table makes an invalid night: " + offNight);
        long close = outcome.nights().stream().filter(EndToEndDemo.NightResult::valid)
                .filter(n -> Math.abs(n.measuredPlmi() - n.truePlmi()) <= Math.max(2, 0.1 * n.truePlmi())).count();
        assertTrue(close >= 0.9 * (story.nights() - 1), close + " nights close to the truth\n" + printed);

        InfusionResponse measured = outcome.measured().infusions().get(0);
        InfusionResponse truth = outcome.truth().infusions().get(0);
        assertEquals(first.plusDays(9), measured.course().date());
        assertTrue(measured.significantFall(), printed);
        assertTrue(measured.responder(), printed);
        double change = measured.plmi().shift().shift();
        double percent = measured.plmi().changePercent();
        assertTrue(percent < -45 && percent > -85, "set to fall by 65 %: " + percent + " %\n" + printed);
        assertTrue(Math.abs(change - truth.plmi().shift().shift()) < 3, "measured " + change + ", truth " + truth.plmi().shift().shift());
        assertNotNull(measured.timing().onsetDay(), printed);
        int onset = measured.timing().onsetDay();
        assertTrue(onset >= 1 && onset <= 6, "set to reach half the fall on day 3: " + onset);

        assertTrue(printed.contains("48 nights recorded on the device, 48 sent and acknowledged, 48 committed to the store, which holds 48; 0 left on the device"), printed);
        assertTrue(printed.contains("infusion 1: " + first.plusDays(9) + " ferric carboxymaltose 1000 mg"), printed);
        assertTrue(printed.contains("responder                yes"), printed);
        assertTrue(printed.contains("time to response         day " + onset), printed);
        assertTrue(printed.contains("week  7 of 7:  48 nights recorded"), printed);
        assertTrue(Files.readString(folder.analysis()).contains("\"" + EndToEndDemo.PATIENT + "\""));
        assertEquals(story.nights() + 1, Files.readAllLines(folder.nights()).size());
        String report = Files.readString(folder.report());
        assertTrue(report.contains(EndToEndDemo.PATIENT) && report.contains("<svg"), "the clinician's report, with its charts");
    }

    @Test
    void theCommandHasHelpAndRefusesAThirdLeg() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, DemoCli.run(new String[] {"--help"}, new PrintWriter(out, true), new PrintWriter(err, true)));
        assertTrue(out.toString().contains("Usage: legwatch demo") && out.toString().contains("--legs"), out.toString());
        assertEquals(1, DemoCli.run(new String[] {"--legs", "3", "--out", dir.resolve("x").toString()}, new PrintWriter(out, true),
                new PrintWriter(err, true)));
        assertTrue(err.toString().contains("one or two bands, not 3"), err.toString());
        assertFalse(Files.exists(dir.resolve("x")), "refused before anything is written");
    }

    @Test
    void anEarlierDemoIsClearedButSomeoneElsesFolderIsRefused() throws IOException {
        DemoFolder demo = new DemoFolder(dir.resolve("demo"));
        demo.prepare();
        Files.writeString(demo.store(), "an earlier run's store");
        Files.createDirectories(demo.journal());
        Files.writeString(demo.journal().resolve("journal-000001.seg"), "an earlier run's journal");
        demo.prepare();
        assertFalse(Files.exists(demo.store()));
        assertFalse(Files.exists(demo.journal()));

        Path theirs = dir.resolve("theirs");
        Files.createDirectories(theirs);
        Files.writeString(theirs.resolve("thesis.tex"), "precious");
        IOException refused = assertThrows(IOException.class, () -> new DemoFolder(theirs).prepare());
        assertTrue(refused.getMessage().contains("not a legwatch demo folder"), refused.getMessage());
        assertEquals("precious", Files.readString(theirs.resolve("thesis.tex")));
    }
}
