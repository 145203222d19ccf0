package org.legwatch.link.message;

/** Either way: why the sender rejected something. Unknown codes are kept as they came. */
public record ErrorReport(int code, String text) implements Message {

    /** The host does not know the device id of a hello. */
    public static final int UNKNOWN_DEVICE = 1;
    /** The hello names another key id than the host's registry holds for the device. */
    public static final int KEY_MISMATCH = 2;
    /** The hello's tag is wrong for the device's key. */
    public static final int BAD_MAC = 3;
    /** The frame's protocol version is not spoken here. */
    public static final int UNSUPPORTED_VERSION = 4;
    /** The frame names no session the receiver has: say hello again. */
    public static final int NO_SESSION = 5;
    /** An authentic message broke the protocol; the session is over. */
    public static final int PROTOCOL_VIOLATION = 6;

    @Override
    public MessageType type() {
        return MessageType.ERROR;
    }
}
