package org.legwatch.host.io;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Statistics as text: six significant digits, so that a PLMI of 32.1416 /h and a p-value of
 * 1.23457E-9 both keep what matters, without exponent notation in CSV files.
 */
public final class Numbers {
    private static final MathContext SIGNIFICANT = new MathContext(6);

    private Numbers() {
    }

    /** The value rounded to 6 significant digits (for JSON). */
    public static BigDecimal significant(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("cannot write " + value);
        }
        BigDecimal rounded = new BigDecimal(value).round(SIGNIFICANT).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
    }

    /** The value rounded to 6 significant digits, without exponent (for CSV); "" when not finite. */
    public static String plain(double value) {
        if (!Double.isFinite(value)) {
            return "";
        }
        String text = significant(value).toPlainString();
        return text.equals("-0") ? "0" : text;
    }
}
