package org.legwatch.host.io;

import java.io.IOException;
import java.nio.file.Path;
import org.legwatch.analysis.sim.SampleStream;

/** Writes a raw recording (t_s,x_g,y_g,z_g) from a sample stream: t to the microsecond, axes to 0.01 mg. */
public final class RawSampleCsvWriter {
    private RawSampleCsvWriter() {
    }

    /** Streams all samples into {@code file} (gzip when its name ends in .gz), atomically. */
    public static void write(SampleStream samples, Path file) throws IOException {
        TextFiles.writeAtomically(file, writer -> {
            writer.write(RawSampleCsv.T + "," + RawSampleCsv.X + "," + RawSampleCsv.Y + "," + RawSampleCsv.Z + "\n");
            double[] t = new double[4096];
            double[] x = new double[4096];
            double[] y = new double[4096];
            double[] z = new double[4096];
            StringBuilder line = new StringBuilder(64);
            int n;
            while ((n = samples.read(t, x, y, z, t.length)) > 0) {
                for (int i = 0; i < n; i++) {
                    line.setLength(0);
                    Decimal.append(line, t[i], 6).append(',');
                    Decimal.append(line, x[i], 5).append(',');
                    Decimal.append(line, y[i], 5).append(',');
                    Decimal.append(line, z[i], 5).append('\n');
                    writer.append(line);
                }
            }
        });
    }
}
