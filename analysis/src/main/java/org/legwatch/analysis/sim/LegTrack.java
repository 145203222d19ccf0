package org.legwatch.analysis.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.legwatch.analysis.scoring.Leg;
import org.legwatch.analysis.scoring.LegMovement;

/**
 * Turns the shared body timeline into one leg's contiguous motions, carrying the leg's pose from
 * one motion to the next so that it never jumps. Details that differ between the legs (exact
 * orientation in each posture, fidgets while sitting, the wobbles of a turn-over) are drawn here
 * from the leg's own random stream.
 */
final class LegTrack {
    private static final double DEG = Math.PI / 180;
    /** Standing: shank x up, anterior y forward (world x), z to the body's left (world y). */
    private static final double[] STAND_BASE = {0, 1, 0, 0, 0, 1, 1, 0, 0};
    /** Lying on the back, head towards world x: shank x towards the head, anterior up, left = -y. */
    private static final double[] SUPINE_BASE = {1, 0, 0, 0, 0, -1, 0, 1, 0};

    final Leg leg;
    private final SplittableRandom rng;
    private final PatientProfile patient;
    /** Knee to sensor: a lever of 0.35-0.45 m along the shank, the band 4 cm in front of the bone. */
    final double[] sensorOffset;
    private final double[] mountingTranspose;
    final List<Motion> motions = new ArrayList<>();
    final List<TrueMovement> truths = new ArrayList<>();
    private double[] q;
    /**
     * The pose the leg settled into with the last change of posture (sitting down, lying down,
     * turning over): where it rests until the next one.
     */
    private double[] restPose;
    private double[] knee;
    private long cursorUs;

    LegTrack(Leg leg, SplittableRandom rng, PatientProfile patient, double[] mounting) {
        this.leg = leg;
        this.rng = rng;
        this.patient = patient;
        double lever = Draw.uniform(rng, 0.35, 0.45);
        this.sensorOffset = new double[] {-lever, 0.04, 0};
        this.mountingTranspose = Rotation.transpose(mounting);
        this.q = tablePose(0);
        this.knee = new double[] {Draw.uniform(rng, -1, 1), Draw.uniform(rng, -1, 1), 0.75};
    }

    private int side() {
        return leg == Leg.RIGHT ? -1 : 1;
    }

    /**
     * The band lying on a table: the sensor flat on its back or face, now and then on its edge,
     * the table level to within a degree or so. The shank orientation is whatever puts the sensor
     * there (Q M = sensor to world).
     */
    private double[] tablePose(double yaw) {
        double u = rng.nextDouble();
        double[] flat = u < 0.7 ? Rotation.identity() : u < 0.9 ? Rotation.aboutX(Math.PI) : Rotation.aboutX(Math.PI / 2);
        double[] s = Rotation.multiply(Rotation.aboutZ(yaw + Draw.uniform(rng, 0, 2 * Math.PI)),
                Rotation.aboutX(Draw.uniform(rng, -1.5, 1.5) * DEG), Rotation.aboutY(Draw.uniform(rng, -1.5, 1.5) * DEG),
                flat);
        return Rotation.multiply(s, mountingTranspose);
    }

    private double[] standingPose(double yaw) {
        return Rotation.multiply(Rotation.aboutZ(yaw + rng.nextGaussian() * 5 * DEG),
                Rotation.aboutX(Draw.uniform(rng, -3, 3) * DEG), Rotation.aboutY(Draw.uniform(rng, -4, 4) * DEG),
                STAND_BASE, Rotation.aboutX(side() * Draw.uniform(rng, -5, 20) * DEG));
    }

