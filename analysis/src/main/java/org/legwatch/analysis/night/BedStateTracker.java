package org.legwatch.analysis.night;

import java.util.ArrayList;
import java.util.List;
import org.legwatch.analysis.scoring.Micros;

/**
 * Turns a sequence of posture epochs into in-bed spans.
 *
 * <p>A change counts only after it has lasted a while, and then from the moment it began, so
 * spans are exact to the epoch while brief sit-ups do not cut the night. Going to bed takes a run
 * of lying epochs holding a minute of flat time (a shank on the mattress), or lasting 20 min when
 * it is not flat (a shank at 25 degrees is a knee on a pillow as well as a leg stretched out on a
 * sofa); it begins where the shank came down from upright. Getting up takes 20 s upright and
 * begins with the sitting up on the edge of the bed just before it. An ambiguous epoch (a knee
 * drawn up, legs crossed) keeps the state. Every duration is a {@link NightSettings} setting.
 *
 * <p>Time in bed is the time "between going to bed and getting up": in-bed spans separated by
 * less than {@code inBedBlockGapS} (a bathroom trip) form one block, and a block counts only once
 * it holds {@code inBedBlockMinS} of time in bed. A short rest on a sofa in the evening, or lying
 * down again for a few minutes after getting up, is not the night. Until a block is confirmed or
 * given up, the state from its start on is undecided, so movements in it wait; so do they while a
 * change may still be dated back (lying down, sitting up) or while the only evidence of lying came
 * from a band lying still, which may be on a table ({@link #notWornUntilNow}).
 */
final class BedStateTracker {
    /** What an epoch's posture says. */
    enum Posture {
        /** Every shank near horizontal: clearly lying. */
        FLAT,
        /** Every shank low, but not flat enough to tell lying from a shank stretched out on a sofa. */
        LYING,
        UPRIGHT,
        AMBIGUOUS;

        boolean lying() {
            return this == FLAT || this == LYING;
        }
    }

    private final double inBedAfterS;
    private final double lyingRunInBedAfterS;
    private final double outOfBedAfterS;
    private final double sitUpMaxS;
    private final double lieDownMaxS;
    private final long blockMinUs;
    private final long blockGapUs;
    /** Spans of confirmed blocks, and of the current block. */
    private final List<TimeSpan> closed = new ArrayList<>();
    private boolean inBed;
    private long openStartUs;
    private double changeSinceS = Double.NaN;
    /** Flat time within the pending run of lying epochs. */
    private double flatS;
    /** The start of a brief interruption of the pending run of lying epochs, else NaN. */
    private double interruptedSinceS = Double.NaN;
    /** The start of the current run of epochs that are not flat, within the pending run, else NaN. */
    private double notFlatSinceS = Double.NaN;
    /** When the open in-bed span was decided (its lying shown), seconds. */
    private double openDecidedS;
    /** While in bed: the start of the current run of ambiguous (and then upright) epochs, else NaN. */
    private double sittingSinceS = Double.NaN;
    /** While out of bed: the first lying epoch since the last upright stretch, else NaN. */
    private double lyingDownS = Double.NaN;
    /** While out of bed: the start of the current run of upright epochs, else NaN. */
    private double uprightSinceS = Double.NaN;
    private double lastEpochEndS = Double.NEGATIVE_INFINITY;
    private double stillSinceS = Double.NEGATIVE_INFINITY;

    private boolean blockOpen;
    private boolean blockConfirmed;
    private long blockStartUs;
    private int blockFirstSpan;
    private long blockClosedUs;
    private long lastSpanEndUs;

    BedStateTracker(NightSettings settings) {
        this.inBedAfterS = settings.inBedAfterS();
        this.lyingRunInBedAfterS = settings.lyingRunInBedAfterS();
        this.outOfBedAfterS = settings.outOfBedAfterS();
        this.sitUpMaxS = settings.sitUpMaxS();
        this.lieDownMaxS = settings.lieDownMaxS();
        this.blockMinUs = Micros.ofSeconds(settings.inBedBlockMinS());
        this.blockGapUs = Micros.ofSeconds(settings.inBedBlockGapS());
    }

    /**
     * The posture of the epoch {@code [startS, endS)}, the band having lain still since
     * {@code stillSinceS} (the end of the last epoch with motion, {@code endS} if this one had
     * motion); an ambiguous posture keeps the current state.
     */
    void epoch(double startS, double endS, Posture posture, double stillSinceS) {
        this.stillSinceS = stillSinceS;
        if (inBed) {
            trackSittingUp(startS, posture);
        } else {
            trackLyingDown(startS, endS, posture);
        }
        boolean lying = posture.lying() || (posture == Posture.AMBIGUOUS && inBed);
        if (lying == inBed) {
            if (inBed || Double.isNaN(changeSinceS)) {
                changeSinceS = Double.NaN;
            } else {
                // a pending run of lying epochs survives a brief interruption (a movement's transient)
                if (Double.isNaN(interruptedSinceS)) {
                    interruptedSinceS = startS;
                }
                trackFlat(startS, endS, posture);
                if (endS - interruptedSinceS >= outOfBedAfterS - 1e-9) {
                    changeSinceS = Double.NaN;
                }
            }
        } else {
            if (Double.isNaN(changeSinceS)) {
                changeSinceS = startS;
                flatS = 0;
                notFlatSinceS = Double.NaN;
            }
            interruptedSinceS = Double.NaN;
            if (lying) {
                trackFlat(startS, endS, posture);
                if (flatS >= inBedAfterS - 1e-9 || endS - changeSinceS >= lyingRunInBedAfterS - 1e-9) {
                    goToBed(Micros.ofSeconds(lieDownS(changeSinceS)));
                    openDecidedS = endS;
                }
            } else if (endS - changeSinceS >= outOfBedAfterS - 1e-9) {
                getUp(Micros.ofSeconds(sitUpStartS(changeSinceS)));
            }
        }
        lastEpochEndS = endS;
        long nowUs = Micros.ofSeconds(endS);
        if (blockOpen && !blockConfirmed && blockClosedUs + (inBed && !openOnlyStill() ? nowUs - openStartUs : 0) >= blockMinUs) {
            blockConfirmed = true;
        }
        if (blockOpen && !inBed) {
            long outUntil = Double.isNaN(changeSinceS) ? nowUs : Micros.ofSeconds(lieDownS(changeSinceS));
            if (outUntil - lastSpanEndUs >= blockGapUs) {
                closeBlock();
            }
        }
    }

