package org.legwatch.host.web;

import java.util.List;
import java.util.Set;

/**
 * A path template such as {@code /patients/{patient}}, the methods it answers and its handler. The
 * template, never the path asked for, is what the access log shows.
 *
 * @param open whether it answers without the access token (the login form and the style sheet)
 */
record Route(Set<String> methods, String template, boolean open, Handler handler) {

    /** Answers one request. */
    @FunctionalInterface
    interface Handler {
        Response handle(Request request) throws Exception;
    }

    static Route get(String template, Handler handler) {
        return new Route(Set.of("GET", "HEAD"), template, false, handler);
    }

    List<String> segments() {
        return Paths.segments(template);
    }
}
