package org.legwatch.analysis.movement;

/**
 * Settings of the leg-movement detector. No threshold here is in g: the detector measures each
 * recording's own noise floor and every level is a multiple of it, so the same settings work for a
 * 1 mg and a 5 mg sensor, at 25 or 200 Hz, on any patient.
 *
 * @param fastTauS          smoothing of the raw samples (takes the edge off sensor noise)
 * @param motionTauS        the signal minus its smoothing over this time is the motion measure
 * @param orientationTauS   smoothing that gives the leg's orientation (dynamic jolts averaged out)
 * @param baselineTauS      how fast the resting baseline follows slow drift while at rest
 * @param floorTauS         how fast the noise floors follow a change of the noise
 * @param warmUpS           time at the start used to seed the noise floors, with no detection
 * @param onsetFactor       a movement starts when the deviation from rest exceeds this multiple of
 *                          its resting median
 * @param offsetFactor      ... and is quiet again below this multiple
 * @param motionFactor      the motion measure above this multiple of its resting median is motion
 * @param onsetSamples      consecutive samples above the onset level that start a movement
 * @param quietS            quiet that ends a movement (the EMG rule: offset at the start of
 *                          >= 0.5 s of quiet)
 * @param holdMaxS          a leg held displaced without motion for longer than this has found a
 *                          new resting position (a posture change): the movement ended with its
 *                          last motion
 * @param residualFraction  after motion stops, a displacement below this fraction of the
 *                          movement's largest displacement is a new resting position too
 * @param gapResetS         a gap in the samples longer than this ends a movement and restarts the
 *                          filters
 * @param returnWindowS     a movement that starts within this time after the end of the one
 *                          before and brings the ankle back where that one took it is that
 *                          movement's return: the two are one held movement
 * @param returnTolerance   "back where it started": the two net displacements cancel to within this
 *                          fraction of the larger
 */
public record DetectorSettings(
        double fastTauS,
        double motionTauS,
        double orientationTauS,
        double baselineTauS,
        double floorTauS,
        double warmUpS,
        double onsetFactor,
        double offsetFactor,
        double motionFactor,
        int onsetSamples,
        double quietS,
        double holdMaxS,
        double residualFraction,
        double gapResetS,
        double returnWindowS,
        double returnTolerance) {

    public static final DetectorSettings DEFAULT = new DetectorSettings(
            0.03, 0.15, 0.5, 5.0, 10.0, 1.0,
            4.5, 2.8, 4.0, 2,
            0.5, 8.0, 0.5, 0.5,
            6.0, 0.5);

    public DetectorSettings {
        if (!(fastTauS > 0 && motionTauS > fastTauS && orientationTauS > 0 && baselineTauS > 0 && floorTauS > 0)) {
            throw new IllegalArgumentException("time constants must be positive, and the motion one longer than the fast one");
        }
        if (!(offsetFactor > 1 && onsetFactor >= offsetFactor && motionFactor > 1)) {
            throw new IllegalArgumentException("need 1 < offsetFactor <= onsetFactor and motionFactor > 1");
        }
        if (onsetSamples < 1 || !(quietS > 0) || !(holdMaxS > quietS) || !(residualFraction > 0 && residualFraction < 1)
                || !(gapResetS > 0) || !(warmUpS >= 0) || !(returnWindowS >= 0)
                || !(returnTolerance > 0 && returnTolerance < 1)) {
            throw new IllegalArgumentException("bad detector settings: " + this);
        }
    }
}
