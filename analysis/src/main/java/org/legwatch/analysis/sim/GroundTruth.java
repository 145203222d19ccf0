package org.legwatch.analysis.sim;

import org.legwatch.analysis.night.TimeSpan;
import java.util.List;
import java.util.Map;
import org.legwatch.analysis.scoring.Leg;
import org.legwatch.analysis.scoring.LegMovement;
import org.legwatch.analysis.scoring.ScoredMovement;

/**
 * What really happened during a synthetic night, to validate a detector against.
 *
 * <p>Movements are those of the legs, not of the sensors: a one-sensor night still has left-leg
 * movements in {@link #movements()} and in {@link #score()} (what polysomnography with both tibialis
 * EMGs would score), while {@link #instrumentedScore()} keeps only the legs that wear a sensor (the
 * best a perfect detector on those sensors could do). Only movements in bed count: walking, standing,
 * fidgeting while sitting in the evening and handling the band are motion but not leg movements.
 * Onset is the start of the shank's rise and offset the end of its return, the mechanical movement
 * an accelerometer can see.
 *
 * @param labelled          true in-bed movements, both legs, in onset order, with their kind
 * @param movements         the same as plain single-leg movements
 * @param inBed             lying in bed, from the end of lying down to the start of sitting up
 *                          (bathroom trips excluded); turn-overs are inside
 * @param asleep            the spans of sleep within time in bed (PLMs are generated only here;
 *                          not observable by the device)
 * @param notWorn           the band still on a table (handling it is neither worn nor still, see
 *                          {@link Activity#HANDLING})
 * @param activities        the whole recording, span by span
 * @param recordingUs       length of the recording
 * @param score             all true movements scored (both legs)
 * @param instrumentedScore only the legs that wear a sensor, scored
 * @param sensors           per instrumented leg, the sensor's realisation and its lost samples
 */
public record GroundTruth(
        List<TrueMovement> labelled,
        List<LegMovement> movements,
        List<TimeSpan> inBed,
        List<TimeSpan> asleep,
        List<TimeSpan> notWorn,
        List<ActivitySpan> activities,
        long recordingUs,
        TruthScore score,
        TruthScore instrumentedScore,
        Map<Leg, SensorTruth> sensors) {

    public GroundTruth {
        labelled = List.copyOf(labelled);
        movements = List.copyOf(movements);
        inBed = List.copyOf(inBed);
        asleep = List.copyOf(asleep);
        notWorn = List.copyOf(notWorn);
        activities = List.copyOf(activities);
        sensors = Map.copyOf(sensors);
    }

    public double hoursInBed() {
        return score.hoursInBed();
    }

    /** The truth scored by WASM 2016 (both legs). */
    public List<ScoredMovement> scored() {
        return score.scored();
    }

    public int plmCount() {
        return score.plmCount();
    }

    /** PLMs in bed per hour in bed, both legs; NaN when the band was never in bed. */
    public double plmi() {
        return score.plmi();
    }

    public long lostSamples(Leg leg) {
        SensorTruth s = sensors.get(leg);
        if (s == null) {
            throw new IllegalArgumentException("no sensor on " + leg);
        }
        return s.samplesLost();
    }

    /** The activity at a time, or null outside the recording. */
    public ActivitySpan activityAt(long us) {
        int lo = 0;
        int hi = activities.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            ActivitySpan a = activities.get(mid);
            if (us < a.startUs()) {
                hi = mid - 1;
            } else if (us >= a.endUs()) {
                lo = mid + 1;
            } else {
                return a;
            }
        }
        return null;
    }
}
