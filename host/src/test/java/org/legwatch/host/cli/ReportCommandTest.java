package org.legwatch.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.legwatch.host.report.SimulatedPatientStore;

class ReportCommandTest {
    @TempDir
    static Path folder;
    static String store;

    @BeforeAll
    static void fillTheStore() throws Exception {
        store = SimulatedPatientStore.create(folder);
    }

    @Test
    void writesTheHtmlAndAPdfOfTheSameContentOnA4() throws Exception {
        Path html = folder.resolve("out/P1 report.html");
        String evening = SimulatedPatientStore.FIRST.plusDays(30).toString();
        CliRunner run = CliRunner.run("report", "--store", store, "--patient", SimulatedPatientStore.PATIENT,
                "--out", html.toString(), "--pdf", "--night", evening, "--zone", "Europe/Berlin");
        assertEquals(0, run.exitCode(), run.err());
        Path pdf = folder.resolve("out/P1 report.pdf");
        assertTrue(run.out().contains("150 nights (148 valid), 1 IV iron course(s), 1 night(s) in detail"), run.out());
        assertTrue(run.out().contains(pdf.toString()), run.out());
        String page = Files.readString(html);
        assertTrue(page.startsWith("<!DOCTYPE html>") && page.contains("<svg id=\"plmi-trend\"") || page.contains("<svg id='plmi-trend'"));

        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertTrue(document.getNumberOfPages() >= 5, document.getNumberOfPages() + " pages");
            for (PDPage p : document.getPages()) {
                assertEquals(PDRectangle.A4.getWidth(), p.getMediaBox().getWidth(), 1.0);
                assertEquals(PDRectangle.A4.getHeight(), p.getMediaBox().getHeight(), 1.0);
            }
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            for (String expected : new String[] {"Leg movement report: patient P1", "Nightly PLM index", "Response to IV iron",
                    "responder", "Iron status and the AASM 2024 guideline", "pramipexole stop", "Nights with quality flags",
                    "Night of 5 Feb 2025", "About these measurements", "not polysomnography"}) {
                assertTrue(text.contains(expected), "PDF lacks '" + expected + "'");
            }
            // each major section starts a page: the quality table is not on the first pages' text
            PDFTextStripper firstPage = new PDFTextStripper();
            firstPage.setEndPage(1);
            String first = firstPage.getText(document);
            assertTrue(first.contains("Nightly PLM index") && !first.contains("Response to IV iron"), first);
        }
    }

    @Test
    void aPatientWithoutNightsStillGetsAReport() throws Exception {
        Path html = folder.resolve("empty.html");
        CliRunner run = CliRunner.run("report", "--store", store, "--patient", SimulatedPatientStore.EMPTY_PATIENT,
                "--out", html.toString());
        assertEquals(0, run.exitCode(), run.err());
        String page = Files.readString(html);
        assertTrue(page.contains("no valid night in the last 28 evenings"), page);
        assertTrue(page.contains("The therapy record holds no IV iron infusion."));
        assertFalse(Files.exists(folder.resolve("empty.pdf")));
    }

    @Test
    void anUnknownPatientOrEveningIsNamedAndNothingIsWritten() {
        Path html = folder.resolve("nobody.html");
        CliRunner unknown = CliRunner.run("report", "--store", store, "--patient", "NOBODY", "--out", html.toString(), "--pdf");
        assertEquals(LegwatchCli.EXIT_INPUT, unknown.exitCode());
        assertTrue(unknown.err().contains("patient NOBODY is not in the store " + store), unknown.err());
        assertFalse(Files.exists(html));

        CliRunner evening = CliRunner.run("report", "--store", store, "--patient", SimulatedPatientStore.PATIENT,
                "--out", html.toString(), "--night", "2031-02-03");
        assertEquals(LegwatchCli.EXIT_INPUT, evening.exitCode());
        assertTrue(evening.err().contains("patient P1 has no night on the evening of 2031-02-03 (nights from 2025-01-06 to 2025-06-04)"),
                evening.err());
        assertFalse(Files.exists(html));

        CliRunner usage = CliRunner.run("report", "--store", store, "--out", html.toString());
        assertEquals(LegwatchCli.EXIT_USAGE, usage.exitCode());
        assertTrue(usage.err().contains("--patient"), usage.err());
    }
}
