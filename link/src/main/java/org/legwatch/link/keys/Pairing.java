package org.legwatch.link.keys;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * Pairs a device with the host: a fresh random key, under the next key id for the device, written to
 * the host's registry and to a device key file to be installed on the device. A device paired again
 * gets a new key and key id; the old key stops working at once.
 */
public final class Pairing {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Pairing() {}

    /**
     * Provisions a new key for {@code deviceId}: the registry first (so that a failure leaves at
     * worst a key the device does not have yet, and pairing again fixes it), then the device file.
     *
     * @return the new key
     */
    public static DeviceKey pair(String deviceId, Path registryFile, Path deviceKeyFile) throws IOException {
        KeyRegistry registry = KeyRegistry.loadOrEmpty(registryFile);
        int keyId = registry.lookup(deviceId).map(k -> k.keyId() + 1).orElse(1);
        byte[] secret = new byte[DeviceKey.KEY_BYTES];
        RANDOM.nextBytes(secret);
        DeviceKey key = new DeviceKey(deviceId, keyId, secret);
        registry.put(key);
        DeviceKeyFile.write(deviceKeyFile, key);
        return key;
    }
}
