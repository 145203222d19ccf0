package org.legwatch.analysis.sim;

/**
 * What a simulated patient's PLM index really did around the infusion (day 0).
 *
 * @param onsetDay  the day the true fall reached half its full size ({@code NaN} without an effect)
 * @param lossDay   the day the true PLMI was back up by half the fall ({@code NaN} when that happens after the simulated nights)
 * @param windowChange the true change of the PLMI (/h), response window minus baseline, averaged over the response window's days
 * @param steadyInWindow the effect is at full size on every day of the response window (the true change is then one number)
 * @param ferritinDecayPerWeek ferritin's true fall after the first month (ug/L per week, positive)
 */
public record ResponseTruth(double baselinePlmi, double rho, double fall, double lagDays, double rampDays, double plateauDays,
                            double returnDays, double onsetDay, double lossDay, double windowChange, boolean steadyInWindow,
                            double ferritinDecayPerWeek) {

    /** The fraction of the full effect present on a day (0 before the lag, 1 on the plateau). */
    public double effect(double day) {
        if (fall == 0 || day < lagDays) {
            return 0;
        }
        double full = lagDays + rampDays;
        if (day < full) {
            return (day - lagDays) / rampDays;
        }
        double end = full + plateauDays;
        if (day < end) {
            return 1;
        }
        return returnDays <= 0 ? 0 : Math.max(0, 1 - (day - end) / returnDays);
    }

    /** The true PLMI (/h) on a day, before night-to-night noise. */
    public double plmi(double day) {
        return baselinePlmi * (1 - fall * effect(day));
    }
}
