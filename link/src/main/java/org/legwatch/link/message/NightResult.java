package org.legwatch.link.message;

/** Host to device: what became of a night. Only {@link Status#stored()} results let the device forget it. */
public record NightResult(String nightId, Status status, String reason) implements Message {

    public enum Status {
        /** Committed to the host's store now. */
        STORED(1),
        /** The store already had it; nothing was written. */
        ALREADY_STORED(2),
        /** The store failed; send it again later. */
        STORE_FAILED(3),
        /** The night arrived inconsistent (counts or checksum); send it again later. */
        REJECTED(4);

        private final int code;

        Status(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        /** Whether the host has the night in its store. */
        public boolean stored() {
            return this == STORED || this == ALREADY_STORED;
        }

        public static Status of(int code) {
            for (Status s : values()) {
                if (s.code == code) {
                    return s;
                }
            }
            return null;
        }
    }

    @Override
    public MessageType type() {
        return MessageType.NIGHT_RESULT;
    }
}
