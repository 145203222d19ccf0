package org.legwatch.analysis.night;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.legwatch.analysis.movement.DetectorSettings;
import org.legwatch.analysis.scoring.Leg;
import org.legwatch.analysis.scoring.ScoringRules;

/**
 * Time in bed from the recorder's posture judgement, on hand-made recordings: each leg's shank held
 * at a given inclination (the band's x axis along the shank) with a little sensor noise, and a
 * brief tilt of the leg every half minute so that the band is plainly worn.
 */
class NightRecorderPostureTest {
    private static final double RATE_HZ = 50;

    /** A stretch of the recording: each leg's shank inclination from horizontal, degrees. */
    private record Stretch(double minutes, double rightDeg, double leftDeg) {
    }

    private static NightSummary record(List<Leg> legs, Stretch... stretches) {
        NightRecorder recorder = new NightRecorder(NightSettings.DEFAULT, DetectorSettings.DEFAULT,
                ScoringRules.WASM_2016, legs, RATE_HZ, m -> { });
        SplittableRandom noise = new SplittableRandom(7);
        double t = 0;
        for (Stretch s : stretches) {
            double end = t + s.minutes() * 60;
            for (; t < end; t += 1 / RATE_HZ) {
                for (Leg leg : legs) {
                    double deg = (leg == Leg.RIGHT ? s.rightDeg() : s.leftDeg()) + tilt(t);
                    double rad = Math.toRadians(deg);
                    recorder.accept(leg, t, Math.sin(rad) + 0.003 * noise.nextGaussian(),
                            0.003 * noise.nextGaussian(), Math.cos(rad) + 0.003 * noise.nextGaussian());
                }
            }
        }
        return recorder.finish();
    }

    /** A 1 s, 6 degree rise and return of the shank every 30 s. */
    private static double tilt(double t) {
        double u = t % 30;
        return u < 1 ? 6 * Math.pow(Math.sin(Math.PI * u), 2) : 0;
    }

    private static List<Double> spanMinutes(NightSummary summary) {
        List<Double> out = new ArrayList<>();
        for (TimeSpan span : summary.inBed()) {
            out.add(Math.round(span.startUs() / 6e6) / 10.0);
            out.add(Math.round(span.endUs() / 6e6) / 10.0);
        }
        return out;
    }

    @Test
    void oneLegFlatAndTheOtherSteepIsAKneeDrawnUpNotGettingUp() {
        NightSummary night = record(List.of(Leg.RIGHT, Leg.LEFT),
                new Stretch(3, 85, 85), // standing
                new Stretch(60, 5, 8), // lying
                new Stretch(10, 5, 70), // the left knee drawn up, the right leg flat
                new Stretch(60, 5, 8),
                new Stretch(3, 85, 85));
        assertEquals(List.of(3.0, 133.0), spanMinutes(night));
    }

    @Test
    void bothLegsSteepIsGettingUp() {
        NightSummary night = record(List.of(Leg.RIGHT, Leg.LEFT),
                new Stretch(3, 85, 85),
                new Stretch(60, 5, 8),
                new Stretch(10, 80, 70), // up for ten minutes
                new Stretch(60, 5, 8),
                new Stretch(3, 85, 85));
        assertEquals(List.of(3.0, 63.0, 73.0, 133.0), spanMinutes(night));
    }

    @Test
    void aShankStretchedOutOnASofaIsNotBedButTheSameShankInBedIsOnceItLiesFlat() {
        NightSummary night = record(List.of(Leg.RIGHT),
                new Stretch(3, 85, 0),
                new Stretch(12, 26, 0), // sofa, the shank at 26 degrees
                new Stretch(3, 85, 0), // to bed
                new Stretch(5, 26, 0), // lying down with the knee a little raised
                new Stretch(60, 6, 0), // then flat
                new Stretch(3, 85, 0));
        assertEquals(List.of(18.0, 83.0), spanMinutes(night));
    }
}
