package org.legwatch.link.reliable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReliableStreamTest {

    static final long MS = 1_000_000;

    @Test
    void theReceiverHandsOutEachMessageOnceAndInOrderWhateverOrderFramesArriveIn() {
        Random rnd = new Random(4);
        for (int trial = 0; trial < 200; trial++) {
            ReliableReceiver<Long> r = new ReliableReceiver<>();
            List<Long> out = new ArrayList<>();
            long base = 1;
            while (base <= 500) {
                // Any arrival order within the window, with duplicates and old frames mixed in.
                long seq = Math.max(1, base - 3 + rnd.nextInt(ReliableReceiver.WINDOW + 6));
                List<Long> ready = r.accept(seq, seq);
                out.addAll(ready);
                base = r.next();
            }
            for (int i = 0; i < out.size(); i++) {
                assertEquals(i + 1, out.get(i));
            }
        }
    }

    @Test
    void theReceiverReportsWhatItHoldsBeyondTheGap() {
        ReliableReceiver<String> r = new ReliableReceiver<>();
        assertEquals(List.of(), r.accept(3, "c"));
        assertEquals(List.of(), r.accept(34, "too far"));
        assertEquals(List.of(), r.accept(33, "last in window"));
        assertEquals(1, r.next());
        assertEquals(0b10 | 1 << 31, r.receivedBits());
        assertEquals(List.of("a"), r.accept(1, "a"));
        assertEquals(List.of("b", "c"), r.accept(2, "b"));
        assertEquals(4, r.next());
        assertEquals(1 << 28, r.receivedBits());
        assertEquals(List.of(), r.accept(2, "b again"));
    }

    /** Sends a new message of one byte in frame {@code frame}. */
    static ReliableSender.Outgoing send(ReliableSender s, int value, long frame, long now) {
        ReliableSender.Outgoing o = s.add(0x11, new byte[] {(byte) value}, now);
        s.transmitted(o, frame, now);
        return o;
    }

    @Test
    void aMessageWhoseFrameCameBeforeTheNewestArrivedOneIsResentAtOnceAndOnlyOnce() {
        RttEstimator rtt = new RttEstimator(100 * MS, 10 * MS, 1000 * MS);
        ReliableSender s = new ReliableSender(8, rtt);
        for (int i = 0; i < 4; i++) {
            send(s, i + 1, 10 + i, i * MS);
        }
        // Messages 1 and 3 arrived (frames 10 and 12), 2 and 4 did not: frame 11 came before frame
        // 12, so message 2 is lost; frame 13 may still be on its way.
        List<ReliableSender.Outgoing> lost = s.acknowledged(2, 0b1, 12, 5 * MS);
        assertEquals(1, lost.size());
        assertEquals(2, lost.get(0).seq());
        s.transmitted(lost.get(0), 20, 5 * MS);
        assertEquals(1, s.retransmissions());
        assertEquals(List.of(), s.acknowledged(2, 0b1, 12, 6 * MS), "the same news resends nothing again");
        assertEquals(List.of(), s.acknowledged(5, 0, 20, 7 * MS));
        assertEquals(0, s.inFlight());
    }

    @Test
    void onTimeoutOnlyTheOldestMessageIsResentAndTheTimeoutDoublesUntilFramesGetThrough() {
        RttEstimator rtt = new RttEstimator(100 * MS, 10 * MS, 350 * MS);
        ReliableSender s = new ReliableSender(8, rtt);
        send(s, 1, 1, 0);
        send(s, 2, 2, 10 * MS);
        assertEquals(List.of(), s.due(99 * MS));
        assertEquals(100 * MS, s.nextDeadline());
        List<ReliableSender.Outgoing> again = s.due(100 * MS);
        assertEquals(1, again.size());
        assertEquals(1, again.get(0).seq());
        s.transmitted(again.get(0), 3, 100 * MS);
        assertEquals(200 * MS, rtt.rtoNs());
        assertEquals(List.of(), s.due(299 * MS));
        assertEquals(1, s.due(300 * MS).get(0).seq(), "still the oldest");
        assertEquals(350 * MS, rtt.rtoNs(), "capped");
        // Frame 3 (the copy of message 1) arrived and so did message 2, which was only waiting.
        assertEquals(List.of(), s.acknowledged(3, 0, 3, 400 * MS));
        assertEquals(350 * MS, rtt.rtoNs(), "measured on the copy that arrived (300 ms) plus 4 x 150 ms, capped");
        assertEquals(1, s.retransmissions());
    }

    @Test
    void messagesQueuedBehindOthersOnASlowLineAreNotResentForWaitingTheirTurn() {
        RttEstimator rtt = new RttEstimator(100 * MS, 10 * MS, 10_000 * MS);
        ReliableSender s = new ReliableSender(8, rtt);
        for (int i = 0; i < 8; i++) {
            send(s, i, i + 1, 0);
        }
        // The line takes 80 ms per frame: message k is acknowledged at 80 k ms, long after the
        // first timeout would have expired had the timer not restarted with each acknowledgement.
        for (long t = 0; t <= 640 * MS; t += MS) {
            if (t > 0 && t % (80 * MS) == 0) {
                long k = t / (80 * MS);
                assertEquals(List.of(), s.acknowledged(k + 1, 0, k, t));
            }
            assertEquals(List.of(), s.due(t), "at " + t / MS + " ms");
        }
        assertEquals(0, s.inFlight());
        assertEquals(0, s.retransmissions());
    }

    @Test
    void theWindowAndTheSequenceSpaceAreRespected() {
        ReliableSender s = new ReliableSender(2, new RttEstimator(MS, MS, MS));
        send(s, 0, 1, 0);
        send(s, 0, 2, 0);
        assertFalse(s.hasRoom());
        s.acknowledged(3, 0, 2, 1);
        assertTrue(s.hasRoom());
        assertEquals(3, s.nextSeq());
        assertFalse(s.exhausted());
    }

    @Test
    void theTimeoutFollowsMeasuredRoundTrips() {
        RttEstimator rtt = new RttEstimator(1000 * MS, 10 * MS, 5000 * MS);
        rtt.sample(100 * MS);
        assertEquals(100 * MS, rtt.smoothedRttNs());
        assertEquals(300 * MS, rtt.rtoNs(), "srtt + 4 * rtt/2");
        for (int i = 0; i < 100; i++) {
            rtt.sample(20 * MS);
        }
        assertTrue(rtt.rtoNs() < 25 * MS && rtt.rtoNs() >= 20 * MS, () -> "rto " + rtt.rtoNs());
        for (int i = 0; i < 100; i++) {
            rtt.sample(0);
        }
        assertEquals(10 * MS, rtt.rtoNs(), "never below the minimum");
    }

    @Test
    void backoffDoublesToItsMaximumAndStartsOverAfterReset() {
        Backoff b = new Backoff(10, 35);
        assertEquals(10, b.next());
        assertEquals(20, b.next());
        assertEquals(35, b.next());
        assertEquals(35, b.next());
        b.reset();
        assertEquals(10, b.next());
    }
}
