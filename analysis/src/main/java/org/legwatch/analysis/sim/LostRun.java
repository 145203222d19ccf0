package org.legwatch.analysis.sim;

/**
 * Consecutive samples that never reached the host: a FIFO overrun (one FIFO's worth) or a longer
 * link gap. They show as a jump in the timestamps.
 *
 * @param firstIndex index of the first lost sample in the chip's own sample count
 * @param count      how many were lost
 * @param startS     true time of the first lost sample, seconds
 */
public record LostRun(long firstIndex, long count, double startS) {
}
