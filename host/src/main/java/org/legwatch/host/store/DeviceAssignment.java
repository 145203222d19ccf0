package org.legwatch.host.store;

import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * A patient began wearing a device at {@code from}; the assignment ends at {@code until} when given
 * (the device was returned), or else when the next assignment of the same device begins.
 *
 * @param until end, exclusive; {@code null} while open
 */
public record DeviceAssignment(String deviceId, String patientId, Instant from, Instant until) {
    public DeviceAssignment {
        Ids.requireCode("device id", deviceId);
        Ids.requireCode("patient id", patientId);
        Objects.requireNonNull(from, "from");
        if (from.toEpochMilli() < 0 || from.getNano() % 1_000_000 != 0) {
            throw new IllegalArgumentException("assignment start must be a whole millisecond after 1970: " + from);
        }
        if (until != null && (!until.isAfter(from) || until.getNano() % 1_000_000 != 0)) {
            throw new IllegalArgumentException("assignment end " + until + " must be a whole millisecond after its start " + from);
        }
    }

    public Optional<Instant> end() {
        return Optional.ofNullable(until);
    }

    /**
     * The patient wearing {@code deviceId} at {@code at}: the assignment of that device with the
     * latest start at or before {@code at}, if it has not ended by then.
     */
    public static Optional<String> wearer(Collection<DeviceAssignment> assignments, String deviceId, Instant at) {
        DeviceAssignment latest = null;
        for (DeviceAssignment a : assignments) {
            if (a.deviceId.equals(deviceId) && !a.from.isAfter(at) && (latest == null || a.from.isAfter(latest.from))) {
                latest = a;
            }
        }
        if (latest == null || (latest.until != null && !at.isBefore(latest.until))) {
            return Optional.empty();
        }
        return Optional.of(latest.patientId);
    }
}
