package org.legwatch.host.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TimeZone;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The nightly PLM index over the months: one dot per valid night, invalid nights as grey crosses
 * (at their PLM index, or on the axis when it is undefined) so a gap in the record is seen rather
 * than hidden, a rolling median line through the valid nights, IV iron infusions as red lines,
 * oral iron courses as shaded spans, RLS medication changes as dashed lines, and ferritin on a
 * second axis (a hollow marker when it was drawn within 4 weeks of IV iron and reads falsely high).
 */
public final class NightlyPlmiChart {
    /** Series names, as the legend shows them. */
    public static final String VALID = "valid night";
    public static final String INVALID = "invalid night (not counted)";
    public static final String FERRITIN = "ferritin (ug/L, right axis)";
    public static final String FERRITIN_UNRELIABLE = "ferritin < 4 weeks after IV (reads high)";

    /** One night; {@code plmi} may be NaN for an invalid night without time in bed. */
    public record Night(LocalDate evening, double plmi, boolean valid) {
        public Night {
            Objects.requireNonNull(evening, "evening");
        }
    }

    /** An IV iron course, labelled e.g. "IV 1: ferric carboxymaltose 1000 mg". */
    public record Infusion(LocalDate date, String label) {
    }

    /** An oral iron course; {@code start} null when it began before the record, {@code stop} null while ongoing. */
    public record OralIron(LocalDate start, LocalDate stop, String label) {
    }

    /** An RLS medication change, labelled with drug and change. */
    public record MedicationChange(LocalDate date, String label) {
    }

    /** A ferritin result in ug/L. */
    public record Ferritin(LocalDate date, double value, boolean unreliable) {
    }

    /**
     * What the chart shows.
     *
     * @param medianDays window of the rolling median in evenings (odd), see {@link RollingMedian}
     */
    public record Data(List<Night> nights, List<Infusion> infusions, List<OralIron> oralIron,
                       List<MedicationChange> medication, List<Ferritin> ferritin, int medianDays) {
        public Data {
            nights = List.copyOf(nights);
            infusions = List.copyOf(infusions);
            oralIron = List.copyOf(oralIron);
            medication = List.copyOf(medication);
            ferritin = List.copyOf(ferritin);
        }

        /** The legend name of the median line, e.g. "7-night rolling median". */
        public String medianName() {
            return medianDays + "-day rolling median (valid nights)";
        }
    }

    private NightlyPlmiChart() {
    }

    /** The chart as an inline SVG element (see {@link ChartSvg#render}). */
    public static String svg(Data data, int width, int height, String id) {
        return ChartSvg.render(chart(data), width, height, id);
    }

