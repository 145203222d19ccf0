package org.legwatch.analysis.sim;

/**
 * One piece of a leg's motion over [start, end): the orientation of the shank and the position of
 * its pivot (the knee) as smooth functions of time. The sensor sits a lever length below the pivot,
 * so the sensor's position, and by differentiating twice its dynamic acceleration, follows from the
 * pose; only what a rigid-body pose cannot carry (muscle tremor, heel-strike impacts) is added as an
 * acceleration directly.
 *
 * <p>Consecutive motions of a leg meet in the same pose with zero velocity and acceleration, and a
 * motion evaluated outside its interval stays in its end pose, so finite differences across a
 * boundary are exact. Frames: world z is up; the shank frame's x runs along the shank towards the
 * knee, y points anteriorly out of the shin, z = x cross y points to the body's left.
 */
abstract sealed class Motion permits Motion.Hold, Motion.Pulse, Motion.Blend, Motion.Gait {
    final long startUs;
    final long endUs;
    final double startS;
    final double endS;

    Motion(long startUs, long endUs) {
        if (endUs < startUs) {
            throw new IllegalArgumentException("motion ends before it starts");
        }
        this.startUs = startUs;
        this.endUs = endUs;
        this.startS = startUs / 1e6;
        this.endS = endUs / 1e6;
    }

    /** Whether the pose changes at all; a still pose has no dynamic acceleration to compute. */
    abstract boolean moving();

    /** Fills k.q and k.knee for time t (seconds). */
    abstract void pose(double t, Kinematics k);

    abstract double[] endOrientation();

    abstract double[] endKnee();

    /** Adds accelerations (g, shank frame) that the rigid pose does not carry. */
    void addShankAcceleration(double t, double[] f) {
    }

    double clampedOffset(double t) {
        return Math.max(0, Math.min(endS - startS, t - startS));
    }

    /**
     * A still pose, optionally with postural sway. Sway (standing) is the body's inverted-pendulum
     * balance: a fraction of a degree at 0.1-0.5 Hz, faded in and out so it joins still neighbours.
     */
    static final class Hold extends Motion {
        private final double[] q;
        private final double[] knee;
        private final double swayRad;
        private final double[] swayAxis;
        private final double f1;
        private final double f2;
        private final double p1;
        private final double p2;

        Hold(long startUs, long endUs, double[] q, double[] knee) {
            this(startUs, endUs, q, knee, 0, null, 0, 0, 0, 0);
        }

        Hold(long startUs, long endUs, double[] q, double[] knee, double swayRad, double[] swayAxis,
             double f1, double f2, double p1, double p2) {
            super(startUs, endUs);
            this.q = q.clone();
            this.knee = knee.clone();
            this.swayRad = swayRad;
            this.swayAxis = swayAxis;
            this.f1 = f1;
            this.f2 = f2;
            this.p1 = p1;
            this.p2 = p2;
        }

        @Override
        boolean moving() {
            return swayRad != 0;
        }

        /** Gravity (up, 1 g) in the shank frame: Q^T e_z, the third row of Q. */
        double gravityX() {
            return q[6];
        }

        double gravityY() {
            return q[7];
        }

        double gravityZ() {
            return q[8];
        }

        @Override
        void pose(double t, Kinematics k) {
            System.arraycopy(knee, 0, k.knee, 0, 3);
            if (swayRad == 0) {
                System.arraycopy(q, 0, k.q, 0, 9);
                return;
            }
            double u = clampedOffset(t);
            double fade = Math.min(1, Math.min(u, endS - startS - u) / 2.0);
            double env = Draw.minJerk(Math.max(0, fade));
            double a = swayRad * env * (0.7 * Math.sin(2 * Math.PI * f1 * u + p1)
                    + 0.3 * Math.sin(2 * Math.PI * f2 * u + p2));
            Rotation.about(swayAxis[0], swayAxis[1], swayAxis[2], a, k.rot);
            Rotation.multiply(q, k.rot, k.q);
        }

        @Override
        double[] endOrientation() {
            return q.clone();
        }

        @Override
        double[] endKnee() {
            return knee.clone();
        }
    }

    /**
     * A leg movement: the shank rotates about a fixed axis through the knee, following an
     * {@link AngleProfile}, while the knee stays put. The sensor, a lever below the knee, therefore
     * also translates, which is where most of the dynamic acceleration at the start and end comes
     * from. While the muscles hold the leg up, physiological tremor (8-12 Hz, a few mg) rides on the
     * signal; its envelope follows how far the leg is out of rest.
     */
    static final class Pulse extends Motion {
        private final double[] qRest;
        private final double[] knee;
        private final double[] axis;
        private final AngleProfile profile;
        private final double tremorG;
        private final double[] tremorDir;
        private final double tf1;
        private final double tf2;
        private final double tp1;
        private final double tp2;

