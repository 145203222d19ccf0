package org.legwatch.link.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What no damage explains is an error that names the file, the byte and the field. */
class RawRecordingHeaderTest {
    @TempDir
    Path dir;

    private RawRecordingException readError(byte[] content) throws IOException {
        Path file = dir.resolve("bad.lwr");
        Files.write(file, content);
        return assertThrows(RawRecordingException.class, () -> Recordings.read(file));
    }

    private static void assertNames(RawRecordingException e, long offset, String field, String problem) {
        assertEquals(offset, e.offset(), e.getMessage());
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.problem().contains(problem), e.getMessage());
        assertTrue(e.getMessage().startsWith(e.file() + ": byte " + offset + ": field '" + field + "': "), e.getMessage());
    }

    private byte[] goodFile() throws IOException {
        Path file = dir.resolve("good.lwr");
        Files.deleteIfExists(file);
        Recordings.write(file, Recordings.header(), List.of(new Recordings.Sample(1_000, 1, 2, 3), new Recordings.Sample(11_000, 1, 2, 4)));
        return Files.readAllBytes(file);
    }

    @Test
    void notARecording() throws IOException {
        assertNames(readError(new byte[0]), 0, "magic", "empty file");
        assertNames(readError("t_s,x_g,y_g,z_g\n0,0,0,1\n".getBytes(StandardCharsets.US_ASCII)), 0, "magic",
                "it starts with 74 5f 73 2c 78 5f 67 2c, not 89 4c 57 52 0d 0a 1a 0a");
    }

    @Test
    void unknownVersion() throws IOException {
        byte[] content = goodFile();
        content[9] = 2;
        assertNames(readError(content), 8, "version", "format version 2 is not supported (this reader knows version 1)");
        assertNames(readError(Arrays.copyOf(content, 9)), 8, "version", "ends inside its header");
    }

    @Test
    void noReadablePartHeader() throws IOException {
        byte[] content = goodFile();
        content[RawRecordingFormat.FILE_HEADER + 9] ^= 0x40;
        RawRecordingException e = readError(content);
        assertNames(e, RawRecordingFormat.FILE_HEADER, "part", "no readable part header");
        assertTrue(e.problem().contains("damaged bytes from byte 10 skipped"), e.getMessage());
    }

    /** Rewrites the part header's payload with {@code edit} and a CRC that matches it. */
    private byte[] withPartPayload(BiConsumer<PayloadWriter, byte[]> edit) throws IOException {
        byte[] content = goodFile();
        int partLength = (content[15] & 0xFF) << 8 | (content[16] & 0xFF);
        int rest = RawRecordingFormat.FILE_HEADER + RawRecordingFormat.FRAME_OVERHEAD + partLength;
        byte[] frame = new byte[RawRecordingFormat.FRAME_OVERHEAD + RawRecordingFormat.MAX_PAYLOAD];
        PayloadWriter out = new PayloadWriter();
        out.reset(frame, RawRecordingFormat.FRAME_HEADER);
        edit.accept(out, frame);
        int length = RawRecordingFormat.frame(frame, RawRecordingFormat.PART, out.position() - RawRecordingFormat.FRAME_HEADER, new CRC32C());
        byte[] result = new byte[RawRecordingFormat.FILE_HEADER + length + content.length - rest];
        System.arraycopy(content, 0, result, 0, RawRecordingFormat.FILE_HEADER);
        System.arraycopy(frame, 0, result, RawRecordingFormat.FILE_HEADER, length);
        System.arraycopy(content, rest, result, RawRecordingFormat.FILE_HEADER + length, content.length - rest);
        return result;
    }

    /** A part header as the writer writes it, with {@code replacement} over its bytes from payload offset {@code at}. */
    private byte[] partWith(int at, byte... replacement) throws IOException {
        return withPartPayload((out, frame) -> {
            PartHeaderCodec.write(out, 1, Recordings.header());
            System.arraycopy(replacement, 0, frame, RawRecordingFormat.FRAME_HEADER + at, replacement.length);
        });
    }

    @Test
    void impossiblePartHeaderFieldsAreNamedWhereTheyStand() throws IOException {
        long payload = RawRecordingFormat.FILE_HEADER + RawRecordingFormat.FRAME_HEADER;
        // part u32 (0), leg (4), chip length (5) "LIS3DH" (6..11), rate f64 (12), range u16 (20),
        // scale mantissa u32 (22), exponent (26), night id (27..)
        assertNames(readError(partWith(0, (byte) 0, (byte) 0, (byte) 0, (byte) 0)), payload, "part", "part numbers start at 1");
        assertNames(readError(partWith(4, (byte) 'X')), payload + 4, "leg", "0x58 is neither 'R' nor 'L'");
        assertNames(readError(partWith(5, (byte) 0)), payload + 5, "chip", "length 0 is outside 1..64");
        assertNames(readError(partWith(12, (byte) 0x7F, (byte) 0xF8)), payload + 12, "rate_hz", "NaN Hz is outside");
        assertNames(readError(partWith(20, (byte) 0, (byte) 0)), payload + 20, "range_g", "0 g");
        assertNames(readError(partWith(22, (byte) 0, (byte) 0, (byte) 0, (byte) 0)), payload + 22, "scale_mantissa", "0 is outside");
        assertNames(readError(partWith(26, (byte) -19)), payload + 26, "scale_exponent", "-19 is outside -18..9");
        assertNames(readError(partWith(29, (byte) 0xC3)), payload + 29, "night_id", "not UTF-8");
        assertNames(readError(withPartPayload((out, frame) -> {
            PartHeaderCodec.write(out, 1, Recordings.header());
            out.u8(0);
        })), payload + 76, "part", "bytes left after the part header's last field");
    }

    @Test
    void impossibleSampleBlocksAreErrorsNotDamage() throws IOException {
        Path file = dir.resolve("blocks.lwr");
        Recordings.write(file, Recordings.header(), List.of(new Recordings.Sample(5_000_000, 1, 2, 3)));
        long end = Files.size(file);
        appendSamplesBlock(file, out -> {
            out.varint(1);
            out.varint(1);
            out.zigzag(0);
            out.varint(5_000);
        });
        assertNames(assertThrows(RawRecordingException.class, () -> Recordings.read(file)), end + 10, "n", "5000 is outside 1..1024");

        Files.write(file, Arrays.copyOf(Files.readAllBytes(file), (int) end));
        appendSamplesBlock(file, out -> {
            out.varint(1);
            out.varint(1);
            out.zigzag(4_000_000);
            out.varint(1);
            out.varint(0);
            out.varint(0);
            for (int a = 0; a < 3; a++) {
                out.zigzag(0);
                out.u8(0);
            }
        });
        assertNames(assertThrows(RawRecordingException.class, () -> Recordings.read(file)), end + 9, "t0_us",
                "time 4.000000 s does not advance past 5.000000 s");
    }

    private static void appendSamplesBlock(Path file, Consumer<PayloadWriter> body) throws IOException {
        byte[] frame = new byte[RawRecordingFormat.FRAME_OVERHEAD + RawRecordingFormat.MAX_PAYLOAD];
        PayloadWriter out = new PayloadWriter();
        out.reset(frame, RawRecordingFormat.FRAME_HEADER);
        body.accept(out);
        int length = RawRecordingFormat.frame(frame, RawRecordingFormat.SAMPLES, out.position() - RawRecordingFormat.FRAME_HEADER, new CRC32C());
        Files.write(file, Arrays.copyOf(frame, length), java.nio.file.StandardOpenOption.APPEND);
    }
}
