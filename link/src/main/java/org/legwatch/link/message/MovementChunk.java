package org.legwatch.link.message;

import java.util.List;
import org.legwatch.link.Movement;

/** Device to host: movements {@code firstIndex ..} of the night being sent. */
public record MovementChunk(int firstIndex, List<Movement> movements) implements Message {

    @Override
    public MessageType type() {
        return MessageType.MOVEMENTS;
    }
}
