package org.legwatch.analysis.sim;

/**
 * Rotation matrices as row-major {@code double[9]}. A matrix {@code Q} of a body maps vectors given
 * in the body's frame to the world frame ({@code v_world = Q v_body}); composing a rotation about a
 * body axis therefore multiplies on the right. The methods that fill an {@code out} array do not
 * allocate, so the per-sample kinematics can use them.
 */
final class Rotation {
    private Rotation() {
    }

    static double[] identity() {
        return new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1};
    }

    /** Rodrigues' formula: rotation by {@code angle} (radians) about the unit axis (ax, ay, az). */
    static void about(double ax, double ay, double az, double angle, double[] out) {
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        double t = 1 - c;
        out[0] = c + t * ax * ax;
        out[1] = t * ax * ay - s * az;
        out[2] = t * ax * az + s * ay;
        out[3] = t * ax * ay + s * az;
        out[4] = c + t * ay * ay;
        out[5] = t * ay * az - s * ax;
        out[6] = t * ax * az - s * ay;
        out[7] = t * ay * az + s * ax;
        out[8] = c + t * az * az;
    }

    static double[] about(double[] axis, double angle) {
        double[] out = new double[9];
        about(axis[0], axis[1], axis[2], angle, out);
        return out;
    }

    static double[] aboutX(double angle) {
        return about(new double[] {1, 0, 0}, angle);
    }

    static double[] aboutY(double angle) {
        return about(new double[] {0, 1, 0}, angle);
    }

    static double[] aboutZ(double angle) {
        return about(new double[] {0, 0, 1}, angle);
    }

    /** out = a b; out must not be a or b. */
    static void multiply(double[] a, double[] b, double[] out) {
        for (int r = 0; r < 3; r++) {
            double a0 = a[3 * r];
            double a1 = a[3 * r + 1];
            double a2 = a[3 * r + 2];
            out[3 * r] = a0 * b[0] + a1 * b[3] + a2 * b[6];
            out[3 * r + 1] = a0 * b[1] + a1 * b[4] + a2 * b[7];
            out[3 * r + 2] = a0 * b[2] + a1 * b[5] + a2 * b[8];
        }
    }

    static double[] multiply(double[]... factors) {
        double[] result = factors[0].clone();
        double[] tmp = new double[9];
        for (int i = 1; i < factors.length; i++) {
            multiply(result, factors[i], tmp);
            System.arraycopy(tmp, 0, result, 0, 9);
        }
        return result;
    }

    static double[] transpose(double[] m) {
        return new double[] {m[0], m[3], m[6], m[1], m[4], m[7], m[2], m[5], m[8]};
    }

    /** out = m v. */
    static void apply(double[] m, double x, double y, double z, double[] out) {
        out[0] = m[0] * x + m[1] * y + m[2] * z;
        out[1] = m[3] * x + m[4] * y + m[5] * z;
        out[2] = m[6] * x + m[7] * y + m[8] * z;
    }

    /** out = m^T v. */
    static void applyTransposed(double[] m, double x, double y, double z, double[] out) {
        out[0] = m[0] * x + m[3] * y + m[6] * z;
        out[1] = m[1] * x + m[4] * y + m[7] * z;
        out[2] = m[2] * x + m[5] * y + m[8] * z;
    }

    /** The rotation angle of m, in radians (0..pi). */
    static double angle(double[] m) {
        double c = (m[0] + m[4] + m[8] - 1) / 2;
        return Math.acos(Math.max(-1, Math.min(1, c)));
    }

    /** The angle between the orientations a and b: the angle of a^T b. */
    static double angleBetween(double[] a, double[] b) {
        double[] rel = new double[9];
        multiply(transpose(a), b, rel);
        return angle(rel);
    }

    /**
     * The rotation vector (unit axis times angle) of m, robust near 0 and pi, so that
     * {@code about(axis, angle)} gives m back.
     */
    static double[] log(double[] m) {
        double angle = angle(m);
        if (angle < 1e-12) {
            return new double[] {0, 0, 0};
        }
        double[] axis;
        if (Math.PI - angle > 1e-4) {
            double s = 2 * Math.sin(angle);
            axis = new double[] {(m[7] - m[5]) / s, (m[2] - m[6]) / s, (m[3] - m[1]) / s};
        } else {
            // Near a half turn the antisymmetric part vanishes; m ~ 2 k k^T - I gives the axis.
            double xx = Math.max(0, (m[0] + 1) / 2);
            double yy = Math.max(0, (m[4] + 1) / 2);
            double zz = Math.max(0, (m[8] + 1) / 2);
            if (xx >= yy && xx >= zz) {
                double x = Math.sqrt(xx);
                axis = new double[] {x, (m[1] + m[3]) / (4 * x), (m[2] + m[6]) / (4 * x)};
            } else if (yy >= zz) {
                double y = Math.sqrt(yy);
                axis = new double[] {(m[1] + m[3]) / (4 * y), y, (m[5] + m[7]) / (4 * y)};
            } else {
                double z = Math.sqrt(zz);
                axis = new double[] {(m[2] + m[6]) / (4 * z), (m[5] + m[7]) / (4 * z), z};
            }
        }
        double n = Math.sqrt(axis[0] * axis[0] + axis[1] * axis[1] + axis[2] * axis[2]);
        if (n == 0) {
            // A rounding-size angle whose antisymmetric part vanished: no rotation.
            return new double[] {0, 0, 0};
        }
        return new double[] {axis[0] / n * angle, axis[1] / n * angle, axis[2] / n * angle};
    }

    static double[] normalize(double x, double y, double z) {
        double n = Math.sqrt(x * x + y * y + z * z);
        return new double[] {x / n, y / n, z / n};
    }
}
