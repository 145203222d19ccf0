package org.legwatch.host.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPOutputStream;
import org.legwatch.analysis.sim.SampleStream;

/** Writes a raw recording (t_s,x_g,y_g,z_g) from a sample stream: t to the microsecond, axes to 0.01 mg. */
public final class RawSampleCsvWriter {
    private RawSampleCsvWriter() {
    }

    /** Streams all samples into {@code file} (gzip when its name ends in .gz), atomically. */
    public static void write(SampleStream samples, Path file) throws IOException {
        boolean gzip = file.getFileName().toString().endsWith(".gz");
        Path temp = file.resolveSibling(file.getFileName() + ".part");
        try {
            try (OutputStream raw = Files.newOutputStream(temp);
                 OutputStream out = gzip ? new GZIPOutputStream(raw, 1 << 16) : raw;
                 Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.US_ASCII), 1 << 16)) {
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
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
