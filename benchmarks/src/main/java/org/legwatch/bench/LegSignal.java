package org.legwatch.bench;

import java.util.Locale;
import java.util.SplittableRandom;

import org.legwatch.analysis.movement.DetectorSettings;
import org.legwatch.analysis.movement.LegMovementDetector;
import org.legwatch.analysis.scoring.Leg;

/**
 * A synthetic recording of one leg's ankle band, as the detector receives it, in primitive arrays so
 * that feeding it allocates nothing: {@value #SAMPLES} samples at {@value #RATE_HZ} Hz (10 minutes
 * of kept samples), time in seconds and acceleration in g.
 *
 * <p>The leg lies still with the shank (sensor x axis, {@code NightSettings.shankAxis() == 0})
 * horizontal and rolled 20 degrees about it, as in {@code LegMovementDetectorTest}: gravity is
 * {@code (sin flex, cos flex sin roll, cos flex cos roll)} plus a small sensor bias. On top of that:
 * <ul>
 *   <li>flexions every 6-20 s (a few per minute): rotations of 2-10 degrees about the y axis lasting
 *       0.5-4 s, with a raised-cosine rise and return of 0.1-0.4 s;
 *   <li>one posture change half-way: a turn to 70 degrees of roll over 2.5 s (still lying, so the
 *       patient stays in bed);
 *   <li>white Gaussian noise of 2 mg on each axis, quantised to the 1/4096 g step of the sensor;
 *   <li>lost samples: three FIFO overruns of 2-40 samples, and a gap of one second at the very end.
 * </ul>
 *
 * <p>The recording is meant to be replayed end to end with its times shifted by {@link #spanS()} each
 * time, as one endless night. The last gap is longer than the detector's {@code gapResetS}, so the
 * jump from the turned leg at the end back to the starting position at the next replay looks to the
 * detector like the leg having moved while no samples came (it restarts its filters; no movement),
 * rather than like a jolt no leg could make.
 *
 * <p>The same seed always gives the same samples.
 */
public final class LegSignal {
    public static final int SAMPLES = 60_000;
    public static final double RATE_HZ = 100;
    public static final long SEED = 0x1E6_5167L;

    static final double NOISE_G = 0.002;
    static final double STEP_G = 1.0 / 4096;
    static final double BIAS_G = 0.05;
    static final double ROLL_DEG = 20;
    static final double TURNED_ROLL_DEG = 70;
    static final double TURN_S = 2.5;
    /** Lost samples at the end of the recording (one second: longer than {@code gapResetS}). */
    static final int END_GAP = 100;

    public final double[] t;
    public final double[] x;
    public final double[] y;
    public final double[] z;
    /** Grid points from the first sample to the next replay's first sample (kept + lost). */
    public final int gridPoints;
    /** Flexions put in (the turn not counted). */
    public final int flexions;

    private LegSignal(double[] t, double[] x, double[] y, double[] z, int gridPoints, int flexions) {
        this.t = t;
        this.x = x;
        this.y = y;
        this.z = z;
        this.gridPoints = gridPoints;
        this.flexions = flexions;
    }

    /** Time from the first sample of one replay to the first of the next: the shift per replay, seconds. */
    public double spanS() {
        return gridPoints / RATE_HZ;
    }

    public int lostSamples() {
        return gridPoints - SAMPLES;
    }

    public static LegSignal generate(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);

        // Three FIFO overruns somewhere in the recording, apart from each other.
        int[] gapStart = new int[3];
        int[] gapLength = new int[3];
        int lost = END_GAP;
        for (int g = 0; g < gapStart.length; g++) {
            gapStart[g] = 5_000 + g * 18_000 + rnd.nextInt(10_000);
            gapLength[g] = 2 + rnd.nextInt(39);
            lost += gapLength[g];
        }
        int gridPoints = SAMPLES + lost;
        double lengthS = (gridPoints - END_GAP) / RATE_HZ;

