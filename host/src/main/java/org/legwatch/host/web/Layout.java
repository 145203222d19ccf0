package org.legwatch.host.web;

import static org.legwatch.host.report.html.Html.escape;

import java.util.List;

/** The frame of every page: head, style sheet, the trail back to the patients list, and the footer. */
final class Layout {
    private Layout() {
    }

    /** A step of the trail at the top: a page above this one. */
    record Crumb(String label, String href) {
    }

    /**
     * A whole page. {@code title} and the crumbs' labels are plain text (escaped here);
     * {@code main} is HTML that its page built with every value escaped.
     */
    static String page(String title, List<Crumb> trail, String main, boolean loggedIn) {
        StringBuilder html = new StringBuilder(main.length() + 2048);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<link rel=\"icon\" href=\"data:,\">\n") // no favicon request
                .append("<title>").append(escape(title)).append(" · legwatch</title>\n")
                .append("<link rel=\"stylesheet\" href=\"").append(StyleSheet.PATH).append("\">\n</head>\n<body>\n")
                .append("<header class=\"bar\"><nav aria-label=\"trail\"><a class=\"brand\" href=\"/\">legwatch</a>");
        for (Crumb crumb : trail) {
            html.append(" <span class=\"sep\">›</span> <a href=\"").append(escape(crumb.href())).append("\">")
                    .append(escape(crumb.label())).append("</a>");
        }
        html.append(" <span class=\"sep\">›</span> <span class=\"here\">").append(escape(title)).append("</span></nav>");
        if (loggedIn) {
            html.append("<form method=\"post\" action=\"/logout\" class=\"logout\"><button type=\"submit\">Log out</button></form>");
        }
        html.append("</header>\n<main>\n").append(main).append("\n</main>\n")
                .append("<footer>legwatch measures leg movements with an ankle accelerometer. It is not polysomnography: ")
                .append("it cannot see sleep, so every index is per hour <em>in bed</em>, not per hour of sleep.</footer>\n")
                .append("</body>\n</html>\n");
        return html.toString();
    }
}
