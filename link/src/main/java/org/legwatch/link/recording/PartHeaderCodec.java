package org.legwatch.link.recording;

/** The PART payload after its part number: a {@link RawRecordingHeader} field by field (docs/formats.md). */
final class PartHeaderCodec {
    private PartHeaderCodec() {
    }

    static void write(PayloadWriter out, long number, RawRecordingHeader h) {
        out.u32(number);
        out.u8(h.leg());
        out.text(h.chip(), false);
        out.f64(h.nominalRateHz());
        out.u16(h.rangeG());
        out.u32(h.scale().mantissa());
        out.u8(h.scale().exponent());
        out.text(h.nightId(), true);
        out.text(h.bootId(), true);
        out.i64(h.monotonicBaseNs());
        out.i64(h.wallClockMs());
        out.i64(h.wallClockAtUs());
        out.u8(h.wallClockSynchronised() ? 1 : 0);
    }

    /** Reads the header after the part number; every field is checked where it stands. */
    static RawRecordingHeader read(PayloadReader in) throws RawRecordingException {
        long legAt = in.offset();
        int leg = in.u8("leg");
        if (leg != 'R' && leg != 'L') {
            throw in.errorAt(legAt, "leg", "0x" + Integer.toHexString(leg) + " is neither 'R' nor 'L'");
        }
        String chip = in.text("chip", false, 1, RawRecordingHeader.MAX_CHIP_BYTES);
        long rateAt = in.offset();
        double rate = in.f64("rate_hz");
        if (!(rate > 0 && rate <= 100_000)) {
            throw in.errorAt(rateAt, "rate_hz", rate + " Hz is outside (0, 100000]");
        }
        long rangeAt = in.offset();
        int range = in.u16("range_g");
        if (range == 0) {
            throw in.errorAt(rangeAt, "range_g", "0 g");
        }
        long mantissaAt = in.offset();
        long mantissa = in.u32("scale_mantissa");
        if (mantissa == 0 || mantissa > 999_999_999) {
            throw in.errorAt(mantissaAt, "scale_mantissa", mantissa + " is outside 1..999999999");
        }
        long exponentAt = in.offset();
        int exponent = (byte) in.u8("scale_exponent");
        if (exponent < -18 || exponent > 9) {
            throw in.errorAt(exponentAt, "scale_exponent", exponent + " is outside -18..9");
        }
        String night = in.text("night_id", true, 1, RawRecordingHeader.MAX_ID_BYTES);
        String boot = in.text("boot_id", true, 0, RawRecordingHeader.MAX_ID_BYTES);
        long base = in.i64("monotonic_base_ns");
        long wall = in.i64("wall_clock_ms");
        long wallAt = in.i64("wall_clock_at_us");
        long syncAt = in.offset();
        int sync = in.u8("wall_clock_synchronised");
        if (sync > 1) {
            throw in.errorAt(syncAt, "wall_clock_synchronised", sync + " is neither 0 nor 1");
        }
        if (!in.atEnd()) {
            throw in.error("part", "bytes left after the part header's last field");
        }
        return new RawRecordingHeader((char) leg, chip, rate, range, new CountScale((int) mantissa, exponent), night, boot,
                base, wall, wallAt, sync == 1);
    }
}
