package org.legwatch.link;

import java.util.List;
import org.legwatch.link.message.Message;
import org.legwatch.link.message.MessageCodec;
import org.legwatch.link.message.MovementChunk;
import org.legwatch.link.message.NightEnd;
import org.legwatch.link.message.SummaryPart;

/**
 * Cuts a night into the messages that carry it, one at a time as the window has room: NIGHT_START,
 * MOVEMENTS chunks of at most {@code chunkBytes}, SUMMARY parts, NIGHT_END.
 */
final class NightChunker {

    private final Night night;
    private final int chunkBytes;
    private final List<Movement> movements;
    private final byte[] summary;
    private boolean headerSent;
    private int nextMovement;
    private int nextSummaryByte;
    private boolean ended;

    NightChunker(Night night, int chunkBytes) {
        this.night = night;
        this.chunkBytes = chunkBytes;
        this.movements = night.movements();
        this.summary = night.summary().orElse(new byte[0]);
    }

    Night night() {
        return night;
    }

    boolean hasNext() {
        return !ended;
    }

    Message next() {
        if (!headerSent) {
            headerSent = true;
            return NightChecksum.header(night);
        }
        if (nextMovement < movements.size()) {
            int first = nextMovement;
            int room = chunkBytes - MessageCodec.MOVEMENT_CHUNK_HEADER;
            long previous = 0;
            int end = first;
            while (end < movements.size()) {
                int size = MessageCodec.movementBytes(movements.get(end), previous);
                if (size > room && end > first) {
                    break;
                }
                room -= size;
                previous = movements.get(end).onsetUs();
                end++;
            }
            nextMovement = end;
            return new MovementChunk(first, movements.subList(first, end));
        }
        if (nextSummaryByte < summary.length) {
            int n = Math.min(summary.length - nextSummaryByte, chunkBytes - MessageCodec.SUMMARY_PART_HEADER);
            byte[] part = new byte[n];
            System.arraycopy(summary, nextSummaryByte, part, 0, n);
            SummaryPart p = new SummaryPart(nextSummaryByte, part);
            nextSummaryByte += n;
            return p;
        }
        if (ended) {
            throw new IllegalStateException("night " + night.nightId() + " is already fully sent");
        }
        ended = true;
        return new NightEnd(NightChecksum.of(night));
    }
}
