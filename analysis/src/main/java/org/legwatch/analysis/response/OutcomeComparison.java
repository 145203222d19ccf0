package org.legwatch.analysis.response;

/**
 * One outcome (PLM index or periodicity index) compared between an infusion's baseline and
 * response windows, and modelled as an interrupted time series around it.
 *
 * @param baseline      valid nights of the baseline window (days from the infusion)
 * @param response      valid nights of the response window
 * @param comparable    both windows have at least the minimum of valid nights
 * @param changePercent change of the median in % of the baseline median ({@code NaN} when that is 0 or a window is empty)
 * @param shift         Hodges-Lehmann shift with its interval and p-value; {@code null} when not comparable
 * @param meanChange    change of the mean with its interval; {@code null} when not comparable
 * @param timeSeries    segmented regression over the baseline window and days 0 to the response window's end;
 *                      {@code null} with fewer than 3 nights on either side of the infusion
 */
public record OutcomeComparison(DaySeries baseline, DaySeries response, boolean comparable,
                                double baselineMedian, double responseMedian, double changePercent,
                                RankShift.Estimate shift, MeanChange.Estimate meanChange,
                                InterruptedTimeSeries.Result timeSeries) {

    /**
     * @param baseline   valid nights of the baseline window
     * @param response   valid nights of the response window
     * @param around     valid nights from the baseline window's start to the response window's end, for the time series
     */
    public static OutcomeComparison of(DaySeries baseline, DaySeries response, DaySeries around, ResponseSettings settings) {
        boolean comparable = baseline.size() >= settings.minValidNights() && response.size() >= settings.minValidNights();
        double baselineMedian = baseline.median();
        double responseMedian = response.median();
        double percent = baselineMedian > 0 ? 100 * (responseMedian - baselineMedian) / baselineMedian : Double.NaN;
        RankShift.Estimate shift = null;
        MeanChange.Estimate mean = null;
        if (comparable) {
            shift = RankShift.compare(baseline, response, settings.confidence(), true);
            mean = MeanChange.compare(baseline, response, settings.confidence());
        }
        InterruptedTimeSeries.Result its = InterruptedTimeSeries.fit(around, settings.confidence(), true);
        return new OutcomeComparison(baseline, response, comparable, baselineMedian, responseMedian, percent, shift, mean, its);
    }

    public double baselineMean() {
        return baseline.mean();
    }

    public double responseMean() {
        return response.mean();
    }

    /** The interval of the change lies wholly below 0. */
    public boolean significantFall() {
        return comparable && shift.ciHigh() < 0;
    }
}
