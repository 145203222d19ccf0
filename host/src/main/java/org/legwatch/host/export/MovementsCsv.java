package org.legwatch.host.export;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import org.legwatch.analysis.scoring.ScoredMovement;
import org.legwatch.host.io.MovementListCsv;
import org.legwatch.host.io.Seconds;
import org.legwatch.host.store.StoredNight;

/**
 * The tidy per-movement CSV of {@code legwatch export movements}: one row per final (scored)
 * movement of every night exported, the night named by patient, evening date, device and the
 * device's night id, then the movement's number in its night, its onset on the wall clock, and the
 * scored list's columns with detail ({@link MovementListCsv#appendRow}), then its duration. Times
 * in seconds from the night's start (the start_utc of the nights CSV), to the millisecond.
 */
public final class MovementsCsv {
    public static final String HEADER = "patient,date,device,night_id,movement,onset_utc,"
            + MovementListCsv.SCORED_HEADER + MovementListCsv.DETAIL_HEADER + ",duration_s";

    private final Writer out;
    private final StringBuilder line = new StringBuilder(192);
    private long rows;

    /** Writes the header. */
    public MovementsCsv(Writer out) throws IOException {
        this.out = out;
        out.write(HEADER + "\n");
    }

    /** Writes one row per movement of the night, in onset order. */
    public void write(StoredNight night) throws IOException {
        long startMs = night.clock().wallClockStartMs();
        int number = 0;
        for (ScoredMovement m : night.movements()) {
            line.setLength(0);
            line.append(night.patientId()).append(',').append(night.eveningDate()).append(',')
                .append(night.deviceId()).append(',').append(night.deviceNightId()).append(',')
                .append(++number).append(',')
                .append(Instant.ofEpochMilli(startMs + m.onsetUs() / 1000)).append(',');
            MovementListCsv.appendRow(line, m, true).append(',');
            line.append(Seconds.millis(m.durationUs())).append('\n');
            out.append(line);
            rows++;
        }
    }

    /** Rows written so far. */
    public long rows() {
        return rows;
    }
}
