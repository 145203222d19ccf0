package org.legwatch.host.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * Draws a JFreeChart as an inline SVG element (JFreeSVG), in the report's one look. The SVG carries
 * a {@code viewBox}, so a page may scale it to its column with CSS ({@code width: 100%; height:
 * auto}); its text stays text, so it can be searched and read by a screen reader. Every data item
 * is wrapped in a {@code <g>} whose {@code jfreesvg:ref} attribute names its series and item
 * (JFreeChart's element hinting), which the tests count and a web page may use for hover details.
 */
public final class ChartSvg {
    private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

    /** Ink colours shared by the charts, so a series means the same colour everywhere. */
    public static final Color PLMI = new Color(0x1f, 0x5f, 0xa8);
    public static final Color MEDIAN = new Color(0xd9, 0x5f, 0x02);
    public static final Color INVALID = new Color(0x99, 0x99, 0x99);
    public static final Color FERRITIN = new Color(0x1b, 0x9e, 0x77);
    public static final Color INFUSION = new Color(0xc0, 0x1c, 0x28);
    public static final Color ORAL_IRON = new Color(0xe6, 0xab, 0x02, 0x40);
    public static final Color MEDICATION = new Color(0x75, 0x70, 0xb3);
    public static final Color PLM = new Color(0xc0, 0x1c, 0x28);
    public static final Color OTHER_MOVEMENT = new Color(0x55, 0x55, 0x55);
    /** Behind marker labels: lets the data show through a little. */
    public static final Color LABEL_BACKGROUND = new Color(255, 255, 255, 0xc0);
    public static final Color IN_BED = new Color(0x8c, 0xc0, 0x8c);

    private static final String FONT = "SansSerif";
    private static final Color GRID = new Color(0xdd, 0xdd, 0xdd);

    private ChartSvg() {
    }

    /**
     * The chart as an {@code <svg>} element {@code width} x {@code height} px with the id
     * {@code id} (letters, digits, '-' and '_', starting with a letter), unique within the page that
     * shows it: the ids of the chart's clip paths and gradients start with it.
     */
    public static String render(JFreeChart chart, int width, int height, String id) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("chart id '" + id + "': letters, digits, '-' and '_', starting with a letter");
        }
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("chart size " + width + " x " + height);
        }
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        g2.setDefsKeyPrefix(id + "-");
        g2.setGeomDoubleConverter(ChartSvg::coordinate);
        chart.setElementHinting(true);
        chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        return g2.getSVGElement(id, true, new ViewBox(0, 0, width, height), null, null);
    }

    /**
     * Gives a chart the report's look: white, no shadows or gradients, readable fonts. Set here
     * rather than through a chart theme, which would also reset the series colours the charts
     * chose.
     */
    static JFreeChart styled(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(new Font(FONT, Font.BOLD, 12));
        }
        Plot plot = chart.getPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(new Color(0xbb, 0xbb, 0xbb));
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(GRID);
            xy.setRangeGridlinePaint(GRID);
            xy.setDomainGridlineStroke(new BasicStroke(0.5f));
            xy.setRangeGridlineStroke(new BasicStroke(0.5f));
            for (int i = 0; i < xy.getDomainAxisCount(); i++) {
                style(xy.getDomainAxis(i));
            }
            for (int i = 0; i < xy.getRangeAxisCount(); i++) {
                style(xy.getRangeAxis(i));
            }
            for (int i = 0; i < xy.getRendererCount(); i++) {
                if (xy.getRenderer(i) instanceof XYBarRenderer bars) {
                    bars.setShadowVisible(false);
                    bars.setBarPainter(new StandardXYBarPainter());
                }
            }
        } else if (plot instanceof CategoryPlot category) {
            category.setRangeGridlinePaint(GRID);
            category.setRangeGridlineStroke(new BasicStroke(0.5f));
            style(category.getDomainAxis());
            style(category.getRangeAxis());
            if (category.getRenderer() instanceof BarRenderer bars) {
                bars.setShadowVisible(false);
                bars.setBarPainter(new StandardBarPainter());
            }
        }
        if (chart.getLegend() != null) {
            chart.getLegend().setFrame(BlockBorder.NONE);
            chart.getLegend().setItemFont(new Font(FONT, Font.PLAIN, 10));
        }
        return chart;
    }

    private static void style(Axis axis) {
        if (axis != null) {
            axis.setLabelFont(new Font(FONT, Font.PLAIN, 11));
            axis.setTickLabelFont(new Font(FONT, Font.PLAIN, 10));
        }
    }

    /**
     * Puts a small label on a marker (a line at an infusion, a shaded window), on a half-clear
     * background so the data behind it still shows.
     */
    static <M extends Marker> M labelled(M marker, String label, Color colour, boolean bold, RectangleAnchor anchor,
                                         TextAnchor textAnchor) {
        marker.setLabel(label);
        marker.setLabelFont(new Font(FONT, bold ? Font.BOLD : Font.PLAIN, 9));
        marker.setLabelPaint(colour);
        marker.setLabelBackgroundColor(LABEL_BACKGROUND);
        marker.setLabelAnchor(anchor);
        marker.setLabelTextAnchor(textAnchor);
        return marker;
    }

    /** Coordinates to two decimals: a hundredth of a pixel is below what any screen or printer shows. */
    private static String coordinate(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
