package org.legwatch.analysis.scoring;

/** Which leg a movement was seen on; {@link #BILATERAL} only for movements joined across both legs. */
public enum Leg {
    RIGHT('R'),
    LEFT('L'),
    BILATERAL('B');

    private final char code;

    Leg(char code) {
        this.code = code;
    }

    /** The one-letter code used in movement lists: R, L or B. */
    public char code() {
        return code;
    }

    /** The leg for a code R, L or B; {@code null} for anything else, so callers can name the bad field. */
    public static Leg fromCode(String text) {
        if (text == null || text.length() != 1) {
            return null;
        }
        return switch (text.charAt(0)) {
            case 'R' -> RIGHT;
            case 'L' -> LEFT;
            case 'B' -> BILATERAL;
            default -> null;
        };
    }
}
