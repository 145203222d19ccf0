package org.legwatch.host.report.chart;

import java.awt.Color;
import java.awt.Font;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/**
 * A night's inter-movement intervals (onset to onset between candidate leg movements) in 2 s bins
 * from 0 to 90 s, with the scoring rules' PLM range shaded. Periodic movements pile up in a peak
 * inside the range (typically 15-40 s); wake movements and arousal bursts fall below 10 s.
 */
public final class ImiHistogramChart {
    public static final String SERIES = "IMIs per 2 s bin";

    /**
     * @param counts      IMIs per bin, bin k covering [k * binSeconds, (k + 1) * binSeconds) s
     * @param binSeconds  width of a bin
     * @param above90     IMIs of 90 s or more (not drawn, stated under the chart)
     * @param plmMinImiS  shortest IMI that continues a PLM series under the night's rules
     * @param plmMaxImiS  longest IMI that does
     */
    public record Data(List<Integer> counts, int binSeconds, int above90, double plmMinImiS, double plmMaxImiS) {
        public Data {
            counts = List.copyOf(counts);
            if (binSeconds <= 0) {
                throw new IllegalArgumentException("bin width " + binSeconds + " s");
            }
        }
    }

    private ImiHistogramChart() {
    }

    public static String svg(Data data, int width, int height, String id) {
        return ChartSvg.render(chart(data), width, height, id);
    }

    public static JFreeChart chart(Data data) {
        XYIntervalSeries bins = new XYIntervalSeries(SERIES);
        for (int k = 0; k < data.counts().size(); k++) {
            double from = k * data.binSeconds();
            int count = data.counts().get(k);
            bins.add(from + data.binSeconds() / 2.0, from, from + data.binSeconds(), count, 0, count);
        }
        XYIntervalSeriesCollection dataset = new XYIntervalSeriesCollection();
        dataset.addSeries(bins);
        HintedBarRenderer renderer = new HintedBarRenderer();
        renderer.setSeriesPaint(0, ChartSvg.PLMI);
        renderer.setDrawBarOutline(true);
        renderer.setSeriesOutlinePaint(0, Color.WHITE);
        NumberAxis seconds = new NumberAxis("interval between movement onsets (s)");
        seconds.setRange(0, Math.max(90, data.counts().size() * data.binSeconds()));
        seconds.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(10));
        NumberAxis count = new NumberAxis("intervals");
        count.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        count.setUpperMargin(0.12);
        XYPlot plot = new XYPlot(dataset, seconds, count, renderer);
        IntervalMarker range = new IntervalMarker(data.plmMinImiS(), data.plmMaxImiS(), new Color(0xd9, 0x5f, 0x02, 0x1c));
        ChartSvg.labelled(range, String.format(java.util.Locale.ROOT, "PLM range %.0f-%.0f s", data.plmMinImiS(),
                data.plmMaxImiS()), Color.BLACK, false, RectangleAnchor.TOP_RIGHT, TextAnchor.TOP_RIGHT);
        plot.addDomainMarker(range, Layer.BACKGROUND);
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        TextTitle note = new TextTitle(data.above90() + " interval(s) of 90 s or more not shown",
                new Font("SansSerif", Font.PLAIN, 10));
        note.setPosition(org.jfree.chart.ui.RectangleEdge.BOTTOM);
        chart.addSubtitle(note);
        return ChartSvg.styled(chart);
    }
}
