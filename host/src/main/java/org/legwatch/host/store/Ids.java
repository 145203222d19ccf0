package org.legwatch.host.store;

import java.util.regex.Pattern;

/**
 * What identifiers may look like. Patient and device ids are short codes (a study's pseudonyms,
 * a device's serial), safe in file names, CSV fields, InfluxDB tags and URLs; night ids come from
 * devices and are only kept free of what would break a CSV field.
 */
public final class Ids {
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** Longest night id, as the device journal allows. */
    public static final int MAX_NIGHT_ID_CHARS = 200;

    private Ids() {
    }

    /** Checks a patient or device id; {@code what} names it in the message. */
    public static String requireCode(String what, String id) {
        if (id == null || !CODE.matcher(id).matches()) {
            throw new IllegalArgumentException(what + " '" + id + "' is not valid: use 1-64 letters, digits, '.', '_'"
                    + " or '-', starting with a letter or digit");
        }
        return id;
    }

    public static String requireNightId(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_NIGHT_ID_CHARS || !id.strip().equals(id)
                || id.indexOf(',') >= 0 || id.indexOf('"') >= 0 || id.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("night id '" + id + "' is not valid: 1-" + MAX_NIGHT_ID_CHARS
                    + " characters without commas, quotes, control characters or surrounding spaces");
        }
        return id;
    }
}