    public static JFreeChart chart(Data data) {
        XYSeries valid = new XYSeries(VALID, true, true);
        XYSeries invalid = new XYSeries(INVALID, true, true);
        List<LocalDate> validDates = new ArrayList<>();
        List<Double> validValues = new ArrayList<>();
        for (Night night : data.nights()) {
            if (night.valid()) {
                valid.add(x(night.evening()), night.plmi());
                validDates.add(night.evening());
                validValues.add(night.plmi());
            } else {
                invalid.add(x(night.evening()), Double.isFinite(night.plmi()) ? night.plmi() : 0);
            }
        }
        XYSeries median = new XYSeries(data.medianName(), true, false);
        LocalDate previous = null;
        for (RollingMedian.Point point : RollingMedian.centred(validDates, validValues, data.medianDays())) {
            if (previous != null && !point.evening().equals(previous.plusDays(1))) {
                median.add(x(previous.plusDays(1)), null);
            }
            median.add(x(point.evening()), point.median());
            previous = point.evening();
        }
        XYSeriesCollection nights = new XYSeriesCollection();
        nights.addSeries(valid);
        nights.addSeries(invalid);
        HintedShapeRenderer nightDots = new HintedShapeRenderer(false, true);
        nightDots.setSeriesShape(0, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        nightDots.setSeriesPaint(0, ChartSvg.PLMI);
        nightDots.setSeriesShape(1, cross(4));
        nightDots.setSeriesPaint(1, ChartSvg.INVALID);
        nightDots.setSeriesShapesFilled(1, false);
        nightDots.setUseOutlinePaint(false);
        nightDots.setDrawOutlines(true);
        nightDots.setSeriesOutlineStroke(1, new BasicStroke(1.3f));

        XYSeriesCollection medianSet = new XYSeriesCollection(median);
        HintedShapeRenderer medianLine = new HintedShapeRenderer(true, false);
        medianLine.setSeriesPaint(0, ChartSvg.MEDIAN);
        medianLine.setSeriesStroke(0, new BasicStroke(2.2f));

        XYSeries ferritinOk = new XYSeries(FERRITIN, true, true);
        XYSeries ferritinHigh = new XYSeries(FERRITIN_UNRELIABLE, true, true);
        for (Ferritin f : data.ferritin()) {
            (f.unreliable() ? ferritinHigh : ferritinOk).add(x(f.date()), f.value());
        }
        XYSeriesCollection ferritinSet = new XYSeriesCollection();
        ferritinSet.addSeries(ferritinOk);
        ferritinSet.addSeries(ferritinHigh);
        HintedShapeRenderer ferritinMarks = new HintedShapeRenderer(false, true);
        ferritinMarks.setSeriesShape(0, diamond(5));
        ferritinMarks.setSeriesShape(1, diamond(5));
        ferritinMarks.setSeriesPaint(0, ChartSvg.FERRITIN);
        ferritinMarks.setSeriesPaint(1, ChartSvg.FERRITIN);
        ferritinMarks.setSeriesShapesFilled(1, false);
        ferritinMarks.setUseOutlinePaint(false);
        ferritinMarks.setDrawOutlines(true);

        DateAxis dates = new DateAxis("evening");
        dates.setTimeZone(TimeZone.getTimeZone("UTC"));
        SimpleDateFormat format = new SimpleDateFormat("d MMM yy", Locale.ENGLISH);
        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        dates.setDateFormatOverride(format);
        NumberAxis plmiAxis = new NumberAxis("PLMI (PLMs per hour in bed)");
        plmiAxis.setAutoRangeIncludesZero(true);
        plmiAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        plmiAxis.setUpperMargin(0.12);
        NumberAxis ferritinAxis = new NumberAxis("ferritin (ug/L)");
        ferritinAxis.setAutoRangeIncludesZero(true);
        ferritinAxis.setUpperMargin(0.12);
        ferritinAxis.setLabelPaint(ChartSvg.FERRITIN);
        ferritinAxis.setTickLabelPaint(ChartSvg.FERRITIN);

        XYPlot plot = new XYPlot(nights, dates, plmiAxis, nightDots);
        plot.setDataset(1, medianSet);
        plot.setRenderer(1, medianLine);
        plot.setRangeAxis(1, ferritinAxis);
        plot.setDataset(2, ferritinSet);
        plot.setRenderer(2, ferritinMarks);
        plot.mapDatasetToRangeAxis(2, 1);
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);

        LocalDate first = data.nights().isEmpty() ? null : data.nights().getFirst().evening();
        LocalDate last = data.nights().isEmpty() ? null : data.nights().getLast().evening();
        for (OralIron course : data.oralIron()) {
            LocalDate from = course.start() != null ? course.start() : first;
            LocalDate to = course.stop() != null ? course.stop() : last;
            if (from == null || to == null || to.isBefore(from)) {
                continue;
            }
            IntervalMarker span = new IntervalMarker(x(from), x(to.plusDays(1)), ChartSvg.ORAL_IRON);
            plot.addDomainMarker(ChartSvg.labelled(span, course.label(), Color.BLACK, false, RectangleAnchor.BOTTOM_LEFT,
                    TextAnchor.BOTTOM_LEFT), Layer.BACKGROUND);
        }
        for (MedicationChange change : data.medication()) {
            ValueMarker line = new ValueMarker(x(change.date()), ChartSvg.MEDICATION,
                    new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f));
            plot.addDomainMarker(ChartSvg.labelled(line, change.label(), ChartSvg.MEDICATION, false,
                    RectangleAnchor.BOTTOM_RIGHT, TextAnchor.BOTTOM_LEFT), Layer.FOREGROUND);
        }
        for (Infusion infusion : data.infusions()) {
            ValueMarker line = new ValueMarker(x(infusion.date()), ChartSvg.INFUSION, new BasicStroke(1.8f));
            plot.addDomainMarker(ChartSvg.labelled(line, infusion.label(), ChartSvg.INFUSION, true, RectangleAnchor.TOP_RIGHT,
                    TextAnchor.TOP_LEFT), Layer.FOREGROUND);
        }
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        return ChartSvg.styled(chart);
    }

    /** An evening on the chart's time axis: its UTC midnight in ms, so no zone moves it to another day. */
    static double x(LocalDate evening) {
        return evening.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    static Path2D cross(double half) {
        Path2D.Double cross = new Path2D.Double();
        cross.append(new Line2D.Double(-half, -half, half, half), false);
        cross.append(new Line2D.Double(-half, half, half, -half), false);
        return cross;
    }

    static Path2D diamond(double half) {
        Path2D.Double diamond = new Path2D.Double();
        diamond.moveTo(0, -half);
        diamond.lineTo(half, 0);
        diamond.lineTo(0, half);
        diamond.lineTo(-half, 0);
        diamond.closePath();
        return diamond;
    }

}
