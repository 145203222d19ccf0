package org.legwatch.link;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.Map;

/**
 * Logs why frames were refused without letting a flood of bad frames flood the log: one message per
 * kind of refusal per interval, the next one saying how many were left out in between.
 */
final class RejectionLog {

    private static final int MAX_KINDS = 256;

    private record Seen(long loggedAt, long suppressed) {}

    private final Logger log;
    private final long intervalNs;
    private final Map<String, Seen> kinds = new HashMap<>();

    RejectionLog(Logger log, long intervalNs) {
        this.log = log;
        this.intervalNs = intervalNs;
    }

    synchronized void report(Level level, String kind, String message, long now) {
        if (!log.isLoggable(level)) {
            return;
        }
        Seen seen = kinds.get(kind);
        if (seen != null && now - seen.loggedAt < intervalNs) {
            kinds.put(kind, new Seen(seen.loggedAt, seen.suppressed + 1));
            return;
        }
        if (kinds.size() >= MAX_KINDS) {
            kinds.clear();
        }
        kinds.put(kind, new Seen(now, 0));
        long left = seen == null ? 0 : seen.suppressed;
        log.log(level, left == 0 ? message : message + " (" + left + " more like it not logged)");
    }
}
