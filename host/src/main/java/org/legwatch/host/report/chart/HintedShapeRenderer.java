package org.legwatch.host.report.chart;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYItemKey;

/**
 * Lines and shapes as {@link XYLineAndShapeRenderer} draws them, with each item's shape wrapped in
 * an element group naming its series and index, as JFreeChart's bar renderers already do: the SVG
 * then says which mark is which night (the tests count them; a web page can attach details).
 */
final class HintedShapeRenderer extends XYLineAndShapeRenderer {
    private static final int SHAPE_PASS = 1;

    HintedShapeRenderer(boolean lines, boolean shapes) {
        super(lines, shapes);
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
                         XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series, int item,
                         CrosshairState crosshairState, int pass) {
        boolean grouped = pass == SHAPE_PASS && getItemShapeVisible(series, item)
                && Double.isFinite(dataset.getYValue(series, item));
        if (grouped) {
            beginElementGroup(g2, new XYItemKey(dataset.getSeriesKey(series), item));
        }
        super.drawItem(g2, state, dataArea, info, plot, domainAxis, rangeAxis, dataset, series, item, crosshairState, pass);
        if (grouped) {
            endElementGroup(g2);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HintedShapeRenderer && super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
