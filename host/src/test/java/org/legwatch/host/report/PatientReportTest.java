package org.legwatch.host.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.legwatch.analysis.response.InfusionResponse;
import org.legwatch.analysis.response.OutcomeComparison;
import org.legwatch.analysis.response.PatientResponse;
import org.legwatch.analysis.response.ResponseAnalysis;
import org.legwatch.analysis.response.ResponseSettings;
import org.legwatch.analysis.scoring.Leg;
import org.legwatch.analysis.scoring.ScoredMovement;
import org.legwatch.host.report.chart.InfusionResponseChart;
import org.legwatch.host.report.chart.NightTimelineChart;
import org.legwatch.host.report.chart.NightlyPlmiChart;
import org.legwatch.host.report.chart.SvgItems;
import org.legwatch.host.report.html.ReportPage;
import org.legwatch.host.response.StorePatientTimelines;
import org.legwatch.host.store.Store;
import org.legwatch.host.store.StoreException;
import org.legwatch.host.store.Stores;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class PatientReportTest {
    @TempDir
    static Path folder;
    static String url;
    static PatientReport report;
    static PatientResponse analysis;
    static Document page;

    @BeforeAll
    static void readTheSimulatedPatient() throws Exception {
        url = SimulatedPatientStore.create(folder);
        try (Store store = Stores.open(url)) {
            report = PatientReportReader.read(store, new PatientReportReader.Request(SimulatedPatientStore.PATIENT,
                    ResponseSettings.DEFAULT, List.of(), ZoneId.of("Europe/Berlin"), Instant.parse("2025-06-10T09:00:00Z")));
            // the analysis as `legwatch analyze --store` runs it, for comparison
            analysis = ResponseAnalysis.analyze(new StorePatientTimelines(store).timeline(SimulatedPatientStore.PATIENT),
                    ResponseSettings.DEFAULT);
        }
        page = parse(ReportPage.html(report));
    }

    static Document parse(String html) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(html)));
    }

    @Test
    void thePageReferencesNothingOutsideItself() {
        NodeList all = page.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            assertFalse(List.of("script", "link", "img", "iframe", "object", "embed").contains(element.getLocalName()),
                    "element " + element.getLocalName());
            for (int a = 0; a < element.getAttributes().getLength(); a++) {
                Node attribute = element.getAttributes().item(a);
                String name = attribute.getLocalName() == null ? attribute.getNodeName() : attribute.getLocalName();
                if (List.of("href", "src").contains(name)) {
                    assertTrue(attribute.getNodeValue().startsWith("#"), name + "=" + attribute.getNodeValue());
                }
                if (attribute.getNodeValue().contains("url(")) {
                    assertTrue(attribute.getNodeValue().matches(".*url\\(#[^)]*\\).*"), attribute.getNodeValue());
                }
            }
        }
        String css = page.getElementsByTagName("style").item(0).getTextContent();
        assertFalse(css.contains("url(") || css.contains("@import"), "style sheet loads something");
        assertTrue(css.contains("size: A4"));
    }

    @Test
    void theTrendChartShowsEveryNightAndTheInvalidOnesAsSuch() throws Exception {
        SvgItems trend = SvgItems.parse(svgIn("plmi-trend"));
        assertEquals(SimulatedPatientStore.NIGHTS - SimulatedPatientStore.INVALID_DAYS.size(), trend.items(NightlyPlmiChart.VALID));
        assertEquals(SimulatedPatientStore.INVALID_DAYS.size(), trend.items(NightlyPlmiChart.INVALID));
        assertEquals(2, trend.items(NightlyPlmiChart.FERRITIN));
        assertEquals(1, trend.items(NightlyPlmiChart.FERRITIN_UNRELIABLE));
        assertTrue(trend.text().contains("IV 1: ferric carboxymaltose 1000 mg"), trend.text());
        assertTrue(trend.text().contains("oral iron: ferrous sulfate"), trend.text());
        assertTrue(trend.text().contains("pramipexole stop"), trend.text());
    }

    @Test
    void theInfusionTableHoldsTheAnalysisFigures() throws Exception {
        assertEquals(1, analysis.infusions().size());
        InfusionResponse infusion = analysis.infusions().getFirst();
        OutcomeComparison plmi = infusion.plmi();
        // the simulated patient went from severe to mild nights three weeks after the infusion
        assertEquals(Boolean.TRUE, infusion.responder());
        List<String> row = rows("infusion-table").get(1);
        assertEquals(List.of("IV 1: ferric carboxymaltose 1000 mg", SimulatedPatientStore.INFUSION.toString(),
                ReportText.decimal(plmi.baselineMedian()) + " (" + plmi.baseline().size() + ")",
                ReportText.decimal(plmi.responseMedian()) + " (" + plmi.response().size() + ")",
                ReportText.percent(plmi.changePercent()),
                ReportText.signed(plmi.shift().shift()) + " " + ReportText.interval(plmi.shift().ciLow(), plmi.shift().ciHigh()),
                ReportText.pValue(plmi.shift().pValue()), "responder"), row);
        // 28 baseline evenings, one of them (day 20 is before the window) not lost: all valid
        assertEquals(28, plmi.baseline().size());
        assertTrue(text("infusions").contains(ResponseSettings.DEFAULT.ruleText()), "the responder rule is printed");

        SvgItems chart = SvgItems.parse(svgIn("course-1"));
        assertEquals(plmi.baseline().size(), chart.items(InfusionResponseChart.BASELINE_NIGHTS));
        assertEquals(plmi.response().size(), chart.items(InfusionResponseChart.RESPONSE_NIGHTS));
    }

    @Test
    void guidelineTherapyAndQualityTablesListWhatTheRecordHolds() {
        List<List<String>> ferritin = rows("ferritin-table");
        assertEquals(4, ferritin.size());
        assertEquals(analysis.ferritin().size(), ferritin.size() - 1);
        assertEquals(List.of(SimulatedPatientStore.FIRST.plusDays(40).toString(), "32.0", "14.0", "no IV iron before",
                "oral or IV iron"), ferritin.get(1));
        assertTrue(ferritin.get(2).get(4).startsWith("unreliable"), ferritin.get(2).toString());
        assertEquals(analysis.latestGuideline().reason(), analysis.ferritin().getLast().guideline().reason());
        assertTrue(text("iron").contains(analysis.latestGuideline().reason()));

        List<List<String>> therapy = rows("therapy-table");
        assertEquals(List.of(SimulatedPatientStore.FIRST.plusDays(110).toString(), "medication change", "pramipexole stop", ""),
                therapy.getLast());
        assertEquals(4, therapy.size());

        List<List<String>> quality = rows("quality-table");
        List<String> invalidEvenings = new ArrayList<>();
        for (List<String> row : quality.subList(1, quality.size())) {
            if (row.get(4).startsWith("no")) {
                invalidEvenings.add(row.get(0));
                assertTrue(row.get(5).contains("of the samples were lost"), row.toString());
            }
        }
        assertEquals(SimulatedPatientStore.INVALID_DAYS.stream().map(d -> SimulatedPatientStore.FIRST.plusDays(d).toString()).toList(),
                invalidEvenings);
        long unsynced = report.nights().stream().filter(n -> !n.wallClockSynced()).count();
        assertTrue(unsynced > 0);
        assertEquals(unsynced, quality.stream().filter(r -> r.get(5).contains("clock not synchronised")).count());
    }

    @Test
    void theLatestValidNightIsShownInDetailByDefault() {
        assertEquals(1, report.details().size());
        assertEquals(SimulatedPatientStore.FIRST.plusDays(SimulatedPatientStore.NIGHTS - 1),
                report.details().getFirst().night().eveningDate());
        assertTrue(text(report.details().getFirst().chartId()).contains("valid night."));
    }

    @Test
    void aChosenNightIsShownWithItsMovementsSeriesAndStatistics() throws Exception {
        LocalDate evening = SimulatedPatientStore.FIRST.plusDays(30);
        PatientReport chosen;
        try (Store store = Stores.open(url)) {
            chosen = PatientReportReader.read(store, new PatientReportReader.Request(SimulatedPatientStore.PATIENT,
                    ResponseSettings.DEFAULT, List.of(evening, SimulatedPatientStore.FIRST.plusDays(20)), ZoneId.of("UTC"),
                    Instant.EPOCH));
        }
        assertEquals(2, chosen.details().size());
        Document chosenPage = parse(ReportPage.html(chosen));
        NightDetail invalid = chosen.details().getFirst();
        assertFalse(invalid.summary().valid());
        assertTrue(textIn(chosenPage, invalid.chartId()).contains("invalid night, not counted: 33.3% of the samples were lost"),
                textIn(chosenPage, invalid.chartId()));

        NightDetail night = chosen.details().getLast();
        assertEquals(evening, night.night().eveningDate());
        SvgItems timeline = SvgItems.parse(svgIn(chosenPage, night.chartId() + "-timeline"));
        int plmTicks = 0;
        for (ScoredMovement m : night.night().movements()) {
            if (m.plm()) {
                plmTicks += m.leg() == Leg.BILATERAL ? 2 : 1;
            }
        }
        assertTrue(plmTicks > 100, "a severe night: " + plmTicks);
        assertEquals(plmTicks, timeline.items(NightTimelineChart.PLM));
        assertEquals(night.statistics().seriesCount(), timeline.items(NightTimelineChart.PLM_SERIES));
        assertEquals(night.summary().inBed().size(), timeline.items(NightTimelineChart.IN_BED));
        SvgItems imi = SvgItems.parse(svgIn(chosenPage, night.chartId() + "-imi"));
        assertEquals(night.statistics().imiHistogram().stream().filter(c -> c > 0).count(),
                imi.items(org.legwatch.host.report.chart.ImiHistogramChart.SERIES));
        assertNotNull(svgIn(chosenPage, night.chartId() + "-hourly"));
        String words = textIn(chosenPage, night.chartId());
        assertTrue(words.contains("PLMI " + ReportText.decimal(night.statistics().plmIndex()) + " per hour in bed"), words);
        assertTrue(words.contains("periodicity index " + ReportText.fraction(night.statistics().periodicityIndex())), words);
        assertTrue(words.contains("median " + ReportText.decimal(night.statistics().durationMedianS()) + " s"), words);
    }

    @Test
    void theReaderNamesAnUnknownPatientAndAnEveningWithoutANight() throws Exception {
        try (Store store = Stores.open(url)) {
            StoreException unknown = assertThrows(StoreException.class, () -> PatientReportReader.read(store,
                    new PatientReportReader.Request("NOPE", ResponseSettings.DEFAULT, List.of(), ZoneId.of("UTC"), Instant.EPOCH)));
            assertTrue(unknown.getMessage().contains("patient NOPE is not in the store"), unknown.getMessage());
            IllegalArgumentException evening = assertThrows(IllegalArgumentException.class, () -> PatientReportReader.read(store,
                    new PatientReportReader.Request(SimulatedPatientStore.PATIENT, ResponseSettings.DEFAULT,
                            List.of(LocalDate.of(2030, 1, 1)), ZoneId.of("UTC"), Instant.EPOCH)));
            assertTrue(evening.getMessage().contains("no night on the evening of 2030-01-01"), evening.getMessage());
        }
    }

    private static String svgIn(String id) throws Exception {
        return svgIn(page, id);
    }

    private static String svgIn(Document document, String id) throws Exception {
        Element svg = byId(document, id, "svg");
        javax.xml.transform.Transformer transformer = javax.xml.transform.TransformerFactory.newInstance().newTransformer();
        java.io.StringWriter out = new java.io.StringWriter();
        transformer.transform(new javax.xml.transform.dom.DOMSource(svg), new javax.xml.transform.stream.StreamResult(out));
        return out.toString();
    }

    /** The element with this id (of any tag when {@code tag} is null). */
    private static Element byId(String id, String tag) {
        return byId(page, id, tag);
    }

    private static Element byId(Document document, String id, String tag) {
        NodeList all = document.getElementsByTagNameNS("*", tag == null ? "*" : tag);
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            if (id.equals(element.getAttribute("id"))) {
                return element;
            }
        }
        throw new AssertionError("no element " + id);
    }

    private static String text(String id) {
        return textIn(page, id);
    }

    private static String textIn(Document document, String id) {
        return byId(document, id, null).getTextContent();
    }

    /** The table's rows (header first) as cell texts. */
    private static List<List<String>> rows(String tableId) {
        List<List<String>> rows = new ArrayList<>();
        NodeList trs = byId(tableId, "table").getElementsByTagName("tr");
        for (int i = 0; i < trs.getLength(); i++) {
            List<String> cells = new ArrayList<>();
            NodeList children = trs.item(i).getChildNodes();
            for (int c = 0; c < children.getLength(); c++) {
                if (children.item(c) instanceof Element cell) {
                    cells.add(cell.getTextContent());
                }
            }
            rows.add(cells);
        }
        return rows;
    }
}
