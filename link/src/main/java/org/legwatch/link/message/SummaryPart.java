package org.legwatch.link.message;

/** Device to host: bytes {@code offset ..} of the summary of the night being sent. */
public record SummaryPart(int offset, byte[] bytes) implements Message {

    @Override
    public MessageType type() {
        return MessageType.SUMMARY;
    }
}
