package org.legwatch.link.message;

/** Device to host, opening a session: who the device is and a fresh nonce. */
public record Hello(String deviceId, String softwareVersion, int keyId, byte[] nonce) implements Message {

    public static final int NONCE_BYTES = 16;

    @Override
    public MessageType type() {
        return MessageType.HELLO;
    }
}
