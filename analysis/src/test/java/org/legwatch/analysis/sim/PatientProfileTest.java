package org.legwatch.analysis.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PatientProfileTest {
    /** The mean true PLMI of generated nights of a patient (planning only: no samples are made). */
    private static double meanPlmi(PatientProfile patient, int nights, int legs) {
        double sum = 0;
        for (int seed = 0; seed < nights; seed++) {
            sum += SyntheticNight.generate(NightScenario.standard(patient, 500 + seed).withLegs(legs)).truth().instrumentedScore().plmi();
        }
        return sum / nights;
    }

    @Test
    void aPatientAtAnotherPlmiMakesAboutThatMany() {
        double severe = meanPlmi(PatientProfile.SEVERE, 16, 2);
        double treated = meanPlmi(PatientProfile.SEVERE.withPlmi(15), 16, 2);
        assertTrue(severe > 35 && severe < 60, "severe: " + severe);
        assertTrue(treated > 10 && treated < 21, "severe at 15/h: " + treated);
        assertTrue(meanPlmi(PatientProfile.SEVERE.withPlmi(0), 8, 2) < 3, "no series, hardly any PLMs");
        double share = PatientProfile.SEVERE.rightBandShare();
        assertEquals(0.4 + 0.6 * 0.45, share, 1e-12);
        double oneBand = meanPlmi(PatientProfile.SEVERE.withPlmi(45 / share), 16, 1);
        assertTrue(oneBand > 35 && oneBand < 60, "one band on a patient making 45/share: " + oneBand);
        PatientProfile p = PatientProfile.SEVERE.withPlmi(15);
        assertEquals(15, p.nominalPlmi());
        assertEquals(PatientProfile.SEVERE.seriesLengthMedian(), p.seriesLengthMedian(), "the series themselves are the same");
        assertThrows(IllegalArgumentException.class, () -> PatientProfile.HEALTHY.withPlmi(10), "no series to scale");
    }
}
