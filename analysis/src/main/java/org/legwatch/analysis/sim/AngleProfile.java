package org.legwatch.analysis.sim;

/**
 * The angle of a leg movement over time: keyframes joined by minimum-jerk transitions. Minimum jerk
 * is how smooth human movements are (Flash and Hogan 1985): the angle, its velocity and its
 * acceleration are continuous, so the dynamic acceleration the sensor sees at the start and the end
 * of a movement follows from the second derivative without artificial spikes. Equal consecutive
 * values are a hold; a small change between them is the slow drift of a held limb.
 */
final class AngleProfile {
    private final double[] times;
    private final double[] angles;
    private final double maxAbs;

    /** times in seconds from the start of the movement, increasing, starting at 0; angles in radians. */
    AngleProfile(double[] times, double[] angles) {
        if (times.length != angles.length || times.length < 2 || times[0] != 0) {
            throw new IllegalArgumentException("a profile needs matching keyframes starting at 0");
        }
        for (int i = 1; i < times.length; i++) {
            if (!(times[i] > times[i - 1])) {
                throw new IllegalArgumentException("keyframe times must increase");
            }
        }
        this.times = times.clone();
        this.angles = angles.clone();
        double m = 0;
        for (double a : angles) {
            m = Math.max(m, Math.abs(a));
        }
        this.maxAbs = m;
    }

    double duration() {
        return times[times.length - 1];
    }

    double endAngle() {
        return angles[angles.length - 1];
    }

    /** The same movement ending at another angle (the last keyframe moved). */
    AngleProfile withEndAngle(double angle) {
        double[] a = angles.clone();
        a[a.length - 1] = angle;
        return new AngleProfile(times, a);
    }

    double maxAbs() {
        return maxAbs;
    }

    /** The angle u seconds after the start; held at the first and last keyframe outside. */
    double angle(double u) {
        if (u <= 0) {
            return angles[0];
        }
        int last = times.length - 1;
        if (u >= times[last]) {
            return angles[last];
        }
        int i = 0;
        while (u >= times[i + 1]) {
            i++;
        }
        double a = angles[i];
        double b = angles[i + 1];
        if (a == b) {
            return a;
        }
        return a + (b - a) * Draw.minJerk((u - times[i]) / (times[i + 1] - times[i]));
    }
}
