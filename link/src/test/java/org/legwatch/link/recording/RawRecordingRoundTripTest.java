package org.legwatch.link.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RawRecordingRoundTripTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "chip {0}")
    @ValueSource(ints = {0, 1, 2})
    void randomCountsAndTimesComeBackExactly(int chip) throws IOException {
        SplittableRandom random = new SplittableRandom(chip);
        List<Recordings.Sample> samples = new ArrayList<>();
        long t = -5_000_000 + random.nextLong(1000);
        for (int i = 0; i < 20_000; i++) {
            t += switch (random.nextInt(6)) {
                case 0 -> 1 + random.nextInt(3);
                case 1 -> random.nextLong(1, 100_000_000_000L);
                default -> 9_990 + random.nextInt(20);
            };
            samples.add(new Recordings.Sample(t, anyCount(random), anyCount(random), anyCount(random)));
        }
        Path file = dir.resolve("random.lwr");
        Recordings.write(file, Recordings.header('L', chip, 100), samples);

        Recordings.Contents back = Recordings.read(file);
        assertEquals(samples, back.samples());
        assertEquals(List.of(), back.damage());
        assertTrue(back.endedCleanly());
        assertEquals(Recordings.header('L', chip, 100), back.header());
    }

    private static int anyCount(SplittableRandom random) {
        return switch (random.nextInt(4)) {
            case 0 -> CountScale.MAX_COUNT * (random.nextBoolean() ? 1 : -1);
            case 1 -> random.nextInt(-CountScale.MAX_COUNT, CountScale.MAX_COUNT + 1);
            default -> random.nextInt(-40, 40);
        };
    }

    /**
     * A sensor's signal as the driver hands it over (count x g per count as a double): gravity, a
     * movement, noise, spells clipped at full scale, lost samples, and a sample clock whose period
     * is not a whole number of µs.
     */
    /** White noise per axis at 100 Hz as the data sheets give it: ADXL345, LIS3DH, LSM6DSOX. */
    private static final double[] NOISE_G = {0.004, 0.002, 0.001};

    @ParameterizedTest(name = "chip {0}")
    @ValueSource(ints = {0, 1, 2})
    void aSensorsSignalInGComesBackAsItsCounts(int chip) throws IOException {
        double gPerCount = Recordings.CHIP_G_PER_COUNT[chip];
        int full = (1 << Recordings.CHIP_BITS[chip] - 1) - 1;
        double rate = chip == 2 ? 104 : 100;
        SplittableRandom random = new SplittableRandom(17 + chip);
        Path file = dir.resolve("signal.lwr");
        List<Recordings.Sample> expected = new ArrayList<>();
        RawRecordingHeader header = Recordings.header('R', chip, rate);
        try (RawRecordingWriter writer = RawRecordingWriter.open(file, header, RawRecordingWriter.Options.DEFAULT)) {
            long[] t = new long[32];
            double[] x = new double[32];
            double[] y = new double[32];
            double[] z = new double[32];
            long slot = 0;
            for (int burst = 0; burst < 1_000; burst++) {
                if (random.nextInt(100) == 0) {
                    slot += 1 + random.nextInt(300); // a FIFO overrun or a cable pulled
                }
                for (int i = 0; i < 32; i++, slot++) {
                    double s = slot / rate;
                    double move = burst % 50 < 5 ? 0.4 * Math.sin(2 * Math.PI * 1.3 * s) : 0;
                    double[] g = {Math.sin(0.01 * s) + move, 0.2 + move / 2, Math.cos(0.01 * s) - move};
                    int[] c = new int[3];
                    for (int a = 0; a < 3; a++) {
                        long code = Math.round(g[a] / gPerCount + random.nextGaussian() * NOISE_G[chip] / gPerCount);
                        if (burst % 97 == 3) {
                            code = a == 0 ? full : -full - 1; // clipped at full scale
                        }
                        c[a] = (int) Math.max(-full - 1, Math.min(full, code));
                    }
                    t[i] = Math.round(slot * 1e6 / rate);
                    x[i] = c[0] * gPerCount;
                    y[i] = c[1] * gPerCount;
                    z[i] = c[2] * gPerCount;
                    expected.add(new Recordings.Sample(t[i], c[0], c[1], c[2]));
                }
                writer.append(t, x, y, z, 0, 32);
            }
        }
        try (RawRecordingReader reader = RawRecordingReader.open(file)) {
            CountScale scale = reader.header().scale();
            int i = 0;
            while (reader.next()) {
                Recordings.Sample s = expected.get(i++);
                assertEquals(s, new Recordings.Sample(reader.tUs(), reader.xCount(), reader.yCount(), reader.zCount()));
                assertEquals(s.x() * gPerCount, reader.x(), 1e-12);
                assertEquals(scale.toG(s.z()), reader.z());
            }
            assertEquals(expected.size(), i);
            assertEquals(List.of(), reader.damage());
        }
        double bytesPerSample = (double) Files.size(file) / expected.size();
        assertTrue(bytesPerSample < 3, "chip " + chip + ": bytes per sample " + bytesPerSample);
    }

    @Test
    void theLargestBlockFitsItsFrame() throws IOException {
        // 1024 samples in under a second, every interval irregular, every difference a Rice escape
        SplittableRandom random = new SplittableRandom(5);
        List<Recordings.Sample> samples = new ArrayList<>();
        long t = 0;
        for (int i = 0; i < RawRecordingFormat.MAX_BLOCK_SAMPLES; i++) {
            t += 1 + random.nextInt(900);
            int full = i % 2 == 0 ? CountScale.MAX_COUNT : -CountScale.MAX_COUNT;
            samples.add(new Recordings.Sample(t, full, -full, full));
        }
        Path file = dir.resolve("worst.lwr");
        Recordings.write(file, Recordings.header(), samples);
        byte[] bytes = Files.readAllBytes(file);
        List<Long> blocks = Recordings.blockOffsets(bytes);
        assertEquals(3, blocks.size(), "part, one samples block, part end");
        long payload = blocks.get(2) - blocks.get(1) - RawRecordingFormat.FRAME_OVERHEAD;
        assertTrue(payload > 12_000 && payload < RawRecordingFormat.MAX_PAYLOAD / 2, "payload " + payload);
        assertEquals(samples, Recordings.read(file).samples());
    }

    @Test
    void aScaleIsItsDataSheetDecimal() {
        assertEquals(new CountScale(39, -4), CountScale.of(0.0039));
        assertEquals(new CountScale(61, -6), CountScale.of(0.000061));
        assertEquals(new CountScale(1, -3), CountScale.of(0.001));
        assertEquals(new CountScale(12, -3), CountScale.of(0.012));
        assertEquals(new CountScale(1, -6), CountScale.of(1e-6));
        assertEquals(6, CountScale.of(0.000061).decimals());
        // the count's g is the double nearest the exact decimal, as a CSV reader would parse it
        assertEquals(Double.parseDouble("-1.998848"), CountScale.of(0.000061).toG(-32768), 0);
        assertEquals(Double.parseDouble("0.1989"), CountScale.of(0.0039).toG(51));
    }

    @Test
    void oneSampleAndEmptyPartsAreRecordings() throws IOException {
        Path file = dir.resolve("short.lwr");
        Recordings.write(file, Recordings.header(), List.of());
        Recordings.write(file, Recordings.header(), List.of(new Recordings.Sample(7, 1, 2, 3)));
        Recordings.Contents back = Recordings.read(file);
        assertEquals(List.of(new Recordings.Sample(7, 1, 2, 3)), back.samples());
        assertTrue(back.endedCleanly());
    }
}
