package org.legwatch.link.wire;

import java.util.Arrays;

/**
 * Cuts the byte stream from the line into frames at each 0x00 and checks them. It holds at most one
 * stuffed frame of {@link FrameCodec#MAX_STUFFED} bytes: a longer run without a delimiter is
 * discarded up to the next one, so no input makes it allocate more or stall.
 */
public final class FrameDecoder {

    /** Told about each frame, good or rejected, in line order. */
    public interface Sink {
        void frame(Frame frame);

        /** A run of bytes between delimiters that is not a frame; {@code reason} says why. */
        void rejected(String reason);
    }

    private final byte[] stuffed = new byte[FrameCodec.MAX_STUFFED];
    private final byte[] unstuffed = new byte[FrameCodec.MAX_STUFFED];
    private int length;
    private boolean overflowed;

    public void feed(byte[] buf, int off, int len, Sink sink) {
        for (int i = off; i < off + len; i++) {
            byte b = buf[i];
            if (b != 0) {
                if (length < stuffed.length) {
                    stuffed[length++] = b;
                } else {
                    overflowed = true;
                }
                continue;
            }
            if (overflowed) {
                sink.rejected("more than " + FrameCodec.MAX_STUFFED + " bytes without a delimiter");
            } else if (length > 0) {
                deliver(sink);
            }
            length = 0;
            overflowed = false;
        }
    }

    private void deliver(FrameDecoder.Sink sink) {
        Frame frame;
        try {
            int n = Cobs.decode(stuffed, 0, length, unstuffed);
            frame = FrameCodec.parse(Arrays.copyOf(unstuffed, n));
        } catch (WireFormatException e) {
            sink.rejected(e.getMessage());
            return;
        }
        sink.frame(frame);
    }
}
