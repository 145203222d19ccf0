package org.legwatch.host.web;

import java.util.Locale;

/**
 * An HTML table built row by row: cells are plain text, escaped here, unless given as
 * {@link #link} (a link with escaped address and text). Numbers are right-aligned.
 */
final class Table {
    private final StringBuilder html = new StringBuilder();
    private final int columns;

    /** A table with a caption (plain text, may be empty) and column headings. */
    Table(String caption, String... headings) {
        this.columns = headings.length;
        html.append("<table>");
        if (!caption.isEmpty()) {
            html.append("<caption>").append(Html.escape(caption)).append("</caption>");
        }
        html.append("<thead><tr>");
        for (String heading : headings) {
            html.append("<th scope=\"col\">").append(Html.escape(heading)).append("</th>");
        }
        html.append("</tr></thead><tbody>\n");
    }

    /** A cell of already safe HTML. */
    record Markup(String html) {
    }

    /** A link cell: {@code href} and {@code text} are escaped. */
    static Markup link(String href, String text) {
        return new Markup("<a href=\"" + Html.escape(href) + "\">" + Html.escape(text) + "</a>");
    }

    /** A cell in a warning colour. */
    static Markup warn(String text) {
        return new Markup("<span class=\"warn\">" + Html.escape(text) + "</span>");
    }

    /** Adds a row: each cell a {@link Markup}, a Number, or text (anything else, by toString). */
    Table row(Object... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException("a row of " + cells.length + " cells in a table of " + columns + " columns");
        }
        html.append("<tr>");
        for (Object cell : cells) {
            if (cell instanceof Markup markup) {
                html.append("<td>").append(markup.html()).append("</td>");
            } else if (cell instanceof Number) {
                html.append("<td class=\"num\">").append(Html.escape(cell.toString())).append("</td>");
            } else {
                html.append("<td>").append(Html.escape(cell == null ? "" : cell.toString())).append("</td>");
            }
        }
        html.append("</tr>\n");
        return this;
    }

    String html() {
        return html + "</tbody></table>";
    }

    /** A number to {@code decimals} places, or "–" when it is not defined. */
    static Markup number(double value, int decimals) {
        String text = Double.isFinite(value) ? String.format(Locale.ROOT, "%." + decimals + "f", value) : "–";
        return new Markup("<span class=\"num\">" + text + "</span>");
    }
}
