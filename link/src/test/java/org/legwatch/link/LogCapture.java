package org.legwatch.link;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects what the link logs while it is open. */
final class LogCapture extends Handler implements AutoCloseable {

    private static final Logger LINK = Logger.getLogger("org.legwatch.link");
    private final List<String> messages = new ArrayList<>();
    private final Level previous;

    /** Captures everything; the console then shows none of the link's messages. */
    LogCapture() {
        previous = LINK.getLevel();
        LINK.setUseParentHandlers(false);
        LINK.setLevel(Level.ALL);
        setLevel(Level.ALL);
        LINK.addHandler(this);
    }

    @Override
    public synchronized void publish(LogRecord r) {
        messages.add(r.getLevel() + " " + r.getMessage());
    }

    synchronized List<String> messages() {
        return List.copyOf(messages);
    }

    synchronized boolean contains(String level, String text) {
        return messages.stream().anyMatch(m -> m.startsWith(level + " ") && m.contains(text));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        LINK.removeHandler(this);
        LINK.setLevel(previous);
        LINK.setUseParentHandlers(true);
    }
}
