package org.legwatch.link.reliable;

/** Exponentially growing waits between attempts: initial, twice that, ... up to a maximum. */
public final class Backoff {

    private final long initialNs;
    private final long maxNs;
    private long next;

    public Backoff(long initialNs, long maxNs) {
        if (initialNs <= 0 || maxNs < initialNs) {
            throw new IllegalArgumentException("need 0 < initial <= max for a backoff");
        }
        this.initialNs = initialNs;
        this.maxNs = maxNs;
        this.next = initialNs;
    }

    /** The wait before the next attempt; the one after will be twice as long, up to the maximum. */
    public long next() {
        long wait = next;
        next = next > maxNs / 2 ? maxNs : Math.min(maxNs, 2 * next);
        return wait;
    }

    /** An attempt succeeded: start again from the initial wait. */
    public void reset() {
        next = initialNs;
    }
}
