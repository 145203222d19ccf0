package org.legwatch.host.report.chart;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.data.xy.XYDataset;

/**
 * Bars as {@link XYBarRenderer} draws them, with its element groups switched on: JFreeChart 1.5's
 * category renderers take the flag from the chart, its XY renderers never do, so each bar is
 * named in the SVG only when the state is told here.
 */
final class HintedBarRenderer extends XYBarRenderer {
    @Override
    public XYItemRendererState initialise(Graphics2D g2, Rectangle2D dataArea, XYPlot plot, XYDataset dataset,
                                          PlotRenderingInfo info) {
        XYItemRendererState state = super.initialise(g2, dataArea, plot, dataset, info);
        state.setElementHinting(true);
        return state;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HintedBarRenderer && super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
