package org.legwatch.link.reliable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
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

    @Test
    void aFrameMissingBeforeAnAcknowledgedOneIsResentAtOnceAndOnlyOnce() {
        RttEstimator rtt = new RttEstimator(100 * MS, 10 * MS, 1000 * MS);
        ReliableSender s = new ReliableSender(8, rtt);
        byte[][] wires = new byte[4][];
        for (int i = 0; i < 4; i++) {
            wires[i] = new byte[] {(byte) i};
            s.sent(wires[i], i * MS);
        }
        // 1 and 3 arrived, 2 and 4 did not (yet): 2 was sent before 3, so it is lost; 4 is not.
        List<byte[]> lost = s.acknowledged(2, 0b1, 5 * MS);
        assertEquals(1, lost.size());
        assertSame(wires[1], lost.get(0));
        assertEquals(2, s.inFlight());
        assertEquals(List.of(), s.acknowledged(2, 0b1, 6 * MS), "the same news resends nothing again");
        assertEquals(List.of(), s.acknowledged(5, 0, 7 * MS));
        assertEquals(0, s.inFlight());
    }

    @Test
    void onTimeoutOnlyTheOldestFrameIsResentAndTheTimeoutDoublesUntilFramesGetThrough() {
        RttEstimator rtt = new RttEstimator(100 * MS, 10 * MS, 350 * MS);
        ReliableSender s = new ReliableSender(8, rtt);
        s.sent(new byte[] {1}, 0);
        s.sent(new byte[] {2}, 10 * MS);
        assertEquals(List.of(), s.due(99 * MS));
        assertEquals(100 * MS, s.nextDeadline());
        List<byte[]> again = s.due(100 * MS);
        assertEquals(1, again.size());
        assertEquals(1, again.get(0)[0]);
        assertEquals(200 * MS, rtt.rtoNs());
        assertEquals(2, s.due(310 * MS).get(0)[0]);
        assertEquals(350 * MS, rtt.rtoNs(), "capped");
        s.acknowledged(2, 0, 400 * MS);
        assertEquals(100 * MS, rtt.rtoNs(), "progress undoes the backoff");
        assertEquals(2, s.retransmissions());
    }

    @Test
    void theWindowAndTheSequenceSpaceAreRespected() {
        ReliableSender s = new ReliableSender(2, new RttEstimator(MS, MS, MS));
        s.sent(new byte[0], 0);
        s.sent(new byte[0], 0);
        assertFalse(s.hasRoom());
        s.acknowledged(3, 0, 1);
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
        assertEquals(20 * MS, rtt.minRttNs());
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
