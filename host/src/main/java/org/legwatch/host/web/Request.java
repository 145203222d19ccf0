package org.legwatch.host.web;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One request as a handler sees it: the values of its template's parameters, its query, its form
 * body, and whether it came with the access token.
 */
final class Request {
    /** Largest form body read (the login form is a few dozen bytes). */
    static final int MAX_FORM_BYTES = 4096;

    private final HttpExchange exchange;
    private final Map<String, String> pathValues;
    private final Map<String, String> query;
    private final boolean authenticated;

    Request(HttpExchange exchange, Map<String, String> pathValues, boolean authenticated) throws HttpProblem {
        this.exchange = exchange;
        this.pathValues = Map.copyOf(pathValues);
        this.query = parseForm(exchange.getRequestURI().getRawQuery());
        this.authenticated = authenticated;
    }

    String method() {
        return exchange.getRequestMethod();
    }

    /** The decoded value of template parameter {@code name}. */
    String path(String name) {
        String value = pathValues.get(name);
        if (value == null) {
            throw new IllegalArgumentException("the route has no parameter " + name);
        }
        return value;
    }

    Optional<String> query(String name) {
        return Optional.ofNullable(query.get(name));
    }

    /** Whether the dashboard asks for a token and this request showed it. */
    boolean authenticated() {
        return authenticated;
    }

    /** The body of a form post ({@code application/x-www-form-urlencoded}). */
    Map<String, String> form() throws IOException, HttpProblem {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            throw HttpProblem.badRequest("expected a form");
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_FORM_BYTES + 1);
            if (body.length > MAX_FORM_BYTES) {
                throw new HttpProblem(413, "the form is too large");
            }
            return parseForm(new String(body, StandardCharsets.UTF_8));
        }
    }

    /** Parses {@code a=1&b=2}; a name given twice is a bad request. */
    private static Map<String, String> parseForm(String raw) throws HttpProblem {
        Map<String, String> values = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (values.put(name, value) != null) {
                    throw HttpProblem.badRequest("parameter '" + name + "' is given twice");
                }
            } catch (IllegalArgumentException e) {
                throw HttpProblem.badRequest("a parameter has a malformed %-escape");
            }
        }
        return values;
    }

    /** Refuses parameters the route does not know, so that a mistyped one is not silently ignored. */
    void allowOnly(String... names) throws HttpProblem {
        for (String name : query.keySet()) {
            if (!Arrays.asList(names).contains(name)) {
                throw HttpProblem.badRequest("unknown parameter '" + name + "'");
            }
        }
    }
}
