package org.legwatch.analysis.sim;

import java.util.SplittableRandom;

/** The few distributions the generator draws from; all from a caller's {@link SplittableRandom}. */
final class Draw {
    private Draw() {
    }

    static double uniform(SplittableRandom r, double lo, double hi) {
        return lo + (hi - lo) * r.nextDouble();
    }

    /** Log-uniform: for quantities whose plausible range spans a factor of several. */
    static double logUniform(SplittableRandom r, double lo, double hi) {
        return lo * Math.exp(Math.log(hi / lo) * r.nextDouble());
    }

    /** Log-normal by median and log-SD: durations, amplitudes and intervals are positive and skewed. */
    static double logNormal(SplittableRandom r, double median, double sigma) {
        return median * Math.exp(sigma * r.nextGaussian());
    }

    static double logNormal(SplittableRandom r, double median, double sigma, double lo, double hi) {
        return clamp(logNormal(r, median, sigma), lo, hi);
    }

    static double exponential(SplittableRandom r, double mean) {
        return -mean * Math.log(1 - r.nextDouble());
    }

    /** Erlang (gamma with an integer shape): more regular than exponential for renewal gaps. */
    static double gamma(SplittableRandom r, int shape, double mean) {
        double sum = 0;
        for (int i = 0; i < shape; i++) {
            sum += exponential(r, mean / shape);
        }
        return sum;
    }

    static int poisson(SplittableRandom r, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 40) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * r.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double p = r.nextDouble();
        int k = 0;
        while (p > limit) {
            p *= r.nextDouble();
            k++;
        }
        return k;
    }

    static boolean chance(SplittableRandom r, double p) {
        return r.nextDouble() < p;
    }

    static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** Smooth 0..1 step with zero velocity and acceleration at both ends (minimum jerk). */
    static double minJerk(double s) {
        if (s <= 0) {
            return 0;
        }
        if (s >= 1) {
            return 1;
        }
        return s * s * s * (10 + s * (-15 + 6 * s));
    }

    /** Smooth 0 -> 1 -> 0 over u in [0, 1], minimum jerk each way. */
    static double bump(double u) {
        if (u <= 0 || u >= 1) {
            return 0;
        }
        return u < 0.5 ? minJerk(2 * u) : minJerk(2 - 2 * u);
    }
}
