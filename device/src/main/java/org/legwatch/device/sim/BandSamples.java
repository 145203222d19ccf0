package org.legwatch.device.sim;

/** One band's generated samples of one night, in time order (a {@code SampleStream}, or one read ahead on another thread). */
@FunctionalInterface
interface BandSamples {
    /**
     * Reads up to {@code max} samples (time since the recording started in s, acceleration in g) into
     * the arrays from index 0.
     *
     * @return how many were read; 0 once the night's recording is over
     */
    int read(double[] t, double[] x, double[] y, double[] z, int max);
}
