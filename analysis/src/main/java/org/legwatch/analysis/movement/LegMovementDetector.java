package org.legwatch.analysis.movement;

import org.legwatch.analysis.scoring.Leg;
import org.legwatch.analysis.signal.Ema;
import org.legwatch.analysis.signal.RunningMedian;

/**
 * Finds leg movements in one leg's 3-axis acceleration, one sample at a time.
 *
 * <p>A leg movement seen from the shank is a change of orientation against gravity that lasts as
 * long as the leg is held, with jolts at its start and end. Thresholding the jolts alone splits one
 * movement into two; so the detector follows the deviation of the (lightly smoothed) signal from a
 * <em>resting baseline</em> that is frozen while a movement lasts. The deviation stays high through
 * the hold and falls when the leg returns, which gives the whole movement. A movement ends, as in
 * the EMG rule, at the start of {@code quietS} (0.5 s) of quiet.
 *
 * <p>When the leg does not come back (a turn in bed, or a movement that ends in a new position),
 * the deviation never falls. The detector then looks at motion (the signal minus a short
 * smoothing): once the leg has been still in the new position for {@code holdMaxS}, or has come most
 * of the way back ({@code residualFraction}) and been still for {@code quietS}, the movement ended
 * with its last motion and the baseline moves to the new position.
 *
 * <p>When the leg's flexion turns it about a vertical axis (lying on the side), gravity does not
 * change at all: the rise and the return are two short jolts with perfect stillness between them,
 * and each jolt alone is shorter than a movement. Their kinematics tell them apart from two
 * movements: integrating the acceleration twice over a jolt gives the ankle's net displacement,
 * and a return brings it back. So each movement is held back for {@code returnWindowS}; if the
 * next one starts in that time and brings the leg back, they are reported as one movement from the
 * first onset to the second offset. "Back" is judged two ways: the two net displacements cancel
 * (within {@code returnTolerance}), or, when the flexion axis is tilted enough for gravity to
 * move, the first movement left the leg at a new resting orientation and the second restores the
 * one from before the first (within the same tolerance).
 *
 * <p>Levels are multiples of the recording's own noise floor: running medians of the squared
 * deviation and squared motion while at rest, never below half the sensor's step (measured from
 * the data). Everything is compared squared: no square root per sample, O(1) work, no allocation.
 *
 * <p>Lost samples show as jumps in time: they are counted, and a gap longer than {@code gapResetS}
 * ends a movement and restarts the filters. Not thread-safe; one detector per leg and night.
 */
public final class LegMovementDetector {
    /** An interval longer than this many sample periods is a gap: samples were lost. */
    public static final double GAP_FACTOR = 1.5;

    private final Leg leg;
    private final MovementListener listener;
    private final double period;
    private final double fastAlpha;
    private final double motionAlpha;
    private final double orientationAlpha;
    private final double baselineAlpha;
    private final double onsetLevel;
    private final double offsetLevel;
    private final double motionLevel;
    private final double residualLevel;
    private final int onsetSamples;
    private final double quietS;
    private final double holdMaxS;
    private final double gapResetS;
    /** A step in time longer than this ({@link #GAP_FACTOR} sample periods) means samples were lost. */
    private final double gapS;
    private final double warmUpS;
    private final double returnWindowS;
    private final double returnTolerance2;
    private final RunningMedian deviationFloor;
    private final RunningMedian motionFloor;

    // filters
    private double fx, fy, fz;
    private double mx, my, mz;
    private double ox, oy, oz;
    private double bx, by, bz;
    private double px = Double.NaN, py, pz;
    private double smallestStep = Double.POSITIVE_INFINITY;
    /** {@code smallestStep} as the ordering key of {@link #trackStep}. */
    private long smallestStepKey = Double.doubleToRawLongBits(Double.POSITIVE_INFINITY) + Long.MAX_VALUE;

    // time
    private double firstT = Double.NaN;
    private double lastT = Double.NaN;
    private boolean warm;
    private double warmDeviationSum;
    private double warmMotionSum;
    private long warmCount;

