package org.legwatch.analysis.scoring;

/**
 * First stage: joins movements on the same leg whose gap is below the join gap (the EMG rule
 * "offset at the start of >= 0.5 s quiet"), drops movements shorter than the minimum duration, and
 * passes the rest on in onset order.
 *
 * <p>A movement is final once nothing can still join it: when a later onset (on either leg, since
 * onsets arrive in order) or the watermark reaches its offset plus the gap. A final movement may
 * wait behind a still-open one on the other leg with an earlier onset, so each leg keeps a queue.
 */
final class SameLegJoiner {
    private static final int ON = 0;
    private static final int OFF = 1;

    private final long joinGapUs;
    private final long minDurationUs;
    private final BilateralJoiner next;
    private final LongRing[] queues = {new LongRing(2, 16), new LongRing(2, 16)};
    /** Whether the last entry of each leg's queue may still grow. */
    private final boolean[] open = new boolean[2];

    SameLegJoiner(ScoringRules rules, BilateralJoiner next) {
        this.joinGapUs = rules.sameLegJoinGapUs();
        this.minDurationUs = rules.minDurationUs();
        this.next = next;
    }

    void accept(long onsetUs, long offsetUs, int leg) {
        closeReached(onsetUs);
        LongRing queue = queues[leg];
        if (open[leg]) {
            int last = queue.size() - 1;
            if (offsetUs > queue.get(last, OFF)) {
                queue.set(last, OFF, offsetUs);
            }
        } else {
            int at = queue.add();
            queue.set(at, ON, onsetUs);
            queue.set(at, OFF, offsetUs);
            open[leg] = true;
        }
        emitFinal(onsetUs);
    }

    /** No movement with an onset before {@code watermarkUs} will come. */
    void advance(long watermarkUs) {
        closeReached(watermarkUs);
        emitFinal(watermarkUs);
    }

    private void closeReached(long timeUs) {
        for (int leg = 0; leg < 2; leg++) {
            if (open[leg]) {
                LongRing queue = queues[leg];
                if (timeUs - queue.get(queue.size() - 1, OFF) >= joinGapUs) {
                    open[leg] = false;
                }
            }
        }
    }

    private void emitFinal(long watermarkUs) {
        while (true) {
            int leg = earliestHead();
            if (leg < 0) {
                break;
            }
            LongRing queue = queues[leg];
            if (open[leg] && queue.size() == 1) {
                break; // the earliest movement may still grow: everything else waits for it
            }
            long on = queue.get(0, ON);
            long off = queue.get(0, OFF);
            queue.removeFirst();
            if (off - on >= minDurationUs) {
                next.accept(on, off, leg);
            }
        }
        int leg = earliestHead();
        next.advance(leg < 0 ? watermarkUs : Math.min(watermarkUs, queues[leg].get(0, ON)));
    }

    /** The leg whose queue head has the earliest onset (right first on a tie), or -1 when both are empty. */
    private int earliestHead() {
        boolean right = !queues[0].isEmpty();
        boolean left = !queues[1].isEmpty();
        if (right && left) {
            return queues[1].get(0, ON) < queues[0].get(0, ON) ? 1 : 0;
        }
        return right ? 0 : left ? 1 : -1;
    }

    void reset() {
        queues[0].clear();
        queues[1].clear();
        open[0] = false;
        open[1] = false;
    }
}
