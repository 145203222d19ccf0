package org.legwatch.host.report;

import java.time.Instant;
import java.util.List;
import org.legwatch.analysis.night.NightSummary;
import org.legwatch.analysis.scoring.NightStatistics;
import org.legwatch.analysis.scoring.ScoringRules;
import org.legwatch.host.store.StoredNight;

/**
 * One night shown in detail: the stored night with its scored movements, in-bed spans and
 * statistics (as the device scored them; the host does not score again), and the rules it was
 * scored under.
 */
public record NightDetail(StoredNight night) {

    public NightSummary summary() {
        return night.summary();
    }

    public NightStatistics statistics() {
        return night.summary().statistics();
    }

    /** The rules the night was scored under (their PLM interval range is shaded in the IMI histogram). */
    public ScoringRules rules() {
        return ScoringRules.named(statistics().rules());
    }

    /** The night's start on the device's wall clock; approximate when {@link #clockSynced()} is false. */
    public Instant start() {
        return night.clock().start();
    }

    public boolean clockSynced() {
        return night.clock().wallClockSynced();
    }

    /** Why the night is not valid, in words; empty when it is. */
    public List<String> invalidReasons() {
        return night.summary().invalidReasons();
    }

    /** An id for this night's charts, unique among the nights of a page. */
    public String chartId() {
        return ("night-" + night.eveningDate() + "-" + night.deviceId() + "-" + night.deviceNightId())
                .replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
