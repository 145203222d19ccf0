package org.legwatch.bench;

import org.legwatch.analysis.scoring.Leg;
import org.legwatch.analysis.sim.NightScenario;
import org.legwatch.analysis.sim.PatientProfile;
import org.legwatch.analysis.sim.SampleStream;
import org.legwatch.analysis.sim.SyntheticNight;

/**
 * Ten minutes of one leg in bed, taken from the project's night simulator (a severe patient on a
 * LIS3DH at 100 Hz: PLM series, restless and isolated movements, turns, FIFO overruns), held in
 * arrays so a benchmark measures the detector and not the simulator.
 */
final class SimulatedLeg {
    static final int SAMPLES = 60_000;
    static final double RATE_HZ = 100;
    static final long SEED = 0x1E6_5167L;
    /** Half an hour into the night, when PLMs have begun. */
    private static final long SKIP_INTO_BED_US = 30L * 60 * 1_000_000;

    final double[] t = new double[SAMPLES];
    final double[] x = new double[SAMPLES];
    final double[] y = new double[SAMPLES];
    final double[] z = new double[SAMPLES];
    /**
     * How far each replay is shifted: the recording plus a 1 s gap, so that where the leg's last
     * position meets its first the detector restarts its filters as after lost samples.
     */
    final double spanS;

    SimulatedLeg(long seed) {
        NightScenario scenario = NightScenario.standard(PatientProfile.SEVERE, seed).withLegs(1);
        SyntheticNight night = SyntheticNight.generate(scenario);
        double fromS = (night.truth().inBed().get(0).startUs() + SKIP_INTO_BED_US) / 1e6;
        SampleStream stream = night.samples(Leg.RIGHT);
        double[] bt = new double[1024];
        double[] bx = new double[1024];
        double[] by = new double[1024];
        double[] bz = new double[1024];
        int kept = 0;
        int n;
        while (kept < SAMPLES && (n = stream.read(bt, bx, by, bz, bt.length)) > 0) {
            for (int i = 0; i < n && kept < SAMPLES; i++) {
                if (bt[i] >= fromS) {
                    t[kept] = bt[i] - fromS;
                    x[kept] = bx[i];
                    y[kept] = by[i];
                    z[kept] = bz[i];
                    kept++;
                }
            }
        }
        if (kept < SAMPLES) {
            throw new IllegalStateException("the simulated night is too short for " + SAMPLES + " samples");
        }
        spanS = t[SAMPLES - 1] + 1.0;
    }
}