        // The turn half-way, and flexions at random intervals that keep clear of it and of the ends.
        double turnAt = Math.rint(lengthS / 2);
        double[] start = new double[128];
        double[] duration = new double[128];
        double[] degrees = new double[128];
        double[] rise = new double[128];
        int flexions = 0;
        for (double at = rnd.nextDouble(3, 10); at < lengthS - 10; at += duration[flexions - 1] + rnd.nextDouble(6, 20)) {
            if (at + 4 > turnAt - 10 && at < turnAt + TURN_S + 10) {
                at = turnAt + TURN_S + 10;
            }
            start[flexions] = at;
            duration[flexions] = rnd.nextDouble(0.5, 4.0);
            degrees[flexions] = rnd.nextDouble(2, 10);
            rise[flexions] = Math.min(rnd.nextDouble(0.1, 0.4), duration[flexions] / 3);
            flexions++;
        }

        double[] t = new double[SAMPLES];
        double[] x = new double[SAMPLES];
        double[] y = new double[SAMPLES];
        double[] z = new double[SAMPLES];
        int n = 0;
        int next = 0; // the first flexion that has not ended yet
        for (int i = 0; n < SAMPLES; i++) {
            if (lostAt(i, gapStart, gapLength)) {
                continue;
            }
            double time = i / RATE_HZ;
            while (next < flexions && time > start[next] + duration[next]) {
                next++;
            }
            double flex = 0;
            if (next < flexions) {
                flex = flexion(time - start[next], duration[next], degrees[next], rise[next]);
            }
            double roll = ROLL_DEG + (TURNED_ROLL_DEG - ROLL_DEG) * raisedCosine((time - turnAt) / TURN_S);
            double a = Math.toRadians(flex);
            double r = Math.toRadians(roll);
            t[n] = time;
            x[n] = sensor(Math.sin(a) + BIAS_G + NOISE_G * rnd.nextGaussian());
            y[n] = sensor(Math.cos(a) * Math.sin(r) - BIAS_G + NOISE_G * rnd.nextGaussian());
            z[n] = sensor(Math.cos(a) * Math.cos(r) + NOISE_G * rnd.nextGaussian());
            n++;
        }
        return new LegSignal(t, x, y, z, gridPoints, flexions);
    }

    private static boolean lostAt(int i, int[] gapStart, int[] gapLength) {
        for (int g = 0; g < gapStart.length; g++) {
            if (i >= gapStart[g] && i < gapStart[g] + gapLength[g]) {
                return true;
            }
        }
        return false;
    }

    /** Degrees of flexion {@code u} seconds into a flexion: raised-cosine rise, hold, raised-cosine return. */
    private static double flexion(double u, double durationS, double degrees, double riseS) {
        if (u < 0 || u > durationS) {
            return 0;
        }
        return degrees * Math.min(raisedCosine(u / riseS), raisedCosine((durationS - u) / riseS));
    }

    /** 0 before 0, 1 after 1, a half cosine between. */
    private static double raisedCosine(double u) {
        return u <= 0 ? 0 : u >= 1 ? 1 : 0.5 * (1 - Math.cos(Math.PI * u));
    }

    private static double sensor(double g) {
        return Math.rint(g / STEP_G) * STEP_G;
    }

    /**
     * Prints what the benchmark's recording looks like and what the detector finds in a few replays:
     * {@code java -cp benchmarks/target/benchmarks.jar org.legwatch.bench.LegSignal}.
     */
    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : SEED;
        int replays = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        LegSignal s = generate(seed);
        System.out.printf(Locale.ROOT, "input: %d samples at %.0f Hz over %.2f s (%d lost), %d flexions and one turn%n",
                SAMPLES, RATE_HZ, s.spanS(), s.lostSamples(), s.flexions);
        int[] found = new int[1];
        double[] duration = new double[1];
        LegMovementDetector d = new LegMovementDetector(Leg.RIGHT, RATE_HZ, DetectorSettings.DEFAULT, (leg, on, off, peak) -> {
            found[0]++;
            duration[0] += (off - on) / 1e6;
        });
        for (int r = 0; r < replays; r++) {
            double offset = r * s.spanS();
            int before = found[0];
            for (int i = 0; i < SAMPLES; i++) {
                d.accept(s.t[i] + offset, s.x[i], s.y[i], s.z[i]);
            }
            System.out.printf(Locale.ROOT, "replay %d: %d movements; total %d samples, %d lost in %d gaps, floor %.2f mg%n",
                    r, found[0] - before, d.samples(), d.lostSamples(), d.gaps(), 1000 * d.deviationFloorG());
        }
        d.finish();
        System.out.printf(Locale.ROOT, "mean movement duration %.2f s%n", duration[0] / found[0]);
    }
}
