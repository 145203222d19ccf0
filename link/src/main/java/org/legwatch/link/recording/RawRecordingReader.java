package org.legwatch.link.recording;

import static org.legwatch.link.recording.RawRecordingFormat.FILE_HEADER;
import static org.legwatch.link.recording.RawRecordingFormat.MAGIC;
import static org.legwatch.link.recording.RawRecordingFormat.PART;
import static org.legwatch.link.recording.RawRecordingFormat.PART_END;
import static org.legwatch.link.recording.RawRecordingFormat.SAMPLES;
import static org.legwatch.link.recording.RawRecordingFormat.VERSION;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Streams the samples of a raw recording (docs/formats.md) in constant memory, across all its
 * parts, in time order.
 *
 * <p>Damage is read around, not thrown: bytes that hold no valid block are skipped up to the next
 * valid block (found by its marker and checked by its CRC) and reported in {@link #damage()} with
 * the blocks and times they cost; a damaged stretch that runs to the end of the file is a torn
 * tail, the trace of a write cut short, reported the same way. Blocks of a part whose header was
 * lost cannot be converted to g and are skipped and reported too. What no damage explains - a bad
 * magic, an unknown version, a checksummed block with impossible content, time going backwards, a
 * part of another leg or night - is a {@link RawRecordingException} naming the byte and field.
 */
public final class RawRecordingReader implements Closeable {
    /** Damaged stretches described in {@link #damage()}; beyond this only {@link #damageCount()} grows. */
    static final int MAX_DAMAGE_REPORTS = 1000;

    private final Path file;
    private final FileChannel channel;
    private final BlockScanner scanner;
    private final PayloadReader payload;
    private final SampleBlockDecoder block = new SampleBlockDecoder();
    private final List<RecordingDamage> damage = new ArrayList<>();
    private long damageCount;
    private long damagedBytes;
    private RawRecordingHeader first;
    private RawRecordingHeader part;
    private long partNumber;
    private long highestPartSeen;
    private long expectedSequence;
    private long partSamples;
    private long partBlocks;
    private boolean partDamaged;
    private boolean partEnded;
    private long pendingSkipOffset = -1;
    private long pendingSkipLength;
    private long orphanPart;
    private long orphanOffset;
    private long orphanFirstBlock;
    private long orphanLastBlock;
    private long orphanBlocks;
    private int index;
    private boolean hasSample;
    private boolean finished;
    private long lastTimeUs = Long.MIN_VALUE;
    private long samplesRead;
    private long validEnd;

    private RawRecordingReader(Path file, FileChannel channel, boolean requirePart) throws IOException {
        this.file = file;
        this.channel = channel;
        this.payload = new PayloadReader(file);
        checkFileHeader();
        this.scanner = new BlockScanner(channel, FILE_HEADER);
        this.validEnd = FILE_HEADER;
        while (part == null && readBlock()) {
            // the first sample block before the first part header is skipped in readBlock
        }
        if (part == null && requirePart) {
            throw new RawRecordingException(file, FILE_HEADER, "part", "no readable part header"
                    + (damage.isEmpty() ? "" : " (" + damage.get(0) + ")"));
        }
    }

    /**
     * Opens {@code file}, checks its magic and version and reads up to its first part header.
     *
     * @throws RawRecordingException when the file is not a raw recording of a known version, or no
     *     part header can be read
     */
    public static RawRecordingReader open(Path file) throws IOException {
        return open(file, true);
    }

    /** Like {@link #open}, but a file with no readable part header yields a reader with a null {@link #header()}. */
    static RawRecordingReader openForRecovery(Path file) throws IOException {
        return open(file, false);
    }

    private static RawRecordingReader open(Path file, boolean requirePart) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            return new RawRecordingReader(file, channel, requirePart);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private void checkFileHeader() throws IOException {
        ByteBuffer head = ByteBuffer.allocate(FILE_HEADER);
        while (head.hasRemaining() && channel.read(head, head.position()) >= 0) {
            // read until full or the end of the file
        }
        byte[] b = head.array();
        if (!RawRecordingFormat.hasMagic(b, head.position())) {
            throw new RawRecordingException(file, 0, "magic", "not a legwatch raw recording: it starts with "
                    + (head.position() == 0 ? "nothing (empty file)" : HexFormat.ofDelimiter(" ").formatHex(b, 0, Math.min(head.position(), MAGIC.length)))
                    + ", not " + HexFormat.ofDelimiter(" ").formatHex(MAGIC));
        }
        if (head.position() < FILE_HEADER) {
            throw new RawRecordingException(file, MAGIC.length, "version", "the file ends inside its header");
        }
        int version = (b[8] & 0xFF) << 8 | (b[9] & 0xFF);
        if (version != VERSION) {
            throw new RawRecordingException(file, MAGIC.length, "version",
                    "format version " + version + " is not supported (this reader knows version " + VERSION + ")");
        }
    }

    public Path file() {
        return file;
    }

    /** The first part's header: whose recording this is (null only for {@link #openForRecovery}). */
    public RawRecordingHeader header() {
        return first;
    }

    /** The header of the part the current sample belongs to. */
    public RawRecordingHeader part() {
        return part;
    }

    /** The number of the current part (1, 2, ...). */
    public long partNumber() {
        return partNumber;
    }

    /** Moves to the next sample; false at the end of the recording. */
    public boolean next() throws IOException {
        if (hasSample && ++index < block.n) {
            return true;
        }
        hasSample = false;
        while (!finished) {
            if (readBlock() && scanner.type == SAMPLES && block.n > 0) {
                index = 0;
                hasSample = true;
                return true;
            }
        }
        return false;
    }

    /** The current sample's time, µs on the night's time base. */
    public long tUs() {
        return block.t[index];
    }

    public int xCount() {
        return block.x[index];
    }

    public int yCount() {
        return block.y[index];
    }

    public int zCount() {
        return block.z[index];
    }

    /** The current sample's x in g ({@link CountScale#toG}). */
    public double x() {
        return part.scale().toG(block.x[index]);
    }

    public double y() {
        return part.scale().toG(block.y[index]);
    }

    public double z() {
        return part.scale().toG(block.z[index]);
    }

    /**
     * Reads the next valid block and applies it. Returns false when the file is over; a SAMPLES
     * block that was decoded leaves its samples in {@link #block} (n is 0 for one that was skipped).
     */
    private boolean readBlock() throws IOException {
        block.n = 0;
        if (!scanner.next()) {
            finished = true;
            flushOrphans();
            if (scanner.skippedOffset >= 0) {
                report(RecordingDamage.Kind.TORN_TAIL, scanner.skippedOffset, scanner.skippedLength, String.format(Locale.ROOT,
                        "%s: the last %d bytes (from byte %d) are a torn block, a write cut short; dropped",
                        file, scanner.skippedLength, scanner.skippedOffset));
            }
            return false;
        }
        if (scanner.skippedOffset >= 0) {
            pendingSkipOffset = scanner.skippedOffset;
            pendingSkipLength = scanner.skippedLength;
        }
        payload.reset(scanner.window(), scanner.payloadIndex, scanner.payloadIndex + scanner.payloadLength,
                scanner.blockOffset + RawRecordingFormat.FRAME_HEADER);
        switch (scanner.type) {
            case PART -> readPart();
            case SAMPLES -> readSamples();
            case PART_END -> readPartEnd();
            default -> throw new IllegalStateException("scanner passed block type " + scanner.type);
        }
        validEnd = scanner.position();
        return true;
    }

    private void readPart() throws IOException {
        long at = payload.offset();
        long number = payload.u32("part");
        if (number == 0 || number <= highestPartSeen) {
            throw payload.errorAt(at, "part", number == 0 ? "part numbers start at 1"
                    : "part " + number + " does not follow part " + highestPartSeen);
        }
        RawRecordingHeader header = PartHeaderCodec.read(payload);
        if (first != null && !first.sameRecording(header)) {
            throw payload.errorAt(at, "part", "part " + number + " records leg " + header.leg() + " of night '"
                    + header.nightId() + "', but the file began with leg " + first.leg() + " of night '" + first.nightId() + "'");
        }
        flushOrphans();
        flushPendingSkip(number == highestPartSeen + 1 ? null
                : (number - highestPartSeen == 2 ? "part " + (number - 1) : "parts " + (highestPartSeen + 1) + ".." + (number - 1))
                        + " lost with its header");
        if (first == null) {
            first = header;
        }
        part = header;
        partNumber = number;
        highestPartSeen = number;
        expectedSequence = 0;
        partSamples = 0;
        partBlocks = 0;
        partDamaged = false;
        partEnded = false;
    }

    private void readSamples() throws IOException {
        long at = payload.offset();
        block.readIdentity(payload);
        if (part == null || block.part != partNumber) {
            skipOrphan();
            return;
        }
        flushOrphans();
        if (block.sequence < expectedSequence) {
            throw payload.errorAt(at, "block", "block " + block.sequence + " of part " + partNumber + " comes after block "
                    + (expectedSequence - 1));
        }
        block.decode(payload);
        if (block.t[0] <= lastTimeUs) {
            throw payload.errorAt(block.firstTimeOffset, "t0_us", "time " + seconds(block.t[0]) + " s does not advance past "
                    + seconds(lastTimeUs) + " s of the block before");
        }
        String lost = null;
        if (block.sequence > expectedSequence) {
            lost = (block.sequence - expectedSequence == 1 ? "block " + expectedSequence
                    : "blocks " + expectedSequence + ".." + (block.sequence - 1)) + " of part " + partNumber + " lost";
        }
        if (lost != null || pendingSkipOffset >= 0) {
            flushPendingSkip((lost == null ? "" : lost + ", ") + "no samples from " + (lastTimeUs == Long.MIN_VALUE ? "the start"
                    : seconds(lastTimeUs) + " s") + " to " + seconds(block.t[0]) + " s");
        }
        expectedSequence = block.sequence + 1;
        partBlocks++;
        partSamples += block.n;
        samplesRead += block.n;
        lastTimeUs = block.t[block.n - 1];
    }

    private void readPartEnd() throws IOException {
        long at = payload.offset();
        long number = payload.u32("part");
        long blocks = payload.i64("blocks");
        long samples = payload.i64("samples");
        if (!payload.atEnd()) {
            throw payload.error("part_end", "bytes left after the part's end");
        }
        if (number > partNumber) {
            // the end of a part whose header was lost: its blocks were skipped and are reported
            highestPartSeen = Math.max(highestPartSeen, number);
            flushOrphans();
            flushPendingSkip(null);
            return;
        }
        flushOrphans();
        flushPendingSkip(null);
        if (number != partNumber) {
            throw payload.errorAt(at, "part", "the end of part " + number + " inside part " + partNumber);
        }
        if (!partDamaged && (blocks != partBlocks || samples != partSamples)) {
            throw payload.errorAt(at, "blocks", "part " + number + " says it holds " + blocks + " blocks and " + samples
                    + " samples; the file has " + partBlocks + " and " + partSamples);
        }
        partEnded = true;
    }

    /** A samples block of a part whose header was lost: without its scale it cannot be read. */
    private void skipOrphan() {
        if (orphanBlocks > 0 && block.part != orphanPart) {
            flushOrphans();
        }
        flushPendingSkip(null);
        highestPartSeen = Math.max(highestPartSeen, block.part);
        if (orphanBlocks == 0) {
            orphanPart = block.part;
            orphanOffset = scanner.blockOffset;
            orphanFirstBlock = block.sequence;
        }
        orphanLastBlock = block.sequence;
        orphanBlocks++;
    }

    private void flushOrphans() {
        if (orphanBlocks == 0) {
            return;
        }
        report(RecordingDamage.Kind.SKIPPED, orphanOffset, 0, String.format(Locale.ROOT,
                "%s: %d blocks of part %d (blocks %d..%d, from byte %d) skipped: the header of part %d was lost",
                file, orphanBlocks, orphanPart, orphanFirstBlock, orphanLastBlock, orphanOffset, orphanPart));
        orphanBlocks = 0;
    }

    /** Turns skipped bytes seen before the current block into a damage report. */
    private void flushPendingSkip(String consequence) {
        if (pendingSkipOffset < 0 && consequence == null) {
            return;
        }
        long offset = pendingSkipOffset < 0 ? scanner.blockOffset : pendingSkipOffset;
        long length = pendingSkipOffset < 0 ? 0 : pendingSkipLength;
        report(RecordingDamage.Kind.SKIPPED, offset, length, String.format(Locale.ROOT, "%s: %s%s", file,
                length > 0 ? length + " damaged bytes from byte " + offset + " skipped" : "at byte " + offset,
                consequence == null ? "" : ": " + consequence));
        pendingSkipOffset = -1;
        pendingSkipLength = 0;
    }

    private void report(RecordingDamage.Kind kind, long offset, long length, String description) {
        partDamaged = true;
        damageCount++;
        damagedBytes += length;
        if (damage.size() < MAX_DAMAGE_REPORTS) {
            damage.add(new RecordingDamage(kind, offset, length, description));
        }
    }

    private static String seconds(long us) {
        return String.format(Locale.ROOT, "%.6f", us / 1e6);
    }

    /** Damage found so far, in file order (the first {@value #MAX_DAMAGE_REPORTS}). */
    public List<RecordingDamage> damage() {
        return Collections.unmodifiableList(damage);
    }

    /** Damaged stretches found so far, all of them. */
    public long damageCount() {
        return damageCount;
    }

    /** Bytes in damaged stretches found so far. */
    public long damagedBytes() {
        return damagedBytes;
    }

    /** Samples in the blocks read so far (including the rest of the current block). */
    public long samplesRead() {
        return samplesRead;
    }

    /** Whether the reader has passed the last block of the file. */
    public boolean finished() {
        return finished;
    }

    /** Whether the last part read ended with its PART_END block (the writer was closed, not cut off). */
    public boolean partEndedCleanly() {
        return partEnded;
    }

    /** The time of the last sample read, or {@link Long#MIN_VALUE} before any. */
    public long lastTimeUs() {
        return lastTimeUs;
    }

    /** The highest part number met, in a part header or a samples block. */
    long highestPartSeen() {
        return highestPartSeen;
    }

    /** The offset just after the last valid block read (the file header when none). */
    long validEnd() {
        return validEnd;
    }

    /** The file's size when it was opened. */
    public long fileSize() {
        return scanner.size();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
