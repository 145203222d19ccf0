package org.legwatch.host.report.html;

/**
 * Writes well-formed HTML (it is also read as XHTML by the PDF renderer, so every element is
 * closed and only XML's own entities are used). Text passed to {@link #text} is escaped; markup
 * passed to {@link #raw} is trusted to be well-formed.
 */
public final class Html {
    private final StringBuilder out = new StringBuilder();

    /** Text with &amp;, &lt;, &gt; and quotes escaped. */
    public static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** Opens {@code tag} with attributes given as name, value pairs (values escaped). */
    public Html open(String tag, String... attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs");
        }
        out.append('<').append(tag);
        for (int i = 0; i < attributes.length; i += 2) {
            out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
        }
        out.append('>');
        return this;
    }

    public Html close(String tag) {
        out.append("</").append(tag).append('>');
        return this;
    }

    /** An element holding only text. */
    public Html element(String tag, String text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    public Html text(String text) {
        out.append(escape(text));
        return this;
    }

    public Html raw(String markup) {
        out.append(markup);
        return this;
    }

    /** A table row of text cells; {@code header} makes them {@code th}. */
    public Html row(boolean header, String... cells) {
        open("tr");
        for (String cell : cells) {
            element(header ? "th" : "td", cell);
        }
        return close("tr");
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
