package org.legwatch.host.store;

import java.util.List;
import java.util.Objects;
import org.legwatch.analysis.night.NightSummary;
import org.legwatch.analysis.scoring.ScoredMovement;

/**
 * A finished night as a device sends it: its id (unique per device), its clocks, its summary and
 * its scored movements (times in microseconds from the night's start). The host adds the patient
 * and the evening date to make a {@link StoredNight}.
 */
public record DeviceNight(String nightId, NightClock clock, NightSummary summary, List<ScoredMovement> movements) {
    public DeviceNight {
        Ids.requireNightId(nightId);
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(summary, "summary");
        movements = List.copyOf(movements);
    }
}
