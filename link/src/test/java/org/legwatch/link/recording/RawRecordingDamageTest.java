package org.legwatch.link.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A power cut tears the last block; a bad sector damages one in the middle: the rest is read. */
class RawRecordingDamageTest {
    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    /** 12 s at 100 Hz with a lost second: 11 blocks and the part's end. */
    static List<Recordings.Sample> samples;
    static byte[] bytes;
    static List<Long> blocks;

    @BeforeAll
    static void record() throws IOException {
        SplittableRandom random = new SplittableRandom(3);
        samples = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            if (i >= 500 && i < 600) {
                continue;
            }
            samples.add(new Recordings.Sample(10_000L * i + 40, (int) (random.nextGaussian() * 3), 500 + (int) (random.nextGaussian() * 3),
                    -100 + i % 50));
        }
        Path file = shared.resolve("night.lwr");
        Recordings.write(file, Recordings.header(), samples);
        bytes = Files.readAllBytes(file);
        blocks = Recordings.blockOffsets(bytes);
        assertEquals(1 + 11 + 1, blocks.size(), "part header, 11 sample blocks, part end");
        assertEquals(RawRecordingFormat.PART_END, Recordings.typeAt(bytes, blocks.get(blocks.size() - 1)));
    }

    private Path copy(byte[] content) throws IOException {
        Path file = dir.resolve("copy.lwr");
        Files.write(file, content);
        return file;
    }

    /** The samples of sample blocks 0 .. blocks-1 (block i holds second i, the lost second excepted). */
    private static List<Recordings.Sample> firstBlocks(int count) {
        long end = blocks.size() - 2 == count ? Long.MAX_VALUE : 40 + 1_000_000L * (count >= 5 ? count + 1 : count);
        return samples.stream().filter(s -> s.t() < end).toList();
    }

    @Test
    void aTornLastBlockIsDroppedAtEveryCutLength() throws IOException {
        long lastBlock = blocks.get(blocks.size() - 2);
        long partEnd = blocks.get(blocks.size() - 1);
        List<Recordings.Sample> before = firstBlocks(10);
        for (long cut = lastBlock + 1; cut < partEnd; cut++) {
            Recordings.Contents back = Recordings.read(copy(Arrays.copyOf(bytes, (int) cut)));
            assertEquals(before, back.samples(), "cut at " + cut);
            assertEquals(1, back.damage().size(), "cut at " + cut);
            RecordingDamage torn = back.damage().get(0);
            assertEquals(RecordingDamage.Kind.TORN_TAIL, torn.kind());
            assertEquals(lastBlock, torn.offset());
            assertEquals(cut - lastBlock, torn.length());
            assertTrue(torn.description().contains("torn"), torn.description());
            assertFalse(back.endedCleanly());
        }
        Recordings.Contents cutAtBlockEnd = Recordings.read(copy(Arrays.copyOf(bytes, (int) partEnd)));
        assertEquals(samples, cutAtBlockEnd.samples());
        assertEquals(List.of(), cutAtBlockEnd.damage(), "a file cut between blocks is whole, only not closed");
        assertFalse(cutAtBlockEnd.endedCleanly());
    }

    @Test
    void aFlippedByteAnywhereInAMiddleBlockCostsThatBlockOnly() throws IOException {
        int damagedBlock = 3; // sample block 3: t 3.00-3.99 s
        long from = blocks.get(1 + damagedBlock);
        long to = blocks.get(2 + damagedBlock);
        List<Recordings.Sample> expected = samples.stream().filter(s -> s.t() < 3_000_000 || s.t() >= 4_000_000).toList();
        for (long at = from; at < to; at++) {
            byte[] damaged = bytes.clone();
            damaged[(int) at] ^= 0x10;
            Recordings.Contents back = Recordings.read(copy(damaged));
            assertEquals(expected, back.samples(), "byte " + at);
            assertEquals(1, back.damage().size(), "byte " + at + ": " + back.damage());
            RecordingDamage skipped = back.damage().get(0);
            assertEquals(RecordingDamage.Kind.SKIPPED, skipped.kind());
            assertEquals(from, skipped.offset());
            assertEquals(to - from, skipped.length());
            assertTrue(skipped.description().contains("block 3 of part 1 lost")
                    && skipped.description().contains("no samples from 2.990040 s to 4.000040 s"), skipped.description());
            assertTrue(back.endedCleanly());
        }
    }

    @Test
    void garbageBetweenBlocksIsSkipped() throws IOException {
        long at = blocks.get(4);
        byte[] garbage = new byte[300];
        new SplittableRandom(1).nextBytes(garbage);
        garbage[100] = 'L'; // a marker that starts no valid block
        garbage[101] = 'W';
        garbage[102] = 'R';
        garbage[103] = 'B';
        byte[] content = new byte[bytes.length + garbage.length];
        System.arraycopy(bytes, 0, content, 0, (int) at);
        System.arraycopy(garbage, 0, content, (int) at, garbage.length);
        System.arraycopy(bytes, (int) at, content, (int) at + garbage.length, bytes.length - (int) at);
        Recordings.Contents back = Recordings.read(copy(content));
        assertEquals(samples, back.samples());
        assertEquals(1, back.damage().size());
        assertEquals(new RecordingDamage(RecordingDamage.Kind.SKIPPED, at, 300, back.damage().get(0).description()), back.damage().get(0));
    }

    @Test
    void zerosWhereAPowerCutLeftUnwrittenBlocksAreSkipped() throws IOException {
        byte[] content = bytes.clone();
        Arrays.fill(content, blocks.get(6).intValue(), blocks.get(8).intValue(), (byte) 0);
        Recordings.Contents back = Recordings.read(copy(content));
        assertEquals(samples.stream().filter(s -> s.t() < 6_000_000 || s.t() >= 8_000_000).toList(), back.samples());
        assertTrue(back.damage().get(0).description().contains("blocks 5..6 of part 1 lost"), back.damage().toString());
    }

    @Test
    void aDamagedPartHeaderCostsItsBlocksAndIsReported() throws IOException {
        Path file = dir.resolve("parts.lwr");
        Recordings.write(file, Recordings.header(), samples.subList(0, 300));
        long secondPart = Files.size(file);
        Recordings.write(file, Recordings.header(), samples.subList(300, 600));
        long thirdPart = Files.size(file);
        Recordings.write(file, Recordings.header(), samples.subList(600, samples.size()));
        byte[] content = Files.readAllBytes(file);
        content[(int) secondPart + 20] ^= 1;
        Files.write(file, content);

        Recordings.Contents back = Recordings.read(file);
        List<Recordings.Sample> expected = new ArrayList<>(samples.subList(0, 300));
        expected.addAll(samples.subList(600, samples.size()));
        assertEquals(expected, back.samples());
        assertEquals(2, back.damage().size(), back.damage().toString());
        assertEquals(secondPart, back.damage().get(0).offset());
        assertTrue(back.damage().get(1).description().contains("3 blocks of part 2")
                && back.damage().get(1).description().contains("the header of part 2 was lost"), back.damage().toString());
        assertTrue(thirdPart > secondPart);
    }
}
