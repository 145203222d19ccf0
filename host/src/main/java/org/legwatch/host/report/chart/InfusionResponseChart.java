package org.legwatch.host.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * One infusion course: the valid nights around it on a day axis (day 0 = the first dose), the
 * baseline and response windows shaded, each window's median as a line across it, and the
 * confidence interval of the change (Hodges-Lehmann shift) drawn as a band from the baseline
 * median over the response window: where the band lies wholly below the baseline line, the fall
 * is significant.
 */
public final class InfusionResponseChart {
    public static final String BASELINE_NIGHTS = "baseline nights";
    public static final String RESPONSE_NIGHTS = "response nights";
    public static final String OTHER_NIGHTS = "other valid nights";
    public static final String BASELINE_MEDIAN = "baseline median";
    public static final String RESPONSE_MEDIAN = "response median";

    private static final Color BASELINE = new Color(0x1f, 0x5f, 0xa8);
    private static final Color RESPONSE = new Color(0x1b, 0x9e, 0x77);
    private static final Color OTHER = new Color(0xaa, 0xaa, 0xaa);

    /** A valid night, {@code day} days after the infusion (negative before it). */
    public record DayValue(int day, double value) {
    }

    /**
     * @param nights          valid nights to show, days from the infusion
     * @param baselineFromDay first day of the baseline window (negative)
     * @param baselineToDay   last day of the baseline window
     * @param responseFromDay first day of the response window
     * @param responseToDay   last day of the response window; before {@code responseFromDay} when there is none
     *                        (the next course began first)
     * @param shift           Hodges-Lehmann change (response minus baseline); NaN when the windows were not compared
     * @param ciLow           lower confidence limit of the change, NaN when not compared
     * @param ciHigh          upper confidence limit of the change
     * @param confidence      the level of the interval, e.g. 0.95
     * @param valueName       what the values are, for the axis, e.g. "PLMI (per hour in bed)"
     */
    public record Data(List<DayValue> nights, int baselineFromDay, int baselineToDay, int responseFromDay,
                       int responseToDay, double baselineMedian, double responseMedian, double shift, double ciLow,
                       double ciHigh, double confidence, String valueName) {
        public Data {
            nights = List.copyOf(nights);
        }

        /** The legend name of the interval band. */
        public String intervalName() {
            return "change with its " + Math.round(confidence * 100) + " % CI, drawn from the baseline median";
        }
    }

    private InfusionResponseChart() {
    }

    public static String svg(Data data, int width, int height, String id) {
        return ChartSvg.render(chart(data), width, height, id);
    }

    public static JFreeChart chart(Data data) {
        XYSeries baseline = new XYSeries(BASELINE_NIGHTS, true, true);
        XYSeries response = new XYSeries(RESPONSE_NIGHTS, true, true);
        XYSeries other = new XYSeries(OTHER_NIGHTS, true, true);
        for (DayValue night : data.nights()) {
            if (night.day() >= data.baselineFromDay() && night.day() <= data.baselineToDay()) {
                baseline.add(night.day(), night.value());
            } else if (night.day() >= data.responseFromDay() && night.day() <= data.responseToDay()) {
                response.add(night.day(), night.value());
            } else {
                other.add(night.day(), night.value());
            }
        }
        XYSeriesCollection dots = new XYSeriesCollection();
        dots.addSeries(baseline);
        dots.addSeries(response);
        dots.addSeries(other);
        HintedShapeRenderer dotRenderer = new HintedShapeRenderer(false, true);
        Color[] colours = {BASELINE, RESPONSE, OTHER};
        for (int i = 0; i < colours.length; i++) {
            dotRenderer.setSeriesShape(i, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
            dotRenderer.setSeriesPaint(i, colours[i]);
        }

        XYSeriesCollection medians = new XYSeriesCollection();
        XYSeries baselineMedian = new XYSeries(BASELINE_MEDIAN);
        XYSeries responseMedian = new XYSeries(RESPONSE_MEDIAN);
        if (Double.isFinite(data.baselineMedian())) {
            baselineMedian.add(data.baselineFromDay(), data.baselineMedian());
            baselineMedian.add(data.baselineToDay(), data.baselineMedian());
        }
        if (Double.isFinite(data.responseMedian()) && data.responseToDay() >= data.responseFromDay()) {
            responseMedian.add(data.responseFromDay(), data.responseMedian());
            responseMedian.add(data.responseToDay(), data.responseMedian());
        }
        medians.addSeries(baselineMedian);
        medians.addSeries(responseMedian);
        HintedShapeRenderer medianRenderer = new HintedShapeRenderer(true, false);
        medianRenderer.setSeriesPaint(0, BASELINE);
        medianRenderer.setSeriesPaint(1, RESPONSE);
        medianRenderer.setSeriesStroke(0, new BasicStroke(2.4f));
        medianRenderer.setSeriesStroke(1, new BasicStroke(2.4f));

        YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
        YIntervalSeries band = new YIntervalSeries(data.intervalName());
        if (Double.isFinite(data.ciLow()) && Double.isFinite(data.ciHigh()) && Double.isFinite(data.baselineMedian())
                && data.responseToDay() >= data.responseFromDay()) {
            double centre = data.baselineMedian() + data.shift();
            double low = data.baselineMedian() + data.ciLow();
            double high = data.baselineMedian() + data.ciHigh();
            band.add(data.responseFromDay(), centre, low, high);
            band.add(data.responseToDay(), centre, low, high);
        }
        bands.addSeries(band);
        DeviationRenderer bandRenderer = new DeviationRenderer(true, false);
        bandRenderer.setSeriesStroke(0, new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {3f, 3f}, 0f));
        bandRenderer.setSeriesFillPaint(0, new Color(0x1b, 0x9e, 0x77));
        bandRenderer.setSeriesPaint(0, new Color(0x1b, 0x9e, 0x77));
        bandRenderer.setAlpha(0.25f);

        NumberAxis days = new NumberAxis("days from the infusion");
        days.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        days.setAutoRangeIncludesZero(true);
        NumberAxis values = new NumberAxis(data.valueName());
        values.setAutoRangeIncludesZero(true);
        values.setUpperMargin(0.1);

        XYPlot plot = new XYPlot(dots, days, values, dotRenderer);
        plot.setDataset(1, medians);
        plot.setRenderer(1, medianRenderer);
        plot.setDataset(2, bands);
        plot.setRenderer(2, bandRenderer);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
        plot.addDomainMarker(window(data.baselineFromDay(), data.baselineToDay(), "baseline", BASELINE), Layer.BACKGROUND);
        if (data.responseToDay() >= data.responseFromDay()) {
            plot.addDomainMarker(window(data.responseFromDay(), data.responseToDay(), "response", RESPONSE), Layer.BACKGROUND);
        }
        ValueMarker infusion = new ValueMarker(0, ChartSvg.INFUSION, new BasicStroke(1.8f));
        plot.addDomainMarker(ChartSvg.labelled(infusion, "infusion", ChartSvg.INFUSION, true, RectangleAnchor.TOP_RIGHT,
                TextAnchor.TOP_LEFT), Layer.FOREGROUND);
        return ChartSvg.styled(new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true));
    }

    private static IntervalMarker window(int from, int to, String label, Color colour) {
        IntervalMarker marker = new IntervalMarker(from - 0.5, to + 0.5,
                new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 0x18));
        return ChartSvg.labelled(marker, label + " window", colour, false, RectangleAnchor.BOTTOM_LEFT, TextAnchor.BOTTOM_LEFT);
    }
}
