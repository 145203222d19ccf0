package org.legwatch.host.store;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Where the host keeps patients, device assignments, nights and therapy records. Two
 * implementations: SQLite (the default, one file) and InfluxDB; {@link Stores#open} opens either
 * from a store URL. Every write is idempotent (writing the same thing again changes nothing) and
 * atomic (see docs/storage.md for what that means on InfluxDB); every write method returns only
 * once what it wrote is committed. A store object may be used from several threads.
 */
public interface Store extends AutoCloseable {

    /** The store's URL, without any secret. */
    String location();

    // ---- patients

    /**
     * Adds a patient. Returns false when the same patient is already stored.
     *
     * @throws StoreConflictException when the id is stored with another name
     */
    boolean addPatient(Patient patient) throws StoreException;

    /** Every patient, by id. */
    List<Patient> patients() throws StoreException;

    Optional<Patient> patient(String patientId) throws StoreException;

    // ---- devices

    /**
     * Records that a patient wears a device from a time on (see {@link DeviceAssignment}). Returns
     * false when the same assignment is already stored. Sending the same device, patient and start
     * with another end changes the end (the device came back at another time).
     *
     * @throws StoreConflictException for an unknown patient, or another patient at the same start
     */
    boolean assignDevice(DeviceAssignment assignment) throws StoreException;

    /** Every assignment, by device and start. */
    List<DeviceAssignment> assignments() throws StoreException;

    // ---- nights

    /** Whether the device's night is stored (committed). */
    boolean contains(String deviceId, String deviceNightId) throws StoreException;

    /**
     * Stores a night; returns once it is committed.
     *
     * @throws StoreConflictException when the night's id is stored with other content, or its
     *                                patient is unknown
     */
    CommitOutcome commit(StoredNight night) throws StoreException;

    /**
     * Stores nights together. On SQLite all or none are stored; on InfluxDB each night is stored
     * whole or not at all. Returns how many were new.
     */
    int commitAll(List<StoredNight> nights) throws StoreException;

    /**
     * Stores a night a device sent: its patient is the one wearing the device when the night began,
     * its evening date is taken in {@code zone}. Returns the night as stored (also when it was
     * already stored: sending a night again changes nothing).
     *
     * @throws UnassignedDeviceException when no patient wore the device then (nothing is written)
     * @throws StoreConflictException    when the night id is stored with other content
     */
    default StoredNight commit(String deviceId, DeviceNight night, ZoneId zone) throws StoreException {
        String patientId = DeviceAssignment.wearer(assignments(), deviceId, night.clock().start())
                .orElseThrow(() -> new UnassignedDeviceException(deviceId, night.clock().start()));
        StoredNight received = StoredNight.of(deviceId, patientId, StoredNight.eveningOf(night.clock().start(), zone), night);
        commit(received);
        return received;
    }

    /** As above in the host's time zone. */
    default StoredNight commit(String deviceId, DeviceNight night) throws StoreException {
        return commit(deviceId, night, ZoneId.systemDefault());
    }

    /** A patient's nights without their movements, by evening date and start. */
    List<NightRow> nights(String patientId) throws StoreException;

    /** One night with its movements. */
    Optional<StoredNight> night(String deviceId, String deviceNightId) throws StoreException;

    /** A patient's nights with their movements, by evening date and start, without holding them all in memory. */
    void forEachNight(String patientId, NightConsumer consumer) throws StoreException;

    /** Receives nights one by one. */
    @FunctionalInterface
    interface NightConsumer {
        void accept(StoredNight night) throws StoreException;
    }

    // ---- therapy record

    /**
     * Adds therapy events, all or none; events already stored identically are left as they are.
     * Returns how many were new.
     *
     * @throws StoreConflictException for an unknown patient, or an event whose key is stored with
     *                                another value
     */
    int addTherapy(List<TherapyEvent> events) throws StoreException;

    /** A patient's therapy record by date, kind and detail. */
    List<TherapyEvent> therapy(String patientId) throws StoreException;

    @Override
    void close() throws StoreException;
}
