package org.legwatch.link.keys;

import java.util.Optional;

/** The host's knowledge of device keys. Called from the receiver's thread only. */
@FunctionalInterface
public interface DeviceKeys {

    /** The device's current key, or empty for a device the host does not know. */
    Optional<DeviceKey> lookup(String deviceId);
}
