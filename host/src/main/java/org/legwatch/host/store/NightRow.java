package org.legwatch.host.store;

import java.time.LocalDate;
import java.util.Comparator;
import org.legwatch.analysis.night.NightSummary;
import org.legwatch.analysis.scoring.NightStatistics;

/**
 * One night's figures without its movements, as queries return them (one patient's year, an
 * export, a chart). Undefined numbers (no time in bed, no intervals) are NaN.
 *
 * @param plmi              PLMs in bed per hour in bed
 * @param periodicityIndex  Ferri's periodicity index
 * @param lostFraction      share of the expected samples that were lost (0 for a movement list)
 */
public record NightRow(
        String patientId,
        LocalDate eveningDate,
        String deviceId,
        String deviceNightId,
        long wallClockStartMs,
        boolean wallClockSynced,
        String rules,
        double plmi,
        int plmCount,
        int lmCount,
        int clmCount,
        double timeInBedH,
        double periodicityIndex,
        boolean valid,
        double lostFraction,
        int movementCount) {

    /** The order nights are listed in: evening date, start, device, night id. */
    public static final Comparator<NightRow> ORDER = Comparator.comparing(NightRow::eveningDate)
            .thenComparingLong(NightRow::wallClockStartMs).thenComparing(NightRow::deviceId)
            .thenComparing(NightRow::deviceNightId);

    static NightRow of(StoredNight night) {
        NightSummary summary = night.summary();
        NightStatistics s = summary.statistics();
        return new NightRow(night.patientId(), night.eveningDate(), night.deviceId(), night.deviceNightId(),
                night.clock().wallClockStartMs(), night.clock().wallClockSynced(), s.rules(), s.plmIndex(),
                s.plm().total(), s.lm().total(), s.clm().total(), summary.hoursInBed(), s.periodicityIndex(),
                summary.valid(), summary.signal().lostFraction(), night.movements().size());
    }
}
