package org.legwatch.device.sim;

import java.util.List;
import org.legwatch.analysis.scoring.Leg;
import org.legwatch.analysis.sim.SensorModel;
import org.legwatch.device.clock.SimulatedClocks;
import org.legwatch.device.sensor.Accelerometer;
import org.legwatch.device.sensor.SensorException;

/**
 * A band's accelerometer made of the generator: it takes samples at the generated (true) times and
 * holds them in a FIFO of the chip's depth, so the agent reads it exactly as a real chip, through the
 * same sample clock: a read finds what was taken up to now, a FIFO that overflows drops its oldest
 * samples and reports an overrun, and the generator's lost samples never arrive. Between nights the
 * band gives nothing. It can be told to stop answering, as a pulled cable would.
 */
public final class SimulatedAccelerometer implements Accelerometer {
    /** Samples taken from the generator at a time: one call per few seconds of signal, not one per sample. */
    private static final int READ_AHEAD = 256;

    private final SimulatedWearer wearer;
    private final Leg leg;
    private final SimulatedClocks clocks;
    private final SensorModel model;
    private final int address;
    private final double[] fifoX;
    private final double[] fifoY;
    private final double[] fifoZ;
    private int head;
    private int size;
    /** Samples read from the band's stream and not yet due: [position, count). */
    private final double[] bt = new double[READ_AHEAD];
    private final double[] bx = new double[READ_AHEAD];
    private final double[] by = new double[READ_AHEAD];
    private final double[] bz = new double[READ_AHEAD];
    private int position;
    private int count;
    private int night = -1;
    private long nightStartNs;
    private BandSamples stream;
    private double rateHz = Double.NaN;
    private int rangeG;
    private boolean overrun;
    private long lost;
    private long overruns;
    private volatile boolean unplugged;

    public SimulatedAccelerometer(SimulatedWearer wearer, Leg leg, SimulatedClocks clocks, int address) {
        this.wearer = wearer;
        this.leg = leg;
        this.clocks = clocks;
        this.model = wearer.nights().get(0).scenario().sensor();
        this.address = address;
        int depth = model.fifoDepth();
        fifoX = new double[depth];
        fifoY = new double[depth];
        fifoZ = new double[depth];
    }

    /** Pulls the cable (true) or plugs it back (false). */
    public void unplug(boolean out) {
        unplugged = out;
    }

    @Override
    public String chipName() {
        return "simulated " + model.name();
    }

    @Override
    public int address() {
        return address;
    }

    @Override
    public void identify() {
        answer();
    }

    private void answer() {
        if (unplugged) {
            throw new SensorException(String.format("%s at 0x%02X: no answer (simulated cable pulled)", chipName(), address));
        }
    }

    @Override
    public List<Double> supportedRatesHz() {
        return model.ratesHz();
    }

    @Override
    public List<Integer> supportedRangesG() {
        return List.of((int) Math.round(model.maxG()));
    }

    @Override
    public void configure(double rate, int range) {
        answer();
        this.rateHz = rate;
        this.rangeG = range;
        size = 0;
        overrun = false;
        lost = 0;
        overruns = 0;
        drop(clocks.worldNs());
    }

    @Override
    public double nominalRateHz() {
        return rateHz;
    }

    @Override
    public int rangeG() {
        return rangeG;
    }

    @Override
    public double gPerCount() {
        return model.lsbG();
    }

    @Override
    public int fifoCapacity() {
        return fifoX.length;
    }

    @Override
    public int watermark() {
        return fifoX.length / 2;
    }

    @Override
    public int readFifo(double[] x, double[] y, double[] z, int max) {
        answer();
        long now = clocks.worldNs();
        overrun = false;
        long lostNow = fill(now);
        if (lostNow > 0) {
            overrun = true;
            overruns++;
            lost += lostNow;
        }
        int n = Math.min(max, size);
        for (int i = 0; i < n; i++) {
            int at = wrap(head + i);
            x[i] = fifoX[at];
            y[i] = fifoY[at];
            z[i] = fifoZ[at];
        }
        head = wrap(head + n);
        size -= n;
        return n;
    }

    /** A FIFO slot from head plus an offset below the FIFO's depth (no division: this runs per sample). */
    private int wrap(int slot) {
        return slot >= fifoX.length ? slot - fifoX.length : slot;
    }

    /** Takes every sample due by {@code nowNs} into the FIFO; returns how many overflowed it. */
    private long fill(long nowNs) {
        long overflow = 0;
        while (next(nowNs)) {
            if (size == fifoX.length) {
                head = wrap(head + 1);
                size--;
                overflow++;
            }
            int at = wrap(head + size);
            fifoX[at] = bx[position];
            fifoY[at] = by[position];
            fifoZ[at] = bz[position];
            size++;
            position++;
        }
        return overflow;
    }

    /** Samples the chip took while it was not configured are gone. */
    private void drop(long nowNs) {
        while (next(nowNs)) {
            position++;
        }
    }

    /** Whether the next sample of the band is due by {@code nowNs} (world time; it is then at {@code position}). */
    private boolean next(long nowNs) {
        while (position == count) {
            position = 0;
            count = stream == null ? 0 : stream.read(bt, bx, by, bz, READ_AHEAD);
            if (count == 0 && !nextNight(nowNs)) {
                return false;
            }
        }
        return nightStartNs + Math.round(bt[position] * 1e9) <= nowNs;
    }

    /** Moves to the next night whose recording has started by {@code nowNs}. */
    private boolean nextNight(long nowNs) {
        List<SimulatedWearer.PlannedNight> nights = wearer.nights();
        int k = night + 1;
        if (k >= nights.size() || nights.get(k).recordingStartNs() > nowNs) {
            stream = null;
            return false;
        }
        night = k;
        nightStartNs = nights.get(k).recordingStartNs();
        stream = wearer.stream(k, leg);
        return stream != null;
    }

    @Override
    public boolean overrunSinceLastRead() {
        return overrun;
    }

    @Override
    public long samplesLostToOverrun() {
        return lost;
    }

    @Override
    public long overrunCount() {
        return overruns;
    }
}
