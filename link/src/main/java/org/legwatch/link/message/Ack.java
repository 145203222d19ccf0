package org.legwatch.link.message;

/**
 * Either way: which sequenced frames of the other side arrived. Every frame below {@code next} did;
 * bit i of {@code received} says whether frame {@code next + 1 + i} did.
 */
public record Ack(long next, int received) implements Message {

    @Override
    public MessageType type() {
        return MessageType.ACK;
    }
}
