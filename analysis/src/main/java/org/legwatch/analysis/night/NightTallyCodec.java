package org.legwatch.analysis.night;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary form of a {@link NightTally}, as the device journals it and sends it to the host.
 * Big-endian:
 *
 * <pre>
 * u8  version (1)
 * u8  rules name length n, then n bytes US-ASCII
 * f64 minimum valid hours in bed
 * f64 maximum lost fraction
 * i64 decided until (µs)
 * i64 recorded until (µs)
 * u16 in-bed span count k, then k x (i64 start µs, i64 end µs)
 * u16 not-worn span count m, then m x (i64 start µs, i64 end µs)
 * u8  signal measured (0/1), u8 legs,
 * i64 samples, i64 lost samples, i64 gaps, i64 clipped samples,
 * f64 not-worn hours, f64 recorded hours
 * </pre>
 *
 * Decoding trusts nothing: every count is checked against the bytes that remain before anything
 * is allocated, and a malformed tally is an {@link IllegalArgumentException} naming the field.
 */
public final class NightTallyCodec {
    public static final int VERSION = 1;
    /** Most spans of one kind in a tally; a night's in-bed spans number a few dozen at most. */
    public static final int MAX_SPANS = 4096;
    private static final int SPAN_BYTES = 16;

    private NightTallyCodec() {}

    public static byte[] encode(NightTally tally) {
        byte[] rules = tally.rules().getBytes(StandardCharsets.US_ASCII);
        if (rules.length > 255) {
            throw new IllegalArgumentException("rules name longer than 255 bytes");
        }
        if (tally.inBed().size() > MAX_SPANS || tally.notWorn().size() > MAX_SPANS) {
            throw new IllegalArgumentException("more than " + MAX_SPANS + " spans in a night");
        }
        int size = 1 + 1 + rules.length + 8 + 8 + 8 + 8 + 2 + SPAN_BYTES * tally.inBed().size()
                + 2 + SPAN_BYTES * tally.notWorn().size() + 2 + 4 * 8 + 2 * 8;
        ByteBuffer b = ByteBuffer.allocate(size);
        b.put((byte) VERSION);
        b.put((byte) rules.length).put(rules);
        b.putDouble(tally.minValidHoursInBed()).putDouble(tally.maxLostFraction());
        b.putLong(tally.decidedUntilUs());
        b.putLong(tally.recordedUntilUs());
        putSpans(b, tally.inBed());
        putSpans(b, tally.notWorn());
        SignalQuality s = tally.signal();
        b.put((byte) (s.measured() ? 1 : 0)).put((byte) s.legs());
        b.putLong(s.samples()).putLong(s.lostSamples()).putLong(s.gaps()).putLong(s.clippedSamples());
        b.putDouble(s.notWornHours()).putDouble(s.recordedHours());
        return b.array();
    }

    private static void putSpans(ByteBuffer b, List<TimeSpan> spans) {
        b.putShort((short) spans.size());
        for (TimeSpan span : spans) {
            b.putLong(span.startUs()).putLong(span.endUs());
        }
    }

    public static NightTally decode(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        String field = "version";
        try {
            int version = Byte.toUnsignedInt(b.get());
            if (version != VERSION) {
                throw new IllegalArgumentException("night tally: version " + version + " is not supported (expected "
                        + VERSION + ")");
            }
            field = "rules";
            byte[] rules = new byte[Byte.toUnsignedInt(b.get())];
            b.get(rules);
            field = "minimum valid hours";
            double minValid = finite(b.getDouble(), field);
            field = "maximum lost fraction";
            double maxLost = finite(b.getDouble(), field);
            field = "decided until";
            long decided = b.getLong();
            field = "recorded until";
            long recorded = b.getLong();
            field = "in-bed spans";
            List<TimeSpan> inBed = spans(b, field);
            field = "not-worn spans";
            List<TimeSpan> notWorn = spans(b, field);
            field = "signal quality";
            boolean measured = flag(b.get(), "signal measured");
            int legs = Byte.toUnsignedInt(b.get());
            if (legs > 2) {
                throw new IllegalArgumentException("night tally: legs is " + legs);
            }
            long samples = nonNegative(b.getLong(), "samples");
            long lost = nonNegative(b.getLong(), "lost samples");
            long gaps = nonNegative(b.getLong(), "gaps");
            long clipped = nonNegative(b.getLong(), "clipped samples");
            double notWornH = finite(b.getDouble(), "not-worn hours");
            double recordedH = finite(b.getDouble(), "recorded hours");
            if (b.hasRemaining()) {
                throw new IllegalArgumentException("night tally: " + b.remaining() + " bytes after the end");
            }
            return new NightTally(new String(rules, StandardCharsets.US_ASCII), minValid, maxLost, decided, recorded, inBed,
                    notWorn, new SignalQuality(measured, legs, samples, lost, gaps, clipped, notWornH, recordedH));
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("night tally: ends inside the field '" + field + "' ("
                    + bytes.length + " bytes)", e);
        }
    }

    private static List<TimeSpan> spans(ByteBuffer b, String field) {
        int count = Short.toUnsignedInt(b.getShort());
        if (count > MAX_SPANS || (long) count * SPAN_BYTES > b.remaining()) {
            throw new IllegalArgumentException("night tally: " + field + " count " + count
                    + " does not fit the " + b.remaining() + " bytes left");
        }
        List<TimeSpan> spans = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long start = b.getLong();
            long end = b.getLong();
            if (end < start) {
                throw new IllegalArgumentException("night tally: " + field + " #" + (i + 1) + " ends before it starts");
            }
            spans.add(new TimeSpan(start, end));
        }
        return spans;
    }

    private static double finite(double v, String field) {
        if (!Double.isFinite(v) || v < 0) {
            throw new IllegalArgumentException("night tally: " + field + " is " + v);
        }
        return v;
    }

    private static long nonNegative(long v, String field) {
        if (v < 0) {
            throw new IllegalArgumentException("night tally: " + field + " is negative (" + v + ")");
        }
        return v;
    }

    private static boolean flag(byte v, String field) {
        if (v != 0 && v != 1) {
            throw new IllegalArgumentException("night tally: " + field + " is " + v + ", not 0 or 1");
        }
        return v == 1;
    }
}
