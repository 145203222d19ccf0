package org.legwatch.host.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.legwatch.analysis.night.TimeSpan;
import org.legwatch.analysis.scoring.Leg;
import org.legwatch.analysis.scoring.LegMovement;
import org.legwatch.analysis.sim.GroundTruth;
import org.legwatch.analysis.sim.SyntheticNight;

/**
 * A synthetic night on disk: the recordings in the format {@code legwatch detect} reads
 * ({@code right.csv}, {@code left.csv}, gzipped on request) and the truth ({@code truth-lms.csv}
 * single-leg movements in bed, {@code truth-scored.csv}, {@code truth-in-bed.csv}).
 */
public final class SyntheticNightFiles {
    private SyntheticNightFiles() {
    }

    public static Path recording(Path dir, Leg leg, boolean gzip) {
        return dir.resolve((leg == Leg.RIGHT ? "right" : "left") + (gzip ? ".csv.gz" : ".csv"));
    }

    public static void write(SyntheticNight night, Path dir, boolean gzip) throws IOException {
        Files.createDirectories(dir);
        for (Leg leg : night.legs()) {
            RawSampleCsvWriter.write(night.samples(leg), recording(dir, leg, gzip));
        }
        GroundTruth truth = night.truth();
        TextFiles.writeAtomically(dir.resolve("truth-lms.csv"), w -> {
            w.write("onset_s,offset_s,leg\n");
            for (LegMovement m : truth.movements()) {
                w.write(Seconds.millis(m.onsetUs()) + "," + Seconds.millis(m.offsetUs()) + "," + m.leg().code() + "\n");
            }
        });
        MovementListCsv.write(dir.resolve("truth-scored.csv"), truth.scored(), false);
        TextFiles.writeAtomically(dir.resolve("truth-in-bed.csv"), w -> {
            w.write("start_s,end_s\n");
            for (TimeSpan span : truth.inBed()) {
                w.write(Seconds.millis(span.startUs()) + "," + Seconds.millis(span.endUs()) + "\n");
            }
        });
    }
}
