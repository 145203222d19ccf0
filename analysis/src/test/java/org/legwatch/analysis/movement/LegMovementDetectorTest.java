package org.legwatch.analysis.movement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.legwatch.analysis.scoring.Leg;

class LegMovementDetectorTest {
    /** A leg lying still, rotated about the sensor's x axis (the shank) by an angle in degrees over time. */
    interface Angle {
        double at(double t);
    }

    /** Rise over riseS, hold, return over riseS: the shank tilts by degrees from start for durationS. */
    static Angle flexion(double start, double durationS, double degrees, double riseS) {
        return t -> {
            if (t < start || t > start + durationS) {
                return 0;
            }
            double u = t - start;
            if (u < riseS) {
                return degrees * 0.5 * (1 - Math.cos(Math.PI * u / riseS));
            }
            if (u > durationS - riseS) {
                return degrees * 0.5 * (1 - Math.cos(Math.PI * (durationS - u) / riseS));
            }
            return degrees;
        };
    }

    record Detected(long onsetUs, long offsetUs, double peakG) {
        double onsetS() {
            return onsetUs / 1e6;
        }

        double offsetS() {
            return offsetUs / 1e6;
        }
    }

    static List<Detected> run(double rateHz, double noiseG, double seconds, Angle tilt, double baseRollDeg) {
        List<Detected> found = new ArrayList<>();
        LegMovementDetector detector = new LegMovementDetector(Leg.RIGHT, rateHz, DetectorSettings.DEFAULT,
                (leg, on, off, peak) -> found.add(new Detected(on, off, peak)));
        SplittableRandom random = new SplittableRandom(7);
        double bias = 0.05;
        for (long i = 0; i < (long) (seconds * rateHz); i++) {
            double t = i / rateHz;
            double angle = Math.toRadians(tilt.at(t));
            double roll = Math.toRadians(baseRollDeg);
            // Gravity in the frame of a horizontal shank along x, rolled about it, then tilted (flexion) about y.
            double gx = Math.sin(angle);
            double gy = Math.cos(angle) * Math.sin(roll);
            double gz = Math.cos(angle) * Math.cos(roll);
            detector.accept(t, gx + bias + noiseG * random.nextGaussian(), gy - bias + noiseG * random.nextGaussian(),
                    gz + noiseG * random.nextGaussian());
        }
        detector.finish();
        return found;
    }

    @Test
    void stillLegGivesNoMovement() {
        assertEquals(List.of(), run(100, 0.003, 600, t -> 0, 20));
    }

    @ParameterizedTest(name = "{0} Hz, noise {1} g")
    @CsvSource({"25, 0.001", "100, 0.001", "100, 0.004", "200, 0.002", "50, 0.005"})
    void heldFlexionIsOneWholeMovement(double rate, double noise) {
        List<Detected> found = run(rate, noise, 120, flexion(60, 3.0, 6, 0.3), 30);
        assertEquals(1, found.size(), () -> "one movement, not split into its jolts: " + found);
        Detected m = found.get(0);
        assertEquals(60.0, m.onsetS(), 0.25, "onset");
        assertEquals(63.0, m.offsetS(), 0.25, "offset");
        assertTrue(m.peakG() > 0.08 && m.peakG() < 0.2, "peak " + m.peakG());
    }

    @Test
    void smallMovementAboveTheNoiseIsFound() {
        List<Detected> found = run(100, 0.002, 120, flexion(50, 1.5, 1.5, 0.2), 0);
        assertEquals(1, found.size(), () -> "a 1.5 degree flexion with 2 mg noise: " + found);
    }

    @Test
    void periodicMovementsAreEachFound() {
        Angle series = t -> {
            double sum = 0;
            for (int k = 0; k < 10; k++) {
                sum += flexion(30 + 20 * k, 2.0, 4, 0.25).at(t);
            }
            return sum;
        };
        List<Detected> found = run(100, 0.002, 260, series, 10);
        assertEquals(10, found.size(), () -> found.toString());
        for (int k = 0; k < 10; k++) {
            assertEquals(30 + 20 * k, found.get(k).onsetS(), 0.25);
            assertEquals(32 + 20 * k, found.get(k).offsetS(), 0.3);
        }
    }

    @Test
    void newRestingPositionEndsTheMovementAndLaterMovementsAreStillFound() {
        // A turn: the leg goes to 40 degrees and stays; then two flexions around the new position.
        Angle turnThenFlex = t -> {
            double base = t < 60 ? 0 : t < 63 ? 40 * (t - 60) / 3 : 40;
            return base + flexion(100, 2, 5, 0.25).at(t) + flexion(130, 2, 5, 0.25).at(t);
        };
        List<Detected> found = run(100, 0.002, 180, turnThenFlex, 0);
        assertEquals(3, found.size(), () -> found.toString());
        assertEquals(60, found.get(0).onsetS(), 0.3);
        assertTrue(found.get(0).offsetS() < 64.5, "the turn ends with its motion: " + found.get(0));
        assertEquals(100, found.get(1).onsetS(), 0.3);
        assertEquals(130, found.get(2).onsetS(), 0.3);
    }

    @Test
    void partialReturnEndsWithTheReturnMotion() {
        // Flexion of 8 degrees held 2 s, returning to 2 degrees (not to rest).
        Angle partial = t -> t < 40 ? 0 : t < 40.3 ? 8 * (t - 40) / 0.3 : t < 42 ? 8 : t < 42.3 ? 8 - 6 * (t - 42) / 0.3 : 2;
        List<Detected> found = run(100, 0.002, 90, partial, 0);
        assertEquals(1, found.size(), () -> found.toString());
        assertEquals(42.3, found.get(0).offsetS(), 0.6, "offset at the end of the return motion");
    }

    @Test
    void lostSamplesAreCountedAndALongGapEndsAMovement() {
        List<Detected> found = new ArrayList<>();
        LegMovementDetector detector = new LegMovementDetector(Leg.LEFT, 100, DetectorSettings.DEFAULT,
                (leg, on, off, peak) -> found.add(new Detected(on, off, peak)));
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 6000; i++) {
            if (i >= 3000 && i < 3032) {
                continue; // a FIFO overrun: 32 samples lost
            }
            double t = i / 100.0;
            detector.accept(t, random.nextGaussian() * 0.002, random.nextGaussian() * 0.002, 1 + random.nextGaussian() * 0.002);
        }
        assertEquals(32, detector.lostSamples());
        assertEquals(1, detector.gaps());
        assertEquals(5968, detector.samples());
        assertEquals(List.of(), found, "a gap alone is not a movement");
    }
}
