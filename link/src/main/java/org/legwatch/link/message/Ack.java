package org.legwatch.link.message;

/**
 * Either way: which sequenced messages of the other side arrived. Every message below {@code next}
 * did; bit i of {@code received} says whether message {@code next + 1 + i} did. {@code latestFrame}
 * is the number of the newest frame that arrived: on a line that keeps order, any frame numbered
 * below it that is not acknowledged was lost.
 */
public record Ack(long next, int received, long latestFrame) implements Message {

    @Override
    public MessageType type() {
        return MessageType.ACK;
    }
}
