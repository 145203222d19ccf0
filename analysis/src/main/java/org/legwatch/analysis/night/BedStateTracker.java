package org.legwatch.analysis.night;

import java.util.ArrayList;
import java.util.List;
import org.legwatch.analysis.scoring.Micros;

/**
 * Turns a sequence of posture epochs (lying or upright) into in-bed spans. A change counts only
 * after it has lasted a while (a minute lying to be in bed, 20 s upright to be out), and then from
 * the moment it began, so spans are exact to the epoch while brief sit-ups or a leg dangling do
 * not cut the night. Until a pending change is settled, the state from its start on is undecided.
 */
final class BedStateTracker {
    private final double inBedAfterS;
    private final double outOfBedAfterS;
    private final List<TimeSpan> closed = new ArrayList<>();
    private boolean inBed;
    private long openStartUs;
    private double changeSinceS = Double.NaN;
    private double decidedUntilS = Double.NEGATIVE_INFINITY;

    BedStateTracker(NightSettings settings) {
        this.inBedAfterS = settings.inBedAfterS();
        this.outOfBedAfterS = settings.outOfBedAfterS();
    }

    /** The posture of the epoch {@code [startS, endS)}. */
    void epoch(double startS, double endS, boolean lying) {
        if (lying == inBed) {
            changeSinceS = Double.NaN;
        } else {
            if (Double.isNaN(changeSinceS)) {
                changeSinceS = startS;
            }
            if (endS - changeSinceS >= (lying ? inBedAfterS : outOfBedAfterS) - 1e-9) {
                long at = Micros.ofSeconds(changeSinceS);
                if (lying) {
                    openStartUs = at;
                } else if (at > openStartUs) {
                    closed.add(new TimeSpan(openStartUs, at));
                }
                inBed = lying;
                changeSinceS = Double.NaN;
            }
        }
        decidedUntilS = Double.isNaN(changeSinceS) ? endS : changeSinceS;
    }

    /** Before this time (microseconds) the state is settled. */
    long decidedUntilUs() {
        return decidedUntilS == Double.NEGATIVE_INFINITY ? Long.MIN_VALUE : Micros.ofSeconds(decidedUntilS);
    }

    /** Whether the patient was in bed at a settled time. */
    boolean inBedAt(long timeUs) {
        if (inBed && timeUs >= openStartUs) {
            return true;
        }
        for (int i = closed.size() - 1; i >= 0; i--) {
            TimeSpan span = closed.get(i);
            if (timeUs >= span.endUs()) {
                return false;
            }
            if (timeUs >= span.startUs()) {
                return true;
            }
        }
        return false;
    }

    /** The in-bed spans of the night, an open one closed at {@code endUs}. */
    List<TimeSpan> spans(long endUs) {
        List<TimeSpan> spans = new ArrayList<>(closed);
        if (inBed && endUs > openStartUs) {
            spans.add(new TimeSpan(openStartUs, endUs));
        }
        return spans;
    }
}
