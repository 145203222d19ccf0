package org.legwatch.analysis.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.legwatch.analysis.response.DaySeries;
import org.legwatch.analysis.response.InfusionResponse;
import org.legwatch.analysis.response.InterruptedTimeSeries;
import org.legwatch.analysis.response.OutcomeComparison;
import org.legwatch.analysis.response.PatientNight;
import org.legwatch.analysis.response.PatientResponse;
import org.legwatch.analysis.response.Quantiles;
import org.legwatch.analysis.response.RankShift;
import org.legwatch.analysis.response.ResponderRule;
import org.legwatch.analysis.response.ResponseAnalysis;
import org.legwatch.analysis.response.ResponseSettings;

/**
 * The proof of the response analysis: simulated patients with known truth run through
 * {@link ResponseAnalysis}, and the calls compared with the truth. Every rate is over the patients
 * whose windows were comparable (enough valid nights) unless it says otherwise.
 */
public final class ResponseSimulationStudy {
    /** Fall thresholds (%) at which the responder call is also measured, besides the settings' rule. */
    public static final double[] THRESHOLDS = {0, 25, 30, 50};

    private ResponseSimulationStudy() {
    }

    /** The analysed patients of a scenario with their truth. */
    public record Run(ResponseScenario scenario, List<SimulatedPatient> patients, List<PatientResponse> results) {
        InfusionResponse first(int i) {
            return results.get(i).infusions().getFirst();
        }
    }

    public static Run run(ResponseScenario scenario, int patients, long seed, ResponseSettings settings) {
        List<SimulatedPatient> generated = IntStream.range(0, patients)
                .mapToObj(i -> SimulatedPatient.generate(scenario, seed, i)).toList();
        List<PatientResponse> results = generated.stream().map(p -> ResponseAnalysis.analyze(p.timeline(), settings)).toList();
        return new Run(scenario, generated, results);
    }

    /**
     * On patients without any effect: how often each method calls a change.
     *
     * @param responder       the settings' responder rule
     * @param significantFall the interval of the change wholly below 0 (one-sided, nominal {@code (1 - confidence) / 2})
     * @param rankTest        adjusted rank test two-sided p below {@code 1 - confidence}
     * @param naiveRankTest   the same test treating nights as independent
     * @param meanTest        adjusted mean-change test
     * @param itsLevel        segmented regression level change, AR(1) GLS
     * @param naiveItsLevel   the same by ordinary least squares
     * @param responderByThreshold responder call at each fall threshold (%) with the interval required
     * @param periodicityTest adjusted rank test on the periodicity index
     * @param coverage        the shift's interval contains 0
     * @param meanCoverage    the mean change's interval contains 0
     * @param falseOnset      an onset was timed (share of all patients)
     * @param meanRho         average correlation the rank test used
     * @param meanTrueRho     average true correlation
     */
    public record NoEffect(int patients, int evaluable, double responder, double significantFall, double rankTest,
                           double naiveRankTest, double meanTest, double itsLevel, double naiveItsLevel,
                           Map<Double, Double> responderByThreshold, double periodicityTest,
                           double coverage, double meanCoverage, double falseOnset, double meanRho, double meanTrueRho) {
    }

    public static NoEffect noEffect(Run run, ResponseSettings settings) {
        double alpha = 1 - settings.confidence();
        Counter c = new Counter();
        int onsets = 0;
        for (int i = 0; i < run.results().size(); i++) {
            InfusionResponse r = run.first(i);
            if (r.timing().onsetDay() != null) {
                onsets++;
            }
            OutcomeComparison plmi = r.plmi();
            if (!plmi.comparable()) {
                continue;
            }
            c.add("evaluable", true);
            c.add("responder", r.responder());
            c.add("fall", r.significantFall());
            c.add("rank", plmi.shift().pValue() < alpha);
            c.add("naive", RankShift.compare(plmi.baseline(), plmi.response(), settings.confidence(), false).pValue() < alpha);
            c.add("mean", plmi.meanChange().pValue() < alpha);
            c.add("coverage", plmi.shift().ciLow() <= 0 && plmi.shift().ciHigh() >= 0);
            c.add("meanCoverage", plmi.meanChange().ciLow() <= 0 && plmi.meanChange().ciHigh() >= 0);
            c.add("pi", r.periodicity().comparable() && r.periodicity().shift().pValue() < alpha);
            c.sum("rho", plmi.shift().rho());
            c.sum("trueRho", run.patients().get(i).truth().rho());
            DaySeries around = validPlmi(run.patients().get(i), -settings.baselineDays(), settings.responseEndDay());
            InterruptedTimeSeries.Result its = plmi.timeSeries();
            InterruptedTimeSeries.Result naive = InterruptedTimeSeries.fit(around, settings.confidence(), false);
            c.add("its", its != null && its.levelP() < alpha);
            c.add("naiveIts", naive != null && naive.levelP() < alpha);
            for (double t : THRESHOLDS) {
                c.add("threshold" + t, new ResponderRule(t, true).decide(plmi));
            }
        }
        int n = c.count("evaluable");
        return new NoEffect(run.results().size(), n, c.rate("responder", n), c.rate("fall", n), c.rate("rank", n),
                c.rate("naive", n), c.rate("mean", n), c.rate("its", n), c.rate("naiveIts", n),
                thresholdRates(c, n), c.rate("pi", n),
                c.rate("coverage", n), c.rate("meanCoverage", n), onsets / (double) run.results().size(),
                c.total("rho") / n, c.total("trueRho") / n);
    }

