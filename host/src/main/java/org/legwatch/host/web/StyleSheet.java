package org.legwatch.host.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The dashboard's one style sheet, served from the jar so that no page needs the network. */
final class StyleSheet {
    static final String PATH = "/dashboard.css";
    private static final byte[] CSS = load();

    private StyleSheet() {
    }

    static Route route() {
        return new Route(java.util.Set.of("GET", "HEAD"), PATH, true,
                request -> new Response(200, "text/css; charset=utf-8", CSS, List.of()));
    }

    private static byte[] load() {
        try (InputStream in = StyleSheet.class.getResourceAsStream("dashboard.css")) {
            if (in == null) {
                throw new IllegalStateException("dashboard.css is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
