package org.legwatch.link;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A device outbox in memory. It checks, at every acknowledgement, that the host's inbox already
 * holds the night: a night must never leave the device before the host committed it.
 */
final class MemoryOutbox implements NightOutbox {

    private final Map<String, Night> unsent = new LinkedHashMap<>();
    private final Predicate<String> hostHas;
    private final List<String> violations = new ArrayList<>();
    private final List<String> acknowledged = new ArrayList<>();

    MemoryOutbox(List<Night> nights, Predicate<String> hostHas) {
        for (Night n : nights) {
            unsent.put(n.nightId(), n);
        }
        this.hostHas = hostHas;
    }

    synchronized void add(Night n) {
        unsent.put(n.nightId(), n);
    }

    @Override
    public synchronized List<Night> unsentNights() {
        return new ArrayList<>(unsent.values());
    }

    @Override
    public synchronized void acknowledged(String nightId) {
        if (!hostHas.test(nightId)) {
            violations.add(nightId + " acknowledged before the host committed it");
        }
        if (unsent.remove(nightId) == null) {
            violations.add(nightId + " acknowledged twice");
        }
        acknowledged.add(nightId);
    }

    synchronized int unsentCount() {
        return unsent.size();
    }

    synchronized List<String> violations() {
        return List.copyOf(violations);
    }

    synchronized List<String> acknowledged() {
        return List.copyOf(acknowledged);
    }
}
