package org.legwatch.analysis.response;

/**
 * The iron-treatment check of the AASM 2024 guideline for adults with RLS (Winkelman et al., JCSM
 * 2024): ferritin <= 75 ug/L or TSAT < 20 % -> oral or IV iron; ferritin 75-100 ug/L (TSAT >= 20 %
 * or unknown) -> IV iron only; ferritin above 100 ug/L -> iron generally not indicated. Children
 * (ferritin < 50 ug/L) are not covered: the therapy record carries no age. A ferritin drawn within
 * 4 weeks of IV iron reads falsely high, so the check says so rather than trusting it.
 */
public final class IronGuideline {
    public static final double ORAL_OR_IV_MAX_FERRITIN = 75;
    public static final double IV_ONLY_MAX_FERRITIN = 100;
    public static final double LOW_TSAT_PERCENT = 20;

    private IronGuideline() {
    }

    public enum Recommendation {
        ORAL_OR_IV("oral_or_iv", "oral or IV iron"),
        IV_ONLY("iv_only", "IV iron only"),
        NOT_INDICATED("not_indicated", "iron generally not indicated");

        private final String code;
        private final String text;

        Recommendation(String code, String text) {
            this.code = code;
            this.text = text;
        }

        public String code() {
            return code;
        }

        public String text() {
            return text;
        }
    }

    /**
     * @param tsat        TSAT in %, {@code NaN} when not measured with this ferritin
     * @param unreliable  the ferritin was drawn within 4 weeks after IV iron
     * @param reason      the rule that applied, in words
     */
    public record Check(Recommendation recommendation, double ferritin, double tsat, boolean unreliable, String reason) {
    }

    public static Check check(double ferritin, double tsat, boolean unreliable) {
        if (!(ferritin >= 0)) {
            throw new IllegalArgumentException("ferritin " + ferritin + " ug/L");
        }
        boolean lowTsat = tsat < LOW_TSAT_PERCENT;
        String tsatText = Double.isNaN(tsat) ? "TSAT not measured" : "TSAT " + Math.round(tsat) + " %";
        Recommendation recommendation;
        String reason;
        if (ferritin <= ORAL_OR_IV_MAX_FERRITIN || lowTsat) {
            recommendation = Recommendation.ORAL_OR_IV;
            reason = ferritin <= ORAL_OR_IV_MAX_FERRITIN
                    ? "ferritin " + Math.round(ferritin) + " ug/L <= 75"
                    : "TSAT " + Math.round(tsat) + " % < 20 (ferritin " + Math.round(ferritin) + " ug/L)";
        } else if (ferritin <= IV_ONLY_MAX_FERRITIN) {
            recommendation = Recommendation.IV_ONLY;
            reason = "ferritin " + Math.round(ferritin) + " ug/L in 75-100, " + tsatText;
        } else {
            recommendation = Recommendation.NOT_INDICATED;
            reason = "ferritin " + Math.round(ferritin) + " ug/L > 100, " + tsatText;
        }
        if (unreliable) {
            reason += "; drawn within 4 weeks after IV iron, when ferritin reads falsely high: repeat later";
        }
        return new Check(recommendation, ferritin, tsat, unreliable, "AASM 2024 (adults): " + recommendation.text() + " - " + reason);
    }
}
