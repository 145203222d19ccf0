package org.legwatch.link.recording;

import static org.legwatch.link.recording.RawRecordingFormat.MAX_BLOCK_SAMPLES;
import static org.legwatch.link.recording.RawRecordingFormat.TIME_BITMAP;
import static org.legwatch.link.recording.RawRecordingFormat.TIME_CONSTANT;

/**
 * Collects one block's samples and encodes them as a SAMPLES payload (docs/formats.md). Times:
 * the first in full, then each interval is the block's base interval D, D + 1 (a bitmap says which,
 * when they are not all D) or listed as a gap with its exact length. Axes: the first count in full,
 * then each sample's difference from a prediction (the previous sample, the linear extrapolation
 * of the two previous ones, or the block's mean level: whichever codes this axis of this block
 * shortest; with the mean level, the level is stored instead of the first count and the first
 * count is a residual too), zig-zag mapped and Rice coded with the parameter that makes it shortest. Allocates nothing.
 */
final class SampleBlockEncoder {
    private final long[] t = new long[MAX_BLOCK_SAMPLES];
    private final int[][] counts = new int[3][MAX_BLOCK_SAMPLES];
    private final long[] residuals = new long[MAX_BLOCK_SAMPLES];
    private final int[] riceK = new int[3];
    private final int[] predictor = new int[3];
    private final long[] reference = new long[3];
    private int n;

    int size() {
        return n;
    }

    boolean full() {
        return n == MAX_BLOCK_SAMPLES;
    }

    long firstTime() {
        return t[0];
    }

    long lastTime() {
        return t[n - 1];
    }

    void add(long tUs, int x, int y, int z) {
        t[n] = tUs;
        counts[0][n] = x;
        counts[1][n] = y;
        counts[2][n] = z;
        n++;
    }

    void clear() {
        n = 0;
    }

    /** Writes the payload of the block (at least one sample) as part {@code part}, block {@code sequence}. */
    void encode(long part, long sequence, PayloadWriter out) {
        long base = baseInterval();
        int mode = TIME_CONSTANT;
        int gaps = 0;
        for (int i = 1; i < n; i++) {
            long d = t[i] - t[i - 1];
            if (d == base + 1) {
                mode = TIME_BITMAP;
            } else if (d != base) {
                gaps++;
            }
        }
        out.varint(part);
        out.varint(sequence);
        out.zigzag(t[0]);
        out.varint(n);
        out.varint(base);
        out.varint((long) gaps << 1 | mode);
        int previousGap = 0;
        for (int i = 1; i < n; i++) {
            long d = t[i] - t[i - 1];
            if (d != base && d != base + 1) {
                out.varint(i - previousGap);
                out.varint(d);
                previousGap = i;
            }
        }
        for (int axis = 0; axis < 3; axis++) {
            choosePredictor(axis);
            out.zigzag(predictor[axis] == RawRecordingFormat.PREDICT_REFERENCE ? reference[axis] : counts[axis][0]);
            out.u8(predictor[axis] << 5 | riceK[axis]);
        }
        if (mode == TIME_BITMAP) {
            for (int i = 1; i < n; i++) {
                out.bits(t[i] - t[i - 1] == base + 1 ? 1 : 0, 1);
            }
        }
        for (int axis = 0; axis < 3; axis++) {
            residuals(axis, predictor[axis]);
            int k = riceK[axis];
            for (int i = predictor[axis] == RawRecordingFormat.PREDICT_REFERENCE ? 0 : 1; i < n; i++) {
                out.rice(residuals[i], k);
            }
        }
        out.flushBits();
    }

    /**
     * D such that the most intervals are D or D + 1: the majority interval M (Boyer-Moore vote), or
     * M - 1 when more intervals are one shorter than M than are one longer. 0 for a single sample.
     */
    private long baseInterval() {
        if (n < 2) {
            return 0;
        }
        long candidate = 0;
        int votes = 0;
        for (int i = 1; i < n; i++) {
            long d = t[i] - t[i - 1];
            if (votes == 0) {
                candidate = d;
                votes = 1;
            } else if (d == candidate) {
                votes++;
            } else {
                votes--;
            }
        }
        int shorter = 0;
        int longer = 0;
        for (int i = 1; i < n; i++) {
            long d = t[i] - t[i - 1];
            if (d == candidate - 1) {
                shorter++;
            } else if (d == candidate + 1) {
                longer++;
            }
        }
        return shorter > longer && candidate > 1 ? candidate - 1 : candidate;
    }

    /**
     * Picks for one axis the predictor and Rice parameter that code its residuals in the fewest
     * bits: the previous sample suits noise on a moving signal, the linear extrapolation from the
     * two previous samples suits smooth movement, and the block's mean level suits noise around a
     * still position.
     */
    private void choosePredictor(int axis) {
        int[] c = counts[axis];
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += c[i];
        }
        reference[axis] = Math.floorDiv(2 * sum + n, 2L * n);
        long bestBits = Long.MAX_VALUE;
        for (int p = RawRecordingFormat.PREDICT_PREVIOUS; p <= RawRecordingFormat.PREDICT_REFERENCE; p++) {
            if (!residuals(axis, p)) {
                continue;
            }
            int from = p == RawRecordingFormat.PREDICT_REFERENCE ? 0 : 1;
            long anchorBits = 8L * varintBytes(RawRecordingFormat.zigzag(p == RawRecordingFormat.PREDICT_REFERENCE ? reference[axis] : c[0]));
            for (int k = 0; k < 32; k++) {
                long bits = anchorBits;
                for (int i = from; i < n; i++) {
                    bits += PayloadWriter.riceBits(residuals[i], k);
                }
                if (bits < bestBits) {
                    bestBits = bits;
                    predictor[axis] = p;
                    riceK[axis] = k;
                }
            }
        }
    }

    private static int varintBytes(long u) {
        return Math.max(1, (64 - Long.numberOfLeadingZeros(u) + 6) / 7);
    }

    /**
     * Leaves in {@link #residuals}[from..n) (from 0 for the mean level, whose block starts at the
     * level, else 1) the zig-zagged residuals of {@code axis} under {@code p};
     * false when one does not fit the 32 bits of a Rice escape (possible only for the linear
     * predictor at counts near full scale).
     */
    private boolean residuals(int axis, int p) {
        int[] c = counts[axis];
        for (int i = p == RawRecordingFormat.PREDICT_REFERENCE ? 0 : 1; i < n; i++) {
            long prediction = switch (p) {
                case RawRecordingFormat.PREDICT_PREVIOUS -> c[i - 1];
                case RawRecordingFormat.PREDICT_LINEAR -> i == 1 ? c[0] : 2L * c[i - 1] - c[i - 2];
                default -> reference[axis];
            };
            long u = RawRecordingFormat.zigzag(c[i] - prediction);
            if (u >>> 32 != 0) {
                return false;
            }
            residuals[i] = u;
        }
        return true;
    }
}
