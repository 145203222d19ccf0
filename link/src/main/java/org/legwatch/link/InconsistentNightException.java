package org.legwatch.link;

/** A night arrived whose parts, counts or checksum do not agree; the host rejects it. */
final class InconsistentNightException extends Exception {

    InconsistentNightException(String message) {
        super(message);
    }
}
