package org.legwatch.link.recording;

import static org.legwatch.link.recording.RawRecordingFormat.FILE_HEADER;
import static org.legwatch.link.recording.RawRecordingFormat.FRAME_HEADER;
import static org.legwatch.link.recording.RawRecordingFormat.FRAME_OVERHEAD;
import static org.legwatch.link.recording.RawRecordingFormat.MAGIC;
import static org.legwatch.link.recording.RawRecordingFormat.MAX_PAYLOAD;
import static org.legwatch.link.recording.RawRecordingFormat.PART;
import static org.legwatch.link.recording.RawRecordingFormat.PART_END;
import static org.legwatch.link.recording.RawRecordingFormat.SAMPLES;
import static org.legwatch.link.recording.RawRecordingFormat.VERSION;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;
import java.util.zip.CRC32C;

/**
 * Records one leg's raw acceleration into a raw recording file (docs/formats.md), one sample or
 * one FIFO burst at a time, as integer counts of the sensor's scale. Appending a sample allocates
 * nothing; the samples of about a second (see {@link Options#blockMicros}) are encoded into one
 * checksummed block when the block is full.
 *
 * <h2>Parts</h2>
 *
 * {@link #open} on a file that exists continues it: it reads the file through (reporting damage in
 * {@link #recovery()}), cuts off a torn tail, and starts a new part with its own header; a file of
 * another leg or night is refused. Sample times must increase across parts too.
 *
 * <h2>Durability</h2>
 *
 * A block is written when it is complete and forced to the storage device
 * ({@link FileChannel#force force(false)}, {@code fdatasync}) after every
 * {@link Options#syncEveryBlocks}-th block, when {@link #sync} or {@link #close} is called, and
 * with every part header (creating a file also forces its directory). A power cut therefore loses
 * at most the open block and the blocks not yet forced: (syncEveryBlocks + 1) x blockMicros of
 * samples, 11 s with the defaults. A block cut in half is a torn tail that readers drop and the
 * next {@link #open} truncates. If a write fails, the file is cut back to its last complete block,
 * the exception is thrown, and the writer refuses further samples: {@link #open} it again to go on
 * in a new part.
 *
 * <p>Not safe for use by several threads; one writer per file at a time (a file lock enforces it).
 */
public final class RawRecordingWriter implements Closeable {

    /**
     * @param blockMicros     a block is closed once its next sample would lie this many µs or more after
     *                        its first (and after {@value RawRecordingFormat#MAX_BLOCK_SAMPLES} samples)
     * @param syncEveryBlocks force the file to the device after this many blocks
     */
    public record Options(long blockMicros, int syncEveryBlocks) {
        /** 1 s blocks, forced every 10 blocks: at most 11 s lost to a power cut. */
        public static final Options DEFAULT = new Options(1_000_000, 10);

        public Options {
            if (blockMicros < 1) {
                throw new IllegalArgumentException("block length must be positive: " + blockMicros + " µs");
            }
            if (syncEveryBlocks < 1) {
                throw new IllegalArgumentException("sync interval must be at least one block: " + syncEveryBlocks);
            }
        }
    }

    /**
     * What {@link #open} found.
     *
     * @param created         whether the file was new (or held nothing but a torn start)
     * @param part            the number of the part this writer writes
     * @param samplesBefore   samples the earlier parts hold
     * @param lastTimeUs      the last of them, or {@link Long#MIN_VALUE}
     * @param damage          damage found in the earlier parts
     * @param truncatedBytes  bytes of torn tail cut off
     */
    public record Recovery(boolean created, long part, long samplesBefore, long lastTimeUs,
                           List<RecordingDamage> damage, long truncatedBytes) {
        public Recovery {
            damage = List.copyOf(damage);
        }
    }

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final Options options;
    private final CountScale scale;
    private final Recovery recovery;
    private final long part;
    private final SampleBlockEncoder block = new SampleBlockEncoder();
    private final PayloadWriter payload = new PayloadWriter();
    private final byte[] frame = new byte[FRAME_OVERHEAD + MAX_PAYLOAD];
    private final ByteBuffer out = ByteBuffer.allocateDirect(FILE_HEADER + FRAME_OVERHEAD + MAX_PAYLOAD);
    private final CRC32C crc = new CRC32C();
    private long end;
    private long sequence;
    private long samples;
    private long lastTimeUs;
    private int unsyncedBlocks;
    private IOException failure;
    private boolean closed;

