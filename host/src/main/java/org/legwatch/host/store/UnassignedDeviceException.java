package org.legwatch.host.store;

import java.time.Instant;

/**
 * A device sent a night that began when no patient was assigned to it. Nothing was written; the
 * device keeps the night until a {@code legwatch device assign} covers its start.
 */
public final class UnassignedDeviceException extends StoreConflictException {
    private final String deviceId;
    private final Instant nightStart;

    public UnassignedDeviceException(String deviceId, Instant nightStart) {
        super("device " + deviceId + " was assigned to no patient when its night began (" + nightStart
                + "); assign it with 'legwatch device assign --device " + deviceId + " --patient ID --from ...'");
        this.deviceId = deviceId;
        this.nightStart = nightStart;
    }

    public String deviceId() {
        return deviceId;
    }

    public Instant nightStart() {
        return nightStart;
    }
}
