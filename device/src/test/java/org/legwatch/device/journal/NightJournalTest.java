package org.legwatch.device.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.legwatch.device.journal.NightJournal.BudgetState;
import org.legwatch.device.journal.NightJournal.DroppedNight;
import org.legwatch.device.journal.NightJournal.Movement;
import org.legwatch.device.journal.NightJournal.Night;
import org.legwatch.device.journal.NightJournal.NightPart;
import org.legwatch.device.journal.NightJournal.NightStart;
import org.legwatch.device.journal.NightJournal.Options;

class NightJournalTest {

    static final long SEGMENT = RecordFormat.OVERHEAD + RecordFormat.MAX_PAYLOAD;

    @TempDir
    Path dir;

    /** Budget events in the order they happened. */
    static final class Events implements NightJournal.BudgetListener {
        final List<String> log = new ArrayList<>();
        final List<DroppedNight> dropped = new ArrayList<>();

        @Override
        public void nearBudget(long usedBytes, long budgetBytes, int unsentNights) {
            log.add("near");
        }

        @Override
        public void dropped(DroppedNight night) {
            log.add("dropped " + night.nightId());
            dropped.add(night);
        }

        @Override
        public void overBudget(long usedBytes, long budgetBytes) {
            log.add("over");
        }
    }

    static NightStart start(String id) {
        return new NightStart(id, "boot-" + id, 123_456_789_000L, 1_763_900_000_000L, id.hashCode() % 2 == 0);
    }

    static Movement mov(String id, int i) {
        return new Movement(id, i * 1_000_000L, i * 1_000_000L + 2_500_000L, (byte) (i % 2), 0.1f + i);
    }

