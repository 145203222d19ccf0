package org.legwatch.link.recording;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RawRecordingWriterTest {
    @TempDir
    Path dir;

    private static List<Recordings.Sample> seconds(double from, double to) {
        List<Recordings.Sample> samples = new ArrayList<>();
        for (long t = Math.round(from * 1e6); t < Math.round(to * 1e6); t += 10_000) {
            samples.add(new Recordings.Sample(t, (int) (t / 10_000 % 7), 1000, -(int) (t / 10_000 % 3)));
        }
        return samples;
    }

    private static List<Recordings.Sample> concat(List<Recordings.Sample> a, List<Recordings.Sample> b) {
        List<Recordings.Sample> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @Test
    void aRestartAppendsAPartWithItsOwnHeader() throws IOException {
        Path file = dir.resolve("night.lwr");
        Recordings.write(file, Recordings.header(), seconds(0, 5));
        RawRecordingHeader afterReboot = new RawRecordingHeader('R', "LIS3DH", 100, 4, CountScale.of(0.002), "night-7",
                "second-boot", 99_000_000_000L, 1_700_000_300_000L, 5_200_000, true);
        try (RawRecordingWriter writer = RawRecordingWriter.open(file, afterReboot, RawRecordingWriter.Options.DEFAULT)) {
            RawRecordingWriter.Recovery recovery = writer.recovery();
            assertFalse(recovery.created());
            assertEquals(2, recovery.part());
            assertEquals(500, recovery.samplesBefore());
            assertEquals(4_990_000, recovery.lastTimeUs());
            assertEquals(0, recovery.truncatedBytes());
            for (Recordings.Sample s : seconds(5.2, 7)) {
                writer.appendCounts(s.t(), s.x(), s.y(), s.z());
            }
        }
        try (RawRecordingReader reader = RawRecordingReader.open(file)) {
            int n = 0;
            while (reader.next()) {
                assertEquals(reader.tUs() < 5_000_000 ? 1 : 2, reader.partNumber());
                assertEquals(reader.tUs() < 5_000_000 ? Recordings.header() : afterReboot, reader.part());
                n++;
            }
            assertEquals(680, n);
            assertEquals(Recordings.header(), reader.header());
            assertTrue(reader.partEndedCleanly());
        }
    }

    @Test
    void afterACrashTheTornTailIsCutAndTheNightGoesOn() throws IOException {
        Path file = dir.resolve("crash.lwr");
        Path crashed = dir.resolve("crashed.lwr");
        try (RawRecordingWriter writer = RawRecordingWriter.open(file, Recordings.header(), RawRecordingWriter.Options.DEFAULT)) {
            for (Recordings.Sample s : seconds(0, 3.5)) {
                writer.appendCounts(s.t(), s.x(), s.y(), s.z());
            }
            // the power fails while the fourth block is being written: 3 blocks whole, 9 bytes of the fourth
            writer.flush();
            byte[] onDisk = Files.readAllBytes(file);
            long fourth = Recordings.blockOffsets(onDisk).get(4);
            Files.write(crashed, Arrays.copyOf(onDisk, (int) fourth + 9));
        }
        try (RawRecordingWriter writer = RawRecordingWriter.open(crashed, Recordings.header(), RawRecordingWriter.Options.DEFAULT)) {
            RawRecordingWriter.Recovery recovery = writer.recovery();
            assertEquals(9, recovery.truncatedBytes());
            assertEquals(1, recovery.damage().size());
            assertEquals(RecordingDamage.Kind.TORN_TAIL, recovery.damage().get(0).kind());
            assertEquals(300, recovery.samplesBefore());
            for (Recordings.Sample s : seconds(10, 11)) {
                writer.appendCounts(s.t(), s.x(), s.y(), s.z());
            }
        }
        Recordings.Contents back = Recordings.read(crashed);
        assertEquals(concat(seconds(0, 3), seconds(10, 11)), back.samples());
        assertEquals(List.of(), back.damage(), "the torn tail is gone");
    }

    @Test
    void aFileWhoseCreationWasCutShortStartsAgain() throws IOException {
        Path file = dir.resolve("new.lwr");
        Files.write(file, Arrays.copyOf(RawRecordingFormat.MAGIC, 5));
        try (RawRecordingWriter writer = RawRecordingWriter.open(file, Recordings.header(), RawRecordingWriter.Options.DEFAULT)) {
            assertTrue(writer.recovery().created());
            assertEquals(1, writer.part());
            writer.appendCounts(1, 1, 1, 1);
        }
        assertEquals(1, Recordings.read(file).samples().size());
    }

    @Test
    void anotherLegsNightOrAForeignFileIsNotTouched() throws IOException {
        Path file = dir.resolve("right.lwr");
        Recordings.write(file, Recordings.header(), seconds(0, 2));
        byte[] before = Files.readAllBytes(file);
        IllegalArgumentException leg = assertThrows(IllegalArgumentException.class,
                () -> RawRecordingWriter.open(file, Recordings.header('L', 1, 100), RawRecordingWriter.Options.DEFAULT));
        assertTrue(leg.getMessage().contains("records leg R of night 'night-7'; it cannot be continued with leg L"), leg.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));

        Path csv = dir.resolve("right.csv");
        Files.writeString(csv, "t_s,x_g,y_g,z_g\n0,0,0,1\n");
        RawRecordingException foreign = assertThrows(RawRecordingException.class,
                () -> RawRecordingWriter.open(csv, Recordings.header(), RawRecordingWriter.Options.DEFAULT));
        assertEquals("magic", foreign.field());
        assertEquals("t_s,x_g,y_g,z_g\n0,0,0,1\n", Files.readString(csv, StandardCharsets.US_ASCII));
    }

    @Test
    void timeMustAdvanceAcrossParts() throws IOException {
        Path file = dir.resolve("t.lwr");
        Recordings.write(file, Recordings.header(), seconds(0, 2));
        try (RawRecordingWriter writer = RawRecordingWriter.open(file, Recordings.header(), RawRecordingWriter.Options.DEFAULT)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> writer.appendCounts(1_990_000, 0, 0, 0));
            assertTrue(e.getMessage().contains("sample time 1990000 µs does not advance past 1990000 µs"), e.getMessage());
            writer.appendCounts(1_990_001, 0, 0, 0);
            assertThrows(IllegalArgumentException.class, () -> writer.append(2_000_000, Double.NaN, 0, 0));
            assertThrows(IllegalArgumentException.class, () -> writer.appendCounts(2_000_000, CountScale.MAX_COUNT + 1, 0, 0));
        }
        assertEquals(201, Recordings.read(file).samples().size());
    }

    @Test
    void oneWriterPerFile() throws IOException {
        Path file = dir.resolve("one.lwr");
        try (RawRecordingWriter writer = RawRecordingWriter.open(file, Recordings.header(), RawRecordingWriter.Options.DEFAULT)) {
            IOException e = assertThrows(IOException.class,
                    () -> RawRecordingWriter.open(file, Recordings.header(), RawRecordingWriter.Options.DEFAULT));
            assertTrue(e.getMessage().contains("being recorded by another writer"), e.getMessage());
            writer.appendCounts(5, 0, 0, 0);
        }
    }

    @Test
    void completedBlocksAreInTheFileWhileTheWriterRuns() throws IOException {
        Path file = dir.resolve("live.lwr");
        try (RawRecordingWriter writer = RawRecordingWriter.open(file, Recordings.header(), new RawRecordingWriter.Options(1_000_000, 3))) {
            for (Recordings.Sample s : seconds(0, 2.5)) {
                writer.appendCounts(s.t(), s.x(), s.y(), s.z());
            }
            Recordings.Contents live = Recordings.read(file);
            assertEquals(seconds(0, 2), live.samples(), "two complete blocks; the third is still open");
            assertFalse(live.endedCleanly());
            assertEquals(250, writer.samplesAppended());
        }
    }

    @Test
    void appendingAllocatesNothing() throws IOException {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Path file = dir.resolve("alloc.lwr");
        RawRecordingHeader header = Recordings.header('R', 2, 104);
        double g = 0.000061;
        long[] t = new long[32];
        double[] x = new double[32];
        double[] y = new double[32];
        double[] z = new double[32];
        try (RawRecordingWriter writer = RawRecordingWriter.open(file, header, new RawRecordingWriter.Options(1_000_000, 50))) {
            long slot = 0;
            long lostUs = 0;
            long[] allocated = new long[5];
            for (int round = 0; round < allocated.length; round++) {
                long before = threads.getCurrentThreadAllocatedBytes();
                for (int burst = 0; burst < 4_000; burst++) {
                    if (burst % 1_000 == 999) {
                        lostUs += 5_000_000; // a sensor that stopped answering for 5 s
                    }
                    for (int i = 0; i < 32; i++, slot++) {
                        t[i] = slot * 1_000_000 / 104 + lostUs;
                        x[i] = ((slot * 7919) % 301 - 150) * g;
                        y[i] = (16_000 + (slot * 104_729) % 41) * g;
                        z[i] = (slot % 2_000 < 100 ? (slot % 97) * 300 : slot % 13) * g;
                    }
                    writer.append(t, x, y, z, 0, 32);
                }
                allocated[round] = threads.getCurrentThreadAllocatedBytes() - before;
            }
            // Round 0 warms up. The JVM's own bookkeeping (compilation, channel internals) may
            // allocate a few bytes now and then; a sample or a block that allocated would show in
            // every round, 128000 samples and about 1230 blocks each.
            long[] warm = Arrays.copyOfRange(allocated, 1, allocated.length);
            assertEquals(0, Arrays.stream(warm).min().orElseThrow(), "bytes allocated per round: " + Arrays.toString(allocated));
            assertTrue(Arrays.stream(warm).max().orElseThrow() < 1_280, "bytes allocated per round: " + Arrays.toString(allocated));
        }
    }
}
