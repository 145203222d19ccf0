package org.legwatch.analysis.response;

/**
 * Segmented regression around an infusion on day 0: {@code y = b0 + b1 t + b2 post + b3 t post}
 * with {@code t} the day and {@code post} 1 from day 0 on. {@code b2} is the level change at the
 * infusion (the jump of the fitted line), {@code b3} the change of slope; errors AR(1) by
 * {@link Ar1Regression}. Slopes are reported per week.
 */
public final class InterruptedTimeSeries {
    private InterruptedTimeSeries() {
    }

    /**
     * @param baselineSlopePerWeek trend before the infusion
     * @param levelChange          jump at day 0
     * @param slopeChangePerWeek   slope after minus slope before
     */
    public record Result(int nights, double rho,
                         double baselineSlopePerWeek,
                         double levelChange, double levelCiLow, double levelCiHigh, double levelP,
                         double slopeChangePerWeek, double slopeCiLow, double slopeCiHigh, double slopeP) {
    }

    /** Needs at least 3 nights on each side of day 0 (returns {@code null} otherwise). */
    public static Result fit(DaySeries nights, double confidence, boolean adjustForAutocorrelation) {
        int[] days = nights.days();
        int before = 0;
        for (int d : days) {
            if (d < 0) {
                before++;
            }
        }
        if (before < 3 || days.length - before < 3) {
            return null;
        }
        double[][] design = new double[days.length][];
        for (int i = 0; i < days.length; i++) {
            double post = days[i] >= 0 ? 1 : 0;
            design[i] = new double[] {1, days[i], post, post * days[i]};
        }
        Ar1Regression.Fit fit = Ar1Regression.fit(days, nights.values(), design, confidence, adjustForAutocorrelation);
        Ar1Regression.CoefficientTest level = fit.coefficientTest(2);
        Ar1Regression.CoefficientTest slope = fit.coefficientTest(3);
        return new Result(days.length, fit.rho(), 7 * fit.coefficient(1),
                level.estimate(), level.ciLow(), level.ciHigh(), level.pValue(),
                7 * slope.estimate(), 7 * slope.ciLow(), 7 * slope.ciHigh(), slope.pValue());
    }
}
