package org.legwatch.host.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.legwatch.analysis.scoring.Leg;
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
        MovementListCsv.writeMovements(dir.resolve("truth-lms.csv"), truth.movements());
        MovementListCsv.write(dir.resolve("truth-scored.csv"), truth.scored(), false);
        MovementListCsv.writeSpans(dir.resolve("truth-in-bed.csv"), truth.inBed());
    }
}
