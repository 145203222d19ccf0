package org.legwatch.analysis.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.legwatch.analysis.response.PatientNight;
import org.legwatch.analysis.response.ResponseSettings;
import org.legwatch.analysis.response.TherapyKind;

/**
 * The proof of the response analysis in small: a few hundred simulated patients per scenario (the
 * full study with 1,000 is {@code legwatch analyze-simulate}, docs/analysis.md). Seeds are fixed, so
 * the figures are reproducible; the thresholds are the targets with the sampling margin a
 * few hundred patients need.
 */
class ResponseSimulationStudyTest {
    private static final ResponseSettings SETTINGS = ResponseSettings.DEFAULT;

    @Test
    void withoutAnEffectTheCallsKeepTheirNominalRateWhereNaiveTestsDoNot() {
        ResponseSimulationStudy.NoEffect f = ResponseSimulationStudy.noEffect(
                ResponseSimulationStudy.run(ResponseScenario.noEffect(), 400, 101, SETTINGS), SETTINGS);
        assertEquals(400, f.evaluable());
        assertTrue(f.responder() <= 0.06, "responder false-positive rate " + f.responder());
        assertTrue(f.rankTest() <= 0.07, "adjusted rank test " + f.rankTest());
        assertTrue(f.significantFall() <= 0.045, "one-sided fall " + f.significantFall());
        assertTrue(f.meanTest() <= 0.07, "adjusted mean test " + f.meanTest());
        assertTrue(f.itsLevel() <= 0.08, "time series, GLS " + f.itsLevel());
        assertTrue(f.coverage() >= 0.92, "coverage of 0 " + f.coverage());
        // The same data through tests that treat nights as independent: far too many false alarms.
        assertTrue(f.naiveRankTest() >= 0.12, "naive rank test " + f.naiveRankTest());
        assertTrue(f.naiveItsLevel() >= 0.10, "ordinary least squares " + f.naiveItsLevel());
        assertEquals(f.meanTrueRho(), f.meanRho(), 0.03);
    }

    @Test
    void aFortyPercentFallIsDetectedCoveredAndTimed() {
        ResponseSimulationStudy.WithEffect f = ResponseSimulationStudy.withEffect(
                ResponseSimulationStudy.run(ResponseScenario.steadyFall(0.4, true), 250, 102, SETTINGS), SETTINGS);
        assertEquals(250, f.evaluable());
        assertEquals(250, f.steadyPatients());
        assertTrue(f.detected() >= 0.80, "detection " + f.detected());
        assertTrue(f.coverage() >= 0.90, "coverage " + f.coverage());
        assertTrue(f.onsetWithin7Days() >= 0.80, "onset within 7 days " + f.onsetWithin7Days());
        assertTrue(Math.abs(f.medianError()) < 1, "median error " + f.medianError());
        // The default rule asks for a 50 % fall: a true 40 % fall rarely passes it, a 25 % threshold usually does.
        assertTrue(f.responder() < 0.2, "responders by the 50 % rule " + f.responder());
        assertTrue(f.responderByThreshold().get(25.0) >= 0.8, "responders by a 25 % rule " + f.responderByThreshold());
    }

    @Test
    void lifelikeResponsesAreTimedAndTheirLossFound() {
        ResponseSimulationStudy.Run run = ResponseSimulationStudy.run(ResponseScenario.lifelikeResponders(), 200, 103, SETTINGS);
        ResponseSimulationStudy.WithEffect f = ResponseSimulationStudy.withEffect(run, SETTINGS);
        ResponseSimulationStudy.Durability d = ResponseSimulationStudy.durability(run, SETTINGS);
        assertTrue(f.onsetWithin7Days() >= 0.80, "onset within 7 days " + f.onsetWithin7Days());
        assertTrue(d.trueLosses() > 50);
        assertTrue(d.lossWithin14Days() >= 0.8, "loss within 14 days " + d.lossWithin14Days());
        assertTrue(d.falseLoss() <= 0.1, "false loss " + d.falseLoss());
        assertTrue(d.ferritinRateError() < 1, "ferritin decay error " + d.ferritinRateError());
    }

    @Test
    void simulatedNightsHaveTheAskedNoiseCorrelationAndGaps() {
        ResponseScenario scenario = ResponseScenario.noEffect();
        double sumSd = 0;
        int recorded = 0;
        int days = 0;
        int patients = 100;
        for (int i = 0; i < patients; i++) {
            SimulatedPatient p = SimulatedPatient.generate(scenario, 7, i);
            List<PatientNight> nights = p.timeline().nights();
            double[] plmi = nights.stream().mapToDouble(PatientNight::plmi).toArray();
            double mean = Arrays.stream(plmi).average().orElseThrow();
            sumSd += Math.sqrt(Arrays.stream(plmi).map(v -> (v - mean) * (v - mean)).sum() / (plmi.length - 1));
            recorded += nights.size();
            days += scenario.daysBefore() + scenario.daysAfter();
            assertEquals(1, p.timeline().events(TherapyKind.IV_IRON).size());
            assertTrue(p.truth().rho() >= 0.3 && p.truth().rho() <= 0.6);
        }
        assertEquals(8, sumSd / patients, 0.6);
        double missing = 1 - recorded / (double) days;
        assertTrue(missing > 0.10 && missing < 0.15, "missing " + missing);
        // The same seed gives the same patient.
        assertEquals(SimulatedPatient.generate(scenario, 7, 3), SimulatedPatient.generate(scenario, 7, 3));
    }

    @Test
    void truthOfAResponse() {
        ResponseTruth t = new ResponseTruth(40, 0.4, 0.5, 10, 10, 100, 20, 15, 130, -20, true, 6);
        assertEquals(0, t.effect(9), 0);
        assertEquals(0.5, t.effect(15), 1e-12);
        assertEquals(1, t.effect(50), 0);
        assertEquals(0.5, t.effect(130), 1e-12);
        assertEquals(0, t.effect(200), 0);
        assertEquals(20, t.plmi(60), 1e-12);
    }
}
