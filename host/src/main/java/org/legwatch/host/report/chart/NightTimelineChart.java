package org.legwatch.host.report.chart;

import java.awt.BasicStroke;
import java.awt.geom.Rectangle2D;
import java.text.SimpleDateFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TimeZone;
import java.util.TreeMap;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.legwatch.analysis.night.TimeSpan;
import org.legwatch.analysis.scoring.Leg;
import org.legwatch.analysis.scoring.ScoredMovement;

/**
 * A night on the clock: the spans in bed, every leg movement as a tick on its leg's lane (a
 * bilateral movement on both), PLMs in red and other movements in grey, and each PLM series as a
 * bar from its first PLM's onset to its last one's offset. A tick marks where a movement began;
 * at this scale (a pixel is most of a minute) durations are in the statistics, not the picture.
 */
public final class NightTimelineChart {
    public static final String IN_BED = "in bed";
    public static final String PLM_SERIES = "PLM series";
    public static final String PLM = "PLM";
    public static final String OTHER = "other leg movement";

    /** Lane positions on the vertical axis, bottom to top. */
    private static final int SERIES_LANE = 0;
    private static final int LEFT_LANE = 1;
    private static final int RIGHT_LANE = 2;
    private static final int BED_LANE = 3;
    private static final String[] LANES = {"PLM series", "left leg", "right leg", "in bed"};
    private static final double HALF_BAR = 0.28;

    /**
     * @param start     the night's start: movement and span times count from here
     * @param zone      the zone the clock is shown in
     * @param inBed     spans in bed, microseconds from the start
     * @param movements the scored movements, microseconds from the start
     */
    public record Data(Instant start, ZoneId zone, List<TimeSpan> inBed, List<ScoredMovement> movements) {
        public Data {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(zone, "zone");
            inBed = List.copyOf(inBed);
            movements = List.copyOf(movements);
        }
    }

    private NightTimelineChart() {
    }

    public static String svg(Data data, int width, int height, String id) {
        return ChartSvg.render(chart(data), width, height, id);
    }

    public static JFreeChart chart(Data data) {
        long startMs = data.start().toEpochMilli();
        XYIntervalSeries bed = new XYIntervalSeries(IN_BED);
        for (TimeSpan span : data.inBed()) {
            bar(bed, startMs, span.startUs(), span.endUs(), BED_LANE);
        }
        TreeMap<Integer, long[]> seriesExtent = new TreeMap<>();
        XYSeries plm = new XYSeries(PLM, false, true);
        XYSeries other = new XYSeries(OTHER, false, true);
        for (ScoredMovement m : data.movements()) {
            XYSeries target = m.plm() ? plm : other;
            double x = ms(startMs, m.onsetUs());
            if (m.leg() != Leg.LEFT) {
                target.add(x, RIGHT_LANE);
            }
            if (m.leg() != Leg.RIGHT) {
                target.add(x, LEFT_LANE);
            }
            if (m.plm() && m.series() > 0) {
                seriesExtent.merge(m.series(), new long[] {m.onsetUs(), m.offsetUs()},
                        (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
            }
        }
        XYIntervalSeries series = new XYIntervalSeries(PLM_SERIES);
        for (long[] extent : seriesExtent.values()) {
            bar(series, startMs, extent[0], extent[1], SERIES_LANE);
        }
        XYIntervalSeriesCollection spans = new XYIntervalSeriesCollection();
        spans.addSeries(bed);
        spans.addSeries(series);
        HintedBarRenderer spanRenderer = new HintedBarRenderer();
        spanRenderer.setUseYInterval(true);
        spanRenderer.setSeriesPaint(0, ChartSvg.IN_BED);
        spanRenderer.setSeriesPaint(1, ChartSvg.PLM);

        XYSeriesCollection ticks = new XYSeriesCollection();
        ticks.addSeries(other);
        ticks.addSeries(plm);
        HintedShapeRenderer tickRenderer = new HintedShapeRenderer(false, true);
        Rectangle2D tick = new Rectangle2D.Double(-0.6, -7, 1.2, 14);
        tickRenderer.setSeriesShape(0, tick);
        tickRenderer.setSeriesShape(1, tick);
        tickRenderer.setSeriesPaint(0, ChartSvg.OTHER_MOVEMENT);
        tickRenderer.setSeriesPaint(1, ChartSvg.PLM);
        tickRenderer.setUseOutlinePaint(false);
        tickRenderer.setSeriesOutlineStroke(0, new BasicStroke(0.4f));

        DateAxis clock = new DateAxis("clock time (" + data.zone().getId() + ")");
        TimeZone zone = TimeZone.getTimeZone(data.zone());
        clock.setTimeZone(zone);
        SimpleDateFormat format = new SimpleDateFormat("HH:mm", Locale.ENGLISH);
        format.setTimeZone(zone);
        clock.setDateFormatOverride(format);
        SymbolAxis lanes = new SymbolAxis(null, LANES);
        lanes.setGridBandsVisible(false);
        lanes.setRange(-0.6, LANES.length - 0.4);

        XYPlot plot = new XYPlot(ticks, clock, lanes, tickRenderer);
        plot.setDataset(1, spans);
        plot.setRenderer(1, spanRenderer);
        plot.setRangeGridlinesVisible(false);
        return ChartSvg.styled(new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true));
    }

    private static void bar(XYIntervalSeries series, long startMs, long fromUs, long toUs, int lane) {
        double from = ms(startMs, fromUs);
        double to = ms(startMs, toUs);
        series.add(from, from, to, lane, lane - HALF_BAR, lane + HALF_BAR);
    }

    private static double ms(long startMs, long us) {
        return startMs + us / 1000.0;
    }
}
