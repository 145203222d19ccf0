package org.legwatch.host.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.legwatch.analysis.night.TimeSpan;
import org.legwatch.analysis.scoring.Leg;
import org.legwatch.analysis.scoring.ScoredMovement;

class ChartsTest {
    private static final LocalDate FIRST = LocalDate.of(2025, 1, 6);

    @Test
    void nightlyChartDrawsEveryNightValidOrNotAndFerritinApart() throws Exception {
        List<NightlyPlmiChart.Night> nights = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            boolean valid = i % 9 != 4;
            nights.add(new NightlyPlmiChart.Night(FIRST.plusDays(i), valid || i == 13 ? 30 - i / 2.0 : Double.NaN, valid));
        }
        NightlyPlmiChart.Data data = new NightlyPlmiChart.Data(nights,
                List.of(new NightlyPlmiChart.Infusion(FIRST.plusDays(20), "IV 1: ferric carboxymaltose 1000 mg")),
                List.of(new NightlyPlmiChart.OralIron(null, FIRST.plusDays(10), "oral iron")),
                List.of(new NightlyPlmiChart.MedicationChange(FIRST.plusDays(30), "pramipexole stop")),
                List.of(new NightlyPlmiChart.Ferritin(FIRST.plusDays(15), 35, false),
                        new NightlyPlmiChart.Ferritin(FIRST.plusDays(25), 420, true)), 7);

        SvgItems svg = SvgItems.parse(NightlyPlmiChart.svg(data, 700, 280, "trend"));