        Pulse(long startUs, long endUs, double[] qRest, double[] knee, double[] axis, AngleProfile profile,
              double tremorG, double[] tremorDir, double tf1, double tf2, double tp1, double tp2) {
            super(startUs, endUs);
            this.qRest = qRest.clone();
            this.knee = knee.clone();
            this.axis = axis.clone();
            this.profile = profile;
            this.tremorG = tremorG;
            this.tremorDir = tremorDir.clone();
            this.tf1 = tf1;
            this.tf2 = tf2;
            this.tp1 = tp1;
            this.tp2 = tp2;
        }

        @Override
        boolean moving() {
            return true;
        }

        @Override
        void pose(double t, Kinematics k) {
            double theta = profile.angle(t - startS);
            Rotation.about(axis[0], axis[1], axis[2], theta, k.rot);
            Rotation.multiply(qRest, k.rot, k.q);
            System.arraycopy(knee, 0, k.knee, 0, 3);
        }

        @Override
        void addShankAcceleration(double t, double[] f) {
            if (tremorG == 0 || profile.maxAbs() == 0 || t <= startS || t >= endS) {
                return;
            }
            double env = Math.abs(profile.angle(t - startS)) / profile.maxAbs();
            double u = t - startS;
            double a = tremorG * env * (Math.sin(2 * Math.PI * tf1 * u + tp1)
                    + 0.5 * Math.sin(2 * Math.PI * tf2 * u + tp2)) / 1.5;
            f[0] += a * tremorDir[0];
            f[1] += a * tremorDir[1];
            f[2] += a * tremorDir[2];
        }

        @Override
        double[] endOrientation() {
            return Rotation.multiply(qRest, Rotation.about(axis, profile.endAngle()));
        }

        @Override
        double[] endKnee() {
            return knee.clone();
        }
    }

    /**
     * A large motion from one pose to another: the geodesic rotation between the two orientations,
     * with minimum-jerk timing, plus the pivot moving, plus a few extra rotation-and-lift "wobbles"
     * (legs drawn up and pushed off while turning over; the band waved about while being strapped
     * on). Used for turn-overs, lying down, sitting up, standing up and handling the band.
     */
    static final class Blend extends Motion {
        private final double[] q0;
        private final double[] axis;
        private final double angle;
        private final double[] k0;
        private final double[] dk;
        private final double[] wStart;
        private final double[] wDur;
        private final double[] wAmp;
        private final double[][] wAxis;
        private final double[][] wDisp;
        private final double[] q1;

        Blend(long startUs, long endUs, double[] q0, double[] q1, double[] k0, double[] k1,
              double[] wStart, double[] wDur, double[] wAmp, double[][] wAxis, double[][] wDisp) {
            super(startUs, endUs);
            this.q0 = q0.clone();
            this.q1 = q1.clone();
            double[] rel = new double[9];
            Rotation.multiply(Rotation.transpose(q0), q1, rel);
            double[] v = Rotation.log(rel);
            this.angle = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
            this.axis = angle == 0 ? new double[] {1, 0, 0}
                    : new double[] {v[0] / angle, v[1] / angle, v[2] / angle};
            this.k0 = k0.clone();
            this.dk = new double[] {k1[0] - k0[0], k1[1] - k0[1], k1[2] - k0[2]};
            this.wStart = wStart.clone();
            this.wDur = wDur.clone();
            this.wAmp = wAmp.clone();
            this.wAxis = wAxis;
            this.wDisp = wDisp;
        }

        @Override
        boolean moving() {
            return true;
        }

        @Override
        void pose(double t, Kinematics k) {
            double u = clampedOffset(t) / Math.max(1e-9, endS - startS);
            double s = Draw.minJerk(u);
            Rotation.about(axis[0], axis[1], axis[2], s * angle, k.rot);
            Rotation.multiply(q0, k.rot, k.q);
            k.knee[0] = k0[0] + s * dk[0];
            k.knee[1] = k0[1] + s * dk[1];
            k.knee[2] = k0[2] + s * dk[2];
            for (int i = 0; i < wStart.length; i++) {
                double b = Draw.bump((t - wStart[i]) / wDur[i]);
                if (b == 0) {
                    continue;
                }
                double[] ax = wAxis[i];
                Rotation.about(ax[0], ax[1], ax[2], wAmp[i] * b, k.rot);
                Rotation.multiply(k.q, k.rot, k.tmp);
                System.arraycopy(k.tmp, 0, k.q, 0, 9);
                k.knee[0] += b * wDisp[i][0];
                k.knee[1] += b * wDisp[i][1];
                k.knee[2] += b * wDisp[i][2];
            }
        }

