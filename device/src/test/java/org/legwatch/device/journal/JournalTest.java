package org.legwatch.device.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {

    @TempDir
    Path dir;

    record Rec(Journal.Position pos, int type, byte[] payload) {}

    static List<Rec> read(Journal j) throws IOException {
        List<Rec> out = new ArrayList<>();
        j.forEach((pos, type, payload) -> out.add(new Rec(pos, type, payload)));
        return out;
    }

    static byte[] payload(Random rnd, int n) {
        byte[] b = new byte[n];
        rnd.nextBytes(b);
        return b;
    }

    static void assertSame(List<byte[]> expected, List<Integer> types, List<Rec> actual) {
        assertEquals(expected.size(), actual.size(), "record count");
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(types.get(i), actual.get(i).type(), "type of record " + i);
            assertArrayEquals(expected.get(i), actual.get(i).payload(), "payload of record " + i);
        }
    }

    @Test
    void roundTripKeepsEveryRecordAndTypeInOrderAcrossSegments() throws IOException {
        Random rnd = new Random(1);
        List<byte[]> payloads = new ArrayList<>();
        List<Integer> types = new ArrayList<>();
        long segment = RecordFormat.OVERHEAD + RecordFormat.MAX_PAYLOAD;
        try (Journal j = Journal.open(dir, segment)) {
            assertTrue(j.recovery().clean());
            for (int i = 0; i < 40; i++) {
                int len = switch (i % 4) {
                    case 0 -> 0;
                    case 1 -> RecordFormat.MAX_PAYLOAD;
                    default -> rnd.nextInt(5000);
                };
                byte[] p = payload(rnd, len);
                payloads.add(p);
                types.add(i * 7 % 256);
                j.append(i * 7 % 256, p);
            }
            assertSame(payloads, types, read(j));
            assertTrue(j.segments().size() > 10, "rolled into segments: " + j.segments());
        }
        try (Journal j = Journal.open(dir, segment)) {
            assertTrue(j.recovery().clean());
            assertEquals(40, j.recovery().records());
            List<Rec> recs = read(j);
            assertSame(payloads, types, recs);
            for (int i = 1; i < recs.size(); i++) {
                assertTrue(recs.get(i - 1).pos().compareTo(recs.get(i).pos()) < 0);
            }
        }
        assertThrows(IllegalArgumentException.class,
                () -> RecordFormat.encode(1, new byte[RecordFormat.MAX_PAYLOAD + 1]));
        assertThrows(IllegalArgumentException.class, () -> RecordFormat.encode(256, new byte[0]));
    }

    @Test
    void recordLayoutIsAsDocumented() {
        ByteBuffer b = RecordFormat.encode(0x42, new byte[] {1, 2, 3});
        assertEquals(RecordFormat.OVERHEAD + 3, b.remaining());
        assertEquals(0x4C574A52, b.getInt(0));
        assertEquals(3, b.getInt(4));
        assertEquals(0x42, b.get(8));
        assertEquals(1, b.get(9));
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(b.array(), 4, 5 + 3);
        assertEquals((int) crc.getValue(), b.getInt(12));
    }

    @Test
    void aTornLastRecordIsDroppedAtEveryCutAndAppendingContinues() throws IOException {
        Random rnd = new Random(2);
        List<byte[]> payloads = new ArrayList<>();
        List<Integer> types = new ArrayList<>();
        Journal.Position last;
        try (Journal j = Journal.open(dir)) {
            for (int i = 0; i < 5; i++) {
                payloads.add(payload(rnd, 30 + i * 10));
                types.add(i + 1);
                j.append(i + 1, payloads.get(i));
            }
            payloads.add(payload(rnd, 150));
            types.add(9);
            last = j.append(9, payloads.get(5));
        }
        Path seg = dir.resolve(Journal.segmentName(last.segment()));
        byte[] full = Files.readAllBytes(seg);
        int lastLen = full.length - (int) last.offset();
        assertEquals(RecordFormat.OVERHEAD + 150, lastLen);
        List<byte[]> kept = payloads.subList(0, 5);
        for (int cut = 0; cut < lastLen; cut++) {
            Files.write(seg, Arrays.copyOf(full, (int) last.offset() + cut));
            byte[] after = payload(rnd, 20);
            try (Journal j = Journal.open(dir)) {
                Journal.Recovery r = j.recovery();
                assertEquals(5, r.records(), "cut " + cut);
                assertTrue(r.skipped().isEmpty(), "cut " + cut);
                if (cut == 0) {
                    assertNull(r.truncatedTail());
                } else {
                    assertEquals(new Journal.Damage(last.segment(), last.offset(), cut), r.truncatedTail());
                }
                assertEquals(last.offset(), Files.size(seg), "torn bytes truncated at cut " + cut);
                assertSame(kept, types.subList(0, 5), read(j));
                assertEquals(new Journal.Position(last.segment(), last.offset()), j.append(7, after));
            }
            try (Journal j = Journal.open(dir)) {
                assertTrue(j.recovery().clean(), "cut " + cut);
                List<byte[]> expected = new ArrayList<>(kept);
                expected.add(after);
                List<Integer> expectedTypes = new ArrayList<>(types.subList(0, 5));
                expectedTypes.add(7);
                assertSame(expected, expectedTypes, read(j));
            }
        }
    }

    @Test
    void aFlippedByteInAMiddleRecordIsReportedAndSkippedAndEverythingElseKept() throws IOException {
        Random rnd = new Random(3);
        List<byte[]> payloads = new ArrayList<>();
        List<Journal.Position> positions = new ArrayList<>();
        try (Journal j = Journal.open(dir)) {
            for (int i = 0; i < 5; i++) {
                payloads.add(payload(rnd, 40));
                positions.add(j.append(1, payloads.get(i)));
            }
        }
        Path seg = dir.resolve(Journal.segmentName(1));
        byte[] good = Files.readAllBytes(seg);
        int from = (int) positions.get(2).offset();
        int to = (int) positions.get(3).offset();
        List<byte[]> expected = new ArrayList<>(payloads);
        expected.remove(2);
        for (int at = from; at < to; at++) {
            byte[] bad = good.clone();
            bad[at] ^= (byte) 0x5A;
            Files.write(seg, bad);
            try (Journal j = Journal.open(dir)) {
                Journal.Recovery r = j.recovery();
                assertEquals(List.of(new Journal.Damage(1, from, to - from)), r.skipped(), "byte " + at);
                assertNull(r.truncatedTail(), "byte " + at);
                assertEquals(4, r.records());
                assertSame(expected, List.of(1, 1, 1, 1), read(j));
            }
            assertArrayEquals(bad, Files.readAllBytes(seg), "a damaged middle record stays on disk");
        }
    }

    @Test
    void damageAtTheEndOfAnOlderSegmentIsSkippedNotTruncated() throws IOException {
        long segment = RecordFormat.OVERHEAD + RecordFormat.MAX_PAYLOAD;
        Random rnd = new Random(4);
        try (Journal j = Journal.open(dir, segment)) {
            j.append(1, payload(rnd, 40_000));
            j.append(2, payload(rnd, 40_000));
            j.append(3, payload(rnd, 10));
            assertEquals(List.of(1L, 2L), j.segments());
        }
        Path first = dir.resolve(Journal.segmentName(1));
        byte[] b = Files.readAllBytes(first);
        b[b.length - 1] ^= 1;
        Files.write(first, b);
        try (Journal j = Journal.open(dir, segment)) {
            assertEquals(List.of(new Journal.Damage(1, 0, b.length)), j.recovery().skipped());
            assertNull(j.recovery().truncatedTail());
            assertEquals(b.length, Files.size(first));
            assertEquals(List.of(2, 3), read(j).stream().map(Rec::type).toList());
        }
    }

    @Test
    void hostileLengthFieldsNeitherAllocateNorHang() throws IOException {
        for (int hostile : new int[] {0x7FFFFFFF, 0x80000000, -1, RecordFormat.MAX_PAYLOAD + 1}) {
            Path d = dir.resolve("h" + Integer.toHexString(hostile));
            byte[] good;
            try (Journal j = Journal.open(d)) {
                j.append(1, new byte[] {1});
                good = Files.readAllBytes(d.resolve(Journal.segmentName(1)));
            }
            ByteBuffer evil = ByteBuffer.allocate(RecordFormat.OVERHEAD + 16);
            evil.putInt(RecordFormat.MARKER).putInt(hostile).put((byte) 2);
            byte[] middle = concat(good, evil.array(), good);
            Files.write(d.resolve(Journal.segmentName(1)), middle);
            assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
                try (Journal j = Journal.open(d)) {
                    assertEquals(2, j.recovery().records());
                    assertEquals(List.of(new Journal.Damage(1, good.length, evil.capacity())), j.recovery().skipped());
                }
            });
            Files.write(d.resolve(Journal.segmentName(1)), concat(good, evil.array()));
            assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
                try (Journal j = Journal.open(d)) {
                    assertEquals(1, j.recovery().records());
                    assertEquals(new Journal.Damage(1, good.length, evil.capacity()), j.recovery().truncatedTail());
                }
            });
        }
    }

    @Test
    void onlyOneHolderOfTheDirectoryAtATime() throws IOException {
        try (Journal j = Journal.open(dir)) {
            IOException e = assertThrows(IOException.class, () -> Journal.open(dir));
            assertTrue(e.getMessage().contains("held open"), e.getMessage());
            j.append(1, new byte[3]);
        }
        try (Journal j = Journal.open(dir)) {
            assertEquals(1, j.recovery().records());
            assertNotNull(j.directory());
        }
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        ByteBuffer b = ByteBuffer.allocate(n);
        for (byte[] p : parts) {
            b.put(p);
        }
        return b.array();
    }
}
