package org.legwatch.link;

import java.util.Optional;
import java.util.Random;
import org.legwatch.link.keys.DeviceKey;
import org.legwatch.link.keys.DeviceKeys;

/** Device keys for tests, derived from a seed so that failures repeat. */
final class TestKeys {

    private TestKeys() {}

    static DeviceKey key(String deviceId, int keyId, long seed) {
        byte[] secret = new byte[DeviceKey.KEY_BYTES];
        new Random(seed).nextBytes(secret);
        return new DeviceKey(deviceId, keyId, secret);
    }

    /** A registry that knows exactly these keys. */
    static DeviceKeys registry(DeviceKey... keys) {
        return id -> {
            for (DeviceKey k : keys) {
                if (k.deviceId().equals(id)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        };
    }
}