        @Override
        double[] endOrientation() {
            return q1.clone();
        }

        @Override
        double[] endKnee() {
            return new double[] {k0[0] + dk[0], k0[1] + dk[1], k0[2] + dk[2]};
        }
    }

    /**
     * Walking. The shank swings about the knee's flexion axis once per stride (one stride = two
     * steps, 0.8-1.1 Hz) by +-20-30 degrees with a second harmonic for the asymmetric swing and
     * stance phases; the knee moves forward at walking speed and bobs with every step (twice per
     * stride). The ankle's swing about the knee gives the 0.3-1 g stride-rate acceleration; a short
     * impact along the shank at each heel strike is added directly. Everything fades in over the first
     * stride and out over the last, so walking joins still standing on both sides.
     */
    static final class Gait extends Motion {
        private final double[] qStand;
        private final double[] knee0;
        private final double[] dir;
        private final double omega;
        private final double strideHz;
        private final double phase;
        private final double swing;
        private final double swing2;
        private final double phase2;
        private final double bob;
        private final double bobPhase;
        private final double speed;
        private final double ramp;
        private final double heelG;
        private final double heelPhase;
        private final double heelWidth;
        private final double duration;

        Gait(long startUs, long endUs, double[] qStand, double[] knee0, double[] dir, double strideHz, double phase,
             double swingRad, double swing2Rad, double phase2, double bobM, double bobPhase, double speed,
             double heelG, double heelPhase) {
            super(startUs, endUs);
            this.qStand = qStand.clone();
            this.knee0 = knee0.clone();
            this.dir = dir.clone();
            this.strideHz = strideHz;
            this.omega = 2 * Math.PI * strideHz;
            this.phase = phase;
            this.swing = swingRad;
            this.swing2 = swing2Rad;
            this.phase2 = phase2;
            this.bob = bobM;
            this.bobPhase = bobPhase;
            this.speed = speed;
            this.duration = endS - startS;
            this.ramp = Math.min(1 / strideHz, duration / 2);
            this.heelG = heelG;
            this.heelPhase = heelPhase;
            this.heelWidth = 0.015;
        }

        private double envelope(double u) {
            if (u <= 0 || u >= duration) {
                return 0;
            }
            double x = Math.min(u, duration - u);
            return x >= ramp ? 1 : 0.5 * (1 - Math.cos(Math.PI * x / ramp));
        }

        /** Distance walked after u seconds: the integral of speed times the envelope. */
        private double distance(double u) {
            double up = Math.min(u, ramp);
            double d = 0.5 * (up - ramp / Math.PI * Math.sin(Math.PI * up / ramp));
            double flatEnd = duration - ramp;
            d += Math.max(0, Math.min(u, flatEnd) - ramp);
            if (u > flatEnd) {
                double s = Math.min(u, duration) - flatEnd;
                d += 0.5 * (s + ramp / Math.PI * Math.sin(Math.PI * s / ramp));
            }
            return speed * d;
        }

        @Override
        boolean moving() {
            return true;
        }

        @Override
        void pose(double t, Kinematics k) {
            double u = clampedOffset(t);
            double env = envelope(u);
            double theta = env * (swing * Math.sin(omega * u + phase) + swing2 * Math.sin(2 * omega * u + phase2));
            Rotation.about(0, 0, 1, theta, k.rot);
            Rotation.multiply(qStand, k.rot, k.q);
            double x = distance(u);
            k.knee[0] = knee0[0] + dir[0] * x;
            k.knee[1] = knee0[1] + dir[1] * x;
            k.knee[2] = knee0[2] + env * bob * Math.sin(2 * omega * u + bobPhase);
        }

        @Override
        void addShankAcceleration(double t, double[] f) {
            double u = t - startS;
            double env = envelope(u);
            if (env == 0 || heelG == 0) {
                return;
            }
            double n = Math.rint(u * strideHz - heelPhase);
            double d = u - (n + heelPhase) / strideHz;
            double a = heelG * env * Math.exp(-0.5 * (d / heelWidth) * (d / heelWidth));
            f[0] += a;
            f[1] -= 0.3 * a;
        }

        @Override
        double[] endOrientation() {
            return qStand.clone();
        }

        @Override
        double[] endKnee() {
            double x = distance(duration);
            return new double[] {knee0[0] + dir[0] * x, knee0[1] + dir[1] * x, knee0[2]};
        }
    }
}
