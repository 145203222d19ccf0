package org.legwatch.host.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What a handler answers: status, content type, body and any further headers. */
record Response(int status, String contentType, byte[] body, List<Map.Entry<String, String>> headers) {
    static final String HTML = "text/html; charset=utf-8";

    Response {
        headers = List.copyOf(headers);
    }

    static Response html(int status, String page) {
        return new Response(status, HTML, page.getBytes(StandardCharsets.UTF_8), List.of());
    }

    static Response html(String page) {
        return html(200, page);
    }

    /** 303 See Other: after a form, the browser fetches {@code location} with GET. */
    static Response seeOther(String location) {
        return new Response(303, HTML, new byte[0], List.of(Map.entry("Location", location)));
    }

    Response withHeader(String name, String value) {
        List<Map.Entry<String, String>> more = new ArrayList<>(headers);
        more.add(Map.entry(name, value));
        return new Response(status, contentType, body, more);
    }
}
