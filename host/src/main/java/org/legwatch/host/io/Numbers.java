package org.legwatch.host.io;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Statistics as numbers to write: six significant digits, so that a PLMI of 32.1416 /h and a
 * p-value of 1.23457E-9 both keep what matters.
 */
public final class Numbers {
    private static final int DIGITS = 6;
    private static final MathContext SIGNIFICANT = new MathContext(DIGITS);

    private Numbers() {
    }

    /** The value rounded to 6 significant digits (for JSON, where a cohort writes millions of them). */
    public static double significant(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("cannot write " + value);
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1e-4 && magnitude < 1e9) {
            double scale = Math.pow(10, DIGITS - 1 - (int) Math.floor(Math.log10(magnitude)));
            return Math.round(value * scale) / scale;
        }
        return value == 0 ? 0 : new BigDecimal(value).round(SIGNIFICANT).doubleValue();
    }

    /** The value rounded to 6 significant digits, without exponent (for CSV); "" when not finite. */
    public static String plain(double value) {
        if (!Double.isFinite(value)) {
            return "";
        }
        BigDecimal rounded = new BigDecimal(value).round(SIGNIFICANT).stripTrailingZeros();
        String text = (rounded.scale() < 0 ? rounded.setScale(0) : rounded).toPlainString();
        return text.equals("-0") ? "0" : text;
    }
}
