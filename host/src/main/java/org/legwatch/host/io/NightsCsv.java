package org.legwatch.host.io;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import org.legwatch.host.store.NightRow;

/**
 * The nights CSV of formats.md, as {@code legwatch export nights} writes it: the columns of the
 * contract {@code patient,date,plmi,plm_count,time_in_bed_h,periodicity_index,valid} (date of the
 * evening the night began, valid 1/0), then {@code lm_count,clm_count,lost_fraction,device,night_id,
 * start_utc,clock_synced,rules}. Undefined numbers (no time in bed, no intervals) are empty fields.
 */
public final class NightsCsv {
    public static final String HEADER = "patient,date,plmi,plm_count,time_in_bed_h,periodicity_index,valid,"
            + "lm_count,clm_count,lost_fraction,device,night_id,start_utc,clock_synced,rules";

    private NightsCsv() {
    }

    public static void write(Writer out, List<NightRow> nights) throws IOException {
        out.write(HEADER + "\n");
        StringBuilder line = new StringBuilder(160);
        for (NightRow n : nights) {
            line.setLength(0);
            line.append(n.patientId()).append(',').append(n.eveningDate()).append(',');
            number(line, n.plmi(), 4).append(',').append(n.plmCount()).append(',');
            number(line, n.timeInBedH(), 4).append(',');
            number(line, n.periodicityIndex(), 4).append(',').append(n.valid() ? '1' : '0').append(',');
            line.append(n.lmCount()).append(',').append(n.clmCount()).append(',');
            number(line, n.lostFraction(), 6).append(',');
            line.append(n.deviceId()).append(',').append(n.deviceNightId()).append(',')
                .append(Instant.ofEpochMilli(n.wallClockStartMs())).append(',').append(n.wallClockSynced() ? '1' : '0')
                .append(',').append(n.rules()).append('\n');
            out.append(line);
        }
    }

    private static StringBuilder number(StringBuilder line, double value, int decimals) {
        return Double.isFinite(value) ? Decimal.append(line, value, decimals) : line;
    }
}
