package org.legwatch.analysis.night;

/**
 * What the sensor data of a night was like, per night (legs added up).
 *
 * @param measured        false for a night scored from a movement list, where nothing is known of
 *                        the samples (then every count is 0)
 * @param legs            legs recorded
 * @param samples         samples received
 * @param lostSamples     samples that should have come but did not (gaps in time)
 * @param gaps            how many times samples were lost
 * @param clippedSamples  samples at the sensor's range on some axis
 * @param notWornHours    time the band was judged not worn (no motion at all)
 * @param recordedHours   from the first to the last sample
 */
public record SignalQuality(
        boolean measured,
        int legs,
        long samples,
        long lostSamples,
        long gaps,
        long clippedSamples,
        double notWornHours,
        double recordedHours) {

    /** For a night scored from a movement list. */
    public static final SignalQuality NOT_MEASURED = new SignalQuality(false, 0, 0, 0, 0, 0, 0, 0);

    /** Lost samples as a fraction of the samples expected. */
    public double lostFraction() {
        long expected = samples + lostSamples;
        return expected == 0 ? 0 : lostSamples / (double) expected;
    }
}
