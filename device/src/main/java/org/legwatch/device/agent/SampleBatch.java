package org.legwatch.device.agent;

/**
 * Reusable buffers for one read of one leg's samples: times on the monotonic clock (ns) and
 * acceleration (g). Filled by a {@link LegInput}, read by the agent; allocated once.
 */
public final class SampleBatch {
    public final long[] timeNs;
    public final double[] x;
    public final double[] y;
    public final double[] z;
    /** Samples held, {@code [0, count)}. */
    public int count;

    public SampleBatch(int capacity) {
        timeNs = new long[capacity];
        x = new double[capacity];
        y = new double[capacity];
        z = new double[capacity];
    }

    public int capacity() {
        return timeNs.length;
    }
}
