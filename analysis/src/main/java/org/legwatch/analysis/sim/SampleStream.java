package org.legwatch.analysis.sim;

import java.util.SplittableRandom;
import org.legwatch.analysis.scoring.Leg;

/**
 * One band's samples, generated on demand in time order: nothing of the night's signal is stored,
 * so memory does not depend on the night's length, and reading allocates nothing per sample.
 *
 * <p>Each sample is what the chip reports at its true sampling instant: the specific force at the
 * sensor (gravity "up" plus the sensor's acceleration, in g), taken into the sensor's axes through
 * the shank's orientation and the band's mounting, then through the unit's sensitivity, cross-axis
 * and zero-g errors (drifting with temperature), white noise, quantisation to the LSB and clipping at
 * the range. The timestamp {@code t} is on the true clock (as a host would stamp the samples), with
 * jitter (truncated at 0.2 sample periods, so it never hides or fakes a lost sample); the samples come at the chip's true rate, which differs from the nominal rate by the clock
 * error, and lost samples leave jumps in {@code t}.
 */
public final class SampleStream {
    /** Step for the second difference of the sensor's position: small against any motion here. */
    private static final double H = 0.002;
    private static final double G = 9.80665;

    private final LegSensor sensor;
    private final Motion[] motions;
    private final double rx;
    private final double ry;
    private final double rz;
    private final SplittableRandom noise;
    private final Kinematics kin = new Kinematics();
    private final double[] f = new double[3];
    private final double maxJitter;
    private long index;
    private int segment;
    private int lostRun;

    SampleStream(LegSensor sensor, Motion[] motions, double[] sensorOffset) {
        this.sensor = sensor;
        this.motions = motions;
        this.rx = sensorOffset[0];
        this.ry = sensorOffset[1];
        this.rz = sensorOffset[2];
        this.noise = new SplittableRandom(sensor.noiseSeed);
        this.maxJitter = 0.2 * sensor.periodS;
    }

    public Leg leg() {
        return sensor.leg;
    }

    /** The configured output rate; the true rate differs by the clock error. */
    public double nominalRateHz() {
        return sensor.rateHz;
    }

    public SensorModel sensorModel() {
        return sensor.model;
    }

    /** Reads up to {@code max} samples into the arrays from index 0; returns how many, 0 at the end. */
    public int read(double[] t, double[] x, double[] y, double[] z, int max) {
        return read(t, x, y, z, 0, max);
    }

    /**
     * Reads up to {@code max} samples into the arrays starting at {@code offset}.
     *
     * @return the number written; 0 once the recording is over
     */
    public int read(double[] t, double[] x, double[] y, double[] z, int offset, int max) {
        if (offset < 0 || max < 0 || offset + max > t.length || offset + max > x.length
                || offset + max > y.length || offset + max > z.length) {
            throw new IndexOutOfBoundsException("offset " + offset + " + max " + max + " exceeds an array");
        }
        int n = 0;
        long[] lostStart = sensor.lostStart;
        while (n < max && index < sensor.total) {
            if (lostRun < lostStart.length && index >= lostStart[lostRun]) {
                index = sensor.lostEnd[lostRun];
                lostRun++;
                continue;
            }
            double tau = sensor.phaseS + index * sensor.periodS;
            specificForce(tau);
            int at = offset + n;
            double j = Math.max(-maxJitter, Math.min(maxJitter, noise.nextGaussian() * sensor.jitterS));
            t[at] = tau + j;
            measure(tau);
            x[at] = f[0];
            y[at] = f[1];
            z[at] = f[2];
            n++;
            index++;
        }
        return n;
    }

    /** Leaves in f the specific force in the shank frame, g. */
    private void specificForce(double tau) {
        while (segment < motions.length - 1 && tau >= motions[segment].endS) {
            segment++;
        }
        Motion m = motions[segment];
        if (m instanceof Motion.Hold hold && !hold.moving()) {
            f[0] = hold.gravityX();
            f[1] = hold.gravityY();
            f[2] = hold.gravityZ();
            return;
        }
        m.pose(tau - H, kin);
        double[] q = kin.q;
        double[] k = kin.knee;
        double x0 = k[0] + q[0] * rx + q[1] * ry + q[2] * rz;
        double y0 = k[1] + q[3] * rx + q[4] * ry + q[5] * rz;
        double z0 = k[2] + q[6] * rx + q[7] * ry + q[8] * rz;
        m.pose(tau + H, kin);
        double x2 = k[0] + q[0] * rx + q[1] * ry + q[2] * rz;
        double y2 = k[1] + q[3] * rx + q[4] * ry + q[5] * rz;
        double z2 = k[2] + q[6] * rx + q[7] * ry + q[8] * rz;
        m.pose(tau, kin);
        double x1 = k[0] + q[0] * rx + q[1] * ry + q[2] * rz;
        double y1 = k[1] + q[3] * rx + q[4] * ry + q[5] * rz;
        double z1 = k[2] + q[6] * rx + q[7] * ry + q[8] * rz;
        double scale = 1 / (H * H * G);
        double ax = (x2 - 2 * x1 + x0) * scale;
        double ay = (y2 - 2 * y1 + y0) * scale;
        double az = (z2 - 2 * z1 + z0) * scale + 1;
        Rotation.applyTransposed(q, ax, ay, az, f);
        m.addShankAcceleration(tau, f);
    }

    /** Turns f (shank frame, g) into the chip's reading, in place. */
    private void measure(double tau) {
        double[] mt = sensor.mountingTranspose;
        double sx = mt[0] * f[0] + mt[1] * f[1] + mt[2] * f[2];
        double sy = mt[3] * f[0] + mt[4] * f[1] + mt[5] * f[2];
        double sz = mt[6] * f[0] + mt[7] * f[1] + mt[8] * f[2];
        double[] gn = sensor.gain;
        double dT = sensor.temperatureRise(tau);
        double sd = sensor.noiseSd;
        double[] b = sensor.bias;
        double[] tc = sensor.tempco;
        double gx = noise.nextGaussian();
        double gy = noise.nextGaussian();
        double gz = noise.nextGaussian();
        f[0] = quantise(gn[0] * sx + gn[1] * sy + gn[2] * sz + b[0] + tc[0] * dT + sd * gx);
        f[1] = quantise(gn[3] * sx + gn[4] * sy + gn[5] * sz + b[1] + tc[1] * dT + sd * gy);
        f[2] = quantise(gn[6] * sx + gn[7] * sy + gn[8] * sz + b[2] + tc[2] * dT + sd * gz);
    }

    private double quantise(double g) {
        SensorModel m = sensor.model;
        double code = Math.rint(g / m.lsbG());
        code = Math.max(m.minCode(), Math.min(m.maxCode(), code));
        return code * m.lsbG();
    }
}
