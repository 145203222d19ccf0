package org.legwatch.analysis.sim;

/**
 * Which of the chip's axes the band's design lays along the shank (pointing towards the knee when
 * the band is worn the right way round). Detectors should not depend on it: the band can be worn
 * upside down, and the rotation about the shank is arbitrary anyway.
 */
public enum SensorAxis {
    X, Y, Z
}
