package org.legwatch.link.message;

/** Host to device, accepting a hello: the device's nonce echoed and the host's own. */
public record Welcome(byte[] deviceNonce, byte[] hostNonce) implements Message {

    @Override
    public MessageType type() {
        return MessageType.WELCOME;
    }
}
