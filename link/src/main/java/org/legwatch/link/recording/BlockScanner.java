package org.legwatch.link.recording;

import static org.legwatch.link.recording.RawRecordingFormat.FRAME_HEADER;
import static org.legwatch.link.recording.RawRecordingFormat.FRAME_OVERHEAD;
import static org.legwatch.link.recording.RawRecordingFormat.MARKER;
import static org.legwatch.link.recording.RawRecordingFormat.MAX_PAYLOAD;
import static org.legwatch.link.recording.RawRecordingFormat.PART;
import static org.legwatch.link.recording.RawRecordingFormat.PART_END;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32C;

/**
 * Finds the valid blocks of a raw recording in file order through a fixed window, never trusting a
 * length: a block is valid when its marker, type, bounded length and CRC-32C all hold and it lies
 * within the file. Bytes that start no valid block are skipped up to the next marker that does;
 * {@link #next} says what it skipped.
 */
final class BlockScanner {
    private static final int WINDOW = 256 * 1024;

    private final FileChannel channel;
    private final long size;
    private final byte[] window = new byte[WINDOW];
    private final ByteBuffer windowBuffer = ByteBuffer.wrap(window);
    private final CRC32C crc = new CRC32C();
    private long windowStart;
    private int windowLength;
    private long position;

    /** The block found by the last {@link #next}: its type, where it starts, its payload in {@link #window()}. */
    int type;
    long blockOffset;
    int payloadIndex;
    int payloadLength;
    /** What the last {@link #next} passed over before the block (or before the end): offset, or -1, and length. */
    long skippedOffset = -1;
    long skippedLength;

    BlockScanner(FileChannel channel, long start) throws IOException {
        this.channel = channel;
        this.size = channel.size();
        this.position = start;
    }

    byte[] window() {
        return window;
    }

    long size() {
        return size;
    }

    /** Where the next block would begin: the end of the last valid block, or of the skipped bytes. */
    long position() {
        return position;
    }

    /**
     * Moves to the next valid block. Returns false at the end of the file; {@link #skippedOffset}
     * is then the start of a damaged tail, or -1.
     */
    boolean next() throws IOException {
        skippedOffset = -1;
        skippedLength = 0;
        while (position < size) {
            if (validBlockAt(position)) {
                if (skippedOffset >= 0) {
                    skippedLength = position - skippedOffset;
                }
                position = blockOffset + FRAME_OVERHEAD + payloadLength;
                return true;
            }
            if (skippedOffset < 0) {
                skippedOffset = position;
            }
            position = nextMarker(position + 1);
        }
        if (skippedOffset >= 0) {
            skippedLength = size - skippedOffset;
        }
        return false;
    }

    private boolean validBlockAt(long p) throws IOException {
        if (size - p < FRAME_OVERHEAD || !load(p, FRAME_HEADER)) {
            return false;
        }
        int at = (int) (p - windowStart);
        if (RawRecordingFormat.getInt(window, at) != MARKER) {
            return false;
        }
        int t = window[at + 4] & 0xFF;
        int length = (window[at + 5] & 0xFF) << 8 | (window[at + 6] & 0xFF);
        if (t < PART || t > PART_END || length > MAX_PAYLOAD || size - p < FRAME_OVERHEAD + length) {
            return false;
        }
        int frame = FRAME_OVERHEAD + length;
        if (!load(p, frame)) {
            return false;
        }
        at = (int) (p - windowStart);
        crc.reset();
        crc.update(window, at + 4, FRAME_HEADER - 4 + length);
        if ((int) crc.getValue() != RawRecordingFormat.getInt(window, at + FRAME_HEADER + length)) {
            return false;
        }
        type = t;
        blockOffset = p;
        payloadIndex = at + FRAME_HEADER;
        payloadLength = length;
        return true;
    }

    /** The offset of the next marker at or after {@code from}, or the file's size. */
    private long nextMarker(long from) throws IOException {
        long p = from;
        while (size - p >= 4) {
            if (!load(p, 4)) {
                return size;
            }
            int at = (int) (p - windowStart);
            int last = windowLength - 4;
            for (; at <= last; at++) {
                if (window[at] == 'L' && RawRecordingFormat.getInt(window, at) == MARKER) {
                    return windowStart + at;
                }
            }
            p = windowStart + at;
        }
        return size;
    }

    /** Makes {@code length} bytes from file offset {@code p} available in the window; false if the file is shorter. */
    private boolean load(long p, int length) throws IOException {
        if (p >= windowStart && p + length <= windowStart + windowLength) {
            return true;
        }
        windowStart = p;
        windowLength = 0;
        windowBuffer.clear();
        while (windowBuffer.hasRemaining()) {
            int read = channel.read(windowBuffer, p + windowBuffer.position());
            if (read < 0) {
                break;
            }
        }
        windowLength = windowBuffer.position();
        return windowLength >= length;
    }
}