    static byte[] summary(int n, int fill) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, (byte) fill);
        return b;
    }

    NightJournal open(Options o, Events e) throws IOException {
        return NightJournal.open(dir, o, e);
    }

    @Test
    void everyRecordTypeRoundTrips() throws IOException {
        Options o = Options.defaults();
        NightStart s = start("2026-11-23");
        List<Movement> moves = List.of(mov(s.nightId(), 0), mov(s.nightId(), 1), mov(s.nightId(), 2));
        NightPart part = new NightPart(s.nightId(), "boot-2", 5_000_000_000L, 1_763_910_000_000L, true, 3_600_000_000L, false);
        try (NightJournal nj = open(o, new Events())) {
            nj.startNight(s);
            nj.movement(moves.get(0));
            nj.progress(s.nightId(), new byte[] {1});
            nj.resumeNight(part);
            for (Movement m : moves.subList(1, moves.size())) {
                nj.movement(m);
            }
            nj.progress(s.nightId(), new byte[] {2, 2});
            nj.finishNight(s.nightId(), new byte[] {9, 8, 7});
            assertThrows(IllegalStateException.class, () -> nj.progress(s.nightId(), new byte[] {3}));
            assertThrows(IllegalStateException.class, () -> nj.resumeNight(part));
            nj.startNight(start("2026-11-24"));
        }
        try (NightJournal nj = open(o, new Events())) {
            assertTrue(nj.recovery().clean());
            assertTrue(nj.anomalies().isEmpty());
            List<Night> unsent = nj.unsentNights();
            assertEquals(1, unsent.size());
            assertEquals(1, nj.unsentCount());
            Night n = unsent.get(0);
            assertEquals(s, n.start().orElseThrow());
            assertEquals(moves, n.movements());
            assertArrayEquals(new byte[] {9, 8, 7}, n.summary().orElseThrow());
            assertEquals(List.of(part), n.parts());
            assertArrayEquals(new byte[] {2, 2}, n.progress().orElseThrow(), "the latest progress");
            assertEquals("2026-11-24", nj.openNight().orElseThrow().id());
            assertTrue(nj.acknowledged(s.nightId()));
            assertFalse(nj.acknowledged(s.nightId()), "a second acknowledgement changes nothing");
            assertFalse(nj.acknowledged("never-seen"));
            assertThrows(IllegalStateException.class, () -> nj.acknowledged("2026-11-24"));
        }
        try (NightJournal nj = open(o, new Events())) {
            assertTrue(nj.unsentNights().isEmpty());
            List<Integer> types = new ArrayList<>();
            nj.journal().forEach((pos, type, payload) -> types.add(type));
            assertEquals(List.of(NightJournal.NIGHT_START, NightJournal.MOVEMENT, NightJournal.NIGHT_PROGRESS,
                    NightJournal.NIGHT_PART, NightJournal.MOVEMENT, NightJournal.MOVEMENT, NightJournal.NIGHT_PROGRESS,
                    NightJournal.NIGHT_SUMMARY, NightJournal.NIGHT_START,
                    NightJournal.NIGHT_ACKED), types);
        }
    }

    @Test
    void anOpenNightResumesAfterACrashAndMisuseIsRefused() throws IOException {
        Options o = Options.defaults();
        try (NightJournal nj = open(o, new Events())) {
            nj.startNight(start("a"));
            nj.movement(mov("a", 0));
            assertThrows(IllegalStateException.class, () -> nj.startNight(start("b")));
            assertThrows(IllegalStateException.class, () -> nj.movement(mov("b", 0)));
            assertThrows(IllegalArgumentException.class, () -> new Movement("a", 5, 4, (byte) 0, 1f));
        }
        try (NightJournal nj = open(o, new Events())) {
            Night open = nj.openNight().orElseThrow();
            assertEquals(List.of(mov("a", 0)), open.movements());
            assertTrue(nj.unsentNights().isEmpty());
            nj.movement(mov("a", 1));
            nj.finishNight("a", new byte[0]);
            assertThrows(IllegalStateException.class, () -> nj.movement(mov("a", 2)));
            assertThrows(IllegalStateException.class, () -> nj.finishNight("a", new byte[0]));
            assertThrows(IllegalArgumentException.class, () -> nj.startNight(start("a")));
        }
        try (NightJournal nj = open(o, new Events())) {
            assertTrue(nj.openNight().isEmpty());
            assertEquals(List.of(mov("a", 0), mov("a", 1)), nj.unsentNights().get(0).movements());
        }
    }

    /** Writes a finished night whose summary fills most of a segment, so each night gets its own. */
    static void bigNight(NightJournal nj, String id, int fill) throws IOException {
        nj.startNight(start(id));
        nj.movement(mov(id, 0));
        nj.finishNight(id, summary(50_000, fill));
    }

    @Test
    void acknowledgedSegmentsAreDeletedOldestFirst() throws IOException {
        Options o = new Options(SEGMENT, 100 * SEGMENT, 0.8);
        try (NightJournal nj = open(o, new Events())) {
            bigNight(nj, "a", 1);
            bigNight(nj, "b", 2);
            bigNight(nj, "c", 3);
            List<Long> before = nj.journal().segments();
            assertEquals(3, before.size(), before.toString());
            assertTrue(nj.acknowledged("b"));
            assertEquals(before, nj.journal().segments(), "b's segment waits behind unsent a");
            assertTrue(nj.acknowledged("a"));
            // b started in a's segment, c in b's: a's segment goes, c's start keeps the second one.
            assertEquals(before.subList(1, 3), nj.journal().segments(), "a's segment deleted");
            assertFalse(Files.exists(dir.resolve(Journal.segmentName(before.get(0)))));
        }
        try (NightJournal nj = open(o, new Events())) {
            assertTrue(nj.anomalies().isEmpty(), nj.anomalies().toString());
            List<Night> unsent = nj.unsentNights();
            assertEquals(List.of("c"), unsent.stream().map(Night::id).toList());
            assertArrayEquals(summary(50_000, 3), unsent.get(0).summary().orElseThrow());
            assertTrue(nj.acknowledged("c"));
            nj.startNight(start("d"));
            assertEquals(1, nj.journal().segments().size());
        }
    }

    @Test
    void overBudgetWarnsFirstThenDropsOldestUnsentNightsWithARecordAndAReport() throws IOException {
        Options o = new Options(SEGMENT, 4 * SEGMENT, 0.5);
        Events events = new Events();
        try (NightJournal nj = open(o, events)) {
            for (int i = 0; i < 8; i++) {
                bigNight(nj, "n" + i, i);
                assertTrue(nj.usedBytes() <= o.budgetBytes(), "within budget after night " + i);
            }
            assertEquals("near", events.log.get(0), "warning before anything is dropped: " + events.log);
            assertFalse(events.dropped.isEmpty());
            List<String> droppedIds = events.dropped.stream().map(DroppedNight::nightId).toList();
            for (int i = 0; i < droppedIds.size(); i++) {
                assertEquals("n" + i, droppedIds.get(i), "oldest dropped first");
                assertEquals(1, events.dropped.get(i).movements());
                assertTrue(events.dropped.get(i).finished());
            }
            List<String> unsent = nj.unsentNights().stream().map(Night::id).toList();
            assertEquals(8 - droppedIds.size(), unsent.size());
            assertEquals("n7", unsent.get(unsent.size() - 1));
            assertFalse(events.log.contains("over"));
            assertEquals(BudgetState.WARNING, nj.budgetState());
        }
        Events again = new Events();
        try (NightJournal nj = open(o, again)) {
            assertTrue(nj.anomalies().isEmpty(), nj.anomalies().toString());
            List<String> unsent = nj.unsentNights().stream().map(Night::id).toList();
            for (DroppedNight d : events.dropped) {
                assertFalse(unsent.contains(d.nightId()), "a dropped night stays dropped: " + d.nightId());
            }
            List<Integer> types = new ArrayList<>();
            nj.journal().forEach((pos, type, payload) -> types.add(type));
            assertTrue(types.contains(NightJournal.NIGHT_DROPPED), "the drop is on disk: " + types);
            assertTrue(again.dropped.isEmpty(), "reopening drops nothing more");
        }
    }

    @Test
    void whenNothingCanBeDroppedTheListenerIsToldAndNothingIsLost() throws IOException {
        Options o = new Options(SEGMENT, 2 * SEGMENT, 0.5);
        Events events = new Events();
        int recorded;
        try (NightJournal nj = open(o, events)) {
            nj.startNight(start("a"));
            nj.finishNight("a", summary(60_000, 1));
            nj.startNight(start("b"));
            nj.finishNight("b", summary(60_000, 2));
            assertEquals(List.of("near"), events.log);
            nj.startNight(start("c"));
            int i = 0;
            for (; nj.budgetState() != BudgetState.OVER; i++) {
                nj.movement(mov("c", i));
                assertTrue(i < 10_000, "never went over budget");
            }
            // b started in a's segment and c in b's: freeing a's segment took dropping both, and
            // then only the open night is left, which is never dropped.
            assertEquals(List.of("near", "dropped a", "dropped b"), events.log.subList(0, 3), events.log.toString());
            assertEquals("over", events.log.get(events.log.size() - 1), events.log.toString());
            assertEquals(1, events.log.stream().filter("over"::equals).count());
            assertTrue(nj.usedBytes() > o.budgetBytes());
            assertEquals(i, nj.openNight().orElseThrow().movements().size());
            nj.movement(mov("c", i));
            assertEquals(1, events.log.stream().filter("over"::equals).count(), "told once per crossing");
            assertTrue(nj.unsentNights().isEmpty());
            recorded = i + 1;
        }
        try (NightJournal nj = open(o, new Events())) {
            List<Movement> moves = nj.openNight().orElseThrow().movements();
            assertEquals(recorded, moves.size(), "every movement of the open night is kept");
            for (int k = 0; k < moves.size(); k++) {
                assertEquals(mov("c", k), moves.get(k));
            }
        }
    }
}
