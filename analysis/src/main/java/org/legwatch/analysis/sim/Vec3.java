package org.legwatch.analysis.sim;

/** Three components, one per sensor axis (x, y, z). */
public record Vec3(double x, double y, double z) {
    public double norm() {
        return Math.sqrt(x * x + y * y + z * z);
    }

    public double dot(Vec3 o) {
        return x * o.x + y * o.y + z * o.z;
    }
}