    // movement state
    private boolean moving;
    private int aboveCount;
    private double lastQuietT;
    private double onsetT;
    private double quietSinceT = Double.NaN;
    private double lastMotionT;
    private double peakDeviation2;
    private double peakDisplacement2;
    private long motionSamples;
    /** After a gap, the restarted filters settle until this time; nothing is detected before it. */
    private double settledAtT = Double.NEGATIVE_INFINITY;
    private final double settleS;
    // the ankle's velocity and net displacement since the onset (double integral of the deviation)
    private double vx, vy, vz;
    private double sx, sy, sz;

    // a finished movement held back in case the next one is its return
    private boolean held;
    private double heldOnsetT;
    private double heldOffsetT;
    private double heldPeak2;
    private double heldSx, heldSy, heldSz;
    /** Resting orientation before the held movement, and whether it left the leg somewhere else. */
    private double heldFromX, heldFromY, heldFromZ;
    private boolean heldMovedRest;
    private double heldRestX, heldRestY, heldRestZ;

    // counts
    private long samples;
    private long lostSamples;
    private long gaps;
    private long movements;

    public LegMovementDetector(Leg leg, double sampleRateHz, DetectorSettings settings, MovementListener listener) {
        if (leg == null || leg == Leg.BILATERAL) {
            throw new IllegalArgumentException("a detector watches one leg, RIGHT or LEFT");
        }
        if (!(sampleRateHz >= 1 && sampleRateHz <= 10_000)) {
            throw new IllegalArgumentException("sample rate " + sampleRateHz + " Hz is not plausible");
        }
        this.leg = leg;
        this.listener = listener;
        this.period = 1.0 / sampleRateHz;
        this.gapS = GAP_FACTOR * period;
        this.fastAlpha = Ema.alpha(settings.fastTauS(), sampleRateHz);
        this.motionAlpha = Ema.alpha(settings.motionTauS(), sampleRateHz);
        this.orientationAlpha = Ema.alpha(settings.orientationTauS(), sampleRateHz);
        this.baselineAlpha = Ema.alpha(settings.baselineTauS(), sampleRateHz);
        this.onsetLevel = settings.onsetFactor() * settings.onsetFactor();
        this.offsetLevel = settings.offsetFactor() * settings.offsetFactor();
        this.motionLevel = settings.motionFactor() * settings.motionFactor();
        this.residualLevel = settings.residualFraction() * settings.residualFraction();
        this.onsetSamples = settings.onsetSamples();
        this.quietS = settings.quietS();
        this.holdMaxS = settings.holdMaxS();
        this.gapResetS = settings.gapResetS();
        this.warmUpS = settings.warmUpS();
        this.returnWindowS = settings.returnWindowS();
        // three time constants of the slowest filter that the levels use
        this.settleS = 3 * settings.motionTauS();
        this.returnTolerance2 = settings.returnTolerance() * settings.returnTolerance();
        this.deviationFloor = new RunningMedian(1, settings.floorTauS(), sampleRateHz);
        this.motionFloor = new RunningMedian(1, settings.floorTauS(), sampleRateHz);
    }

    /**
     * Takes the next sample: time in seconds from the start of the recording (strictly increasing;
     * a jump means lost samples), acceleration in g.
     */
    public void accept(double t, double x, double y, double z) {
        double dt = t - lastT;
        // One well-predicted test for the steady state keeps this method small enough for the JIT to
        // inline into the caller's loop; the first sample (lastT is NaN), a time that does not
        // advance, lost samples, the warm-up and the settling after a gap take the long way.
        if (dt > 0 && dt <= gapS && warm && t >= settledAtT) {
            samples++;
            trackStep(x, y, z);
            lastT = t;
            filter(x, y, z);
            detect(t);
        } else {
            acceptUnusual(t, x, y, z, dt);
        }
    }