    private RawRecordingWriter(Path file, FileChannel channel, FileLock lock, RawRecordingHeader header, Options options)
            throws IOException {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.options = options;
        this.scale = header.scale();
        this.recovery = recover(header);
        this.part = recovery.part();
        this.lastTimeUs = recovery.lastTimeUs();
        out.clear();
        if (recovery.created()) {
            out.put(MAGIC).putShort((short) VERSION);
        }
        payload.reset(frame, FRAME_HEADER);
        PartHeaderCodec.write(payload, part, header);
        putFrame(PART);
        writeAndForce();
        if (recovery.created()) {
            forceDirectory();
        }
    }

    /**
     * Opens {@code file} for recording: creates it with part 1, or continues it with a new part
     * after checking it holds the same leg of the same night (see the class description).
     *
     * @throws IllegalArgumentException when the file records another leg or night
     * @throws RawRecordingException when the file exists but is not a raw recording this writer can continue
     * @throws IOException when another writer holds the file, or the file system fails
     */
    public static RawRecordingWriter open(Path file, RawRecordingHeader header, Options options) throws IOException {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(options, "options");
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock = null;
        try {
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new IOException(file + " is being recorded by another writer");
            }
            return new RawRecordingWriter(file, channel, lock, header, options);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private Recovery recover(RawRecordingHeader header) throws IOException {
        long size = channel.size();
        if (size < FILE_HEADER && startsLikeMagic(size)) {
            channel.truncate(0);
            end = 0;
            return new Recovery(true, 1, 0, Long.MIN_VALUE, List.of(), size);
        }
        try (RawRecordingReader reader = RawRecordingReader.openForRecovery(file)) {
            RawRecordingHeader first = reader.header();
            if (first != null && !first.sameRecording(header)) {
                throw new IllegalArgumentException(file + " records leg " + first.leg() + " of night '" + first.nightId()
                        + "'; it cannot be continued with leg " + header.leg() + " of night '" + header.nightId() + "'");
            }
            while (reader.next()) {
                // reading through finds the last sample, the last part and the damage
            }
            end = reader.validEnd();
            long torn = size - end;
            if (torn > 0) {
                channel.truncate(end);
                channel.force(false);
            }
            return new Recovery(false, reader.highestPartSeen() + 1, reader.samplesRead(), reader.lastTimeUs(),
                    reader.damage(), torn);
        }
    }

    /**
     * Whether the {@code size} bytes (fewer than the file header) begin like a raw recording: a
     * file whose creation was cut short, safe to start again; anything else is not ours to overwrite.
     */
    private boolean startsLikeMagic(long size) throws IOException {
        ByteBuffer head = ByteBuffer.allocate((int) size);
        while (head.hasRemaining() && channel.read(head, head.position()) >= 0) {
            // read the few bytes there are
        }
        for (int i = 0; i < head.position(); i++) {
            if (i < MAGIC.length && head.get(i) != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /** What {@link #open} found in the file. */
    public Recovery recovery() {
        return recovery;
    }

    public Path file() {
        return file;
    }

    /** This writer's part number. */
    public long part() {
        return part;
    }

    /**
     * Appends one sample: time in µs on the night's time base (after the previous sample's), the
     * axes in g, each rounded to the nearest count of the header's scale.
     *
     * @throws IllegalArgumentException when the time does not advance, or a value is not a number
     *     or beyond the largest count
     * @throws IOException when writing a completed block fails (the writer is then failed)
     */
    public void append(long tUs, double xG, double yG, double zG) throws IOException {
        appendCounts(tUs, scale.toCount(xG), scale.toCount(yG), scale.toCount(zG));
    }

    /** Appends {@code count} samples of a FIFO burst from index {@code offset} of the arrays. */
    public void append(long[] tUs, double[] xG, double[] yG, double[] zG, int offset, int count) throws IOException {
        Objects.checkFromIndexSize(offset, count, Math.min(Math.min(tUs.length, xG.length), Math.min(yG.length, zG.length)));
        for (int i = offset; i < offset + count; i++) {
            append(tUs[i], xG[i], yG[i], zG[i]);
        }
    }

    /** Appends one sample given as counts of the header's scale (|count| at most {@link CountScale#MAX_COUNT}). */
    public void appendCounts(long tUs, int x, int y, int z) throws IOException {
        requireWritable();
        if (tUs <= lastTimeUs) {
            throw new IllegalArgumentException(file + ": sample time " + tUs + " µs does not advance past " + lastTimeUs + " µs");
        }
        if (Math.abs((long) x) > CountScale.MAX_COUNT || Math.abs((long) y) > CountScale.MAX_COUNT
                || Math.abs((long) z) > CountScale.MAX_COUNT) {
            throw new IllegalArgumentException(file + ": a count of (" + x + ", " + y + ", " + z + ") exceeds "
                    + CountScale.MAX_COUNT);
        }
        if (block.size() > 0 && tUs - block.firstTime() >= options.blockMicros()) {
            writeBlock();
        }
        block.add(tUs, x, y, z);
        lastTimeUs = tUs;
        if (block.full()) {
            writeBlock();
        }
    }

    /** Writes the open block now, without forcing it to the device. */
    public void flush() throws IOException {
        requireWritable();
        writeBlock();
    }

    /** Writes the open block and forces the file to the device. */
    public void sync() throws IOException {
        flush();
        force();
    }

    /** Samples appended by this writer (written or in the open block). */
    public long samplesAppended() {
        return samples + block.size();
    }

    /** Bytes the file holds (written, not counting the open block). */
    public long fileSize() {
        return end;
    }

    private void writeBlock() throws IOException {
        if (block.size() == 0) {
            return;
        }
        payload.reset(frame, FRAME_HEADER);
        block.encode(part, sequence, payload);
        out.clear();
        putFrame(SAMPLES);
        write();
        sequence++;
        samples += block.size();
        block.clear();
        if (++unsyncedBlocks >= options.syncEveryBlocks()) {
            force();
        }
    }

    private void putFrame(int type) {
        int length = payload.position() - FRAME_HEADER;
        out.put(frame, 0, RawRecordingFormat.frame(frame, type, length, crc));
        out.flip();
    }

    private void writeAndForce() throws IOException {
        write();
        force();
    }

    /** Writes {@link #out} at the end of the file; on failure cuts the file back and fails the writer. */
    private void write() throws IOException {
        long at = end;
        try {
            while (out.hasRemaining()) {
                channel.write(out, at + out.position());
            }
        } catch (IOException e) {
            fail(e, at);
            throw e;
        }
        end = at + out.limit();
    }

    private void force() throws IOException {
        try {
            channel.force(false);
        } catch (IOException e) {
            fail(e, end);
            throw e;
        }
        unsyncedBlocks = 0;
    }

    private void fail(IOException e, long cutAt) {
        failure = e;
        try {
            channel.truncate(cutAt);
        } catch (IOException again) {
            e.addSuppressed(again);
        }
    }

    private void forceDirectory() throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        }
    }

    private void requireWritable() throws IOException {
        if (closed) {
            throw new IllegalStateException(file + ": the writer is closed");
        }
        if (failure != null) {
            throw new IOException(file + ": the writer failed earlier and takes no more samples: " + failure.getMessage(),
                    failure);
        }
    }

    /** Writes the open block and the part's end, forces the file and releases it. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            if (failure == null) {
                writeBlock();
                payload.reset(frame, FRAME_HEADER);
                payload.u32(part);
                payload.i64(sequence);
                payload.i64(samples);
                out.clear();
                putFrame(PART_END);
                writeAndForce();
            }
        } finally {
            closed = true;
            try {
                lock.release();
            } finally {
                channel.close();
            }
        }
    }
}
