package org.legwatch.analysis.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.legwatch.analysis.scoring.Leg;

/**
 * One band's sensor as it really was on this night: its unit's errors, how it was strapped on, its
 * clock, its warming on the skin, and which samples it lost. Everything a {@link SampleStream}
 * needs besides the leg's motions; immutable, so streams can replay it.
 */
final class LegSensor {
    final Leg leg;
    final SensorModel model;
    final double rateHz;
    final double periodS;
    final double phaseS;
    final double ppm;
    final double jitterS;
    final double noiseSd;
    /** Sensor axes in the shank frame (columns): v_shank = M v_sensor. */
    final double[] mounting;
    /** Shank to sensor: M^T. */
    final double[] mountingTranspose;
    /** Sensitivity: (I + cross-axis) diag(1 + scale). */
    final double[] gain;
    final double[] bias;
    final double[] scale;
    final double[] tempco;
    final double riseC;
    final double tauOnS;
    final double tauOffS;
    final double wornFromS;
    final double wornToS;
    final long total;
    final long[] lostStart;
    final long[] lostEnd;
    final long lostCount;
    final long noiseSeed;
    final boolean reversed;

    /**
     * The unit as strapped on: mounting, clock, errors, warming. What it loses depends on the length
     * of the recording, which is known only once the night is planned: see {@link #forRecording}.
     */
    LegSensor(Leg leg, NightScenario sc, SplittableRandom r) {
        this.leg = leg;
        this.model = sc.sensor();
        this.rateHz = sc.sampleRateHz();
        this.reversed = Draw.chance(r, sc.reversedWearProbability());
        double[] base = switch (sc.shankAxis()) {
            case X -> Rotation.identity();
            case Y -> new double[] {0, 1, 0, 0, 0, 1, 1, 0, 0};
            case Z -> new double[] {0, 0, 1, 1, 0, 0, 0, 1, 0};
        };
        if (reversed) {
            base = Rotation.multiply(Rotation.aboutY(Math.PI), base);
        }
        // Any rotation about the shank (where on the leg's circumference the band sits), a few
        // degrees of tilt (the shank is a cone, the strap is not perfectly square to it).
        double tilt1 = Draw.clamp(r.nextGaussian() * 3, -6, 6) * Math.PI / 180;
        double tilt2 = Draw.clamp(r.nextGaussian() * 3, -6, 6) * Math.PI / 180;
        this.mounting = Rotation.multiply(Rotation.aboutX(Draw.uniform(r, 0, 2 * Math.PI)),
                Rotation.aboutY(tilt1), Rotation.aboutZ(tilt2), base);
        this.mountingTranspose = Rotation.transpose(mounting);
        this.ppm = Draw.uniform(r, -sc.clockErrorPpm(), sc.clockErrorPpm());
        this.periodS = 1 / (rateHz * (1 + ppm * 1e-6));
        this.phaseS = Draw.uniform(r, 0, periodS);
        this.jitterS = sc.timestampJitterUs() * 1e-6;
        this.noiseSd = model.noiseRmsG(rateHz);
        this.scale = new double[3];
        this.bias = new double[3];
        this.tempco = new double[3];
        for (int i = 0; i < 3; i++) {
            bias[i] = Draw.uniform(r, -model.biasMaxG(), model.biasMaxG());
            scale[i] = Draw.uniform(r, -model.scaleErrorMax(), model.scaleErrorMax());
            tempco[i] = Draw.uniform(r, -model.tempcoMaxGPerC(), model.tempcoMaxGPerC());
        }
        this.gain = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double cross = i == j ? 1 : Draw.uniform(r, -model.crossAxisMax(), model.crossAxisMax());
                gain[3 * i + j] = cross * (1 + scale[j]);
            }
        }
        this.riseC = Draw.uniform(r, 6, 12);
        this.tauOnS = Draw.uniform(r, 600, 1800);
        this.tauOffS = Draw.uniform(r, 600, 1200);
        this.noiseSeed = r.nextLong();
        this.wornFromS = Double.NaN;
        this.wornToS = Double.NaN;
        this.total = 0;
        this.lostStart = new long[0];
        this.lostEnd = new long[0];
        this.lostCount = 0;
    }

    private LegSensor(LegSensor o, double wornFromS, double wornToS, long total, long[] lostStart, long[] lostEnd) {
        this.leg = o.leg;
        this.model = o.model;
        this.rateHz = o.rateHz;
        this.periodS = o.periodS;
        this.phaseS = o.phaseS;
        this.ppm = o.ppm;
        this.jitterS = o.jitterS;
        this.noiseSd = o.noiseSd;
        this.mounting = o.mounting;
        this.mountingTranspose = o.mountingTranspose;
        this.gain = o.gain;
        this.bias = o.bias;
        this.tempco = o.tempco;
        this.scale = o.scale;
        this.riseC = o.riseC;
        this.tauOnS = o.tauOnS;
        this.tauOffS = o.tauOffS;
        this.noiseSeed = o.noiseSeed;
        this.reversed = o.reversed;
        this.wornFromS = wornFromS;
        this.wornToS = wornToS;
        this.total = total;
        this.lostStart = lostStart;
        this.lostEnd = lostEnd;
        long lost = 0;
        for (int i = 0; i < lostStart.length; i++) {
            lost += lostEnd[i] - lostStart[i];
        }
        this.lostCount = lost;
    }

    /**
     * This sensor over a recording of the given length, worn over [wornFromS, wornToS) (NaN if
     * never), with its lost samples drawn: FIFO overruns when the host reads too late lose one FIFO's
     * worth at a time; link or storage gaps lose seconds.
     */
    LegSensor forRecording(double recordingS, double wornFromS, double wornToS, NightScenario sc, SplittableRandom r) {
        long total = Math.max(0, (long) Math.ceil((recordingS - phaseS) / periodS));
        List<long[]> runs = new ArrayList<>();
        int depth = model.fifoDepth();
        int overruns = Draw.poisson(r, sc.fifoOverrunsPerHour() * recordingS / 3600);
        for (int i = 0; i < overruns && total > depth + 2; i++) {
            long start = 1 + (long) (r.nextDouble() * (total - depth - 2));
            runs.add(new long[] {start, start + depth});
        }
        int gaps = Draw.poisson(r, sc.longGapsPerNight());
        for (int i = 0; i < gaps; i++) {
            long count = Math.max(1, Math.round(Draw.logUniform(r, 1, 30) * rateHz));
            if (total > count + 2) {
                long start = 1 + (long) (r.nextDouble() * (total - count - 2));
                runs.add(new long[] {start, start + count});
            }
        }
        runs.sort((a, b) -> Long.compare(a[0], b[0]));
        List<long[]> merged = new ArrayList<>();
        for (long[] run : runs) {
            if (!merged.isEmpty() && run[0] <= merged.getLast()[1]) {
                merged.getLast()[1] = Math.max(merged.getLast()[1], run[1]);
            } else {
                merged.add(run.clone());
            }
        }
        long[] starts = new long[merged.size()];
        long[] ends = new long[merged.size()];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = merged.get(i)[0];
            ends[i] = merged.get(i)[1];
        }
        return new LegSensor(this, wornFromS, wornToS, total, starts, ends);
    }

    /**
     * How much warmer than the room the band is: it approaches skin temperature exponentially once
     * strapped on and cools back once taken off. The zero-g offset follows through the tempco, a
     * slow drift a resting baseline has to track.
     */
    double temperatureRise(double t) {
        if (!(t >= wornFromS)) {
            return 0;
        }
        if (t < wornToS) {
            return riseC * (1 - Math.exp(-(t - wornFromS) / tauOnS));
        }
        double atOff = riseC * (1 - Math.exp(-(wornToS - wornFromS) / tauOnS));
        return atOff * Math.exp(-(t - wornToS) / tauOffS);
    }

    SensorTruth truth() {
        List<LostRun> runs = new ArrayList<>();
        for (int i = 0; i < lostStart.length; i++) {
            runs.add(new LostRun(lostStart[i], lostEnd[i] - lostStart[i], phaseS + lostStart[i] * periodS));
        }
        return new SensorTruth(leg, model, rateHz, ppm, phaseS, total, lostCount, runs,
                new Vec3(bias[0], bias[1], bias[2]), new Vec3(scale[0], scale[1], scale[2]),
                new Vec3(tempco[0], tempco[1], tempco[2]), riseC,
                new Vec3(mounting[0], mounting[1], mounting[2]), reversed);
    }
}
