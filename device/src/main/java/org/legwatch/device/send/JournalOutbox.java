package org.legwatch.device.send;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.legwatch.device.journal.NightJournal;
import org.legwatch.link.Movement;
import org.legwatch.link.Night;
import org.legwatch.link.NightOutbox;
import org.legwatch.link.NightStart;

/**
 * The journal's unsent nights as the link's send queue: a night leaves the journal only when the
 * host has said it stored it. The sender calls from its own thread; the journal is synchronised.
 */
public final class JournalOutbox implements NightOutbox {
    private final NightJournal journal;

    public JournalOutbox(NightJournal journal) {
        this.journal = journal;
    }

    @Override
    public List<Night> unsentNights() {
        List<Night> out = new ArrayList<>();
        for (NightJournal.Night n : journal.unsentNights()) {
            out.add(toWire(n));
        }
        return out;
    }

    /** A journaled night as the link carries it. */
    public static Night toWire(NightJournal.Night n) {
        List<Movement> movements = new ArrayList<>(n.movements().size());
        for (NightJournal.Movement m : n.movements()) {
            movements.add(new Movement(m.onsetUs(), m.offsetUs(), m.leg(), m.peakG()));
        }
        return new Night(n.id(), n.start().map(s -> new NightStart(s.bootId(), s.monotonicBaseNs(), s.wallClockMs(),
                s.wallClockSynced())), movements, n.summary());
    }

    @Override
    public void acknowledged(String nightId) throws IOException {
        journal.acknowledged(nightId);
    }
}
