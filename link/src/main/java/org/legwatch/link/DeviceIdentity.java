package org.legwatch.link;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Who sent a night, as its hello said and its key proved.
 *
 * @param deviceId 1 to 64 characters from {@code A-Z a-z 0-9 . _ -}
 * @param softwareVersion the device software's version, at most 64 characters
 * @param keyId which of the device's keys it used (a new pairing gives a new key id)
 */
public record DeviceIdentity(String deviceId, String softwareVersion, int keyId) {

    private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    public static final int MAX_VERSION_CHARS = 64;

    public DeviceIdentity {
        checkDeviceId(deviceId);
        Objects.requireNonNull(softwareVersion, "softwareVersion");
        if (softwareVersion.length() > MAX_VERSION_CHARS) {
            throw new IllegalArgumentException("software version longer than " + MAX_VERSION_CHARS + " characters");
        }
        Night.checkWellFormed(softwareVersion, "software version");
    }

    /** Whether {@code id} is a valid device id. */
    public static boolean validDeviceId(String id) {
        return id != null && DEVICE_ID.matcher(id).matches();
    }

    public static void checkDeviceId(String id) {
        if (!validDeviceId(id)) {
            throw new IllegalArgumentException("device id " + (id == null ? "null" : "'" + id + "'")
                    + " is not 1 to 64 characters from A-Z a-z 0-9 . _ -");
        }
    }
}
