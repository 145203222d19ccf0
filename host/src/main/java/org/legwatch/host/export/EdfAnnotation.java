package org.legwatch.host.export;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One EDF+ annotation: onset in µs from the file's start time (the header's start date and time),
 * duration in µs ({@code -1} for none), and its text. {@link #tal} encodes it as a
 * Time-stamped Annotations List: {@code +onset [0x15 duration] 0x14 text 0x14 0x00}.
 */
public record EdfAnnotation(long onsetUs, long durationUs, String text) {
    public EdfAnnotation {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty() || text.chars().anyMatch(c -> c < 0x20)) {
            throw new IllegalArgumentException("an EDF+ annotation is a non-empty text without control characters: '"
                    + text + "'");
        }
    }

    /** The annotation as a TAL. */
    public byte[] tal() {
        StringBuilder tal = new StringBuilder(32 + text.length());
        tal.append(onsetText(onsetUs));
        if (durationUs >= 0) {
            tal.append('\u0015').append(seconds(durationUs));
        }
        tal.append('\u0014').append(text).append('\u0014').append('\u0000');
        return tal.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The empty TAL that opens every data record's annotations with the record's start: {@code +onset 0x14 0x14 0x00}. */
    public static byte[] timekeeping(long recordOnsetUs) {
        return (onsetText(recordOnsetUs) + "\u0014\u0014\u0000").getBytes(StandardCharsets.US_ASCII);
    }

    private static String onsetText(long us) {
        return (us < 0 ? "-" : "+") + seconds(Math.abs(us));
    }

    /** Seconds from µs, as few digits as say it exactly: 12, 12.5, 0.000001. */
    static String seconds(long us) {
        long whole = us / 1_000_000;
        long fraction = us % 1_000_000;
        if (fraction == 0) {
            return Long.toString(whole);
        }
        String digits = String.format("%06d", fraction);
        int end = digits.length();
        while (digits.charAt(end - 1) == '0') {
            end--;
        }
        return whole + "." + digits.substring(0, end);
    }
}