    private void acceptUnusual(double t, double x, double y, double z, double dt) {
        if (samples == 0) {
            start(t, x, y, z);
            return;
        }
        if (!(dt > 0)) {
            throw new IllegalArgumentException(leg + " leg: sample time " + t + " s does not advance past " + lastT + " s");
        }
        samples++;
        trackStep(x, y, z);
        if (dt > gapS) {
            lostSamples += Math.round(dt / period) - 1;
            gaps++;
            if (dt > gapResetS) {
                restartAfterGap(t, x, y, z);
                return;
            }
        }
        lastT = t;
        filter(x, y, z);
        if (!warm) {
            warmUp(t);
            return;
        }
        if (t < settledAtT) {
            lastQuietT = t;
            return;
        }
        detect(t);
    }

    /**
     * Updates the smoothed signal, the motion filter and the orientation with a new sample. Each
     * step is one fused multiply-add: one rounding instead of two, and a shorter chain from one
     * sample's state to the next.
     */
    private void filter(double x, double y, double z) {
        fx = Math.fma(fastAlpha, x - fx, fx);
        fy = Math.fma(fastAlpha, y - fy, fy);
        fz = Math.fma(fastAlpha, z - fz, fz);
        mx = Math.fma(motionAlpha, fx - mx, mx);
        my = Math.fma(motionAlpha, fy - my, my);
        mz = Math.fma(motionAlpha, fz - mz, mz);
        ox = Math.fma(orientationAlpha, x - ox, ox);
        oy = Math.fma(orientationAlpha, y - oy, oy);
        oz = Math.fma(orientationAlpha, z - oz, oz);
    }

    /** Squared motion: the smoothed signal minus its slower smoothing. */
    private double motion2() {
        double dx = fx - mx;
        double dy = fy - my;
        double dz = fz - mz;
        return dx * dx + dy * dy + dz * dz;
    }

    /** Squared deviation of the smoothed signal from the resting baseline. */
    private double deviation2() {
        double ax = fx - bx;
        double ay = fy - by;
        double az = fz - bz;
        return ax * ax + ay * ay + az * az;
    }

    private void detect(double t) {
        double motion2 = motion2();
        double deviation2 = deviation2();
        double floorMin = 0.25 * smallestStep * smallestStep;
        double deviationNoise = Math.max(deviationFloor.estimate(), floorMin);
        double motionNoise = Math.max(motionFloor.estimate(), floorMin);
        boolean motion = motion2 > motionLevel * motionNoise;
        if (motion) {
            motionSamples++;
        }
        if (!moving) {
            rest(t, deviation2, motion2, deviationNoise);
        } else {
            move(t, deviation2, motion, deviationNoise);
        }
    }

    private void rest(double t, double deviation2, double motion2, double deviationNoise) {
        if (held && t - heldOffsetT > returnWindowS) {
            releaseHeld();
        }
        if (deviation2 > onsetLevel * deviationNoise) {
            if (++aboveCount >= onsetSamples) {
                moving = true;
                onsetT = lastQuietT + period;
                quietSinceT = Double.NaN;
                lastMotionT = t;
                peakDeviation2 = deviation2;
                peakDisplacement2 = displacement2();
                vx = vy = vz = 0;
                sx = sy = sz = 0;
            }
            return;
        }
        aboveCount = 0;
        if (deviation2 < offsetLevel * deviationNoise) {
            lastQuietT = t;
        }
        deviationFloor.accept(deviation2);
        motionFloor.accept(motion2);
        bx = Math.fma(baselineAlpha, ox - bx, bx);
        by = Math.fma(baselineAlpha, oy - by, by);
        bz = Math.fma(baselineAlpha, oz - bz, bz);
    }

