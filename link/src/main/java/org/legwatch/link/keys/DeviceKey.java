package org.legwatch.link.keys;

import java.util.Arrays;
import java.util.HexFormat;
import org.legwatch.link.DeviceIdentity;

/**
 * A device's pairing key: the secret shared by the device and the host, and its id, which grows by
 * one at every new pairing of the same device.
 */
public final class DeviceKey {

    /** Bytes of a key: as long as the HMAC-SHA256 output. */
    public static final int KEY_BYTES = 32;

    private final String deviceId;
    private final int keyId;
    private final byte[] secret;

    public DeviceKey(String deviceId, int keyId, byte[] secret) {
        DeviceIdentity.checkDeviceId(deviceId);
        if (keyId < 1) {
            throw new IllegalArgumentException("key id must be at least 1: " + keyId);
        }
        if (secret.length != KEY_BYTES) {
            throw new IllegalArgumentException("a key has " + KEY_BYTES + " bytes, not " + secret.length);
        }
        this.deviceId = deviceId;
        this.keyId = keyId;
        this.secret = secret.clone();
    }

    public String deviceId() {
        return deviceId;
    }

    public int keyId() {
        return keyId;
    }

    /** A copy of the secret. */
    public byte[] secret() {
        return secret.clone();
    }

    /** The line of a key file for this key: device id, key id, secret in hex. */
    String line() {
        return deviceId + " " + keyId + " " + HexFormat.of().formatHex(secret);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeviceKey k && deviceId.equals(k.deviceId) && keyId == k.keyId
                && Arrays.equals(secret, k.secret);
    }

    @Override
    public int hashCode() {
        return deviceId.hashCode() * 31 + keyId;
    }

    /** Names the device and key id, never the secret. */
    @Override
    public String toString() {
        return "DeviceKey[" + deviceId + ", key " + keyId + "]";
    }
}
