package org.legwatch.analysis.night;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything about a recorded night except its movements: the rules and thresholds it is scored
 * under, how far its bed state is decided, its in-bed and not-worn spans, and the quality of its
 * signal. With the detector's movements it rebuilds the night ({@link ScoredNight#rebuild}), which is
 * how the device keeps a night across restarts and how the host re-scores what the device sent: the
 * movements and this tally are the night's record; its statistics follow from them.
 *
 * @param rules              the scoring rules' name
 * @param decidedUntilUs     the bed state is settled before this time; the spans say nothing after it
 * @param recordedUntilUs    the time of the last sample the tally has counted
 * @param inBed              the in-bed spans (not-worn time already taken out), in time order
 * @param notWorn            the spans the band lay still off a leg
 */
public record NightTally(String rules, double minValidHoursInBed, double maxLostFraction, long decidedUntilUs,
                         long recordedUntilUs, List<TimeSpan> inBed, List<TimeSpan> notWorn, SignalQuality signal) {

    public NightTally {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(signal, "signal");
        inBed = List.copyOf(inBed);
        notWorn = List.copyOf(notWorn);
        requireOrdered("in-bed", inBed);
        requireOrdered("not-worn", notWorn);
    }

    private static void requireOrdered(String what, List<TimeSpan> spans) {
        for (int i = 1; i < spans.size(); i++) {
            if (spans.get(i).startUs() < spans.get(i - 1).endUs()) {
                throw new IllegalArgumentException(what + " spans overlap or are out of order: "
                        + spans.get(i - 1) + " then " + spans.get(i));
            }
        }
    }

    /**
     * This tally followed by a later part of the same night (recorded after a restart): spans
     * joined, signal counts added, {@code outageSamples} counted as lost (the samples the sensors
     * would have given while nothing recorded).
     */
    public NightTally followedBy(NightTally later, long outageSamples) {
        if (!rules.equals(later.rules)) {
            throw new IllegalArgumentException("the parts of a night are scored under different rules: "
                    + rules + " and " + later.rules);
        }
        List<TimeSpan> bed = new ArrayList<>(inBed);
        bed.addAll(later.inBed);
        List<TimeSpan> still = new ArrayList<>(notWorn);
        still.addAll(later.notWorn);
        SignalQuality a = signal;
        SignalQuality b = later.signal;
        SignalQuality joined = new SignalQuality(a.measured() || b.measured(), Math.max(a.legs(), b.legs()),
                a.samples() + b.samples(), a.lostSamples() + b.lostSamples() + outageSamples,
                a.gaps() + b.gaps() + (outageSamples > 0 ? 1 : 0), a.clippedSamples() + b.clippedSamples(),
                a.notWornHours() + b.notWornHours(), a.recordedHours() + b.recordedHours());
        return new NightTally(rules, later.minValidHoursInBed, later.maxLostFraction,
                Math.max(decidedUntilUs, later.decidedUntilUs), Math.max(recordedUntilUs, later.recordedUntilUs),
                bed, still, joined);
    }

    /** A tally of nothing yet: no samples, no time in bed. */
    public static NightTally empty(String rules, double minValidHoursInBed, double maxLostFraction, int legs) {
        return new NightTally(rules, minValidHoursInBed, maxLostFraction, 0, 0, List.of(), List.of(),
                new SignalQuality(true, legs, 0, 0, 0, 0, 0, 0));
    }

    /** Hours in bed of the spans. */
    public double hoursInBed() {
        return NightSummary.hoursIn(inBed);
    }
}