    /** Sitting: shank 15 degrees back to 35 forward of vertical, sometimes crossed far more. */
    private double[] sittingPose(double yaw) {
        double tilt = Draw.chance(rng, 0.15) ? Draw.uniform(rng, 35, 65) : Draw.uniform(rng, -15, 35);
        return Rotation.multiply(Rotation.aboutZ(yaw + rng.nextGaussian() * 10 * DEG),
                Rotation.aboutY(tilt * DEG), STAND_BASE,
                Rotation.aboutX(side() * Draw.uniform(rng, -10, 25) * DEG));
    }

    /**
     * Lying: the shank near horizontal (knee a little higher on a pillow, or lower), rolled about the
     * bed's long axis by the posture, the body's own roll, and the leg's: on the back the feet fall
     * outwards (external rotation), on the side the upper leg falls forwards.
     */
    private double[] lyingPose(Posture posture, double bodyRoll, double yaw) {
        double legRoll;
        double elevation;
        switch (posture) {
            case SUPINE -> {
                legRoll = side() * Draw.uniform(rng, 5, 35);
                elevation = Draw.chance(rng, 0.15) ? Draw.uniform(rng, 12, 22) : Draw.uniform(rng, -2, 12);
            }
            case PRONE -> {
                legRoll = rng.nextGaussian() * 12;
                elevation = Draw.uniform(rng, -5, 10);
            }
            default -> {
                legRoll = rng.nextGaussian() * 15;
                elevation = Draw.uniform(rng, -8, 12);
            }
        }
        double roll = posture.rollDeg() * DEG + bodyRoll + legRoll * DEG;
        return Rotation.multiply(Rotation.aboutZ(yaw + rng.nextGaussian() * 8 * DEG),
                Rotation.aboutY(-elevation * DEG), Rotation.aboutX(roll), SUPINE_BASE);
    }

    private double[] randomUnit() {
        return Rotation.normalize(rng.nextGaussian(), rng.nextGaussian(), rng.nextGaussian());
    }

    private void holdUntil(long t) {
        if (t > cursorUs) {
            motions.add(new Motion.Hold(cursorUs, t, q, knee));
            cursorUs = t;
        }
    }

    private void swayUntil(long t) {
        if (t - cursorUs > 4_000_000) {
            double[] axis = Rotation.normalize(0, rng.nextGaussian(), rng.nextGaussian());
            motions.add(new Motion.Hold(cursorUs, t, q, knee, Draw.uniform(rng, 0.3, 1.0) * DEG, axis,
                    Draw.uniform(rng, 0.1, 0.3), Draw.uniform(rng, 0.3, 0.6),
                    Draw.uniform(rng, 0, 2 * Math.PI), Draw.uniform(rng, 0, 2 * Math.PI)));
            cursorUs = t;
        } else {
            holdUntil(t);
        }
    }

    /**
     * A large motion to a new pose over [a, b], with wobbles: extra rotations about random axes and
     * lifts of the pivot, each rising and falling back within the motion.
     */
    private void blend(long a, long b, double[] q1, double[] k1, int wobbles, double ampLoDeg, double ampHiDeg,
                       double durLo, double durHi, double dispMax) {
        holdUntil(a);
        double span = (b - a) / 1e6;
        double[] ws = new double[wobbles];
        double[] wd = new double[wobbles];
        double[] wa = new double[wobbles];
        double[][] wx = new double[wobbles][];
        double[][] wp = new double[wobbles][];
        for (int i = 0; i < wobbles; i++) {
            wd[i] = Math.min(Draw.uniform(rng, durLo, durHi), span * 0.8);
            ws[i] = a / 1e6 + Draw.uniform(rng, 0, span - wd[i]);
            wa[i] = Draw.uniform(rng, ampLoDeg, ampHiDeg) * DEG * (Draw.chance(rng, 0.5) ? 1 : -1);
            wx[i] = randomUnit();
            double[] d = randomUnit();
            double m = Draw.uniform(rng, 0, dispMax);
            wp[i] = new double[] {d[0] * m, d[1] * m, Math.abs(d[2]) * m};
        }
        Motion.Blend blend = new Motion.Blend(a, b, q, q1, knee, k1, ws, wd, wa, wx, wp);
        motions.add(blend);
        q = blend.endOrientation();
        restPose = q;
        knee = blend.endKnee();
        cursorUs = b;
    }