    /**
     * On patients with a response.
     *
     * @param detected          significant fall (interval of the change wholly below 0)
     * @param responderByThreshold responder call at each fall threshold (%) with the interval required
     * @param coverage          the shift's interval contains the true change (patients with a steady effect in the window)
     * @param meanCoverage      likewise for the mean change
     * @param steadyPatients    patients with a steady effect in the window
     * @param medianError       median of estimated minus true change (/h), steady patients
     * @param onsetFound        share of detected patients with an onset
     * @param onsetWithin7Days  share of detected patients whose onset is within 7 days of the truth
     * @param itsLevelFall      segmented regression: level change significantly below 0
     */
    public record WithEffect(int patients, int evaluable, double detected, double responder,
                             Map<Double, Double> responderByThreshold, double coverage, double meanCoverage, int steadyPatients,
                             double medianError, double onsetFound, double onsetWithin7Days, double itsLevelFall) {
    }

    public static WithEffect withEffect(Run run, ResponseSettings settings) {
        Counter c = new Counter();
        List<Double> errors = new ArrayList<>();
        int detected = 0;
        int onsetFound = 0;
        int onsetClose = 0;
        Map<Double, Integer> byThreshold = new LinkedHashMap<>();
        for (double t : THRESHOLDS) {
            byThreshold.put(t, 0);
        }
        for (int i = 0; i < run.results().size(); i++) {
            InfusionResponse r = run.first(i);
            ResponseTruth truth = run.patients().get(i).truth();
            OutcomeComparison plmi = r.plmi();
            if (!plmi.comparable()) {
                continue;
            }
            c.add("evaluable", true);
            c.add("responder", r.responder());
            for (double t : THRESHOLDS) {
                ResponderRule rule = new ResponderRule(t, true);
                if (Boolean.TRUE.equals(rule.decide(plmi))) {
                    byThreshold.merge(t, 1, Integer::sum);
                }
            }
            c.add("its", plmi.timeSeries() != null && plmi.timeSeries().levelCiHigh() < 0);
            if (truth.steadyInWindow()) {
                c.add("steady", true);
                c.add("coverage", plmi.shift().ciLow() <= truth.windowChange() && plmi.shift().ciHigh() >= truth.windowChange());
                c.add("meanCoverage", plmi.meanChange().ciLow() <= truth.windowChange()
                        && plmi.meanChange().ciHigh() >= truth.windowChange());
                errors.add(plmi.shift().shift() - truth.windowChange());
            }
            if (r.significantFall()) {
                detected++;
                Integer onset = r.timing().onsetDay();
                if (onset != null) {
                    onsetFound++;
                    if (Math.abs(onset - truth.onsetDay()) <= 7) {
                        onsetClose++;
                    }
                }
            }
        }
        int n = c.count("evaluable");
        Map<Double, Double> rates = new LinkedHashMap<>();
        byThreshold.forEach((t, k) -> rates.put(t, k / (double) n));
        int steady = c.count("steady");
        double[] e = errors.stream().mapToDouble(Double::doubleValue).toArray();
        return new WithEffect(run.results().size(), n, detected / (double) n, c.rate("responder", n), rates,
                c.rate("coverage", steady), c.rate("meanCoverage", steady), steady,
                Quantiles.median(e),
                detected == 0 ? Double.NaN : onsetFound / (double) detected,
                detected == 0 ? Double.NaN : onsetClose / (double) detected, c.rate("its", n));
    }

