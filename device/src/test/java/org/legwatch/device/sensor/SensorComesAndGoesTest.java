package org.legwatch.device.sensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.io.i2c.I2C;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.legwatch.analysis.scoring.Leg;
import org.legwatch.device.agent.SampleBatch;
import org.legwatch.device.agent.SensorLegInput;
import org.legwatch.device.clock.Clocks;

/**
 * A LIS3DH on Pi4J's mock bus behind the agent's sensor input: it answers, stops answering (a
 * pulled cable: every transfer comes back short), and answers again. The input reports the fault,
 * retries at the configured waits, re-configures the chip, and goes on with the time away as a gap.
 */
class SensorComesAndGoesTest {
    private static final int BURST = 0xA8;
    private static final int FIFO_SRC = 0x2F;

    private final MockBus bus = new MockBus();
    private final I2C i2c = bus.open(Lis3dh.ADDRESS_ALT);
    private final FakeClock clock = new FakeClock();
    private final Lis3dh chip = new Lis3dh(i2c, clock);

    /** The agent's clocks, on the test's clock. */
    private final Clocks clocks = new Clocks() {
        @Override
        public long monotonicNs() {
            return clock.nanos;
        }

        @Override
        public long wallMs() {
            return clock.nanos / 1_000_000L;
        }

        @Override
        public boolean wallSynchronised() {
            return true;
        }

        @Override
        public String bootId() {
            return "test";
        }

        @Override
        public double uptimeS() {
            return clock.nanos / 1e9;
        }

        @Override
        public void sleepNs(long ns) {
            clock.nanos += ns;
        }
    };

    @AfterEach
    void close() {
        bus.close();
    }

    /** The chip answers its id and takes its configuration. */
    private void chipAnswers() {
        MockBus.preload(i2c, 0x0F, 0x33);
    }

    /** The FIFO holds {@code n} samples of 1 g on z. */
    private void fifoHolds(int n) {
        MockBus.preload(i2c, FIFO_SRC, n);
        for (int i = 0; i < n; i++) {
            MockBus.preload(i2c, BURST, MockBus.le16(0, 0, 16000));
        }
    }

    @Test
    void aPulledCableIsRetriedAndTheTimeAwayBecomesAGap() {
        SensorLegInput input = new SensorLegInput(Leg.RIGHT, chip, 100, 2, clocks, 1.0);
        SampleBatch batch = new SampleBatch(64);
        chipAnswers();
        for (int i = 0; i < 50; i++) { // 10 s of reads every 200 ms, 20 samples each
            clock.advanceMillis(200);
            fifoHolds(20);
            input.poll(batch);
            assertEquals(20, batch.count);
            assertEquals(1.0, batch.z[19], 1e-9);
        }
        assertNull(input.fault());
        long lastBefore = batch.timeNs[batch.count - 1];

        // The cable comes out: nothing answers for 5 s.
        for (int i = 0; i < 25; i++) {
            clock.advanceMillis(200);
            input.poll(batch);
            assertEquals(0, batch.count);
            assertNotNull(input.fault());
        }
        assertTrue(input.fault().contains("LIS3DH"), input.fault());

        // Back in: the next retry (waits 1, 2, 4 s ... from the fault) identifies and configures it again.
        chipAnswers();
        int polls = 0;
        do {
            clock.advanceMillis(200);
            fifoHolds(20);
            input.poll(batch);
            polls++;
        } while (batch.count == 0 && polls < 100);
        assertNull(input.fault(), "the sensor answers again");
        assertEquals(20, batch.count);
        // The first samples after the return lie a whole gap after the last ones before it.
        double gapS = (batch.timeNs[0] - lastBefore) / 1e9;
        assertTrue(gapS >= 5, "gap of " + gapS + " s");
        assertTrue(input.lostSamples() >= 500, "lost " + input.lostSamples());
        // It was configured again: CTRL_REG1 written at the start and at the return.
        assertEquals(2, MockBus.drain(i2c, 0x20).size());
    }
}
