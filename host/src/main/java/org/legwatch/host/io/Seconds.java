package org.legwatch.host.io;

/** Seconds as text to and from whole microseconds, exactly (no binary floating-point rounding). */
public final class Seconds {
    private Seconds() {
    }

    /**
     * A decimal number of seconds, any precision, as whole microseconds rounded half-even.
     *
     * @throws NumberFormatException when the text is not a finite decimal number in range
     */
    public static long parseMicros(String text) {
        try {
            return new java.math.BigDecimal(text.strip()).movePointRight(6)
                    .setScale(0, java.math.RoundingMode.HALF_EVEN).longValueExact();
        } catch (ArithmeticException e) {
            throw new NumberFormatException("out of range: " + text);
        }
    }

    /** e.g. 22_750_000 us -> "22.750"; rounds half up to the millisecond. */
    public static String millis(long micros) {
        long ms = Math.floorDiv(micros + 500, 1000);
        long whole = Math.floorDiv(ms, 1000);
        long frac = Math.floorMod(ms, 1000);
        StringBuilder text = new StringBuilder(16).append(whole).append('.');
        if (frac < 100) {
            text.append('0');
        }
        if (frac < 10) {
            text.append('0');
        }
        return text.append(frac).toString();
    }
}
