package org.legwatch.link.recording;

import static org.legwatch.link.recording.RawRecordingFormat.MAX_BLOCK_SAMPLES;
import static org.legwatch.link.recording.RawRecordingFormat.TIME_BITMAP;

/**
 * Decodes a SAMPLES payload (see {@link SampleBlockEncoder}) into fixed arrays, checking every
 * count, index, interval and bit against its bounds. Allocates nothing.
 */
final class SampleBlockDecoder {
    final long[] t = new long[MAX_BLOCK_SAMPLES];
    final int[] x = new int[MAX_BLOCK_SAMPLES];
    final int[] y = new int[MAX_BLOCK_SAMPLES];
    final int[] z = new int[MAX_BLOCK_SAMPLES];
    private static final String[] ANCHOR = {"x_anchor", "y_anchor", "z_anchor"};
    private static final String[] CODING = {"x_coding", "y_coding", "z_coding"};
    private static final String[] RESIDUALS = {"x_residuals", "y_residuals", "z_residuals"};

    private final boolean[] gap = new boolean[MAX_BLOCK_SAMPLES];
    private final int[][] axes = {x, y, z};
    private final int[] k = new int[3];
    private final int[] predictor = new int[3];
    private final long[] reference = new long[3];
    int n;
    /** File offset of the block's first time, for messages about it. */
    long firstTimeOffset;
    long part;
    long sequence;

    /** Reads the part number and block sequence only, so a block of an unknown part can be skipped undecoded. */
    void readIdentity(PayloadReader in) throws RawRecordingException {
        part = in.varint("part", 1, 0xFFFF_FFFFL);
        sequence = in.varint("block");
    }

    /** Decodes the rest of the payload after {@link #readIdentity}. */
    void decode(PayloadReader in) throws RawRecordingException {
        firstTimeOffset = in.offset();
        long first = in.zigzag("t0_us");
        n = (int) in.varint("n", 1, MAX_BLOCK_SAMPLES);
        long base = in.varint("interval_us", n > 1 ? 1 : 0, Long.MAX_VALUE / 4);
        long gapsAndMode = in.varint("gaps_mode", 0, 2L * (n - 1) + 1);
        int mode = (int) (gapsAndMode & 1);
        int gaps = (int) (gapsAndMode >>> 1);
        java.util.Arrays.fill(gap, 0, n, false);
        t[0] = first;
        int index = 0;
        for (int g = 0; g < gaps; g++) {
            index += (int) in.varint("gap_index", 1, n - 1 - index);
            gap[index] = true;
            t[index] = in.varint("gap_interval_us", 1, Long.MAX_VALUE / 4); // the interval, until the times are rebuilt below
        }
        for (int a = 0; a < 3; a++) {
            long at = in.offset();
            long anchor = in.zigzag(ANCHOR[a]);
            if (Math.abs(anchor) > CountScale.MAX_COUNT) {
                throw in.errorAt(at, ANCHOR[a], anchor + " is beyond the largest count " + CountScale.MAX_COUNT);
            }
            long codingAt = in.offset();
            int coding = in.u8(CODING[a]);
            predictor[a] = coding >>> 5;
            k[a] = coding & 31;
            if (predictor[a] > RawRecordingFormat.PREDICT_REFERENCE) {
                throw in.errorAt(codingAt, CODING[a], "predictor " + predictor[a] + " is not 0, 1 or 2");
            }
            reference[a] = anchor;
            axes[a][0] = (int) anchor;
        }
        for (int i = 1; i < n; i++) {
            long d;
            if (gap[i]) {
                d = t[i];
                if (mode == TIME_BITMAP) {
                    in.bits(1, "time_bitmap");
                }
            } else {
                d = mode == TIME_BITMAP ? base + in.bits(1, "time_bitmap") : base;
            }
            t[i] = t[i - 1] + d;
            if (t[i] < t[i - 1]) {
                throw in.errorAt(firstTimeOffset, "t0_us", "sample times overflow");
            }
        }
        for (int a = 0; a < 3; a++) {
            int[] c = axes[a];
            int p = predictor[a];
            for (int i = p == RawRecordingFormat.PREDICT_REFERENCE ? 0 : 1; i < n; i++) {
                long prediction = p == RawRecordingFormat.PREDICT_REFERENCE ? reference[a]
                        : p == RawRecordingFormat.PREDICT_PREVIOUS || i == 1 ? c[i - 1]
                        : 2L * c[i - 1] - c[i - 2];
                long v = prediction + RawRecordingFormat.unzigzag(in.rice(k[a], RESIDUALS[a]));
                if (Math.abs(v) > CountScale.MAX_COUNT) {
                    throw in.error(RESIDUALS[a], "sample " + i + " reaches count " + v + ", beyond " + CountScale.MAX_COUNT);
                }
                c[i] = (int) v;
            }
        }
        in.endBits("padding");
    }
}
