package org.legwatch.device.journal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The nights of the device on top of a {@link Journal}: each night's start, its movements, its
 * summary, and whether the host has acknowledged it. A method that records something returns only
 * after the record is forced to disk ({@link Journal#append}), so whatever it records counts as
 * recorded from then on and survives a power cut.
 *
 * <h2>Records</h2>
 *
 * Payloads are big-endian, strings in {@link DataOutputStream#writeUTF modified UTF-8} (2-byte
 * length, then bytes).
 *
 * <ul>
 *   <li>{@link #NIGHT_START} (1): night id, boot id, monotonic clock base (int64 ns), wall clock
 *       (int64 ms since the epoch), wall clock synchronised (1 byte, 0 or 1)
 *   <li>{@link #MOVEMENT} (2): night id, onset (int64 µs), offset (int64 µs), leg (1 byte), peak
 *       acceleration (float32, g)
 *   <li>{@link #NIGHT_SUMMARY} (3): night id, summary length (int32), summary bytes (opaque)
 *   <li>{@link #NIGHT_ACKED} (4): night id; the host has committed the night
 *   <li>{@link #NIGHT_DROPPED} (5): night id; the night was given up to stay within the disk budget
 *   <li>{@link #NIGHT_PART} (6): night id, boot id, monotonic clock base (int64 ns), wall clock (int64
 *       ms), wall clock synchronised (1 byte), start of the part on the night's time axis (int64 µs),
 *       whether that start is known exactly (1 byte): recording resumed after a restart
 *   <li>{@link #NIGHT_PROGRESS} (7): night id, length (int32), the night's tally so far (opaque);
 *       the latest one is what a restart resumes from
 * </ul>
 *
 * <h2>Compaction and disk budget</h2>
 *
 * Segments are deleted oldest first: every segment older than the oldest segment that holds a
 * record of a night still needed (not acknowledged, not dropped) is deleted, never the segment
 * being written. Deleting only a prefix keeps a night's acknowledgement on disk for as long as any
 * other record of that night is.
 *
 * <p>After every record the journal's size is compared with the budget. At {@code warnFraction} of
 * the budget the listener's {@link BudgetListener#nearBudget nearBudget} is called (once per
 * crossing, and always before any drop). Above the budget the oldest finished, unacknowledged
 * night is dropped, but only if dropping it (together with the next oldest ones, when nights share
 * a segment) lets a segment be deleted: a {@link #NIGHT_DROPPED}
 * record is forced to disk, {@link BudgetListener#dropped dropped} is called with what was lost,
 * and the segments are compacted; this repeats until the journal is within the budget. The night
 * being recorded is never dropped. If nothing can be dropped, {@link BudgetListener#overBudget
 * overBudget} is called and nothing is lost.
 */
public final class NightJournal implements Closeable {

    public static final int NIGHT_START = 1;
    public static final int MOVEMENT = 2;
    public static final int NIGHT_SUMMARY = 3;
    public static final int NIGHT_ACKED = 4;
    public static final int NIGHT_DROPPED = 5;
    public static final int NIGHT_PART = 6;
    public static final int NIGHT_PROGRESS = 7;

    /** Longest night id accepted, in characters. */
    public static final int MAX_ID_CHARS = 200;

    /** How a night started: identity and the clocks' state at the start. */
    public record NightStart(String nightId, String bootId, long monotonicBaseNs, long wallClockMs,
            boolean wallClockSynced) {
        public NightStart {
            checkId(nightId);
            Objects.requireNonNull(bootId, "bootId");
            if (bootId.length() > MAX_ID_CHARS) {
                throw new IllegalArgumentException("boot id longer than " + MAX_ID_CHARS + " characters");
            }
        }
    }

    /**
     * A later part of a night: recording resumed after the agent or the Pi restarted.
     *
     * @param startUs      where the part begins on the night's time axis (µs since its start)
     * @param startCertain whether {@code startUs} is exact (same boot, or both wall clocks
     *                     synchronised) or a lower bound
     */
    public record NightPart(String nightId, String bootId, long monotonicBaseNs, long wallClockMs,
            boolean wallClockSynced, long startUs, boolean startCertain) {
        public NightPart {
            checkId(nightId);
            Objects.requireNonNull(bootId, "bootId");
            if (bootId.length() > MAX_ID_CHARS) {
                throw new IllegalArgumentException("boot id longer than " + MAX_ID_CHARS + " characters");
            }
            if (startUs < 0) {
                throw new IllegalArgumentException("part starts before the night (" + startUs + " µs)");
            }
        }
    }

    /** One finished movement of one leg. Times are µs on the night's monotonic clock. */
    public record Movement(String nightId, long onsetUs, long offsetUs, byte leg, float peakG) {
        public Movement {
            checkId(nightId);
            if (offsetUs < onsetUs) {
                throw new IllegalArgumentException("movement ends (" + offsetUs + " µs) before it starts ("
                        + onsetUs + " µs)");
            }
        }
    }

    /**
     * A night as the journal holds it. {@code start} is empty only if the night's start record was
     * damaged on disk; {@code parts} are the resumptions after restarts, in order; {@code progress}
     * is the latest tally saved while recording; {@code summary} is empty while the night is not
     * finished.
     */
    public record Night(String id, Optional<NightStart> start, List<NightPart> parts, List<Movement> movements,
                        Optional<byte[]> progress, Optional<byte[]> summary) {
        public Night {
            parts = List.copyOf(parts);
            movements = List.copyOf(movements);
            progress = progress.map(byte[]::clone);
            summary = summary.map(byte[]::clone);
        }

        public boolean finished() {
            return summary.isPresent();
        }
    }

    /** What a drop gave up. */
    public record DroppedNight(String nightId, int movements, boolean finished, long bytesBefore, long budgetBytes) {}

    /** Where the journal stands against its disk budget. */
    public enum BudgetState { OK, WARNING, OVER }

    /** Told about the disk budget. Called on the thread that recorded something. */
    public interface BudgetListener {
        /** The journal reached the warning level; unsent nights will be dropped above the budget. */
        default void nearBudget(long usedBytes, long budgetBytes, int unsentNights) {}

        /** A night was dropped to stay within the budget. */
        default void dropped(DroppedNight night) {}

        /** The journal is over budget and nothing can be dropped to free space; nothing was lost. */
        default void overBudget(long usedBytes, long budgetBytes) {}
    }

    /**
     * Settings. {@code segmentBytes}: segment roll size; {@code budgetBytes}: most bytes the
     * segments may take; {@code warnFraction}: share of the budget at which the warning is given;
     * {@code forceEachRecord}: every record forced to the storage device before it counts (always,
     * on a real device; see {@link Journal} for the simulated one that does without).
     */
    public record Options(long segmentBytes, long budgetBytes, double warnFraction, boolean forceEachRecord) {
        public Options {
            if (budgetBytes < 2 * segmentBytes) {
                throw new IllegalArgumentException("budget must hold at least two segments");
            }
            if (!(warnFraction > 0 && warnFraction < 1)) {
                throw new IllegalArgumentException("warnFraction must be in (0, 1): " + warnFraction);
            }
        }

        /** Every record forced to the storage device. */
        public Options(long segmentBytes, long budgetBytes, double warnFraction) {
            this(segmentBytes, budgetBytes, warnFraction, true);
        }

        /** 1 MiB segments, a 256 MiB budget, warning at 80 %, every record forced. */
        public static Options defaults() {
            return new Options(Journal.DEFAULT_SEGMENT_BYTES, 256L * 1024 * 1024, 0.8);
        }

        /** These options with records not forced one by one: for a simulated device only. */
        public Options unforced() {
            return new Options(segmentBytes, budgetBytes, warnFraction, false);
        }
    }

    private static final class NightState {
        final String id;
        NightStart start;
        final List<NightPart> parts = new ArrayList<>();
        final List<Movement> movements = new ArrayList<>();
        byte[] progress;
        byte[] summary;
        boolean acked;
        boolean dropped;
        long firstSegment;
        long lastSegment;

        NightState(String id, long segment) {
            this.id = id;
            this.firstSegment = segment;
            this.lastSegment = segment;
        }

        boolean terminal() {
            return acked || dropped;
        }

        Night view() {
            return new Night(id, Optional.ofNullable(start), parts, movements, Optional.ofNullable(progress),
                    Optional.ofNullable(summary));
        }

        void release() {
            parts.clear();
            movements.clear();
            progress = null;
            if (summary != null) {
                summary = new byte[0];
            }
        }
    }

    private final Journal journal;
    private final Options options;
    private final BudgetListener listener;
    private final Map<String, NightState> nights = new LinkedHashMap<>();
    private final List<String> anomalies = new ArrayList<>();
    private boolean warned;
    private boolean overReported;
    private BudgetState state = BudgetState.OK;

    private NightJournal(Journal journal, Options options, BudgetListener listener) {
        this.journal = journal;
        this.options = options;
        this.listener = listener;
    }

    /**
     * Opens the journal in {@code dir}, recovers it and rebuilds the nights from its records. The
     * journal's {@link Journal.Recovery} and any records that did not fit the night bookkeeping are
     * available from {@link #recovery()} and {@link #anomalies()}.
     */
    public static NightJournal open(Path dir, Options options, BudgetListener listener) throws IOException {
        Journal journal = Journal.open(dir, options.segmentBytes(), options.forceEachRecord());
        NightJournal nj = new NightJournal(journal, options, Objects.requireNonNull(listener, "listener"));
        try {
            journal.forEach(nj::replay);
            for (NightState n : nj.nights.values()) {
                if (n.start == null && !n.terminal()) {
                    nj.anomalies.add("night " + n.id + " has no NIGHT_START record; its other records are kept");
                }
            }
            synchronized (nj) {
                nj.maintain();
            }
        } catch (IOException | RuntimeException e) {
            journal.close();
            throw e;
        }
        return nj;
    }

    /** What the journal's recovery found when it was opened. */
    public Journal.Recovery recovery() {
        return journal.recovery();
    }

    /** Records found at open that did not fit (undecodable, unknown type, out of order). */
    public synchronized List<String> anomalies() {
        return List.copyOf(anomalies);
    }

    /** Starts a night. Only one night can be open: finish the open one first. */
    public synchronized void startNight(NightStart start) throws IOException {
        Optional<Night> open = openNight();
        if (open.isPresent()) {
            throw new IllegalStateException("night " + open.get().id() + " is still open; finish it first");
        }
        if (nights.containsKey(start.nightId())) {
            throw new IllegalArgumentException("night " + start.nightId() + " is already in the journal");
        }
        Journal.Position at = journal.append(NIGHT_START, encode(start));
        NightState n = new NightState(start.nightId(), at.segment());
        n.start = start;
        nights.put(n.id, n);
        maintain();
    }

    /** Records a finished movement of the open night. */
    public synchronized void movement(Movement m) throws IOException {
        appendToUnfinished(m.nightId(), MOVEMENT, encode(m)).movements.add(m);
        maintain();
    }

    /** Records that recording of the open night resumed after a restart. */
    public synchronized void resumeNight(NightPart part) throws IOException {
        appendToUnfinished(part.nightId(), NIGHT_PART, encode(part)).parts.add(part);
        maintain();
    }

    /** Saves the open night's tally so far; a restart resumes from the latest one. */
    public synchronized void progress(String nightId, byte[] tally) throws IOException {
        appendToUnfinished(nightId, NIGHT_PROGRESS, encodeBlob(nightId, tally)).progress = tally.clone();
        maintain();
    }

    /** Finishes a night with the caller's summary; the night becomes unsent until acknowledged. */
    public synchronized void finishNight(String nightId, byte[] summary) throws IOException {
        appendToUnfinished(nightId, NIGHT_SUMMARY, encodeBlob(nightId, summary)).summary = summary.clone();
        maintain();
    }

    /**
     * Records that the host has committed a night, after which its segments can be deleted.
     *
     * @return false if there was nothing to do: the night is unknown (already acknowledged and
     *     compacted away), already acknowledged, or was dropped
     */
    public synchronized boolean acknowledged(String nightId) throws IOException {
        NightState n = nights.get(nightId);
        if (n == null || n.terminal()) {
            return false;
        }
        if (n.summary == null && n == openState()) {
            // An unfinished night that a later one superseded (its records were damaged) is sent
            // as it is and may be acknowledged; the night still being recorded may not.
            throw new IllegalStateException("night " + nightId + " is still being recorded");
        }
        Journal.Position at = journal.append(NIGHT_ACKED, encodeId(nightId));
        n.acked = true;
        n.lastSegment = at.segment();
        n.release();
        maintain();
        return true;
    }

    /**
     * Nights waiting for the host, oldest first: finished and not acknowledged, plus any unfinished
     * night that can no longer be resumed because a later night started after it (only after
     * on-disk damage), so that its movements still reach the host.
     */
    public synchronized List<Night> unsentNights() {
        NightState open = openState();
        List<Night> out = new ArrayList<>();
        for (NightState n : nights.values()) {
            if (!n.terminal() && n != open) {
                out.add(n.view());
            }
        }
        return out;
    }

    /** How many nights {@link #unsentNights()} would list, without copying them. */
    public synchronized int unsentCount() {
        NightState open = openState();
        int count = 0;
        for (NightState n : nights.values()) {
            if (!n.terminal() && n != open) {
                count++;
            }
        }
        return count;
    }

    /** The night started and not finished (for example before a crash), with its movements so far. */
    public synchronized Optional<Night> openNight() {
        NightState n = openState();
        return n == null ? Optional.empty() : Optional.of(n.view());
    }

    /** Bytes the journal's segments take. */
    public synchronized long usedBytes() {
        return journal.sizeBytes();
    }

    /** Where the journal stands against its budget after the last record. */
    public synchronized BudgetState budgetState() {
        return state;
    }

    /** The underlying journal (read-only use: inspection and replay). */
    public Journal journal() {
        return journal;
    }

    @Override
    public void close() throws IOException {
        journal.close();
    }

    private NightState openState() {
        NightState latest = null;
        for (NightState n : nights.values()) {
            if (!n.terminal() && n.summary == null) {
                latest = n;
            }
        }
        return latest;
    }

    /**
     * Appends a record of an unfinished night (forced to disk) and returns the night's state for the
     * caller to update: the state changes only once the record is on disk.
     */
    private NightState appendToUnfinished(String nightId, int type, byte[] payload) throws IOException {
        NightState n = unfinished(nightId);
        n.lastSegment = journal.append(type, payload).segment();
        return n;
    }

    private NightState unfinished(String nightId) {
        NightState n = nights.get(nightId);
        if (n == null) {
            throw new IllegalStateException("night " + nightId + " was not started");
        }
        if (n.summary != null || n.terminal()) {
            throw new IllegalStateException("night " + nightId + " is already finished");
        }
        return n;
    }

    /** Compacts, then holds the journal to its budget; see the class description. */
    private void maintain() throws IOException {
        compact();
        long used = journal.sizeBytes();
        long budget = options.budgetBytes();
        long warnAt = (long) (budget * options.warnFraction());
        if (used >= warnAt && !warned) {
            warned = true;
            listener.nearBudget(used, budget, unsentNights().size());
        }
        while (used > budget) {
            NightState victim = oldestDroppable();
            if (victim == null) {
                if (!overReported) {
                    overReported = true;
                    listener.overBudget(used, budget);
                }
                break;
            }
            Journal.Position at = journal.append(NIGHT_DROPPED, encodeId(victim.id));
            victim.dropped = true;
            victim.lastSegment = at.segment();
            DroppedNight report = new DroppedNight(victim.id, victim.movements.size(), victim.summary != null,
                    used, budget);
            victim.release();
            listener.dropped(report);
            compact();
            used = journal.sizeBytes();
        }
        if (used <= budget) {
            overReported = false;
        }
        if (used < warnAt) {
            warned = false;
        }
        state = used > budget ? BudgetState.OVER : used >= warnAt ? BudgetState.WARNING : BudgetState.OK;
    }

    /**
     * The oldest unsent night, if dropping it and the unsent nights after it, oldest first, would at
     * some point let a segment be deleted; else null. Nights share segments, so freeing one can take
     * more than one drop, but no night is dropped unless the drops end in a deletion.
     */
    private NightState oldestDroppable() {
        NightState open = openState();
        List<NightState> unsent = new ArrayList<>();
        for (NightState n : nights.values()) {
            if (!n.terminal() && n != open) {
                unsent.add(n);
            }
        }
        for (int k = 1; k <= unsent.size(); k++) {
            if (journal.sizeBytesBefore(compactionBoundary(unsent.subList(0, k))) > 0) {
                return unsent.get(0);
            }
        }
        return null;
    }

    /** First segment that must be kept if the nights in {@code ignoring} were no longer needed. */
    private long compactionBoundary(List<NightState> ignoring) {
        long boundary = journal.activeSegment();
        for (NightState n : nights.values()) {
            if (!n.terminal() && !ignoring.contains(n)) {
                boundary = Math.min(boundary, n.firstSegment);
            }
        }
        return boundary;
    }

    private void compact() throws IOException {
        long boundary = compactionBoundary(List.of());
        journal.deleteSegmentsBefore(boundary);
        for (Iterator<NightState> it = nights.values().iterator(); it.hasNext(); ) {
            NightState n = it.next();
            if (n.terminal() && n.lastSegment < boundary) {
                it.remove();
            }
        }
    }

    private void replay(Journal.Position pos, int type, byte[] payload) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
            switch (type) {
                case NIGHT_START -> {
                    NightStart s = new NightStart(in.readUTF(), in.readUTF(), in.readLong(), in.readLong(),
                            in.readBoolean());
                    NightState n = nights.get(s.nightId());
                    if (n != null) {
                        anomalies.add("second NIGHT_START for night " + s.nightId() + " at " + pos + " ignored");
                    } else {
                        n = new NightState(s.nightId(), pos.segment());
                        n.start = s;
                        nights.put(n.id, n);
                    }
                }
                case MOVEMENT -> {
                    Movement m = new Movement(in.readUTF(), in.readLong(), in.readLong(), in.readByte(),
                            in.readFloat());
                    NightState n = night(m.nightId(), pos);
                    if (n.terminal()) {
                        anomalies.add("MOVEMENT at " + pos + " for night " + n.id + " after it was closed");
                    } else {
                        n.movements.add(m);
                    }
                }
                case NIGHT_PART -> {
                    NightPart p = new NightPart(in.readUTF(), in.readUTF(), in.readLong(), in.readLong(),
                            in.readBoolean(), in.readLong(), in.readBoolean());
                    NightState n = night(p.nightId(), pos);
                    if (n.terminal() || n.summary != null) {
                        anomalies.add("NIGHT_PART at " + pos + " for night " + n.id + " after it was finished");
                    } else {
                        n.parts.add(p);
                    }
                }
                case NIGHT_PROGRESS -> {
                    String id = in.readUTF();
                    byte[] tally = readBlob(in, payload.length, "progress");
                    NightState n = night(id, pos);
                    if (n.terminal() || n.summary != null) {
                        anomalies.add("NIGHT_PROGRESS at " + pos + " for night " + id + " after it was finished");
                    } else {
                        n.progress = tally;
                    }
                }
                case NIGHT_SUMMARY -> {
                    String id = in.readUTF();
                    byte[] summary = readBlob(in, payload.length, "summary");
                    NightState n = night(id, pos);
                    if (n.summary != null || n.terminal()) {
                        anomalies.add("NIGHT_SUMMARY at " + pos + " for night " + id + " already finished");
                    } else {
                        n.summary = summary;
                    }
                }
                case NIGHT_ACKED, NIGHT_DROPPED -> {
                    String id = in.readUTF();
                    NightState n = nights.get(id);
                    if (n != null) {
                        n.lastSegment = pos.segment();
                        if (type == NIGHT_ACKED) {
                            n.acked = true;
                        } else {
                            n.dropped = true;
                        }
                        n.release();
                    }
                }
                default -> anomalies.add("record of unknown type " + type + " at " + pos + " ignored");
            }
        } catch (IOException | IllegalArgumentException e) {
            anomalies.add("undecodable record of type " + type + " at " + pos + " ignored: " + e.getMessage());
        }
    }

    /** The night a replayed record belongs to, created without a start if its start record is gone. */
    private NightState night(String id, Journal.Position pos) {
        NightState n = nights.get(id);
        if (n == null) {
            n = new NightState(id, pos.segment());
            nights.put(id, n);
        }
        n.lastSegment = pos.segment();
        return n;
    }

    private static void checkId(String id) {
        Objects.requireNonNull(id, "nightId");
        if (id.isEmpty() || id.length() > MAX_ID_CHARS) {
            throw new IllegalArgumentException("night id must have 1.." + MAX_ID_CHARS + " characters");
        }
    }

    private static byte[] encode(NightStart s) {
        return write(out -> {
            out.writeUTF(s.nightId());
            out.writeUTF(s.bootId());
            out.writeLong(s.monotonicBaseNs());
            out.writeLong(s.wallClockMs());
            out.writeBoolean(s.wallClockSynced());
        });
    }

    private static byte[] encode(Movement m) {
        return write(out -> {
            out.writeUTF(m.nightId());
            out.writeLong(m.onsetUs());
            out.writeLong(m.offsetUs());
            out.writeByte(m.leg());
            out.writeFloat(m.peakG());
        });
    }

    private static byte[] encode(NightPart p) {
        return write(out -> {
            out.writeUTF(p.nightId());
            out.writeUTF(p.bootId());
            out.writeLong(p.monotonicBaseNs());
            out.writeLong(p.wallClockMs());
            out.writeBoolean(p.wallClockSynced());
            out.writeLong(p.startUs());
            out.writeBoolean(p.startCertain());
        });
    }

    private static byte[] encodeBlob(String id, byte[] blob) {
        return write(out -> {
            out.writeUTF(id);
            out.writeInt(blob.length);
            out.write(blob);
        });
    }

    private static byte[] readBlob(DataInputStream in, int payloadLength, String what) throws IOException {
        int len = in.readInt();
        if (len < 0 || len > payloadLength) {
            throw new IOException(what + " length " + len + " out of range");
        }
        byte[] blob = in.readNBytes(len);
        if (blob.length != len) {
            throw new IOException(what + " shorter than its length");
        }
        return blob;
    }

    private static byte[] encodeId(String id) {
        return write(out -> out.writeUTF(id));
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private static byte[] write(Writer w) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            w.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return bytes.toByteArray();
    }
}
