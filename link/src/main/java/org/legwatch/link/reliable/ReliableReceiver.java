package org.legwatch.link.reliable;

import java.util.ArrayList;
import java.util.List;

/**
 * The receiving half of a reliable stream: hands out messages exactly once and in sequence order,
 * holding up to {@link #WINDOW} early arrivals; says what has arrived for the acknowledgement.
 */
public final class ReliableReceiver<T> {

    /** Frames beyond the next expected one that are kept until the gap before them fills. */
    public static final int WINDOW = 32;

    private final Object[] early = new Object[WINDOW];
    private long next = 1;

    /** The next sequence number expected: everything below it has been handed out. */
    public long next() {
        return next;
    }

    /** Bit i set: frame {@code next() + 1 + i} is held. */
    public int receivedBits() {
        int bits = 0;
        for (int i = 0; i < WINDOW; i++) {
            if (early[i] != null) {
                bits |= 1 << i;
            }
        }
        return bits;
    }

    /**
     * Takes frame {@code seq}.
     *
     * @return the messages that are now next in order, oldest first; empty for a duplicate, a frame
     *     beyond the window, or one that leaves a gap before it
     */
    public List<T> accept(long seq, T message) {
        if (seq < next || seq > next + WINDOW) {
            return List.of();
        }
        if (seq > next) {
            int slot = (int) (seq - next - 1);
            if (early[slot] == null) {
                early[slot] = message;
            }
            return List.of();
        }
        List<T> ready = new ArrayList<>();
        ready.add(message);
        next++;
        while (early[0] != null) {
            @SuppressWarnings("unchecked")
            T held = (T) early[0];
            ready.add(held);
            shift();
            next++;
        }
        shift();
        return ready;
    }

    private void shift() {
        System.arraycopy(early, 1, early, 0, WINDOW - 1);
        early[WINDOW - 1] = null;
    }
}