    private void move(double t, double deviation2, boolean motion, double deviationNoise) {
        vx += (fx - bx) * period;
        vy += (fy - by) * period;
        vz += (fz - bz) * period;
        sx += vx * period;
        sy += vy * period;
        sz += vz * period;
        if (deviation2 > peakDeviation2) {
            peakDeviation2 = deviation2;
        }
        double displacement2 = displacement2();
        if (displacement2 > peakDisplacement2) {
            peakDisplacement2 = displacement2;
        }
        if (motion) {
            lastMotionT = t;
        }
        if (deviation2 < offsetLevel * deviationNoise) {
            if (Double.isNaN(quietSinceT)) {
                quietSinceT = t;
            }
            if (t - quietSinceT >= quietS) {
                end(quietSinceT, false);
            }
            return;
        }
        quietSinceT = Double.NaN;
        double still = t - lastMotionT;
        if (still >= holdMaxS || (still >= quietS && displacement2 <= residualLevel * peakDisplacement2)) {
            // Still, but not back at rest: the leg has a new resting position.
            end(lastMotionT + period, true);
        }
    }

    private double displacement2() {
        double x = ox - bx;
        double y = oy - by;
        double z = oz - bz;
        return x * x + y * y + z * z;
    }

    private void end(double offsetT, boolean newRestingPosition) {
        moving = false;
        aboveCount = 0;
        quietSinceT = Double.NaN;
        lastQuietT = lastT;
        double fromX = bx;
        double fromY = by;
        double fromZ = bz;
        if (newRestingPosition) {
            bx = mx;
            by = my;
            bz = mz;
        }
        if (held) {
            if (isReturnOfHeld(newRestingPosition)) {
                // The held movement and this one are the rise and the return of one movement.
                report(heldOnsetT, offsetT, Math.max(heldPeak2, peakDeviation2));
                held = false;
                return;
            }
            releaseHeld();
        }
        held = true;
        heldOnsetT = onsetT;
        heldOffsetT = Math.max(onsetT, offsetT);
        heldPeak2 = peakDeviation2;
        heldSx = sx;
        heldSy = sy;
        heldSz = sz;
        heldFromX = fromX;
        heldFromY = fromY;
        heldFromZ = fromZ;
        heldMovedRest = newRestingPosition;
        heldRestX = bx;
        heldRestY = by;
        heldRestZ = bz;
    }

    /** Whether the movement just ended brought the leg back where it was before the held one. */
    private boolean isReturnOfHeld(boolean newRestingPosition) {
        double rx = heldSx + sx;
        double ry = heldSy + sy;
        double rz = heldSz + sz;
        double larger = Math.max(heldSx * heldSx + heldSy * heldSy + heldSz * heldSz, sx * sx + sy * sy + sz * sz);
        if (larger > 0 && rx * rx + ry * ry + rz * rz <= returnTolerance2 * larger) {
            return true;
        }
        if (!heldMovedRest || !newRestingPosition) {
            return false;
        }
        // bx.. is now the rest after this movement; the held one moved the rest from heldFrom.. to where
        // this movement started.
        double awayX = bx - heldFromX;
        double awayY = by - heldFromY;
        double awayZ = bz - heldFromZ;
        double leftX = heldRestX - heldFromX;
        double leftY = heldRestY - heldFromY;
        double leftZ = heldRestZ - heldFromZ;
        double left2 = leftX * leftX + leftY * leftY + leftZ * leftZ;
        return left2 > 0 && awayX * awayX + awayY * awayY + awayZ * awayZ <= returnTolerance2 * left2;
    }

    private void releaseHeld() {
        held = false;
        report(heldOnsetT, heldOffsetT, heldPeak2);
    }

    private void report(double fromT, double toT, double peak2) {
        long onsetUs = Math.round(fromT * 1e6);
        long offsetUs = Math.max(onsetUs, Math.round(toT * 1e6));
        movements++;
        listener.movement(leg, onsetUs, offsetUs, Math.sqrt(peak2));
    }

    private void start(double t, double x, double y, double z) {
        samples = 1;
        firstT = t;
        lastT = t;
        lastQuietT = t;
        fx = mx = ox = bx = x;
        fy = my = oy = by = y;
        fz = mz = oz = bz = z;
        px = x;
        py = y;
        pz = z;
    }

