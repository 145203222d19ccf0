package org.legwatch.analysis.sim;

import java.util.ArrayList;
import java.util.List;
import org.legwatch.analysis.movement.DetectorSettings;
import org.legwatch.analysis.night.NightRecorder;
import org.legwatch.analysis.night.NightSettings;
import org.legwatch.analysis.night.NightSummary;
import org.legwatch.analysis.scoring.Leg;
import org.legwatch.analysis.scoring.ScoredMovement;
import org.legwatch.analysis.scoring.ScoringRules;

/**
 * Runs the device's chain ({@link NightRecorder}) on a synthetic night and compares it with the
 * truth. The truth is what a perfect scorer would make of the legs that wear a band (a one-band
 * night cannot see the other leg; {@link GroundTruth#instrumentedScore()}), scored by the same
 * rules, so every difference is the detector's.
 *
 * <p>A detected movement matches a true one when they overlap in time; each is matched at most
 * once, in onset order.
 */
public final class DetectorValidation {
    private static final int CHUNK = 1024;

    private DetectorValidation() {
    }

    /** The comparison of one night. */
    public record NightResult(
            NightScenario scenario,
            int trueMovements,
            int detectedMovements,
            int matched,
            int truePlms,
            int detectedPlms,
            double truePlmi,
            double detectedPlmi,
            double trueHoursInBed,
            double detectedHoursInBed,
            boolean detectedValid,
            NightSummary summary) {

        public double sensitivity() {
            return trueMovements == 0 ? Double.NaN : matched / (double) trueMovements;
        }

        public double precision() {
            return detectedMovements == 0 ? Double.NaN : matched / (double) detectedMovements;
        }

        /** Time in bed error in minutes (detected minus true). */
        public double hoursInBedErrorMinutes() {
            return 60 * (detectedHoursInBed - trueHoursInBed);
        }

        /** Whether the night had time in bed at all (a band left on the table all night has none). */
        public boolean worn() {
            return trueHoursInBed > 0;
        }

        /** PLMI within max(2/h, 10 %) of the truth. */
        public boolean plmiWithinTolerance() {
            return Math.abs(detectedPlmi - truePlmi) <= Math.max(2.0, 0.1 * truePlmi);
        }

        public boolean severityAgrees() {
            return severityClass(detectedPlmi) == severityClass(truePlmi);
        }
    }

    /** Severity class of a PLM index: 0 (< 15/h), 1 (15-30), 2 (30-50), 3 (>= 50). */
    public static int severityClass(double plmi) {
        return plmi < 15 ? 0 : plmi < 30 ? 1 : plmi < 50 ? 2 : 3;
    }

    /** Runs one night through the recorder with the band's mounting as the device's settings know it. */
    public static NightResult run(NightScenario scenario, DetectorSettings detectorSettings, NightSettings nightSettings) {
        SyntheticNight night = SyntheticNight.generate(scenario);
        NightSettings settings = nightSettings.withShankAxis(scenario.shankAxis().ordinal())
                .withSensorRange(scenario.sensor().maxG());
        List<ScoredMovement> detected = new ArrayList<>();
        NightRecorder recorder = new NightRecorder(settings, detectorSettings, ScoringRules.WASM_2016, night.legs(),
                scenario.sampleRateHz(), detected::add);
        feed(night, recorder::accept);
        NightSummary summary = recorder.finish();
        GroundTruth truth = night.truth();
        TruthScore reference = truth.instrumentedScore();
        int matched = matchByOverlap(reference.scored(), detected);
        return new NightResult(scenario, reference.lmCount(), detected.size(), matched,
                reference.plmCount(), summary.statistics().plm().total(),
                worn(reference.hoursInBed(), reference.plmi()), worn(summary.hoursInBed(), summary.statistics().plmIndex()),
                reference.hoursInBed(), summary.hoursInBed(), summary.valid(), summary);
    }

    private static double worn(double hours, double index) {
        return hours > 0 ? index : 0;
    }

