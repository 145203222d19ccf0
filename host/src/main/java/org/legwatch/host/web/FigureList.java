package org.legwatch.host.web;

import java.util.Locale;

/** Key figures beside a chart: a label and its value per line, values plain text (escaped here). */
final class FigureList {
    private final StringBuilder html = new StringBuilder("<dl class=\"figures\">");

    FigureList add(String label, String value) {
        html.append("<dt>").append(Html.escape(label)).append("</dt><dd>").append(Html.escape(value)).append("</dd>");
        return this;
    }

    /** A number to {@code decimals} places with its unit, or "not defined". */
    FigureList add(String label, double value, int decimals, String unit) {
        return add(label, Double.isFinite(value)
                ? String.format(Locale.ROOT, "%." + decimals + "f", value) + (unit.isEmpty() ? "" : " " + unit)
                : "not defined");
    }

    /** A value in a warning colour. */
    FigureList warn(String label, String value) {
        html.append("<dt>").append(Html.escape(label)).append("</dt><dd class=\"warn\">").append(Html.escape(value))
                .append("</dd>");
        return this;
    }

    String html() {
        return html + "</dl>";
    }
}
