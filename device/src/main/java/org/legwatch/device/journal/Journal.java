package org.legwatch.device.journal;

import static org.legwatch.device.journal.RecordFormat.HEADER;
import static org.legwatch.device.journal.RecordFormat.MARKER;
import static org.legwatch.device.journal.RecordFormat.MAX_PAYLOAD;
import static org.legwatch.device.journal.RecordFormat.OVERHEAD;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An append-only journal of checksummed records (layout in {@link RecordFormat}) kept in a
 * directory of segment files {@code journal-000001.seg}, {@code journal-000002.seg}, ... A new
 * segment is started when the next record would take the current one past the configured segment
 * size; a record never spans two segments.
 *
 * <h2>Fsync policy</h2>
 *
 * {@link #append} writes the record and calls {@link FileChannel#force force(false)} on the
 * segment before it returns: one force per record. A record whose {@code append} has returned is
 * on the storage device as far as the operating system can tell; a record whose {@code append} has
 * not returned may or may not be there after a power cut, and if it is there only in part, the
 * next {@link #open} drops it. The journal holds finished movements and night bookkeeping, a few
 * records a minute at most, so a force per record costs nothing that matters and no batching
 * window exists in which a recorded movement could be lost. On Linux {@code force(false)} is
 * {@code fdatasync(2)}, which also writes the file-size change an append makes. Creating a new
 * segment and deleting old ones is followed by a force of the directory so the directory entry
 * itself is durable.
 *
 * <p>A journal opened with {@code forceAppends} false (the end-to-end demo's simulated device, whose
 * nights are made up and need survive no power cut) writes its records without forcing each one;
 * everything else about it is the same.
 *
 * <h2>Recovery</h2>
 *
 * {@link #open} verifies every record of every segment (marker, bounded length, CRC). A damaged
 * stretch followed by an intact record is skipped by searching forward for the next sync marker
 * that starts a valid record; it is reported in {@link Recovery#skipped()} and left on disk. A
 * damaged stretch at the end of the newest segment is what a write interrupted by a power cut
 * leaves behind: it is truncated away and reported in {@link Recovery#truncatedTail()}. A damaged
 * stretch at the end of an older segment cannot come from an interrupted write (a segment is only
 * left after its last record was forced), so it is reported as skipped, not truncated.
 *
 * <p>Instances are safe for use from several threads; one process at a time may hold a journal
 * directory open (a lock file {@code journal.lock} enforces it).
 */
public final class Journal implements Closeable {

    /** Where a record starts: its segment number and byte offset inside that segment. */
    public record Position(long segment, long offset) implements Comparable<Position> {
        @Override
        public int compareTo(Position o) {
            int c = Long.compare(segment, o.segment);
            return c != 0 ? c : Long.compare(offset, o.offset);
        }

        @Override
        public String toString() {
            return segmentName(segment) + "@" + offset;
        }
    }

    /** Receives the records of the journal in the order they were appended. */
    @FunctionalInterface
    public interface RecordVisitor {
        void visit(Position position, int type, byte[] payload) throws IOException;
    }

    /** A stretch of bytes that did not hold valid records. */
    public record Damage(long segment, long offset, long length) {
        @Override
        public String toString() {
            return length + " bytes at " + segmentName(segment) + "@" + offset;
        }
    }

    /**
     * What {@link #open} found: the number of intact records, the damaged stretches it skipped
     * (left on disk, surrounded by intact records), and the torn tail it truncated, if any.
     */
    public record Recovery(long records, List<Damage> skipped, Damage truncatedTail) {
        public Recovery {
            skipped = List.copyOf(skipped);
        }

        /** Whether every byte of the journal was part of an intact record. */
        public boolean clean() {
            return skipped.isEmpty() && truncatedTail == null;
        }
    }

    /** Default size at which a new segment is started: 1 MiB. */
    public static final long DEFAULT_SEGMENT_BYTES = 1024 * 1024;

    private static final Pattern SEGMENT = Pattern.compile("journal-(\\d{6,18})\\.seg");
    private static final String LOCK_FILE = "journal.lock";

    private final Path dir;
    private final long segmentBytes;
    private final boolean forceAppends;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final NavigableMap<Long, Long> segmentSizes = new TreeMap<>();
    private final Recovery recovery;
    private long activeId;
    private FileChannel active;
    private boolean closed;

    private Journal(Path dir, long segmentBytes, boolean forceAppends, FileChannel lockChannel, FileLock lock)
            throws IOException {
        this.dir = dir;
        this.segmentBytes = segmentBytes;
        this.forceAppends = forceAppends;
        this.lockChannel = lockChannel;
        this.lock = lock;
        try {
            this.recovery = recover();
        } catch (IOException | RuntimeException e) {
            if (active != null) {
                active.close();
            }
            throw e;
        }
    }

    /** Opens the journal in {@code dir} with {@link #DEFAULT_SEGMENT_BYTES}. */
    public static Journal open(Path dir) throws IOException {
        return open(dir, DEFAULT_SEGMENT_BYTES);
    }

    /**
     * Opens (creating if needed) the journal in {@code dir} and recovers it; see the class
     * description. {@code segmentBytes} is the size at which a new segment is started.
     */
    public static Journal open(Path dir, long segmentBytes) throws IOException {
        return open(dir, segmentBytes, true);
    }

    /**
     * As {@link #open(Path, long)}; {@code forceAppends} false leaves appended records to the
     * operating system's write-back instead of forcing each to the storage device (see the class
     * description: for simulated devices only).
     */
    public static Journal open(Path dir, long segmentBytes, boolean forceAppends) throws IOException {
        Objects.requireNonNull(dir, "dir");
        if (segmentBytes < OVERHEAD + MAX_PAYLOAD) {
            throw new IllegalArgumentException(
                    "segment size must hold at least one maximal record (" + (OVERHEAD + MAX_PAYLOAD)
                            + " bytes): " + segmentBytes);
        }
        Files.createDirectories(dir);
        FileChannel lockChannel = FileChannel.open(dir.resolve(LOCK_FILE),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock;
            try {
                lock = lockChannel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new IOException("journal " + dir + " is held open by someone else");
            }
            return new Journal(dir, segmentBytes, forceAppends, lockChannel, lock);
        } catch (IOException | RuntimeException e) {
            lockChannel.close();
            throw e;
        }
    }

    /** What recovery found when the journal was opened. */
    public Recovery recovery() {
        return recovery;
    }

    /** The journal's directory. */
    public Path directory() {
        return dir;
    }

    /**
     * Appends one record and forces it to the device before returning. If the write fails, the
     * segment is cut back to where it was and the exception is thrown: a failed append leaves
     * nothing behind.
     *
     * @return where the record starts
     */
    public synchronized Position append(int type, byte[] payload) throws IOException {
        ensureOpen();
        ByteBuffer rec = RecordFormat.encode(type, payload);
        long activeSize = segmentSizes.get(activeId);
        if (activeSize > 0 && activeSize + rec.remaining() > segmentBytes) {
            roll();
            activeSize = 0;
        }
        long at = activeSize;
        try {
            while (rec.hasRemaining()) {
                active.write(rec, at + rec.position());
            }
            if (forceAppends) {
                active.force(false);
            }
        } catch (IOException e) {
            try {
                active.truncate(at);
                active.force(false);
            } catch (IOException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
        segmentSizes.put(activeId, at + rec.limit());
        return new Position(activeId, at);
    }

    /**
     * Visits every intact record in the order it was appended. Damaged stretches reported at
     * {@link #open} are skipped the same way again.
     */
    public synchronized void forEach(RecordVisitor visitor) throws IOException {
        ensureOpen();
        for (Map.Entry<Long, Long> e : segmentSizes.entrySet()) {
            long id = e.getKey();
            if (id == activeId) {
                scan(active, id, e.getValue(), visitor, new ArrayList<>());
            } else {
                try (FileChannel ch = FileChannel.open(segmentPath(id), StandardOpenOption.READ)) {
                    scan(ch, id, e.getValue(), visitor, new ArrayList<>());
                }
            }
        }
    }

    /** Segment numbers present, oldest first. */
    public synchronized List<Long> segments() {
        return List.copyOf(segmentSizes.keySet());
    }

    /** Number of the segment being appended to. */
    public synchronized long activeSegment() {
        return activeId;
    }

    /** Bytes the segments take (sum of their lengths). */
    public synchronized long sizeBytes() {
        long sum = 0;
        for (long s : segmentSizes.values()) {
            sum += s;
        }
        return sum;
    }

    /** Bytes the segments numbered below {@code segment} take, not counting the active one. */
    public synchronized long sizeBytesBefore(long segment) {
        long sum = 0;
        for (Map.Entry<Long, Long> e : segmentSizes.headMap(Math.min(segment, activeId), false).entrySet()) {
            sum += e.getValue();
        }
        return sum;
    }

    /**
     * Deletes every segment numbered below {@code segment}, never the active one, and forces the
     * directory.
     *
     * @return bytes freed
     */
    public synchronized long deleteSegmentsBefore(long segment) throws IOException {
        ensureOpen();
        List<Long> doomed = new ArrayList<>(segmentSizes.headMap(Math.min(segment, activeId), false).keySet());
        long freed = 0;
        for (long id : doomed) {
            Files.deleteIfExists(segmentPath(id));
            freed += segmentSizes.remove(id);
        }
        if (!doomed.isEmpty()) {
            forceDirectory();
        }
        return freed;
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            active.close();
        } finally {
            try {
                lock.release();
            } finally {
                lockChannel.close();
            }
        }
    }

    /** File name of segment {@code id}. */
    public static String segmentName(long id) {
        return String.format("journal-%06d.seg", id);
    }

    Path segmentPath(long id) {
        return dir.resolve(segmentName(id));
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("journal is closed");
        }
    }

    private Recovery recover() throws IOException {
        List<Long> ids = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "journal-*.seg")) {
            for (Path p : files) {
                Matcher m = SEGMENT.matcher(p.getFileName().toString());
                if (m.matches()) {
                    ids.add(Long.parseLong(m.group(1)));
                }
            }
        }
        ids.sort(null);
        if (ids.isEmpty()) {
            ids.add(1L);
            FileChannel.open(segmentPath(1), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
            forceDirectory();
        }
        long[] records = {0};
        RecordVisitor count = (pos, type, payload) -> records[0]++;
        List<Damage> skipped = new ArrayList<>();
        Damage truncated = null;
        for (int i = 0; i < ids.size(); i++) {
            long id = ids.get(i);
            boolean last = i == ids.size() - 1;
            FileChannel ch = FileChannel.open(segmentPath(id), StandardOpenOption.READ, StandardOpenOption.WRITE);
            boolean keep = false;
            try {
                long size = ch.size();
                List<Damage> found = new ArrayList<>();
                long end = scan(ch, id, size, count, found);
                if (last && end < size) {
                    truncated = found.remove(found.size() - 1);
                    ch.truncate(end);
                    ch.force(false);
                    size = end;
                }
                skipped.addAll(found);
                segmentSizes.put(id, size);
                if (last) {
                    active = ch;
                    activeId = id;
                    keep = true;
                }
            } finally {
                if (!keep) {
                    ch.close();
                }
            }
        }
        return new Recovery(records[0], skipped, truncated);
    }

    private void roll() throws IOException {
        long next = activeId + 1;
        FileChannel ch = FileChannel.open(segmentPath(next),
                StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            forceDirectory();
        } catch (IOException e) {
            ch.close();
            Files.deleteIfExists(segmentPath(next));
            throw e;
        }
        active.close();
        active = ch;
        activeId = next;
        segmentSizes.put(next, 0L);
    }

    private void forceDirectory() throws IOException {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        }
    }

    /**
     * Visits the intact records of one segment of {@code size} bytes. Every damaged stretch is
     * added to {@code damage}.
     *
     * @return the end of the last intact record if the segment ends in a damaged stretch (which is
     *     then the last entry of {@code damage}), else {@code size}
     */
    private static long scan(FileChannel ch, long segment, long size, RecordVisitor visitor, List<Damage> damage)
            throws IOException {
        Reader r = new Reader(ch, size);
        long pos = 0;
        while (pos < size) {
            Rec rec = r.recordAt(pos);
            if (rec != null) {
                visitor.visit(new Position(segment, pos), rec.type, rec.payload);
                pos += OVERHEAD + rec.payload.length;
                continue;
            }
            long next = -1;
            for (long q = r.nextMarker(pos + 1); q >= 0; q = r.nextMarker(q + 1)) {
                if (r.recordAt(q) != null) {
                    next = q;
                    break;
                }
            }
            if (next < 0) {
                damage.add(new Damage(segment, pos, size - pos));
                return pos;
            }
            damage.add(new Damage(segment, pos, next - pos));
            pos = next;
        }
        return size;
    }

    private record Rec(int type, byte[] payload) {}

    /** Positional, bounds-checked reads over one segment. */
    private static final class Reader {
        private static final int CHUNK = 8192;
        private final FileChannel ch;
        private final long size;
        private final ByteBuffer header = ByteBuffer.allocate(HEADER);
        private final ByteBuffer chunk = ByteBuffer.allocate(CHUNK);

        Reader(FileChannel ch, long size) {
            this.ch = ch;
            this.size = size;
        }

        /** The valid record starting at {@code pos}, or null. Allocates only after the length is checked. */
        Rec recordAt(long pos) throws IOException {
            if (size - pos < OVERHEAD) {
                return null;
            }
            header.clear();
            readFully(header, pos);
            if (header.getInt(0) != MARKER) {
                return null;
            }
            int len = header.getInt(4);
            if (len < 0 || len > MAX_PAYLOAD || pos + OVERHEAD + len > size) {
                return null;
            }
            byte[] body = new byte[5 + len + 4];
            readFully(ByteBuffer.wrap(body), pos + 4);
            int stored = ByteBuffer.wrap(body, 5 + len, 4).getInt();
            if ((int) RecordFormat.crc(body, 0, 5 + len) != stored) {
                return null;
            }
            byte[] payload = new byte[len];
            System.arraycopy(body, 5, payload, 0, len);
            return new Rec(body[4] & 0xFF, payload);
        }

        /** Offset of the first sync marker at or after {@code from}, or -1. */
        long nextMarker(long from) throws IOException {
            long base = from;
            while (size - base >= 4) {
                chunk.clear();
                chunk.limit((int) Math.min(CHUNK, size - base));
                readFully(chunk, base);
                int n = chunk.limit();
                for (int i = 0; i + 4 <= n; i++) {
                    if (chunk.getInt(i) == MARKER) {
                        return base + i;
                    }
                }
                base += n - 3;
            }
            return -1;
        }

        private void readFully(ByteBuffer buf, long pos) throws IOException {
            long at = pos;
            while (buf.hasRemaining()) {
                int n = ch.read(buf, at);
                if (n < 0) {
                    throw new EOFException("segment shorter than expected at " + at);
                }
                at += n;
            }
        }
    }
}
