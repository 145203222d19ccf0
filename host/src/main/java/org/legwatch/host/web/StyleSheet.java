package org.legwatch.host.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.legwatch.host.report.html.ReportStyle;

/**
 * The dashboard's one style sheet, served by the dashboard so that no page needs the network: the
 * report's style sheet, so that its sections look as in the report, then the dashboard's frame.
 */
final class StyleSheet {
    static final String PATH = "/dashboard.css";
    private static final byte[] CSS = load();

    private StyleSheet() {
    }

    static Route route() {
        return new Route(Set.of("GET", "HEAD"), PATH, true,
                request -> new Response(200, "text/css; charset=utf-8", CSS, List.of()));
    }

    private static byte[] load() {
        try (InputStream in = StyleSheet.class.getResourceAsStream("dashboard.css")) {
            if (in == null) {
                throw new IllegalStateException("dashboard.css is missing from the jar");
            }
            byte[] frame = in.readAllBytes();
            return (ReportStyle.CSS + "\n" + new String(frame, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
