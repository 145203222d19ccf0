package org.legwatch.analysis.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PatientProfileTest {
    /** The mean true PLMI of generated nights of a patient (planning only: no samples are made). */
    private static double meanPlmi(PatientProfile patient, int nights) {
        double sum = 0;
        for (int seed = 0; seed < nights; seed++) {
            sum += SyntheticNight.generate(NightScenario.standard(patient, 500 + seed)).truth().instrumentedScore().plmi();
        }
        return sum / nights;
    }

    @Test
    void aPatientAtAnotherPlmiMakesAboutThatMany() {
        double severe = meanPlmi(PatientProfile.SEVERE, 16);
        double treated = meanPlmi(PatientProfile.SEVERE.withPlmi(15), 16);
        assertTrue(severe > 35 && severe < 60, "severe: " + severe);
        assertTrue(treated > 10 && treated < 21, "severe at 15/h: " + treated);
        assertTrue(meanPlmi(PatientProfile.SEVERE.withPlmi(0), 8) < 3, "no series, hardly any PLMs");
        PatientProfile p = PatientProfile.SEVERE.withPlmi(15);
        assertEquals(15, p.nominalPlmi());
        assertEquals(PatientProfile.SEVERE.seriesLengthMedian(), p.seriesLengthMedian(), "the series themselves are the same");
        assertThrows(IllegalArgumentException.class, () -> PatientProfile.HEALTHY.withPlmi(10), "no series to scale");
    }
}
