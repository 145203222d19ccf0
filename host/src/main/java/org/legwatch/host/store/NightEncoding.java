package org.legwatch.host.store;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.FutureTask;
import org.legwatch.analysis.night.NightSummary;
import org.legwatch.analysis.scoring.Leg;
import org.legwatch.analysis.scoring.ScoredMovement;
import org.legwatch.host.io.InputFormatException;
import org.legwatch.host.io.NightSummaryJson;
import org.legwatch.link.wire.WireFormatException;
import org.legwatch.link.wire.WireReader;
import org.legwatch.link.wire.WireWriter;

/**
 * The lossless encodings every store shares: the summary as exact JSON, the movements as a compact
 * binary list, and a digest of the whole night that tells a night sent again from a different night
 * under the same id.
 *
 * <p>Movement list, version 1: byte 1, varint count, then per movement: zigzag varint onset minus
 * the previous onset (µs), zigzag varint duration (µs), one byte {@code leg | clm<<2 | plm<<3 |
 * respiratory<<4 | arousal<<5 | plmExcludingRespiratory<<6} (leg 0 R, 1 L, 2 B), varint joined
 * count, varint series, zigzag varint IMI (µs, -1 when undefined). About 15 bytes a movement.
 */
public final class NightEncoding {
    private static final int MOVEMENTS_VERSION = 1;
    private static final Leg[] LEGS = {Leg.RIGHT, Leg.LEFT, Leg.BILATERAL};

    private NightEncoding() {
    }

    public static String summaryText(NightSummary summary) {
        return NightSummaryJson.toExactText(summary);
    }

    /** Reads {@link #summaryText}; {@code what} names the night in the error. */
    public static NightSummary summary(String text, String what) throws StoreException {
        try {
            return NightSummaryJson.parseExact(text, Path.of(what));
        } catch (InputFormatException e) {
            throw new StoreException("stored summary of " + what + " is damaged: " + e.getMessage(), e);
        }
    }

    public static byte[] movementBytes(List<ScoredMovement> movements) {
        WireWriter out = new WireWriter(16 + movements.size() * 16);
        out.u8(MOVEMENTS_VERSION).varint(movements.size());
        long previousOnset = 0;
        for (ScoredMovement m : movements) {
            out.zigzag(m.onsetUs() - previousOnset)
                    .zigzag(m.offsetUs() - m.onsetUs())
                    .u8(m.leg().ordinal() | bit(m.clm(), 2) | bit(m.plm(), 3) | bit(m.respiratory(), 4)
                            | bit(m.arousal(), 5) | bit(m.plmExcludingRespiratory(), 6))
                    .varint(m.joinedCount())
                    .varint(m.series())
                    .zigzag(m.imiUs());
            previousOnset = m.onsetUs();
        }
        return out.toByteArray();
    }

    /** Reads {@link #movementBytes}; {@code what} names the night in the error. */
    public static List<ScoredMovement> movements(byte[] bytes, String what) throws StoreException {
        WireReader in = new WireReader(bytes, 0, bytes.length);
        try {
            int version = in.u8("encoding version");
            if (version != MOVEMENTS_VERSION) {
                throw new StoreException("movements of " + what + " are in an unknown encoding " + version);
            }
            int count = Math.toIntExact(in.varint("count"));
            List<ScoredMovement> movements = new ArrayList<>(Math.min(count, bytes.length));
            long onset = 0;
            for (int i = 0; i < count; i++) {
                onset += in.zigzag("onset");
                long offset = onset + in.zigzag("duration");
                int flags = in.u8("flags");
                if ((flags & 3) > 2 || (flags & 0x80) != 0) {
                    throw new StoreException("movements of " + what + " are damaged (movement " + i + ")");
                }
                int joined = Math.toIntExact(in.varint("joined count"));
                int series = Math.toIntExact(in.varint("series"));
                long imi = in.zigzag("imi");
                movements.add(new ScoredMovement(onset, offset, LEGS[flags & 3], joined, (flags & 4) != 0,
                        (flags & 8) != 0, series, imi, (flags & 16) != 0, (flags & 32) != 0, (flags & 64) != 0));
            }
            in.end("movements of " + what);
            return movements;
        } catch (WireFormatException | ArithmeticException e) {
            throw new StoreException("movements of " + what + " are damaged: " + e.getMessage(), e);
        }
    }

    /** A night with its encodings and digest, made once for a write. */
    public record Encoded(StoredNight night, String summaryText, byte[] movementBytes, String digest) {
    }

    /** Encodes nights for a write, on every core (the encodings are most of a write's work). */
    public static List<Encoded> encode(List<StoredNight> nights) {
        return nights.parallelStream().map(NightEncoding::encode).toList();
    }

    /** Encodes one night. */
    public static Encoded encode(StoredNight night) {
        String summaryText = summaryText(night.summary());
        byte[] movementBytes = movementBytes(night.movements());
        return new Encoded(night, summaryText, movementBytes, digest(night, summaryText, movementBytes));
    }

    /** Receives encoded nights in order. */
    @FunctionalInterface
    public interface EncodedWriter<E extends Exception> {
        void write(Encoded night) throws E, StoreException;
    }

    /** Nights encoded as one task of {@link #encodeInOrder}: enough to outweigh handing a task over. */
    private static final int NIGHTS_PER_TASK = 8;

    /**
     * Encodes nights on the common pool and hands them to {@code writer} in order as soon as each
     * is ready, so that the writer stores the first nights while the pool encodes the rest. The
     * calling thread encodes a task itself when no pool thread has begun it; a writer that fails
     * stops the encoding of what it will not write.
     */
    public static <E extends Exception> void encodeInOrder(List<StoredNight> nights, EncodedWriter<E> writer)
            throws E, StoreException {
        List<FutureTask<List<Encoded>>> tasks = new ArrayList<>();
        for (int from = 0; from < nights.size(); from += NIGHTS_PER_TASK) {
            List<StoredNight> part = nights.subList(from, Math.min(nights.size(), from + NIGHTS_PER_TASK));
            tasks.add(new FutureTask<>(() -> part.stream().map(NightEncoding::encode).toList()));
        }
        for (int i = 1; i < tasks.size(); i++) {
            ForkJoinPool.commonPool().execute(tasks.get(i));
        }
        try {
            for (FutureTask<List<Encoded>> task : tasks) {
                task.run(); // does nothing when a pool thread has begun it
                for (Encoded night : task.get()) {
                    writer.write(night);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while encoding nights to store", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("encoding a night failed", e.getCause());
        } finally {
            for (FutureTask<List<Encoded>> task : tasks) {
                task.cancel(false);
            }
        }
    }

    /** SHA-256 over everything a night is, as lowercase hex. */
    public static String digest(StoredNight night) {
        return digest(night, summaryText(night.summary()), movementBytes(night.movements()));
    }

    /** As above, from encodings already made. */
    public static String digest(StoredNight night, String summaryText, byte[] movementBytes) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
            DataOutputStream out = new DataOutputStream(buffer);
            out.writeUTF(night.deviceId());
            out.writeUTF(night.deviceNightId());
            out.writeUTF(night.patientId());
            out.writeUTF(night.eveningDate().toString());
            out.writeUTF(night.clock().bootId());
            out.writeLong(night.clock().monotonicBaseNs());
            out.writeLong(night.clock().wallClockStartMs());
            out.writeBoolean(night.clock().wallClockSynced());
            out.flush();
            sha.update(buffer.toByteArray());
            sha.update(summaryText.getBytes(StandardCharsets.UTF_8));
            sha.update(movementBytes);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int bit(boolean set, int position) {
        return set ? 1 << position : 0;
    }
}
