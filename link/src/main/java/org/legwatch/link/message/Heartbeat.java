package org.legwatch.link.message;

/** Either way, when nothing else was sent for a while: the sender is alive. */
public record Heartbeat() implements Message {

    public static final Heartbeat INSTANCE = new Heartbeat();

    @Override
    public MessageType type() {
        return MessageType.HEARTBEAT;
    }
}