    /**
     * Loss of response on patients followed long enough.
     *
     * @param trueLosses       detected responders whose true loss lies at least {@code lossNights} nights before the last night
     * @param lossFound        share of those with a loss called
     * @param lossWithin14Days share of those with the loss called within 14 days of the truth
     * @param durable          detected responders without a true loss in their nights
     * @param falseLoss        share of those with a loss called
     * @param ferritinRateError median |estimated - true| ferritin decay (ug/L per week)
     */
    public record Durability(int trueLosses, double lossFound, double lossWithin14Days, int durable, double falseLoss,
                             double ferritinRateError) {
    }

    public static Durability durability(Run run, ResponseSettings settings) {
        int losses = 0;
        int found = 0;
        int close = 0;
        int durable = 0;
        int falseLoss = 0;
        List<Double> ferritinErrors = new ArrayList<>();
        for (int i = 0; i < run.results().size(); i++) {
            InfusionResponse r = run.first(i);
            ResponseTruth truth = run.patients().get(i).truth();
            if (r.ferritinDecay() != null) {
                ferritinErrors.add(Math.abs(-r.ferritinDecay().ratePerWeek() - truth.ferritinDecayPerWeek()));
            }
            if (!r.significantFall() || r.timing().onsetDay() == null) {
                continue;
            }
            Integer called = r.timing().lossDay();
            if (Double.isFinite(truth.lossDay()) && truth.lossDay() <= run.scenario().daysAfter() - settings.lossNights()) {
                losses++;
                if (called != null) {
                    found++;
                    if (Math.abs(called - truth.lossDay()) <= 14) {
                        close++;
                    }
                }
            } else if (Double.isNaN(truth.lossDay())) {
                durable++;
                if (called != null) {
                    falseLoss++;
                }
            }
        }
        double[] e = ferritinErrors.stream().mapToDouble(Double::doubleValue).toArray();
        return new Durability(losses, found / (double) losses, close / (double) losses, durable, falseLoss / (double) durable,
                Quantiles.median(e));
    }

    private static Map<Double, Double> thresholdRates(Counter c, int n) {
        Map<Double, Double> rates = new LinkedHashMap<>();
        for (double t : THRESHOLDS) {
            rates.put(t, c.rate("threshold" + t, n));
        }
        return rates;
    }

    /** One point of the detection curve: a baseline PLMI and a true fall. */
    public record CurvePoint(double baselinePlmi, double fall, double rho, int evaluable, double detected, double responder) {
    }

    public static List<CurvePoint> detectionCurve(double[] baselines, double[] falls, double rho, int patients, long seed,
                                                  ResponseSettings settings) {
        List<CurvePoint> points = new ArrayList<>();
        for (double baseline : baselines) {
            for (double fall : falls) {
                Run run = run(ResponseScenario.steadyFallAt(fall, baseline, rho), patients, seed, settings);
                WithEffect figures = withEffect(run, settings);
                points.add(new CurvePoint(baseline, fall, rho, figures.evaluable(), figures.detected(), figures.responder()));
            }
        }
        return points;
    }

    private static DaySeries validPlmi(SimulatedPatient patient, int from, int to) {
        long day0 = patient.infusionDate().toEpochDay();
        List<PatientNight> nights = patient.timeline().nights();
        int[] days = new int[nights.size()];
        double[] values = new double[nights.size()];
        int n = 0;
        for (PatientNight night : nights) {
            int day = (int) (night.date().toEpochDay() - day0);
            if (night.valid() && day >= from && day < to) {
                days[n] = day;
                values[n++] = night.plmi();
            }
        }
        return new DaySeries(Arrays.copyOf(days, n), Arrays.copyOf(values, n));
    }

    /** Named counts and sums. */
    private static final class Counter {
        private final Map<String, Integer> counts = new LinkedHashMap<>();
        private final Map<String, Double> sums = new LinkedHashMap<>();

        void add(String name, Boolean hit) {
            counts.merge(name, Boolean.TRUE.equals(hit) ? 1 : 0, Integer::sum);
        }

        void sum(String name, double value) {
            sums.merge(name, value, Double::sum);
        }

        int count(String name) {
            return counts.getOrDefault(name, 0);
        }

        double rate(String name, int of) {
            return of == 0 ? Double.NaN : count(name) / (double) of;
        }

        double total(String name) {
            return sums.getOrDefault(name, 0.0);
        }
    }
}
