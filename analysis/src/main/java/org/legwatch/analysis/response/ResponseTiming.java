package org.legwatch.analysis.response;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * When the PLM index responded to an infusion, whether and when the response was lost, and when to
 * review re-dosing.
 *
 * <p><b>Onset</b> (only after a significant fall): the best single downward step
 * ({@link StepChange}) through the baseline nights and the nights from day 0 to the end of the
 * response window, the step placed after day 0 with at least {@code sustainedNights} valid nights
 * after it. The onset is the first night at the lower level: a drop that is sustained, because the
 * whole later segment sits lower, and the first, because one step explains the series best only at
 * the drop where the level changes.
 *
 * <p><b>Loss</b>: the best upward step in the nights from the onset to the end of follow-up (the
 * next course or the last night), with at least {@code sustainedNights} before and
 * {@code lossNights} after it, is a loss when the later level has regained at least
 * {@code lossFraction} of the fall (baseline mean minus responding mean) and the rise is significant
 * ({@link RankShift#test}, two-sided at the confidence level). Otherwise the response lasted at least to the last
 * night (censored).
 *
 * <p><b>Review date</b>: the loss date when the response was lost; else the earliest of the date
 * the PLMI trend since onset (AR(1) regression, significant rise only) projects back up by
 * {@code lossFraction} of the fall, the date ferritin projects below the target, and the infusion
 * plus the usual duration of benefit (about 6 months).
 *
 * @param onsetDay        days from the infusion to the first night at the lower level; {@code null} without onset
 * @param lossDay         days from the infusion to the first night back up; {@code null} without loss
 * @param durationDays    onset to loss, or onset to the last night when censored; {@code null} without onset
 * @param durationCensored the response was still on at the last night
 * @param respondingLevel mean PLMI from onset to loss (or to the end of follow-up)
 * @param reviewDate      {@code null} without onset
 */
public record ResponseTiming(Integer onsetDay, LocalDate onsetDate, Integer lossDay, LocalDate lossDate,
                             Integer durationDays, boolean durationCensored, double respondingLevel,
                             LocalDate reviewDate, String reviewBasis) {

    static final ResponseTiming NONE = new ResponseTiming(null, null, null, null, null, false, Double.NaN, null,
            "no sustained fall of the PLM index after this infusion: no response to follow");

    /**
     * @param baseline  valid PLMI nights of the baseline window (days from the infusion)
     * @param followUp  valid PLMI nights from day 0 to the end of follow-up
     * @param decay     ferritin decay after the infusion, or {@code null}
     */
    static ResponseTiming of(LocalDate infusion, OutcomeComparison plmi, DaySeries baseline, DaySeries followUp,
                             FerritinDecay decay, ResponseSettings settings) {
        if (!plmi.significantFall()) {
            return NONE;
        }
        DaySeries early = baseline.followedBy(followUp.between(0, settings.responseEndDay()));
        StepChange.Step onsetStep = StepChange.best(early.values(), baseline.size(), settings.sustainedNights(), -1);
        if (onsetStep == null) {
            return NONE;
        }
        int onset = early.days()[onsetStep.index()];
        double baselineLevel = baseline.mean();
        DaySeries responding = followUp.between(onset, Integer.MAX_VALUE);
        int lastDay = responding.days()[responding.size() - 1];

        StepChange.Step lossStep = StepChange.best(responding.values(), settings.sustainedNights(), settings.lossNights(), 1);
        Integer loss = null;
        double respondingLevel = responding.mean();
        if (lossStep != null) {
            double fall = baselineLevel - lossStep.before();
            boolean regained = fall > 0 && lossStep.after() - lossStep.before() >= settings.lossFraction() * fall;
            if (regained) {
                DaySeries before = responding.slice(0, lossStep.index());
                DaySeries after = responding.slice(lossStep.index(), responding.size());
                RankShift.Test rise = RankShift.test(before, after, settings.confidence(), true);
                if (rise.z() > 0 && rise.pValue() < 1 - settings.confidence()) {
                    loss = responding.days()[lossStep.index()];
                    respondingLevel = lossStep.before();
                }
            }
        }
        LocalDate onsetDate = infusion.plusDays(onset);
        if (loss != null) {
            LocalDate lossDate = infusion.plusDays(loss);
            String basis = String.format(Locale.ROOT, "response lost: from day %d the PLMI regained at least %.0f %% of its fall "
                    + "(%.1f -> %.1f -> %.1f /h); review re-dosing now", loss, 100 * settings.lossFraction(),
                    baselineLevel, lossStep.before(), lossStep.after());
            return new ResponseTiming(onset, onsetDate, loss, lossDate, loss - onset, false, respondingLevel, lossDate, basis);
        }
        List<String> reasons = new ArrayList<>();
        LocalDate review = infusion.plusDays(settings.usualDurationDays());
        reasons.add(String.format(Locale.ROOT, "usual benefit of about %d days after the infusion: %s", settings.usualDurationDays(), review));
        LocalDate trend = trendProjection(infusion, responding, baselineLevel, respondingLevel, settings);
        if (trend != null) {
            reasons.add(String.format(Locale.ROOT, "PLMI rising since onset, projected to regain %.0f %% of the fall by %s",
                    100 * settings.lossFraction(), trend));
            review = earlier(review, trend);
        }
        if (decay != null && decay.projectedBelowTarget() != null) {
            reasons.add(String.format(Locale.ROOT, "ferritin falling %.1f ug/L per week, projected below %.0f ug/L by %s",
                    -decay.ratePerWeek(), decay.target(), decay.projectedBelowTarget()));
            review = earlier(review, decay.projectedBelowTarget());
        }
        String basis = "response ongoing at the last night (day " + lastDay + "); review at the earliest of: " + String.join("; ", reasons);
        return new ResponseTiming(onset, onsetDate, null, null, lastDay - onset, true, respondingLevel, review, basis);
    }

    private static LocalDate trendProjection(LocalDate infusion, DaySeries responding, double baselineLevel,
                                             double respondingLevel, ResponseSettings settings) {
        if (responding.size() < settings.sustainedNights() + settings.lossNights()) {
            return null;
        }
        double[][] design = new double[responding.size()][];
        for (int i = 0; i < design.length; i++) {
            design[i] = new double[] {1, responding.days()[i]};
        }
        Ar1Regression.Fit fit = Ar1Regression.fit(responding.days(), responding.values(), design, settings.confidence(), true);
        double slope = fit.coefficient(1);
        if (!(slope > 0) || fit.coefficientTest(1).pValue() >= 1 - settings.confidence()) {
            return null;
        }
        double target = respondingLevel + settings.lossFraction() * (baselineLevel - respondingLevel);
        double day = (target - fit.coefficient(0)) / slope;
        return infusion.plusDays(Math.max(responding.days()[0], Math.round(day)));
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return b.isBefore(a) ? b : a;
    }
}
