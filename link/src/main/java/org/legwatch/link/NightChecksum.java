package org.legwatch.link;

import java.util.Optional;
import java.util.zip.CRC32C;
import org.legwatch.link.message.MessageCodec;
import org.legwatch.link.message.NightHeader;
import org.legwatch.link.wire.WireWriter;

/**
 * A night's canonical encoding and its CRC-32C, which the device sends in NIGHT_END and the host
 * recomputes over the night it assembled: the NIGHT_START payload, then every movement as 21 bytes
 * (onset int64, offset int64, leg uint8, peak float32 bits), then the summary bytes. It does not
 * depend on how the night was cut into messages.
 */
final class NightChecksum {

    private NightChecksum() {}

    static NightHeader header(Night night) {
        Optional<byte[]> summary = night.summary();
        return new NightHeader(night.nightId(), night.start(), summary.isPresent(), night.movements().size(),
                summary.map(s -> s.length).orElse(0));
    }

    /** Bytes of the canonical encoding: the night at fixed width, as the device holds it. */
    static long canonicalLength(Night night) {
        WireWriter w = new WireWriter(64);
        MessageCodec.writeNightHeader(w, header(night));
        return w.size() + 21L * night.movements().size() + night.summary().map(s -> s.length).orElse(0);
    }

    static int of(Night night) {
        CRC32C crc = new CRC32C();
        WireWriter w = new WireWriter(1024);
        MessageCodec.writeNightHeader(w, header(night));
        for (Movement m : night.movements()) {
            w.i64(m.onsetUs()).i64(m.offsetUs()).u8(m.leg()).f32(m.peakG());
            if (w.size() >= 1024) {
                crc.update(w.toByteArray());
                w = new WireWriter(1024);
            }
        }
        crc.update(w.toByteArray());
        night.summary().ifPresent(crc::update);
        return (int) crc.getValue();
    }
}
