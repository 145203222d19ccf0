package org.legwatch.host.store;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.legwatch.analysis.night.NightSummary;
import org.legwatch.analysis.scoring.Leg;
import org.legwatch.analysis.scoring.ScoredMovement;
import org.legwatch.host.io.InputFormatException;
import org.legwatch.host.io.NightSummaryJson;

/**
 * The lossless encodings every store shares: the summary as exact JSON, the movements as a compact
 * binary list, and a digest of the whole night that tells a night sent again from a different night
 * under the same id.
 *
 * <p>Movement list, version 1: byte 1, varint count, then per movement: zigzag varint onset minus
 * the previous onset (µs), zigzag varint duration (µs), one byte {@code leg | clm<<2 | plm<<3 |
 * respiratory<<4 | arousal<<5 | plmExcludingRespiratory<<6} (leg 0 R, 1 L, 2 B), varint joined
 * count, varint series, zigzag varint IMI (µs, -1 when undefined). About 10 bytes a movement.
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
        Bytes out = new Bytes(16 + movements.size() * 12);
        out.put(MOVEMENTS_VERSION);
        out.varint(movements.size());
        long previousOnset = 0;
        for (ScoredMovement m : movements) {
            out.varint(zigzag(m.onsetUs() - previousOnset));
            out.varint(zigzag(m.offsetUs() - m.onsetUs()));
            out.put(m.leg().ordinal() | bit(m.clm(), 2) | bit(m.plm(), 3) | bit(m.respiratory(), 4)
                    | bit(m.arousal(), 5) | bit(m.plmExcludingRespiratory(), 6));
            out.varint(m.joinedCount());
            out.varint(m.series());
            out.varint(zigzag(m.imiUs()));
            previousOnset = m.onsetUs();
        }
        return out.toArray();
    }

    /** A growing byte array for the encoder. */
    private static final class Bytes {
        private byte[] bytes;
        private int size;

        Bytes(int capacity) {
            bytes = new byte[capacity];
        }

        void put(int b) {
            if (size == bytes.length) {
                bytes = Arrays.copyOf(bytes, bytes.length * 2);
            }
            bytes[size++] = (byte) b;
        }

        void varint(long value) {
            while ((value & ~0x7FL) != 0) {
                put((int) ((value & 0x7F) | 0x80));
                value >>>= 7;
            }
            put((int) value);
        }

        byte[] toArray() {
            return Arrays.copyOf(bytes, size);
        }
    }

    /** Reads {@link #movementBytes}; {@code what} names the night in the error. */
    public static List<ScoredMovement> movements(byte[] bytes, String what) throws StoreException {
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            int version = in.get();
            if (version != MOVEMENTS_VERSION) {
                throw new StoreException("movements of " + what + " are in an unknown encoding " + version);
            }
            int count = Math.toIntExact(readVarint(in));
            List<ScoredMovement> movements = new ArrayList<>(count);
            long onset = 0;
            for (int i = 0; i < count; i++) {
                onset += unzigzag(readVarint(in));
                long offset = onset + unzigzag(readVarint(in));
                int flags = in.get();
                if ((flags & 3) > 2 || (flags & 0x80) != 0) {
                    throw new StoreException("movements of " + what + " are damaged (movement " + i + ")");
                }
                int joined = Math.toIntExact(readVarint(in));
                int series = Math.toIntExact(readVarint(in));
                long imi = unzigzag(readVarint(in));
                movements.add(new ScoredMovement(onset, offset, LEGS[flags & 3], joined, (flags & 4) != 0,
                        (flags & 8) != 0, series, imi, (flags & 16) != 0, (flags & 32) != 0, (flags & 64) != 0));
            }
            if (in.hasRemaining()) {
                throw new StoreException("movements of " + what + " are damaged: " + in.remaining() + " bytes left over");
            }
            return movements;
        } catch (java.nio.BufferUnderflowException | ArithmeticException e) {
            throw new StoreException("movements of " + what + " are damaged (cut short)", e);
        }
    }

    /** A night with its encodings and digest, made once for a write. */
    public record Encoded(StoredNight night, String summaryText, byte[] movementBytes, String digest) {
    }

    /** Encodes nights for a write, on every core (the encodings are most of a write's work). */
    public static List<Encoded> encode(List<StoredNight> nights) {
        return nights.parallelStream().map(night -> {
            String summaryText = summaryText(night.summary());
            byte[] movementBytes = movementBytes(night.movements());
            return new Encoded(night, summaryText, movementBytes, digest(night, summaryText, movementBytes));
        }).toList();
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

    private static long zigzag(long value) {
        return (value << 1) ^ (value >> 63);
    }

    private static long unzigzag(long value) {
        return (value >>> 1) ^ -(value & 1);
    }

    private static long readVarint(ByteBuffer in) throws StoreException {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = in.get();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new StoreException("a number in a movement list runs past 64 bits");
    }
}
