package org.legwatch.analysis.response;

/**
 * The choices of the response analysis. Days count from the infusion (day 0 is the evening of the
 * infusion); windows include their first day and exclude their last.
 *
 * @param baselineDays         baseline window: days {@code -baselineDays} to -1
 * @param responseStartDay     response window: days {@code responseStartDay} to {@code responseEndDay - 1}
 * @param responseEndDay       see responseStartDay
 * @param minValidNights       fewer valid nights in either window: no comparison, responder null
 * @param confidence           confidence level of every interval, and 1 - the significance level
 * @param responderRule        what counts as a response
 * @param courseGapDays        IV doses at most this many days after the previous dose form one course (split doses)
 * @param unreliableFerritinDays ferritin drawn fewer than this many days after IV iron is unreliable
 * @param sustainedNights      a response onset needs at least this many valid nights at the lower level
 * @param lossNights           a loss of response needs at least this many valid nights back up
 * @param lossFraction         the share of the fall that must be regained to call a loss
 * @param usualDurationDays    without other evidence, re-dosing is reviewed this long after the infusion
 * @param ferritinTarget       ug/L: ferritin projected to fall below it brings the review forward
 * @param ferritinNightDays    nights within this many days of a ferritin draw are paired with it
 */
public record ResponseSettings(int baselineDays, int responseStartDay, int responseEndDay, int minValidNights,
                               double confidence, ResponderRule responderRule, int courseGapDays,
                               int unreliableFerritinDays, int sustainedNights, int lossNights, double lossFraction,
                               int usualDurationDays, double ferritinTarget, int ferritinNightDays) {
    /** Defaults of the design: 28 baseline days, days 28-84 after, 7 valid nights, 95 %, >= 50 % fall. */
    public static final ResponseSettings DEFAULT = new ResponseSettings(28, 28, 84, 7, 0.95, ResponderRule.DEFAULT, 14,
            28, 7, 14, 0.5, 182, 100, 7);

    public ResponseSettings {
        require(baselineDays >= 1, "the baseline window needs at least 1 day, not " + baselineDays);
        require(responseStartDay >= 0, "the response window cannot start before the infusion (day " + responseStartDay + ")");
        require(responseEndDay > responseStartDay, "the response window must end after it starts (days "
                + responseStartDay + "-" + responseEndDay + ")");
        require(minValidNights >= 3, "at least 3 valid nights per window are needed for a comparison, not " + minValidNights);
        require(confidence > 0.5 && confidence < 1, "confidence must be between 0.5 and 1, not " + confidence);
        require(responderRule != null, "a responder rule is needed");
        require(courseGapDays >= 0, "the course gap cannot be negative");
        require(unreliableFerritinDays >= 0, "the unreliable-ferritin period cannot be negative");
        require(sustainedNights >= 1 && lossNights >= 1, "onset and loss need at least one night");
        require(lossFraction > 0 && lossFraction <= 1, "the loss fraction must be in (0, 1], not " + lossFraction);
        require(usualDurationDays >= 1, "the usual duration must be at least 1 day");
        require(ferritinNightDays >= 0, "the ferritin pairing window cannot be negative");
    }

    /** The defaults with the choices a user sets on the command line. */
    public static ResponseSettings of(int baselineDays, int responseStartDay, int responseEndDay, int minValidNights,
                                      double confidence, ResponderRule rule, int courseGapDays) {
        ResponseSettings d = DEFAULT;
        return new ResponseSettings(baselineDays, responseStartDay, responseEndDay, minValidNights, confidence, rule,
                courseGapDays, d.unreliableFerritinDays, d.sustainedNights, d.lossNights, d.lossFraction,
                d.usualDurationDays, d.ferritinTarget, d.ferritinNightDays);
    }

    public ResponseSettings withResponderRule(ResponderRule rule) {
        return of(baselineDays, responseStartDay, responseEndDay, minValidNights, confidence, rule, courseGapDays);
    }

    /** The responder rule in words. */
    public String ruleText() {
        return responderRule.describe(this);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