    private double[] kneeMovedBy(double horizontal, double z) {
        double dir = Draw.uniform(rng, 0, 2 * Math.PI);
        return new double[] {knee[0] + horizontal * Math.cos(dir), knee[1] + horizontal * Math.sin(dir), z};
    }

    /**
     * A leg movement: a rotation mostly about the knee's flexion axis (the shank's z), with some
     * rotation of the leg about its own axis and some abduction mixed in, pivoting at the knee.
     */
    private void pulse(long a, long b, AngleProfile profile, double tremorG) {
        pulse(a, b, movementAxis(), profile, tremorG);
    }

    private double[] movementAxis() {
        return Rotation.normalize(0.35 * rng.nextGaussian(), 0.25 * rng.nextGaussian(), 1);
    }

    private void pulse(long a, long b, double[] axis, AngleProfile profile, double tremorG) {
        holdUntil(a);
        double[] tremorDir = Rotation.normalize(0.3 * rng.nextGaussian(), 1, 0.3 * rng.nextGaussian());
        double f1 = Draw.uniform(rng, 8, 12);
        Motion.Pulse p = new Motion.Pulse(a, b, q, knee, axis, profile, tremorG, tremorDir,
                f1, f1 + Draw.uniform(rng, 0.3, 1.0), Draw.uniform(rng, 0, 2 * Math.PI),
                Draw.uniform(rng, 0, 2 * Math.PI));
        motions.add(p);
        q = p.endOrientation();
        cursorUs = b;
    }

    /**
     * A movement of the resting leg (a leg movement in bed, a fidget in a chair) ends where it was
     * drawn to (settling a little off the old rest, or in a new position) plus half the way back to
     * the leg's resting pose in this posture, about the movement's axis, at most half the
     * movement's amplitude. The mattress carries a sleeping leg and nothing holds a knee drawn up
     * or a foot raised; the floor and the seat keep a sitting leg's shank within what the chair
     * allows. So the offsets movements leave stay offsets and do not add up, as a random walk
     * would, into postures nobody holds (a shank standing upright for an hour while lying prone,
     * a shank sitting flat in a chair).
     */
    private AngleProfile settling(AngleProfile drawn, double[] axis, double amplitudeRad) {
        double limit = 0.5 * amplitudeRad;
        return drawn.withEndAngle(drawn.endAngle() + Math.max(-limit, Math.min(limit, 0.5 * towardsRest(axis))));
    }

    /**
     * How far (radians) a rotation about the body-frame {@code axis} would have to go to bring the
     * shank's tilt against gravity back to its resting tilt. Only the tilt counts: gravity and the
     * mattress or the floor restore it, but nothing pulls back a leg that slid round in the plane
     * of the bed.
     */
    private double towardsRest(double[] axis) {
        double[] now = new double[3];
        double[] rest = new double[3];
        Rotation.applyTransposed(q, 0, 0, 1, now);
        Rotation.applyTransposed(restPose, 0, 0, 1, rest);
        // the rotation taking the resting gravity direction to the present one, as a rotation vector
        double cx = rest[1] * now[2] - rest[2] * now[1];
        double cy = rest[2] * now[0] - rest[0] * now[2];
        double cz = rest[0] * now[1] - rest[1] * now[0];
        double sin = Math.sqrt(cx * cx + cy * cy + cz * cz);
        if (sin < 1e-12) {
            return 0;
        }
        double angle = Math.atan2(sin, rest[0] * now[0] + rest[1] * now[1] + rest[2] * now[2]);
        return angle * (cx * axis[0] + cy * axis[1] + cz * axis[2]) / sin;
    }

