package org.legwatch.analysis.night;

import java.util.ArrayList;
import java.util.List;
import org.legwatch.analysis.scoring.Micros;

/**
 * Turns a sequence of posture epochs into in-bed spans.
 *
 * <p>A change counts only after it has lasted a while (a minute lying to be in bed, 20 s upright
 * to be out), and then from the moment it began, so spans are exact to the epoch while brief
 * sit-ups do not cut the night. An ambiguous epoch (a knee drawn up, legs crossed) keeps the state.
 *
 * <p>Time in bed is the time "between going to bed and getting up": in-bed spans separated by
 * less than {@code inBedBlockGapS} (a bathroom trip) form one block, and a block counts only once
 * it holds {@code inBedBlockMinS} of time in bed. A short rest on a sofa in the evening, or lying
 * down again for a few minutes after getting up, is not the night. Until a block is confirmed or
 * given up, the state from its start on is undecided, so movements in it wait.
 */
final class BedStateTracker {
    /** What an epoch's posture says. */
    enum Posture { LYING, UPRIGHT, AMBIGUOUS }

    private final double inBedAfterS;
    private final double outOfBedAfterS;
    private final long blockMinUs;
    private final long blockGapUs;
    /** Spans of confirmed blocks, and of the current block. */
    private final List<TimeSpan> closed = new ArrayList<>();
    private boolean inBed;
    private long openStartUs;
    private double changeSinceS = Double.NaN;
    private double lastEpochEndS = Double.NEGATIVE_INFINITY;

    private boolean blockOpen;
    private boolean blockConfirmed;
    private long blockStartUs;
    private int blockFirstSpan;
    private long blockClosedUs;
    private long lastSpanEndUs;

    BedStateTracker(NightSettings settings) {
        this.inBedAfterS = settings.inBedAfterS();
        this.outOfBedAfterS = settings.outOfBedAfterS();
        this.blockMinUs = Micros.ofSeconds(settings.inBedBlockMinS());
        this.blockGapUs = Micros.ofSeconds(settings.inBedBlockGapS());
    }

    /** The posture of the epoch {@code [startS, endS)}; an ambiguous one keeps the current state. */
    void epoch(double startS, double endS, Posture posture) {
        boolean lying = posture == Posture.LYING || (posture == Posture.AMBIGUOUS && inBed);
        if (lying == inBed) {
            changeSinceS = Double.NaN;
        } else {
            if (Double.isNaN(changeSinceS)) {
                changeSinceS = startS;
            }
            if (endS - changeSinceS >= (lying ? inBedAfterS : outOfBedAfterS) - 1e-9) {
                long at = Micros.ofSeconds(changeSinceS);
                if (lying) {
                    goToBed(at);
                } else {
                    getUp(at);
                }
                changeSinceS = Double.NaN;
            }
        }
        lastEpochEndS = endS;
        long nowUs = Micros.ofSeconds(endS);
        if (blockOpen && !blockConfirmed && blockClosedUs + (inBed ? nowUs - openStartUs : 0) >= blockMinUs) {
            blockConfirmed = true;
        }
        if (blockOpen && !inBed) {
            long outUntil = Double.isNaN(changeSinceS) ? nowUs : Micros.ofSeconds(changeSinceS);
            if (outUntil - lastSpanEndUs >= blockGapUs) {
                closeBlock();
            }
        }
    }

    private void goToBed(long atUs) {
        if (!blockOpen) {
            blockOpen = true;
            blockConfirmed = false;
            blockStartUs = atUs;
            blockFirstSpan = closed.size();
            blockClosedUs = 0;
        }
        inBed = true;
        openStartUs = atUs;
    }

    private void getUp(long atUs) {
        inBed = false;
        if (atUs > openStartUs) {
            closed.add(new TimeSpan(openStartUs, atUs));
            blockClosedUs += atUs - openStartUs;
        }
        lastSpanEndUs = atUs;
    }

    /** A block ends: kept if it held enough time in bed, else its spans are dropped. */
    private void closeBlock() {
        if (!blockConfirmed) {
            closed.subList(blockFirstSpan, closed.size()).clear();
        }
        blockOpen = false;
    }

    /** Before this time (microseconds) the state is settled. */
    long decidedUntilUs() {
        if (lastEpochEndS == Double.NEGATIVE_INFINITY) {
            return Long.MIN_VALUE;
        }
        long until = Micros.ofSeconds(Double.isNaN(changeSinceS) ? lastEpochEndS : changeSinceS);
        return blockOpen && !blockConfirmed ? Math.min(until, blockStartUs) : until;
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

    /** Ends the night at {@code endUs}: closes the open span and settles the last block. */
    void finish(long endUs) {
        if (inBed) {
            getUp(Math.max(endUs, openStartUs));
        }
        if (blockOpen) {
            blockConfirmed |= blockClosedUs >= blockMinUs;
            closeBlock();
        }
        lastEpochEndS = Double.POSITIVE_INFINITY;
        changeSinceS = Double.NaN;
    }

    /**
     * The in-bed spans before {@link #decidedUntilUs()}: final, whatever the rest of the night
     * brings (a span still open is cut there).
     */
    List<TimeSpan> decidedSpans() {
        long until = decidedUntilUs();
        List<TimeSpan> spans = new ArrayList<>();
        for (TimeSpan span : closed) {
            if (span.startUs() < until) {
                spans.add(span.endUs() <= until ? span : new TimeSpan(span.startUs(), until));
            }
        }
        if (inBed && openStartUs < until) {
            spans.add(new TimeSpan(openStartUs, until));
        }
        return spans;
    }

    /** The in-bed spans (after {@link #finish}, those of the night). */
    List<TimeSpan> spans() {
        return List.copyOf(closed);
    }
}
