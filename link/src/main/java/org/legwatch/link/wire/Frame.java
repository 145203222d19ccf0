package org.legwatch.link.wire;

/**
 * One frame whose CRC was correct, not yet authenticated. {@code body} is the whole unstuffed frame
 * (header, payload, tag, CRC); the accessors read its fields.
 */
public final class Frame {

    private final byte[] body;

    Frame(byte[] body) {
        this.body = body;
    }

    public int version() {
        return body[FrameCodec.VERSION_AT] & 0xFF;
    }

    public int type() {
        return body[FrameCodec.TYPE_AT] & 0xFF;
    }

    public int sessionId() {
        return ((body[2] & 0xFF) << 24) | ((body[3] & 0xFF) << 16) | ((body[4] & 0xFF) << 8) | (body[5] & 0xFF);
    }

    /** The frame's number in its session and direction. */
    public long frameNumber() {
        return (((body[6] & 0xFF) << 24) | ((body[7] & 0xFF) << 16) | ((body[8] & 0xFF) << 8) | (body[9] & 0xFF))
                & 0xFFFF_FFFFL;
    }

    public int payloadLength() {
        return body.length - FrameCodec.OVERHEAD;
    }

    /** A reader over the payload. */
    public WireReader payload() {
        return new WireReader(body, FrameCodec.HEADER_BYTES, payloadLength());
    }

    /** Whether the frame's tag is {@code mac}'s tag of its header and payload. */
    public boolean authenticatedBy(FrameMac mac) {
        int tagAt = body.length - FrameCodec.TRAILER_BYTES;
        byte[] tag = new byte[FrameMac.TAG_BYTES];
        System.arraycopy(body, tagAt, tag, 0, FrameMac.TAG_BYTES);
        return mac.verify(body, 0, tagAt, tag);
    }
}
