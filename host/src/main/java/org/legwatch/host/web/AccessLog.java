package org.legwatch.host.web;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One line per request: time, method, the route's template (never the path asked for, which may
 * hold a patient id), status and duration. Failures name the exception classes only, because
 * messages from the store may name patients.
 */
final class AccessLog {
    static final String NO_ROUTE = "(no route)";
    private final PrintWriter out;

    AccessLog(PrintWriter out) {
        this.out = out;
    }

    void request(String method, String template, int status, long nanos) {
        synchronized (out) {
            out.printf("%s %s %s %d %d ms%n", Instant.now().truncatedTo(ChronoUnit.SECONDS), safeMethod(method), template,
                    status, nanos / 1_000_000);
        }
    }

    void failure(String method, String template, Throwable failure) {
        StringBuilder chain = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            chain.append(chain.isEmpty() ? "" : " <- ").append(t.getClass().getName());
            StackTraceElement[] trace = t.getStackTrace();
            if (trace.length > 0) {
                chain.append(" at ").append(trace[0].getClassName()).append('.').append(trace[0].getMethodName())
                        .append(':').append(trace[0].getLineNumber());
            }
        }
        synchronized (out) {
            out.printf("%s %s %s failed: %s (messages withheld: they may name a patient)%n",
                    Instant.now().truncatedTo(ChronoUnit.SECONDS), safeMethod(method), template, chain);
        }
    }

    void message(String text) {
        synchronized (out) {
            out.println(text);
        }
    }

    /** The method as sent when it looks like one, so that a request cannot write into the log. */
    private static String safeMethod(String method) {
        return method.matches("[A-Z]{1,12}") ? method : "?";
    }
}
