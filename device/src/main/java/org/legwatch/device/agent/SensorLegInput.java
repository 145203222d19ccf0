package org.legwatch.device.agent;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import org.legwatch.analysis.scoring.Leg;
import org.legwatch.device.clock.Clocks;
import org.legwatch.device.clock.SampleClock;
import org.legwatch.device.sensor.Accelerometer;
import org.legwatch.device.sensor.SensorException;

/**
 * One ankle's sensor on the I2C bus: its FIFO read in bursts, the samples timed by a
 * {@link SampleClock}. A sensor that stops answering (a cable pulled, a connector loose) is retried,
 * first after {@code retryS} and then at doubling waits up to a minute, and re-configured when it
 * answers again; the time it was away becomes a gap in the samples, so the night goes on with the
 * gap counted as lost samples.
 */
public final class SensorLegInput implements LegInput {
    private static final Logger LOG = System.getLogger(SensorLegInput.class.getName());
    private static final double MAX_RETRY_S = 60;
    /** A phase error this large is samples that never arrived, not drift. */
    private static final double GAP_THRESHOLD_S = 0.5;

    private final Leg leg;
    private final Accelerometer sensor;
    private final double rateHz;
    private final int rangeG;
    private final Clocks clocks;
    private final double firstRetryS;
    /** Made at the first configuration, at the rate the chip really runs at. */
    private SampleClock clock;
    private String fault = "not started";
    private long nextTryNs = Long.MIN_VALUE;
    private double retryS;
    private long lostToOverrunSeen;

    public SensorLegInput(Leg leg, Accelerometer sensor, double rateHz, int rangeG, Clocks clocks, double retryS) {
        this.leg = leg;
        this.sensor = sensor;
        this.rateHz = rateHz;
        this.rangeG = rangeG;
        this.clocks = clocks;
        this.firstRetryS = retryS;
        this.retryS = retryS;
    }

    @Override
    public Leg leg() {
        return leg;
    }

    @Override
    public double rateHz() {
        return rateHz;
    }

    @Override
    public String description() {
        return sensor.chipName() + " at 0x" + Integer.toHexString(sensor.address()) + " (" + leg.name().toLowerCase() + " ankle)";
    }

    /** A batch large enough for a full FIFO. */
    public SampleBatch newBatch() {
        return new SampleBatch(Math.max(64, sensor.fifoCapacity()));
    }

    @Override
    public void poll(SampleBatch into) {
        into.count = 0;
        if (fault != null && !reconnect()) {
            return;
        }
        try {
            int n = sensor.readFifo(into.x, into.y, into.z, into.capacity());
            long readDone = clocks.monotonicNs();
            long lostTotal = sensor.samplesLostToOverrun();
            long lost = lostTotal - lostToOverrunSeen;
            lostToOverrunSeen = lostTotal;
            clock.stamp(n, lost, readDone, into.timeNs);
            into.count = n;
        } catch (SensorException e) {
            fail(e);
        }
    }

    /** Tries to bring the sensor back if it is time to; whether it is back. */
    private boolean reconnect() {
        long now = clocks.monotonicNs();
        if (now < nextTryNs) {
            return false;
        }
        try {
            sensor.identify();
            double rate = nearest(sensor.supportedRatesHz(), rateHz);
            sensor.configure(rate, atLeast(sensor.supportedRangesG(), rangeG));
            if (clock == null) {
                clock = new SampleClock(rate, GAP_THRESHOLD_S);
                if (Math.abs(rate - rateHz) > 1e-9) {
                    LOG.log(Level.INFO, description() + " runs at " + rate + " Hz, its nearest rate to " + rateHz + " Hz");
                }
            }
            lostToOverrunSeen = sensor.samplesLostToOverrun();
            if (nextTryNs != Long.MIN_VALUE) {
                LOG.log(Level.WARNING, description() + " answers again; recording goes on (" + fault + " before)");
            }
            fault = null;
            retryS = firstRetryS;
            return true;
        } catch (SensorException e) {
            fail(e);
            return false;
        }
    }

    private static double nearest(List<Double> rates, double wanted) {
        double best = rates.get(0);
        for (double r : rates) {
            if (Math.abs(r - wanted) < Math.abs(best - wanted)) {
                best = r;
            }
        }
        return best;
    }

    /** The smallest range that covers {@code wanted}, or the largest there is. */
    private static int atLeast(List<Integer> ranges, int wanted) {
        for (int r : ranges) {
            if (r >= wanted) {
                return r;
            }
        }
        return ranges.get(ranges.size() - 1);
    }

    private void fail(SensorException e) {
        boolean news = fault == null || !fault.equals(e.getMessage());
        fault = e.getMessage();
        long now = clocks.monotonicNs();
        nextTryNs = now + (long) (retryS * 1e9);
        if (news) {
            LOG.log(Level.ERROR, description() + " stopped answering: " + e.getMessage() + "; retrying every "
                    + retryS + "-" + MAX_RETRY_S + " s");
        }
        retryS = Math.min(MAX_RETRY_S, retryS * 2);
    }

    @Override
    public SensorFormat format() {
        return new SensorFormat(sensor.chipName(), sensor.nominalRateHz(), sensor.rangeG(), sensor.gPerCount());
    }

    @Override
    public String fault() {
        return fault;
    }

    @Override
    public long lostSamples() {
        return clock == null ? 0 : clock.lostSamples();
    }

    @Override
    public long maxPollIntervalNs() {
        // Read when the FIFO is half full: the other half absorbs a slow journal write.
        return (long) (sensor.fifoCapacity() / 2.0 / rateHz * 1e9);
    }

    /** The chip's rate as the sample clock measured it. */
    public double measuredRateHz() {
        return clock == null ? Double.NaN : clock.estimatedRateHz();
    }

    @Override
    public void close() {
        // The bus belongs to the Pi4J context, which the agent shuts down.
    }
}
