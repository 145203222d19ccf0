package org.legwatch.host.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.legwatch.analysis.scoring.Leg;
import org.legwatch.analysis.sim.NightScenario;
import org.legwatch.analysis.sim.PatientProfile;
import org.legwatch.analysis.sim.SampleStream;
import org.legwatch.analysis.sim.SensorModel;
import org.legwatch.analysis.sim.SyntheticNight;
import org.legwatch.link.recording.RawRecordingReader;

/**
 * The night simulator's signal through the raw recording: every sample of every chip and range
 * comes back as the chip's count at the µs it was stamped, clipping, lost samples and all, in
 * fewer than 3 bytes a sample.
 */
class SimulatedRawRecordingTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ADXL345 +-4g", "ADXL345 +-16g", "LIS3DH +-2g", "LIS3DH +-4g", "LSM6DSOX +-2g", "LSM6DSOX +-4g"})
    void everySampleComesBackAsItsCount(String chip) throws IOException {
        SensorModel model = SensorModel.CHIPS.stream().filter(m -> m.name().equals(chip)).findFirst().orElseThrow();
        double rate = model.ratesHz().get(2);
        NightScenario scenario = NightScenario.standard(PatientProfile.named("severe"), 11)
                .withSensor(model, rate).withLegs(1).withLosses(40, 3).withClock(100, 0);
        scenario = scenario.withTimes(2, 8, 0.3, 5, 1);
        SyntheticNight night = SyntheticNight.generate(scenario);
        Path file = dir.resolve("right.lwr");
        SyntheticNightFiles.writeRawRecording(night, Leg.RIGHT, file);

        SampleStream truth = night.samples(Leg.RIGHT);
        double[] t = new double[1];
        double[] x = new double[1];
        double[] y = new double[1];
        double[] z = new double[1];
        long samples = 0;
        long clipped = 0;
        long gaps = 0;
        long previous = Long.MIN_VALUE;
        try (RawRecordingReader reader = RawRecordingReader.open(file)) {
            assertEquals(model.lsbG(), reader.header().scale().gPerCount(), 1e-15);
            while (reader.next()) {
                assertEquals(1, truth.read(t, x, y, z, 1));
                assertEquals(Math.round(t[0] * 1e6), reader.tUs());
                assertEquals(Math.round(x[0] / model.lsbG()), reader.xCount(), "x at " + t[0]);
                assertEquals(Math.round(y[0] / model.lsbG()), reader.yCount(), "y at " + t[0]);
                assertEquals(Math.round(z[0] / model.lsbG()), reader.zCount(), "z at " + t[0]);
                assertEquals(x[0], reader.x(), model.lsbG() * 1e-9);
                if (Math.max(Math.abs(reader.xCount()), Math.max(Math.abs(reader.yCount()), Math.abs(reader.zCount()))) >= model.maxCode()) {
                    clipped++;
                }
                if (previous != Long.MIN_VALUE && reader.tUs() - previous > 1.5e6 / rate) {
                    gaps++;
                }
                previous = reader.tUs();
                samples++;
            }
            assertTrue(reader.damage().isEmpty());
        }
        assertEquals(0, truth.read(t, x, y, z, 1), "the recording holds every sample");
        assertTrue(gaps > 3, "lost samples: " + gaps);
        if (model.maxG() < 2.1) {
            assertTrue(clipped > 0, "a +-2 g chip clips while walking");
        }
        double bytesPerSample = (double) Files.size(file) / samples;
        assertTrue(bytesPerSample < 3, chip + ": " + bytesPerSample + " bytes per sample");
    }
}
