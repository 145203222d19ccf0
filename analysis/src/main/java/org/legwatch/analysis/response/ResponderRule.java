package org.legwatch.analysis.response;

import java.util.Locale;

/**
 * When an infusion counts as a response of the PLM index: the median PLMI of the response window is
 * at least {@code minFallPercent} below the baseline window's and, when {@code requireSignificance},
 * the confidence interval of the change (response minus baseline) lies wholly below 0. The default
 * is the clinical definition of the design (a fall of at least 50 % with the interval excluding 0).
 * Setting {@code minFallPercent} to 0 leaves the statistical test alone, which is what
 * {@code significant_fall} reports for every infusion.
 */
public record ResponderRule(double minFallPercent, boolean requireSignificance) {
    public static final ResponderRule DEFAULT = new ResponderRule(50, true);

    public ResponderRule {
        if (!(minFallPercent >= 0 && minFallPercent <= 100)) {
            throw new IllegalArgumentException("the responder's minimum fall must be 0-100 %, not " + minFallPercent);
        }
        if (minFallPercent == 0 && !requireSignificance) {
            throw new IllegalArgumentException("a responder rule needs a minimum fall, the confidence interval, or both");
        }
    }

    /** The call: {@code null} when the windows were too thin to compare. */
    public Boolean decide(OutcomeComparison plmi) {
        if (!plmi.comparable()) {
            return null;
        }
        boolean fellEnough = minFallPercent == 0 || (Double.isFinite(plmi.changePercent()) && -plmi.changePercent() >= minFallPercent);
        boolean significant = !requireSignificance || plmi.shift().ciHigh() < 0;
        return fellEnough && significant;
    }

    /** The rule in words, printed with every result. */
    public String describe(ResponseSettings settings) {
        StringBuilder text = new StringBuilder("responder: ");
        if (minFallPercent > 0) {
            text.append(String.format(Locale.ROOT, "median PLMI of the response window (days %d-%d after the infusion) at least %s %% below "
                            + "the baseline window's (%d days before)", settings.responseStartDay(), settings.responseEndDay(),
                    trim(minFallPercent), settings.baselineDays()));
        } else {
            text.append(String.format(Locale.ROOT, "PLMI of the response window (days %d-%d after the infusion) lower than the "
                    + "baseline window's (%d days before)", settings.responseStartDay(), settings.responseEndDay(), settings.baselineDays()));
        }
        if (requireSignificance) {
            text.append(String.format(Locale.ROOT, " and the %s %% confidence interval of the change (Hodges-Lehmann, "
                    + "adjusted for night-to-night correlation) entirely below 0", trim(100 * settings.confidence())));
        }
        text.append(String.format(Locale.ROOT, "; null (undecided) when either window has fewer than %d valid nights",
                settings.minValidNights()));
        return text.toString();
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
