package org.legwatch.device.clock;

import java.util.concurrent.TimeUnit;

/**
 * Time for {@code legwatch-device simulate}: starts at a given wall time and moves only when the
 * agent sleeps, by the time asked for; at a finite speed-up it also really sleeps that time divided
 * by the speed-up, at an infinite one not at all. The wall clock is synchronised unless told
 * otherwise. {@link #worldNs()} is the simulated world's own time, which goes on across a
 * {@link #reboot simulated reboot} while the monotonic clock starts again.
 */
public final class SimulatedClocks implements Clocks {
    private final long startWallMs;
    private final double speedUp;
    private String bootId;
    private boolean synced = true;
    private long worldNs;
    private long bootOriginNs;

    /**
     * @param startWallMs wall time at which the simulation starts
     * @param speedUp     how many times faster than real time; {@code Double.POSITIVE_INFINITY}
     *                    for as fast as the machine goes
     */
    public SimulatedClocks(long startWallMs, double speedUp, String bootId) {
        if (!(speedUp > 0)) {
            throw new IllegalArgumentException("speed-up must be positive: " + speedUp);
        }
        this.startWallMs = startWallMs;
        this.speedUp = speedUp;
        this.bootId = bootId;
        this.worldNs = 1_000_000_000L;
    }

    /** The simulated world's time, ns: the simulated sensors take their samples on it. */
    public synchronized long worldNs() {
        return worldNs;
    }

    @Override
    public synchronized long monotonicNs() {
        return worldNs - bootOriginNs;
    }

    @Override
    public synchronized long wallMs() {
        return startWallMs + (worldNs - 1_000_000_000L) / 1_000_000L;
    }

    @Override
    public synchronized boolean wallSynchronised() {
        return synced;
    }

    /** Whether the simulated wall clock counts as synchronised from now on. */
    public synchronized void synchronised(boolean s) {
        synced = s;
    }

    @Override
    public synchronized String bootId() {
        return bootId;
    }

    @Override
    public synchronized double uptimeS() {
        return monotonicNs() / 1e9;
    }

    /** The Pi was off for {@code offNs} and booted again: a new boot id, the monotonic clock starts near zero. */
    public synchronized void reboot(String newBootId, long offNs) {
        worldNs += offNs;
        bootOriginNs = worldNs - 2_000_000_000L;
        bootId = newBootId;
    }

    @Override
    public void sleepNs(long ns) throws InterruptedException {
        if (ns <= 0) {
            return;
        }
        if (Double.isFinite(speedUp)) {
            TimeUnit.NANOSECONDS.sleep(Math.round(ns / speedUp));
        } else if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        synchronized (this) {
            worldNs += ns;
        }
    }
}
