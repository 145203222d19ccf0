package org.legwatch.host.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.legwatch.analysis.scoring.Leg;

/**
 * One leg's raw recording as a pull stream with a short look-ahead, so the sample rate can be
 * measured from the first timestamps before the samples are fed to the detector.
 */
public final class SampleSource implements Closeable {
    private static final int LOOKAHEAD = 256;

    private final Leg leg;
    private final RawSampleCsv csv;
    private final double[][] ahead = new double[LOOKAHEAD][4];
    private int aheadCount;
    private int aheadNext;
    private boolean current;
    private double t;
    private double x;
    private double y;
    private double z;

    private SampleSource(Leg leg, RawSampleCsv csv) throws IOException, InputFormatException {
        this.leg = leg;
        this.csv = csv;
        while (aheadCount < LOOKAHEAD && csv.next()) {
            double[] row = ahead[aheadCount++];
            row[0] = csv.t();
            row[1] = csv.x();
            row[2] = csv.y();
            row[3] = csv.z();
        }
        if (aheadCount < 2) {
            throw new InputFormatException(csv.file(), 0, null, "too few samples to tell the sample rate (" + aheadCount + ")");
        }
        current = advance();
    }

    public static SampleSource open(Leg leg, Path file) throws IOException, InputFormatException {
        RawSampleCsv csv = RawSampleCsv.open(file);
        try {
            return new SampleSource(leg, csv);
        } catch (IOException | InputFormatException | RuntimeException e) {
            csv.close();
            throw e;
        }
    }

    public Leg leg() {
        return leg;
    }

    public Path file() {
        return csv.file();
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
        if (!csv.next()) {
            return false;
        }
        t = csv.t();
        x = csv.x();
        y = csv.y();
        z = csv.z();
        return true;
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