    /** Feeds the legs' samples in time order, as the device receives them. */
    public static void feed(SyntheticNight night, SampleSink recorder) {
        List<Leg> legs = night.legs();
        int n = legs.size();
        SampleStream[] streams = new SampleStream[n];
        double[][][] buffers = new double[n][4][CHUNK];
        int[] count = new int[n];
        int[] next = new int[n];
        for (int i = 0; i < n; i++) {
            streams[i] = night.samples(legs.get(i));
        }
        while (true) {
            int pick = -1;
            for (int i = 0; i < n; i++) {
                if (next[i] == count[i]) {
                    double[][] b = buffers[i];
                    count[i] = streams[i].read(b[0], b[1], b[2], b[3], CHUNK);
                    next[i] = 0;
                }
                if (count[i] > 0 && (pick < 0 || buffers[i][0][next[i]] < buffers[pick][0][next[pick]])) {
                    pick = i;
                }
            }
            if (pick < 0) {
                return;
            }
            double[][] b = buffers[pick];
            int k = next[pick]++;
            recorder.accept(legs.get(pick), b[0][k], b[1][k], b[2][k], b[3][k]);
        }
    }

    /** How many of the detected movements overlap a true one, one to one, in onset order. */
    static int matchByOverlap(List<ScoredMovement> truth, List<ScoredMovement> detected) {
        boolean[] used = new boolean[truth.size()];
        int first = 0;
        int matched = 0;
        for (ScoredMovement d : detected) {
            while (first < truth.size() && truth.get(first).offsetUs() <= d.onsetUs()) {
                first++;
            }
            for (int i = first; i < truth.size() && truth.get(i).onsetUs() < d.offsetUs(); i++) {
                if (!used[i] && truth.get(i).offsetUs() > d.onsetUs()) {
                    used[i] = true;
                    matched++;
                    break;
                }
            }
        }
        return matched;
    }

    /** What many nights add up to. */
    public record Overall(
            int nights,
            int wornNights,
            long trueMovements,
            long detectedMovements,
            long matched,
            double plmiWithinToleranceFraction,
            double severityAgreementFraction,
            double hoursInBedWithin5MinFraction,
            double medianAbsHoursInBedErrorMinutes,
            double meanPlmiError,
            double plmiCorrelation) {

        public double sensitivity() {
            return matched / (double) trueMovements;
        }

        public double precision() {
            return matched / (double) detectedMovements;
        }

        public double f1() {
            double s = sensitivity();
            double p = precision();
            return 2 * s * p / (s + p);
        }
    }

    public static Overall summarise(List<NightResult> results) {
        long trueMovements = 0;
        long detectedMovements = 0;
        long matched = 0;
        int worn = 0;
        int plmiOk = 0;
        int severityOk = 0;
        int tibOk = 0;
        double plmiErrorSum = 0;
        List<Double> tibErrors = new ArrayList<>();
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (NightResult r : results) {
            trueMovements += r.trueMovements();
            detectedMovements += r.detectedMovements();
            matched += r.matched();
            double tibError = Math.abs(r.hoursInBedErrorMinutes());
            tibErrors.add(tibError);
            if (tibError <= 5) {
                tibOk++;
            }
            if (!r.worn()) {
                continue;
            }
            worn++;
            if (r.plmiWithinTolerance()) {
                plmiOk++;
            }
            if (r.severityAgrees()) {
                severityOk++;
            }
            double x = r.truePlmi();
            double y = r.detectedPlmi();
            plmiErrorSum += y - x;
            sx += x;
            sy += y;
            sxx += x * x;
            syy += y * y;
            sxy += x * y;
        }
        tibErrors.sort(Double::compare);
        double median = tibErrors.isEmpty() ? Double.NaN : tibErrors.get(tibErrors.size() / 2);
        double r = (worn * sxy - sx * sy) / Math.sqrt((worn * sxx - sx * sx) * (worn * syy - sy * sy));
        return new Overall(results.size(), worn, trueMovements, detectedMovements, matched,
                plmiOk / (double) worn, severityOk / (double) worn, tibOk / (double) results.size(), median,
                plmiErrorSum / worn, r);
    }
}
