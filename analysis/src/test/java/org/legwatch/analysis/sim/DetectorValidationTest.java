package org.legwatch.analysis.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.legwatch.analysis.movement.DetectorSettings;
import org.legwatch.analysis.night.NightSettings;
import org.legwatch.analysis.scoring.Leg;
import org.legwatch.analysis.scoring.ScoredMovement;

class DetectorValidationTest {
    private static ScoredMovement m(double on, double off) {
        return new ScoredMovement((long) (on * 1e6), (long) (off * 1e6), Leg.RIGHT, 1, true, false, 0, -1, false, false, false);
    }

    @Test
    void matchingIsOneToOneByOverlap() {
        List<ScoredMovement> truth = List.of(m(10, 12), m(20, 22), m(30, 31), m(40, 41));
        // one detection spanning two true movements matches one; touching is not overlapping
        List<ScoredMovement> detected = List.of(m(9, 11), m(19, 32), m(41, 42), m(50, 51));
        assertEquals(2, DetectorValidation.matchByOverlap(truth, detected));
    }

    @Test
    void severityClassesFollowTheClinicalBounds() {
        assertEquals(0, DetectorValidation.severityClass(14.99));
        assertEquals(1, DetectorValidation.severityClass(15));
        assertEquals(2, DetectorValidation.severityClass(30));
        assertEquals(3, DetectorValidation.severityClass(50));
    }

    /** A regression guard on varied nights (the full figures are in docs/validation.md). */
    @Test
    void variedNightsStayWithinTheTargets() {
        List<DetectorValidation.NightResult> results = LongStream.range(1000, 1008)
                .mapToObj(seed -> DetectorValidation.run(NightScenario.random(seed), DetectorSettings.DEFAULT, NightSettings.DEFAULT))
                .toList();
        DetectorValidation.Overall overall = DetectorValidation.summarise(results);
        assertTrue(overall.f1() >= 0.95, "F1 " + overall.f1());
        assertEquals(1.0, overall.plmiWithinToleranceFraction(), "PLMI within max(2/h, 10%) on every worn night");
        assertTrue(overall.medianAbsHoursInBedErrorMinutes() < 2, "median time-in-bed error " + overall.medianAbsHoursInBedErrorMinutes());
    }
}
