package org.legwatch.host.store;

/**
 * A write contradicts what the store holds (a night sent again with different content, an event
 * that differs from the stored one with the same key, a patient that does not exist). Nothing was
 * written.
 */
public class StoreConflictException extends StoreException {
    public StoreConflictException(String message) {
        super(message);
    }

    /** A write names a patient the store does not have. */
    public static StoreConflictException unknownPatient(String what, String patientId) {
        return new StoreConflictException(what + ": unknown patient " + patientId
                + " (add it first with 'legwatch patient add " + patientId + "')");
    }

    /** A night's id is stored with other content. */
    public static StoreConflictException nightDiffers(StoredNight night) {
        return new StoreConflictException("night " + night.deviceNightId() + " of device " + night.deviceId()
                + " is already stored with other content; a night is never overwritten");
    }

    /** A patient's id is stored with another name. */
    public static StoreConflictException patientDiffers(Patient stored) {
        return new StoreConflictException("patient " + stored.id() + " is already stored with the name '"
                + stored.name() + "'");
    }
}