        long valid = nights.stream().filter(NightlyPlmiChart.Night::valid).count();
        assertEquals(valid, svg.items(NightlyPlmiChart.VALID));
        assertEquals(nights.size() - valid, svg.items(NightlyPlmiChart.INVALID));
        assertEquals(1, svg.items(NightlyPlmiChart.FERRITIN));
        assertEquals(1, svg.items(NightlyPlmiChart.FERRITIN_UNRELIABLE));
        String text = svg.text();
        assertTrue(text.contains("IV 1: ferric carboxymaltose 1000 mg"), text);
        assertTrue(text.contains("pramipexole stop"), text);
        assertTrue(text.contains(data.medianName()), text);
    }

    @Test
    void rollingMedianIsCentredAndBreaksWhereTooFewValidNights() {
        List<LocalDate> days = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            days.add(FIRST.plusDays(i));
            values.add((double) i);
        }
        days.add(FIRST.plusDays(30));
        values.add(100.0);
        List<RollingMedian.Point> points = RollingMedian.centred(days, values, 7);
        // day 0 sees days 0-3 (4 nights, the minimum for a week): median of 0..3
        assertEquals(new RollingMedian.Point(FIRST, 1.5, 4), points.getFirst());
        assertEquals(new RollingMedian.Point(FIRST.plusDays(5), 5.0, 7), points.get(5));
        // the lone night on day 30 never has 4 valid nights around it: no point after day 9
        assertEquals(FIRST.plusDays(9), points.getLast().evening());
        assertThrows(IllegalArgumentException.class, () -> RollingMedian.centred(days, values, 6));
    }

    @Test
    void infusionChartSplitsNightsByWindowAndDrawsTheInterval() throws Exception {
        List<InfusionResponseChart.DayValue> nights = new ArrayList<>();
        for (int day = -28; day < 84; day++) {
            nights.add(new InfusionResponseChart.DayValue(day, day < 0 ? 40 : 20));
        }
        InfusionResponseChart.Data data = new InfusionResponseChart.Data(nights, -28, -1, 28, 83, 40, 20, -20, -23, -17,
                0.95, "PLMI (per hour in bed)");
        SvgItems svg = SvgItems.parse(InfusionResponseChart.svg(data, 700, 260, "course-1"));
        assertEquals(28, svg.items(InfusionResponseChart.BASELINE_NIGHTS));
        assertEquals(56, svg.items(InfusionResponseChart.RESPONSE_NIGHTS));
        assertEquals(28, svg.items(InfusionResponseChart.OTHER_NIGHTS));
        assertTrue(svg.text().contains("change with its 95 % CI"), svg.text());
    }

    @Test
    void aCourseCutShortByTheNextHasNoResponseWindow() throws Exception {
        List<InfusionResponseChart.DayValue> nights = new ArrayList<>();
        for (int day = -28; day < 20; day++) {
            nights.add(new InfusionResponseChart.DayValue(day, 30));
        }
        InfusionResponseChart.Data data = new InfusionResponseChart.Data(nights, -28, -1, 28, 27, 30, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, 0.95, "PLMI (per hour in bed)");
        SvgItems svg = SvgItems.parse(InfusionResponseChart.svg(data, 700, 260, "course-2"));
        assertEquals(28, svg.items(InfusionResponseChart.BASELINE_NIGHTS));
        assertEquals(0, svg.items(InfusionResponseChart.RESPONSE_NIGHTS));
        assertEquals(20, svg.items(InfusionResponseChart.OTHER_NIGHTS));
        assertTrue(svg.text().contains("baseline window") && !svg.text().contains("response window"), svg.text());
    }

    @Test
    void nightDetailChartsShowEachMovementHourAndBin() throws Exception {
        List<ScoredMovement> movements = List.of(
                new ScoredMovement(60_000_000L, 61_000_000L, Leg.RIGHT, 1, true, true, 1, -1, false, false, true),
                new ScoredMovement(80_000_000L, 81_500_000L, Leg.BILATERAL, 2, true, true, 1, 20_000_000L, false, false, true),
                new ScoredMovement(4_000_000_000L, 4_002_000_000L, Leg.LEFT, 1, true, false, 0, -1, false, false, false));
        Instant start = Instant.parse("2025-03-01T21:30:00Z");
        SvgItems timeline = SvgItems.parse(NightTimelineChart.svg(new NightTimelineChart.Data(start, ZoneId.of("UTC"),
                List.of(new TimeSpan(0, 7_200_000_000L)), movements), 700, 200, "timeline"));
        // the bilateral PLM is drawn on both legs' lanes
        assertEquals(3, timeline.items(NightTimelineChart.PLM));
        assertEquals(1, timeline.items(NightTimelineChart.OTHER));
        assertEquals(1, timeline.items(NightTimelineChart.IN_BED));
        assertEquals(1, timeline.items(NightTimelineChart.PLM_SERIES));
        assertTrue(timeline.text().contains("22:00"), timeline.text());

        List<Integer> bins = new ArrayList<>(java.util.Collections.nCopies(45, 0));
        bins.set(10, 7);
        bins.set(44, 1);
        SvgItems histogram = SvgItems.parse(ImiHistogramChart.svg(new ImiHistogramChart.Data(bins, 2, 3, 10, 90), 340, 220, "imi"));
        // a bar per bin that holds intervals (empty bins have no height to draw)
        assertEquals(2, histogram.items(ImiHistogramChart.SERIES));
        assertTrue(histogram.text().contains("3 interval(s) of 90 s or more"), histogram.text());

        SvgItems hourly = SvgItems.parse(HourlyMovementChart.svg(new HourlyMovementChart.Data(start, ZoneId.of("UTC"),
                List.of(2, 0, 1), List.of(2, 0, 0)), 340, 220, "hours"));
        assertTrue(hourly.text().contains("21:30") && hourly.text().contains("23:30"), hourly.text());
    }

    @Test
    void aChartIdMustBeUsableInAPage() {
        assertThrows(IllegalArgumentException.class, () -> ChartSvg.render(
                NightlyPlmiChart.chart(new NightlyPlmiChart.Data(List.of(), List.of(), List.of(), List.of(), List.of(), 7)),
                100, 100, "1 bad id"));
    }
}
