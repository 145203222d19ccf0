package org.legwatch.link.message;

/**
 * The message types and their codes on the wire. Sequenced messages begin with a message sequence
 * number and are delivered reliably, exactly once and in order; the others are sent once.
 */
public enum MessageType {
    HELLO(0x01, false),
    WELCOME(0x02, false),
    HEARTBEAT(0x03, false),
    ACK(0x04, false),
    ERROR(0x05, false),
    NIGHT_START(0x10, true),
    MOVEMENTS(0x11, true),
    SUMMARY(0x12, true),
    NIGHT_END(0x13, true),
    NIGHT_RESULT(0x20, true);

    private static final MessageType[] BY_CODE = new MessageType[256];

    static {
        for (MessageType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    private final int code;
    private final boolean sequenced;

    MessageType(int code, boolean sequenced) {
        this.code = code;
        this.sequenced = sequenced;
    }

    public int code() {
        return code;
    }

    public boolean sequenced() {
        return sequenced;
    }

    /** The type with this code, or null. */
    public static MessageType of(int code) {
        return code >= 0 && code < 256 ? BY_CODE[code] : null;
    }
}
