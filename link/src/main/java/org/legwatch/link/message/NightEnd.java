package org.legwatch.link.message;

/** Device to host: the night being sent is complete; its CRC-32C over the canonical encoding. */
public record NightEnd(int checksum) implements Message {

    @Override
    public MessageType type() {
        return MessageType.NIGHT_END;
    }
}
