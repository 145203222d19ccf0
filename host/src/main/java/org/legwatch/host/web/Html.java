package org.legwatch.host.web;

/** Text made safe to stand in HTML, as element content or as a quoted attribute value. */
final class Html {
    private Html() {
    }

    /** Escapes {@code & < > " '}; every value from the store passes through here. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
