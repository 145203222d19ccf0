package org.legwatch.link.wire;

/**
 * Bytes from the line that do not follow the protocol: a damaged or hostile frame or message. The
 * decoders throw nothing else for any input, so a receive loop catches this one type, rejects the
 * frame and carries on.
 */
public final class WireFormatException extends Exception {

    public WireFormatException(String message) {
        super(message);
    }
}
