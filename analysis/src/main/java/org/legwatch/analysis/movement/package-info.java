/**
 * Leg-movement detection from an ankle accelerometer: per leg, one sample at a time, O(1) work and
 * no allocation per sample. See docs/detector.md for the design and its reasons.
 */
package org.legwatch.analysis.movement;