    /** An in-bed movement; where it leaves the leg, see {@link #settling}. */
    private void movement(PlannedMovement m) {
        double sign = Draw.chance(rng, 0.8) ? 1 : -1;
        double tremorG = Draw.uniform(rng, 0.001, 0.005);
        double[] axis = movementAxis();
        AngleProfile profile = settling(m.profile(sign), axis, m.amplitudeRad());
        pulse(m.onsetUs(), m.offsetUs(), axis, profile, tremorG);
        truths.add(new TrueMovement(new LegMovement(m.onsetUs(), m.offsetUs(), leg), m.kind(),
                Math.toDegrees(m.peakRad()), m.series()));
    }

    /** Fidgeting while sitting: shifting, crossing and uncrossing, often ending in a new position. */
    private void fidgets(long start, long end) {
        double ratePerS = (0.2 + 0.5 * patient.restlessLmPerMinute()) / 60;
        double t = start / 1e6 + 2 + Draw.exponential(rng, 1 / ratePerS);
        double last = end / 1e6 - 2;
        while (true) {
            double d = Draw.logNormal(rng, 2.5, 0.6, 0.5, 10);
            double amp = Draw.logNormal(rng, 8, 0.7, 1, 50) * DEG;
            // Peak ankle acceleration of a minimum-jerk swing: 5.77 A L / T^2; keep it within 0.6 g.
            double fastest = Math.sqrt(5.77 * amp * 0.4 / (0.6 * 9.80665));
            double rise = Math.max(fastest, Math.min(Draw.uniform(rng, 0.2, 0.6), d * 0.4));
            double ret = Math.max(fastest, Math.min(Draw.uniform(rng, 0.2, 0.8), d * 0.4));
            d = Math.max(d, rise + ret + 0.2);
            if (t + d > last) {
                break;
            }
            double residual = Draw.chance(rng, 0.5) ? rng.nextGaussian() * 0.4 : 0;
            AngleProfile p = new AngleProfile(new double[] {0, rise, d - ret, d},
                    new double[] {0, amp, amp * (1 + 0.1 * rng.nextGaussian()), amp * residual});
            long a = Math.round(t * 1e6);
            double tremorG = Draw.uniform(rng, 0.001, 0.004);
            double[] axis = movementAxis();
            pulse(a, a + Math.round(d * 1e6), axis, settling(p, axis, amp), tremorG);
            t += d + 0.5 + Draw.exponential(rng, 1 / ratePerS);
        }
    }

    /**
     * The new lying orientation after a turn-over. The posture rolls the body by 90 degrees, but the
     * leg's own roll can take up part of that (a foot turned out on the back, then lying on that
     * side); a turn-over that hardly changes the leg's orientation would not be one, so draw again.
     */
    private double[] turnTarget(BodyEvent.Turn turn, double yaw) {
        double[] target = lyingPose(turn.to(), turn.bodyRollRad(), yaw);
        for (int i = 0; i < 10 && Rotation.angleBetween(q, target) < 45 * DEG; i++) {
            target = lyingPose(turn.to(), turn.bodyRollRad(), yaw);
        }
        return target;
    }