    private void warmUp(double t) {
        // The noise floors start from the mean of the first moments, then track the median.
        double deviation2 = deviation2();
        double motion2 = motion2();
        bx = ox;
        by = oy;
        bz = oz;
        lastQuietT = t;
        warmDeviationSum += deviation2;
        warmMotionSum += motion2;
        warmCount++;
        if (t - firstT >= warmUpS) {
            double floorMin = Math.max(1e-18, 0.25 * smallestStep * smallestStep);
            deviationFloor.reset(Math.max(floorMin, warmDeviationSum / warmCount));
            motionFloor.reset(Math.max(floorMin, warmMotionSum / warmCount));
            warm = true;
        }
    }

    /** The sensor's resolution, from the smallest change seen on any axis. */
    private void trackStep(double x, double y, double z) {
        // The smallest change above 0 on any axis, with one well-predicted branch instead of six
        // (repeated values make "above 0" go either way): the bits of a double >= +0 order like its
        // value, and the key (|bits| + Long.MAX_VALUE, wrapping) moves +0 (no change) to the top,
        // above infinity and NaN, so a plain minimum of the keys gives the smallest change above 0.
        long kx = (Double.doubleToRawLongBits(x - px) & Long.MAX_VALUE) + Long.MAX_VALUE;
        long ky = (Double.doubleToRawLongBits(y - py) & Long.MAX_VALUE) + Long.MAX_VALUE;
        long kz = (Double.doubleToRawLongBits(z - pz) & Long.MAX_VALUE) + Long.MAX_VALUE;
        long k = Math.min(kx, Math.min(ky, kz));
        if (k < smallestStepKey) {
            smallestStepKey = k;
            smallestStep = Double.longBitsToDouble(k - Long.MAX_VALUE);
        }
        px = x;
        py = y;
        pz = z;
    }

    private void restartAfterGap(double t, double x, double y, double z) {
        if (moving) {
            end(Double.isNaN(quietSinceT) ? lastT + period : quietSinceT, false);
        }
        fx = mx = ox = x;
        fy = my = oy = y;
        fz = mz = oz = z;
        double ax = x - bx;
        double ay = y - by;
        double az = z - bz;
        if (warm && ax * ax + ay * ay + az * az > offsetLevel * Math.max(deviationFloor.estimate(), 1e-18)) {
            // The leg moved to a new position while no samples came.
            bx = x;
            by = y;
            bz = z;
        }
        lastT = t;
        lastQuietT = t;
        aboveCount = 0;
        settledAtT = t + settleS;
    }

    /** Ends a movement still under way at the last sample (end of the recording). */
    public void finish() {
        if (moving) {
            end(Double.isNaN(quietSinceT) ? lastT + period : quietSinceT, false);
        }
        if (held) {
            releaseHeld();
        }
    }

    /**
     * No movement this detector reports later will have an onset before this time (microseconds):
     * the onset of the movement under way, or of one that may be starting.
     */
    public long watermarkUs() {
        if (samples == 0) {
            return 0;
        }
        double t = held ? heldOnsetT : moving ? onsetT : Math.min(lastT, lastQuietT + period);
        return Math.round(t * 1e6);
    }

    public Leg leg() {
        return leg;
    }

    public boolean moving() {
        return moving;
    }

    /** Time of the last sample, seconds; NaN before the first. */
    public double lastTime() {
        return lastT;
    }

    /** How many samples so far showed motion (moving or not). */
    public long motionSamples() {
        return motionSamples;
    }

    /** The leg's orientation: the gravity direction in the sensor frame, smoothed (g). */
    public double orientationX() {
        return ox;
    }

    public double orientationY() {
        return oy;
    }

    public double orientationZ() {
        return oz;
    }

    public long samples() {
        return samples;
    }

    public long lostSamples() {
        return lostSamples;
    }

    public long gaps() {
        return gaps;
    }

    public long movements() {
        return movements;
    }
}
