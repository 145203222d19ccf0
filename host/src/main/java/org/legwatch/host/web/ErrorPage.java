package org.legwatch.host.web;

import static org.legwatch.host.report.html.Html.escape;

import java.util.List;

/** The page shown with an error status. */
final class ErrorPage {
    private ErrorPage() {
    }

    static Response of(HttpProblem problem) {
        return Response.html(problem.status(), Layout.page(title(problem.status()), List.of(),
                "<h1>" + escape(title(problem.status())) + "</h1>\n<p>" + escape(problem.getMessage())
                        + "</p>\n<p><a href=\"/\">All patients</a></p>", false));
    }

    static Response internal() {
        return Response.html(500, Layout.page(title(500), List.of(), "<h1>Internal error</h1>\n"
                + "<p>The dashboard could not build this page. The server's log names where it failed.</p>", false));
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Log in";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 413 -> "Too large";
            default -> status >= 500 ? "Internal error" : "Error " + status;
        };
    }
}