    /** Appends this leg's motions for one body event (and its planned in-bed movements). */
    void apply(BodyEvent event, List<PlannedMovement> planned, double yaw) {
        long s = event.startUs();
        long e = event.endUs();
        switch (event) {
            case BodyEvent.Table t -> holdUntil(e);
            case BodyEvent.Handling h -> {
                long d = e - s;
                long a = s + (leg == Leg.RIGHT ? d / 20 : d * 11 / 20);
                long b = s + (leg == Leg.RIGHT ? d * 9 / 20 : d * 19 / 20);
                if (h.putOn()) {
                    blend(a, b, sittingPose(yaw), kneeMovedBy(Draw.uniform(rng, 0.3, 1.5), 0.5),
                            6 + rng.nextInt(7), 20, 90, 0.8, 3.0, 0.3);
                } else {
                    blend(a, b, tablePose(yaw), kneeMovedBy(Draw.uniform(rng, 0.3, 1.5), 0.75),
                            6 + rng.nextInt(7), 20, 90, 0.8, 3.0, 0.3);
                }
                holdUntil(e);
            }
            case BodyEvent.Sit sit -> {
                fidgets(s, e);
                holdUntil(e);
            }
            case BodyEvent.Stand st -> swayUntil(e);
            case BodyEvent.Walk w -> {
                holdUntil(s);
                double[] dir = Rotation.normalize(q[1], q[4], 0);
                Motion.Gait g = new Motion.Gait(s, e, q, knee, dir, w.strideHz(), leg == Leg.RIGHT ? 0 : Math.PI,
                        Draw.uniform(rng, 20, 30) * DEG, Draw.uniform(rng, 3, 8) * DEG, Draw.uniform(rng, 0, 2 * Math.PI),
                        Draw.uniform(rng, 0.01, 0.02), Draw.uniform(rng, 0, 2 * Math.PI), w.speed(),
                        Draw.uniform(rng, 0.3, 1.0), Draw.uniform(rng, 0, 1));
                motions.add(g);
                knee = g.endKnee();
                cursorUs = e;
            }
            case BodyEvent.Transition tr -> {
                switch (tr.to()) {
                    case SITTING -> blend(s, e, sittingPose(yaw), kneeMovedBy(Draw.uniform(rng, 0.1, 0.4), 0.5),
                            1 + rng.nextInt(2), 5, 20, 0.5, 1.5, 0.1);
                    case STANDING -> blend(s, e, standingPose(yaw), kneeMovedBy(Draw.uniform(rng, 0.1, 0.3), 0.5),
                            1 + rng.nextInt(2), 5, 15, 0.5, 1.5, 0.1);
                    case LYING -> blend(s, e, lyingPose(tr.lyingPosture(), tr.bodyRollRad(), yaw),
                            kneeMovedBy(Draw.uniform(rng, 0.3, 0.7), 0.6),
                            1 + rng.nextInt(3), 5, 25, 0.6, 2.0, 0.2);
                    default -> throw new IllegalStateException("no transition to " + tr.to());
                }
            }
            case BodyEvent.Lie lie -> {
                for (PlannedMovement m : planned) {
                    if (m.leg() == leg && m.onsetUs() >= s && m.onsetUs() < e) {
                        movement(m);
                    }
                }
                holdUntil(e);
            }
            case BodyEvent.Turn turn -> {
                int i = leg == Leg.RIGHT ? 0 : 1;
                long a = turn.legStartUs()[i];
                long b = turn.legEndUs()[i];
                holdUntil(a);
                double[] before = q.clone();
                int wobbles = 1 + rng.nextInt(4);
                if (turn.via() != null) {
                    long m = a + Math.round((b - a) * Draw.uniform(rng, 0.4, 0.6));
                    blend(a, m, lyingPose(turn.via(), turn.bodyRollRad(), yaw), kneeMovedBy(Draw.uniform(rng, 0.05, 0.2), 0.6),
                            wobbles, 5, 30, 0.6, 3.0, 0.15);
                    blend(m, b, lyingPose(turn.to(), turn.bodyRollRad(), yaw), kneeMovedBy(Draw.uniform(rng, 0.05, 0.2), 0.6),
                            wobbles, 5, 30, 0.6, 3.0, 0.15);
                } else {
                    blend(a, b, turnTarget(turn, yaw), kneeMovedBy(Draw.uniform(rng, 0.05, 0.25), 0.6),
                            wobbles, 5, 30, 0.6, 3.0, 0.15);
                }
                truths.add(new TrueMovement(new LegMovement(a, b, leg), MovementKind.TURN_OVER,
                        Math.toDegrees(Rotation.angleBetween(before, q)), 0));
                holdUntil(e);
            }
        }
    }
}
