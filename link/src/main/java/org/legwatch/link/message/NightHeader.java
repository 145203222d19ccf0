package org.legwatch.link.message;

import java.util.Optional;
import org.legwatch.link.NightStart;

/** Device to host: a night begins; its movements and summary follow, then {@link NightEnd}. */
public record NightHeader(String nightId, Optional<NightStart> start, boolean hasSummary, int movementCount,
        int summaryLength) implements Message {

    @Override
    public MessageType type() {
        return MessageType.NIGHT_START;
    }
}