    /**
     * Flat time counts when it is held: a leg lying flat stays flat but for the brief transients of
     * its movements, while a shank crossed or stretched out in a chair passes through the flat
     * only in its fidgets. A stretch of {@code outOfBedAfterS} that is not flat starts the count
     * afresh.
     */
    private void trackFlat(double startS, double endS, Posture posture) {
        if (posture == Posture.FLAT) {
            flatS += endS - startS;
            notFlatSinceS = Double.NaN;
            return;
        }
        if (Double.isNaN(notFlatSinceS)) {
            notFlatSinceS = startS;
        }
        if (endS - notFlatSinceS >= outOfBedAfterS - 1e-9) {
            flatS = 0;
        }
    }

    /** While in bed: notes where a run of ambiguous epochs (sitting up) begins. */
    private void trackSittingUp(double startS, Posture posture) {
        if (posture.lying()) {
            sittingSinceS = Double.NaN;
        } else if (posture == Posture.AMBIGUOUS && Double.isNaN(sittingSinceS)) {
            sittingSinceS = startS;
        }
    }

    /**
     * While out of bed: notes the first lying epoch after the last upright stretch, the moment the
     * shank came down from sitting or standing.
     */
    private void trackLyingDown(double startS, double endS, Posture posture) {
        if (posture == Posture.UPRIGHT) {
            if (Double.isNaN(uprightSinceS)) {
                uprightSinceS = startS;
            }
            if (endS - uprightSinceS >= outOfBedAfterS - 1e-9) {
                lyingDownS = Double.NaN;
            }
            return;
        }
        uprightSinceS = Double.NaN;
        if (posture.lying() && Double.isNaN(lyingDownS)) {
            lyingDownS = startS;
        }
    }

    /**
     * When lying down began, for a run of lying epochs from {@code runS} on: at the moment the shank
     * came down, if that was at most {@code lieDownMaxS} before (a knee drawn up or a restless leg
     * while falling asleep kept the shank off the flat in between), else at the run's start.
     */
    private double lieDownS(double runS) {
        return !Double.isNaN(lyingDownS) && runS - lyingDownS <= lieDownMaxS + 1e-9 ? lyingDownS : runS;
    }

    /**
     * When getting up that became upright at {@code uprightS} began: at the start of the ambiguous
     * run just before it if that is no longer than {@code sitUpMaxS} (sitting up on the edge of the
     * bed); a longer one was a knee drawn up in bed.
     */
    private double sitUpStartS(double uprightS) {
        return !Double.isNaN(sittingSinceS) && uprightS - sittingSinceS <= sitUpMaxS + 1e-9 ? sittingSinceS : uprightS;
    }

    /**
     * The band lay still, not worn, from {@code stillSinceS} until now: its posture meant nothing.
     * An in-bed span is closed where the stillness began, or dropped if what showed it to be lying
     * came only in the stillness (a band laid flat on a table); a block with no time in bed left
     * is forgotten, and the state starts afresh out of bed.
     */
    void notWornUntilNow(double stillSinceS) {
        long stillSinceUs = Micros.ofSeconds(stillSinceS);
        if (inBed) {
            inBed = false;
            if (stillSinceUs > openStartUs && openDecidedS <= stillSinceS) {
                closed.add(new TimeSpan(openStartUs, stillSinceUs));
                blockClosedUs += stillSinceUs - openStartUs;
                lastSpanEndUs = stillSinceUs;
            }
        }
        if (blockOpen && closed.size() == blockFirstSpan) {
            blockOpen = false;
        }
        // where the wearer was while the band lay still is unknown: the gap to the next time in bed
        // counts from now
        lastSpanEndUs = Math.max(lastSpanEndUs, Micros.ofSeconds(lastEpochEndS));
        changeSinceS = Double.NaN;
        sittingSinceS = Double.NaN;
        lyingDownS = Double.NaN;
        uprightSinceS = Double.NaN;
    }

    private void goToBed(long atUs) {
        changeSinceS = Double.NaN;
        lyingDownS = Double.NaN;
        uprightSinceS = Double.NaN;
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
        changeSinceS = Double.NaN;
        sittingSinceS = Double.NaN;
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

    /**
     * Whether the open in-bed span was shown to be lying only while the band lay still: it may be a
     * band laid flat on a table, which {@link #notWornUntilNow} would drop. Until the band moves
     * again it neither confirms a block nor settles anything.
     */
    private boolean openOnlyStill() {
        return inBed && openDecidedS > stillSinceS;
    }

    /** Before this time (microseconds) the state is settled. */
    long decidedUntilUs() {
        if (lastEpochEndS == Double.NEGATIVE_INFINITY) {
            return Long.MIN_VALUE;
        }
        double pendingS = Double.isNaN(changeSinceS) ? lastEpochEndS : changeSinceS;
        long until = Micros.ofSeconds(inBed ? sitUpStartS(pendingS) : lieDownS(pendingS));
        if (openOnlyStill()) {
            until = Math.min(until, openStartUs);
        }
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
        sittingSinceS = Double.NaN;
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
