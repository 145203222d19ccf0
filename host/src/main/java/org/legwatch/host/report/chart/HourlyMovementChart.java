package org.legwatch.host.report.chart;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * How a night's movements spread over its hours: all leg movements and PLMs whose onset falls in
 * each hour of the recording, labelled with the clock time the hour began. RLS-related PLMs
 * gather in the first half of the night; a late cluster points elsewhere (arousals, medication
 * timing, augmentation).
 */
public final class HourlyMovementChart {
    public static final String ALL = "all leg movements";
    public static final String PLM = "PLMs";
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    /**
     * @param start the recording's start (hour 0 begins here)
     * @param zone  the zone clock times are shown in
     * @param lm    leg movements per hour of the recording
     * @param plm   PLMs per hour of the recording
     */
    public record Data(Instant start, ZoneId zone, List<Integer> lm, List<Integer> plm) {
        public Data {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(zone, "zone");
            lm = List.copyOf(lm);
            plm = List.copyOf(plm);
        }
    }

    private HourlyMovementChart() {
    }

    public static String svg(Data data, int width, int height, String id) {
        return ChartSvg.render(chart(data), width, height, id);
    }

    public static JFreeChart chart(Data data) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        int hours = Math.max(data.lm().size(), data.plm().size());
        for (int h = 0; h < hours; h++) {
            String label = CLOCK.format(data.start().plusSeconds(3600L * h).atZone(data.zone()));
            dataset.addValue(h < data.lm().size() ? data.lm().get(h) : 0, ALL, label);
            dataset.addValue(h < data.plm().size() ? data.plm().get(h) : 0, PLM, label);
        }
        BarRenderer renderer = new BarRenderer();
        renderer.setSeriesPaint(0, ChartSvg.OTHER_MOVEMENT);
        renderer.setSeriesPaint(1, ChartSvg.PLM);
        renderer.setItemMargin(0.05);
        CategoryAxis clock = new CategoryAxis("hour of the recording, starting at");
        clock.setCategoryLabelPositions(hours > 6 ? CategoryLabelPositions.UP_45 : CategoryLabelPositions.STANDARD);
        clock.setMaximumCategoryLabelWidthRatio(2.5f);
        clock.setCategoryMargin(0.15);
        NumberAxis count = new NumberAxis("movements");
        count.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        count.setUpperMargin(0.1);
        CategoryPlot plot = new CategoryPlot(dataset, clock, count, renderer);
        return ChartSvg.styled(new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true));
    }
}
