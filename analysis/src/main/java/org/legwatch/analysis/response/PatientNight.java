package org.legwatch.analysis.response;

import java.time.LocalDate;

/**
 * One night's result as the host keeps it: the evening the night began, the PLM index (PLMs in bed
 * per hour in bed), its parts, the periodicity index ({@code NaN} when the night had no IMIs) and
 * whether the night is valid. Only valid nights enter the statistics.
 */
public record PatientNight(LocalDate date, double plmi, int plmCount, double hoursInBed, double periodicityIndex, boolean valid) {
    public PatientNight {
        if (date == null) {
            throw new IllegalArgumentException("a night needs a date");
        }
        if (valid && !(Double.isFinite(plmi) && plmi >= 0)) {
            throw new IllegalArgumentException("a valid night needs a PLM index >= 0, not " + plmi);
        }
    }

    /** Whether the periodicity index is known. */
    public boolean hasPeriodicityIndex() {
        return Double.isFinite(periodicityIndex);
    }
}
