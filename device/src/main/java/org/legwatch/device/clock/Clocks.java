package org.legwatch.device.clock;

/**
 * The agent's view of time. A Raspberry Pi has no real-time clock: after a power cut it boots with
 * the wall clock wherever {@code fake-hwclock} left it until the network corrects it, so every
 * night records whether the wall clock was synchronised, the monotonic base and the boot id, and the
 * host dates the night from them.
 */
public interface Clocks {
    /** Monotonic nanoseconds since an arbitrary origin that holds for one boot. */
    long monotonicNs();

    /** Wall clock, milliseconds since the epoch. */
    long wallMs();

    /** Whether the wall clock is known to be synchronised (NTP), now. */
    boolean wallSynchronised();

    /** An id that differs on every boot, so that monotonic times of different boots are never compared. */
    String bootId();

    /** Seconds since this boot (the lower bound of how long the agent was off, after a power cut). */
    double uptimeS();

    /** Waits (or, for simulated time, advances time by) {@code ns}. */
    void sleepNs(long ns) throws InterruptedException;
}
