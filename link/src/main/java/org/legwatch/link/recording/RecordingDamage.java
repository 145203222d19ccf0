package org.legwatch.link.recording;

/**
 * A stretch of a raw recording that held no valid block.
 *
 * @param kind        {@link Kind#SKIPPED} when valid blocks follow it (the reader found the next
 *                    block marker and went on), {@link Kind#TORN_TAIL} when it runs to the end of
 *                    the file (a write cut short by a power cut)
 * @param offset      its first byte, from the start of the file
 * @param length      its length in bytes (0 when blocks are missing without damaged bytes)
 * @param description what was lost, in words: bytes, blocks, times
 */
public record RecordingDamage(Kind kind, long offset, long length, String description) {
    public enum Kind {
        SKIPPED,
        TORN_TAIL
    }

    @Override
    public String toString() {
        return description;
    }
}
