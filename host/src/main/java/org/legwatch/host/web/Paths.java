package org.legwatch.host.web;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Path segments: splitting a raw path, decoding and encoding one segment. */
final class Paths {
    private Paths() {
    }

    /** The raw segments of {@code path} ("/a/b%2Fc" gives "a", "b%2Fc"); "/" gives none. */
    static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        for (String part : path.split("/", -1)) {
            segments.add(part);
        }
        segments.remove(0);
        if (segments.size() == 1 && segments.get(0).isEmpty()) {
            segments.clear();
        }
        return segments;
    }

    /** A raw segment decoded ("%2F" is "/", "+" stays "+"). */
    static String decode(String segment) throws HttpProblem {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badRequest("the address has a malformed %-escape");
        }
    }

    /** A value encoded to stand as one path segment, or as a query value. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
