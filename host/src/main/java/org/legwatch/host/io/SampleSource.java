package org.legwatch.host.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.legwatch.analysis.scoring.Leg;

/**
 * One leg's recording (CSV or raw, see {@link SampleFile}) as a pull stream with a short look-ahead, so the sample rate can be
 * measured from the first timestamps before the samples are fed to the detector.
 */
public final class SampleSource implements Closeable {
    private static final int LOOKAHEAD = 256;

    private final Leg leg;
    private final SampleFile samples;
    private final double[][] ahead = new double[LOOKAHEAD][4];
    private int aheadCount;
    private int aheadNext;
    private boolean current;
    private double t;
    private double x;
    private double y;
    private double z;

    private SampleSource(Leg leg, SampleFile samples) throws IOException, InputFormatException {
        this.leg = leg;
        this.samples = samples;
        while (aheadCount < LOOKAHEAD && samples.next()) {
            double[] row = ahead[aheadCount++];
            row[0] = samples.t();
            row[1] = samples.x();
            row[2] = samples.y();
            row[3] = samples.z();
        }
        if (aheadCount < 2) {
            throw new InputFormatException(samples.file(), 0, null, "too few samples to tell the sample rate (" + aheadCount + ")");
        }
        current = advance();
    }

    /** Opens a CSV or raw recording ({@link SampleFile#open}) and reads ahead. */
    public static SampleSource open(Leg leg, Path file) throws IOException, InputFormatException {
        SampleFile samples = SampleFile.open(file);
        try {
            return new SampleSource(leg, samples);
        } catch (IOException | InputFormatException | RuntimeException e) {
            samples.close();
            throw e;
        }
    }

    public Leg leg() {
        return leg;
    }

    public Path file() {
        return samples.file();
    }

    /** Damage the file's reader read around so far, one sentence each. */
    public List<String> damage() {
        return samples.damage();
    }

    /**
     * The nominal sample rate: the median interval of the first samples (robust to lost samples,
     * which only lengthen some intervals).
     */
    public double sampleRateHz() {
        double[] intervals = new double[aheadCount - 1];
        for (int i = 1; i < aheadCount; i++) {
            intervals[i - 1] = ahead[i][0] - ahead[i - 1][0];
        }
        Arrays.sort(intervals);
        return 1.0 / intervals[intervals.length / 2];
    }

    /** Whether there is a current sample. */
    public boolean hasSample() {
        return current;
    }

    public double t() {
        return t;
    }

    public double x() {
        return x;
    }

    public double y() {
        return y;
    }

    public double z() {
        return z;
    }

    /** Moves to the next sample; false at the end. */
    public boolean next() throws IOException, InputFormatException {
        current = advance();
        return current;
    }

    private boolean advance() throws IOException, InputFormatException {
        if (aheadNext < aheadCount) {
            double[] row = ahead[aheadNext++];
            t = row[0];
            x = row[1];
            y = row[2];
            z = row[3];
            return true;
        }
        if (!samples.next()) {
            return false;
        }
        t = samples.t();
        x = samples.x();
        y = samples.y();
        z = samples.z();
        return true;
    }

    @Override
    public void close() throws IOException {
        samples.close();
    }
}
