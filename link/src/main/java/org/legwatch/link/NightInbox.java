package org.legwatch.link;

import java.io.IOException;

/**
 * The host's side of store-and-forward: where received nights go. The receiver calls it from one
 * thread of its own, one call at a time, and acknowledges a night to the device only after
 * {@link #commit} returned or {@link #contains} said the night is there.
 */
public interface NightInbox {

    /** Whether the store already holds this night of this device. */
    boolean contains(String deviceId, String nightId) throws IOException;

    /**
     * Stores a night the store does not hold; returns only when it is committed (durable). A
     * failure is reported to the device, which sends the night again later.
     */
    void commit(DeviceIdentity device, Night night) throws IOException;
}
