package org.legwatch.analysis.sim;

import org.legwatch.analysis.night.TimeSpan;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.legwatch.analysis.scoring.BatchScorer;
import org.legwatch.analysis.scoring.Leg;
import org.legwatch.analysis.scoring.LegMovement;
import org.legwatch.analysis.scoring.ScoredMovement;
import org.legwatch.analysis.scoring.ScoringRules;

/**
 * The generator against physics, sensor behaviour, clinical realism and streaming. The check
 * methods take a seed so that they can be run over many seeds by hand; the tests run a few.
 */
class SyntheticNightTest {

    /** Samples of one band, read completely (only for short nights). */
    record Samples(double[] t, double[] x, double[] y, double[] z) {
        int size() {
            return t.length;
        }

        double norm(int i) {
            return Math.sqrt(x[i] * x[i] + y[i] * y[i] + z[i] * z[i]);
        }

        long us(int i) {
            return Math.round(t[i] * 1e6);
        }
    }

    static Samples readAll(SampleStream stream, int chunk) {
        int cap = 1 << 16;
        double[] t = new double[cap];
        double[] x = new double[cap];
        double[] y = new double[cap];
        double[] z = new double[cap];
        int n = 0;
        while (true) {
            if (n + chunk > t.length) {
                int c = Math.max(t.length * 2, n + chunk);
                t = Arrays.copyOf(t, c);
                x = Arrays.copyOf(x, c);
                y = Arrays.copyOf(y, c);
                z = Arrays.copyOf(z, c);
            }
            int got = stream.read(t, x, y, z, n, chunk);
            if (got == 0) {
                break;
            }
            n += got;
        }
        return new Samples(Arrays.copyOf(t, n), Arrays.copyOf(x, n), Arrays.copyOf(y, n), Arrays.copyOf(z, n));
    }

    /** A short night: 1 min table, 10 min evening, 45 min in bed, 5 min morning, 1 min table. */
    static NightScenario shortNight(PatientProfile p, long seed) {
        return NightScenario.standard(p, seed).withTimes(1, 10, 0.75, 5, 1);
    }

    static NightScenario ideal(NightScenario s) {
        return s.withSensor(SensorModel.IDEAL, 100).withLosses(0, 0).withClock(0, 0);
    }

    static boolean nearMovement(GroundTruth truth, Leg leg, long us, long marginUs) {
        for (LegMovement m : truth.movements()) {
            if (m.leg() == leg && us >= m.onsetUs() - marginUs && us <= m.offsetUs() + marginUs) {
                return true;
            }
        }
        return false;
    }

    static Activity activity(GroundTruth truth, long us) {
        ActivitySpan a = truth.activityAt(us);
        return a == null ? null : a.activity();
    }

    // ------------------------------------------------------------------ determinism

    @Test
    void sameSeedGivesTheSameNightAndOtherSeedsDiffer() {
        NightScenario s = shortNight(PatientProfile.SEVERE, 42).withLosses(30, 1);
        SyntheticNight a = SyntheticNight.generate(s);
        SyntheticNight b = SyntheticNight.generate(s);
        assertEquals(a.truth(), b.truth());
        for (Leg leg : a.legs()) {
            Samples sa = readAll(a.samples(leg), 4096);
            Samples sb = readAll(b.samples(leg), 4096);
            Samples again = readAll(a.samples(leg), 4096);
            assertArrayEquals(sa.t(), sb.t());
            assertArrayEquals(sa.x(), sb.x());
            assertArrayEquals(sa.y(), sb.y());
            assertArrayEquals(sa.z(), sb.z());
            assertArrayEquals(sa.z(), again.z(), "a fresh stream replays the same samples");
        }
        SyntheticNight c = SyntheticNight.generate(s.withSeed(43));
        assertNotEquals(a.truth().movements(), c.truth().movements());
        Samples sa = readAll(a.samples(Leg.RIGHT), 4096);
        Samples sc = readAll(c.samples(Leg.RIGHT), 4096);
        int n = Math.min(sa.size(), sc.size());
        assertFalse(Arrays.equals(Arrays.copyOf(sa.x(), n), Arrays.copyOf(sc.x(), n)));
    }

    // ------------------------------------------------------------------ physics

    @Test
    void atRestTheNormIsOneGWithinTheSensorErrors() {
        checkRestingNorm(3, SensorModel.LIS3DH_4G);
    }

    static void checkRestingNorm(long seed, SensorModel chip) {
        NightScenario s = shortNight(PatientProfile.MODERATE, seed).withSensor(chip, 100);
        SyntheticNight night = SyntheticNight.generate(s);
        GroundTruth truth = night.truth();
        Samples smp = readAll(night.samples(Leg.RIGHT), 4096);
        double bound = Math.sqrt(3) * (chip.biasMaxG() + chip.tempcoMaxGPerC() * 12) + chip.scaleErrorMax()
                + 2 * chip.crossAxisMax() + 0.01;
        int windows = 0;
        double sum = 0;
        int count = 0;
        for (int i = 0; i < smp.size(); i++) {
            Activity a = activity(truth, smp.us(i));
            boolean rest = (a == Activity.LYING && !nearMovement(truth, Leg.RIGHT, smp.us(i), 500_000))
                    || a == Activity.NOT_WORN;
            if (!rest) {
                sum = 0;
                count = 0;
                continue;
            }
            sum += smp.norm(i);
            if (++count == 100) {
                double mean = sum / count;
                assertEquals(1.0, mean, bound, "resting norm at " + smp.t()[i] + " s");
                windows++;
                sum = 0;
                count = 0;
            }
        }
        assertTrue(windows > 100, "enough resting windows: " + windows);

        // With an ideal sensor, rest is exactly 1 g.
        SyntheticNight idealNight = SyntheticNight.generate(ideal(s));
        Samples ideal = readAll(idealNight.samples(Leg.RIGHT), 4096);
        for (int i = 0; i < ideal.size(); i++) {
            Activity a = activity(idealNight.truth(), ideal.us(i));
            if (a == Activity.LYING && !nearMovement(idealNight.truth(), Leg.RIGHT, ideal.us(i), 10_000)
                    || a == Activity.NOT_WORN) {
                assertEquals(1.0, ideal.norm(i), 1e-5);
            }
        }
    }

    @Test
    void lyingAndUprightDifferInTheShankAxisTilt() {
        for (long seed = 1; seed <= 3; seed++) {
            checkLyingAndUpright(seed);
        }
    }

    static void checkLyingAndUpright(long seed) {
        NightScenario s = ideal(shortNight(PatientProfile.MILD, seed)).withMounting(SensorAxis.Y, 0.5);
        SyntheticNight night = SyntheticNight.generate(s);
        GroundTruth truth = night.truth();
        for (Leg leg : night.legs()) {
            Vec3 axis = truth.sensors().get(leg).shankAxisInSensor();
            Samples smp = readAll(night.samples(leg), 4096);
            List<Double> lying = new ArrayList<>();
            List<Double> standing = new ArrayList<>();
            for (int i = 0; i < smp.size(); i++) {
                double angle = Math.toDegrees(Math.acos(
                        (smp.x()[i] * axis.x() + smp.y()[i] * axis.y() + smp.z()[i] * axis.z()) / smp.norm(i)));
                Activity a = activity(truth, smp.us(i));
                if (a == Activity.LYING && !nearMovement(truth, leg, smp.us(i), 100_000)) {
                    lying.add(angle);
                } else if (a == Activity.STANDING) {
                    standing.add(angle);
                }
            }
            double lyingMin = lying.stream().mapToDouble(d -> d).min().orElseThrow();
            double standingMax = standing.stream().mapToDouble(d -> d).max().orElseThrow();
            assertTrue(lyingMin > 55, "lying shank near horizontal, min angle to up " + lyingMin);
            assertTrue(standingMax < 20, "standing shank near vertical, max angle to up " + standingMax);
            assertTrue(lyingMin - standingMax > 45);
        }
    }

    /**
     * Movements may leave a resting leg a little off its rest, but those offsets must not add up:
     * over a very severe night (more than a thousand movements on these seeds) the shank of a
     * lying leg at rest stays within 40 degrees of horizontal (35 at most on these seeds). Without
     * the settling back these nights drifted to 43 and 57 degrees (a sleeper holding a shank half
     * upright).
     */
    @Test
    void restingLyingLegsDoNotDriftIntoPosturesNobodyHolds() {
        for (long seed : new long[] {2, 9}) {
            NightScenario s = NightScenario.standard(PatientProfile.VERY_SEVERE, seed)
                    .withSensor(SensorModel.IDEAL, 25).withLosses(0, 0).withClock(0, 0).withTimes(2, 20, 8, 10, 2);
            SyntheticNight night = SyntheticNight.generate(s);
            GroundTruth truth = night.truth();
            assertTrue(truth.movements().size() > 1000, "movements " + truth.movements().size());
            for (Leg leg : night.legs()) {
                Vec3 axis = truth.sensors().get(leg).shankAxisInSensor();
                List<LegMovement> moves = truth.movements().stream().filter(m -> m.leg() == leg).toList();
                SampleStream stream = night.samples(leg);
                double[] t = new double[4096];
                double[] x = new double[4096];
                double[] y = new double[4096];
                double[] z = new double[4096];
                int next = 0;
                double highest = 0;
                for (int n = stream.read(t, x, y, z, 4096); n > 0; n = stream.read(t, x, y, z, 4096)) {
                    for (int i = 0; i < n; i++) {
                        long us = Math.round(t[i] * 1e6);
                        while (next < moves.size() && moves.get(next).offsetUs() + 500_000 < us) {
                            next++;
                        }
                        boolean moving = next < moves.size() && us >= moves.get(next).onsetUs() - 500_000;
                        if (moving || activity(truth, us) != Activity.LYING) {
                            continue;
                        }
                        double along = Math.abs(x[i] * axis.x() + y[i] * axis.y() + z[i] * axis.z())
                                / Math.sqrt(x[i] * x[i] + y[i] * y[i] + z[i] * z[i]);
                        highest = Math.max(highest, Math.toDegrees(Math.asin(Math.min(1, along))));
                    }
                }
                assertTrue(highest < 40, "seed " + seed + " " + leg + ": resting lying shank up to " + highest + " degrees");
            }
        }
    }

    @Test
    void aMovementsTruthIntervalIsWhereTheSignalDeviates() {
        checkMovementIntervals(11);
    }

    static void checkMovementIntervals(long seed) {
        NightScenario s = ideal(shortNight(PatientProfile.SEVERE, seed));
        SyntheticNight night = SyntheticNight.generate(s);
        GroundTruth truth = night.truth();
        Samples smp = readAll(night.samples(Leg.RIGHT), 4096);
        List<LegMovement> right = truth.movements().stream().filter(m -> m.leg() == Leg.RIGHT).toList();
        int checked = 0;
        for (int k = 1; k < right.size() - 1; k++) {
            LegMovement m = right.get(k);
            if (right.get(k - 1).offsetUs() > m.onsetUs() - 3_000_000
                    || right.get(k + 1).onsetUs() < m.offsetUs() + 3_000_000) {
                continue;
            }
            int first = firstAtOrAfter(smp, m.onsetUs() - 2_000_000);
            int on = firstAtOrAfter(smp, m.onsetUs());
            int off = firstAtOrAfter(smp, m.offsetUs());
            int last = firstAtOrAfter(smp, m.offsetUs() + 2_000_000);
            // Still before the onset and after the offset: exactly the resting values.
            for (int i = first; i < on; i++) {
                assertEquals(0, distance(smp, i, first), 1e-9, "still before onset");
            }
            for (int i = off; i < last; i++) {
                assertEquals(0, distance(smp, i, last), 1e-9, "still after offset");
            }
            // Inside: the signal leaves rest right at the onset and only settles at the offset.
            double peak = 0;
            int firstDev = -1;
            int lastDev = -1;
            for (int i = on; i < off; i++) {
                peak = Math.max(peak, distance(smp, i, first));
                if (firstDev < 0 && distance(smp, i, first) > 1e-5) {
                    firstDev = i;
                }
                if (distance(smp, i, last) > 5e-5) {
                    lastDev = i;
                }
            }
            assertTrue(peak > 0.005, "a movement shows: peak deviation " + peak + " g");
            double tolerance = Math.max(0.06, 0.2 * m.durationUs() / 1e6);
            assertTrue(smp.t()[firstDev] - m.onsetUs() / 1e6 < tolerance, "deviation starts at the onset");
            assertTrue(m.offsetUs() / 1e6 - smp.t()[lastDev] < tolerance, "deviation lasts to the offset");
            checked++;
        }
        assertTrue(checked >= 10, "checked " + checked + " movements");
    }

    private static int firstAtOrAfter(Samples s, long us) {
        int i = Arrays.binarySearch(s.t(), us / 1e6);
        return i >= 0 ? i : -i - 1;
    }

    private static double distance(Samples s, int i, int j) {
        double dx = s.x()[i] - s.x()[j];
        double dy = s.y()[i] - s.y()[j];
        double dz = s.z()[i] - s.z()[j];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    @Test
    void walkingShowsTheStrideFrequency() {
        checkWalking(5, SensorModel.ADXL345_16G, 50);
    }

    static void checkWalking(long seed, SensorModel chip, double rate) {
        NightScenario s = shortNight(PatientProfile.MODERATE, seed).withSensor(chip, rate);
        SyntheticNight night = SyntheticNight.generate(s);
        GroundTruth truth = night.truth();
        Samples smp = readAll(night.samples(Leg.LEFT), 4096);
        int walks = 0;
        for (ActivitySpan walk : truth.activities()) {
            if (walk.activity() != Activity.WALKING || walk.durationUs() < 30_000_000) {
                continue;
            }
            // The middle of the walk, past the ramps.
            int from = firstAtOrAfter(smp, walk.startUs() + 3_000_000);
            int to = firstAtOrAfter(smp, walk.endUs() - 3_000_000);
            double bestF = 0;
            double bestP = 0;
            double sumP = 0;
            int bins = 0;
            for (double f = 0.5; f <= 1.4; f += 0.005) {
                double p = power(smp.t(), smp.x(), from, to, f) + power(smp.t(), smp.y(), from, to, f)
                        + power(smp.t(), smp.z(), from, to, f);
                sumP += p;
                bins++;
                if (p > bestP) {
                    bestP = p;
                    bestF = f;
                }
            }
            assertTrue(bestF >= 0.78 && bestF <= 1.12, "stride peak at " + bestF + " Hz");
            assertTrue(bestP > 5 * sumP / bins, "a clear peak");
            double dyn = 0;
            double mx = mean(smp.x(), from, to);
            double my = mean(smp.y(), from, to);
            double mz = mean(smp.z(), from, to);
            for (int i = from; i < to; i++) {
                double dx = smp.x()[i] - mx;
                double dy = smp.y()[i] - my;
                double dz = smp.z()[i] - mz;
                dyn = Math.max(dyn, Math.sqrt(dx * dx + dy * dy + dz * dz));
            }
            assertTrue(dyn > 0.3 && dyn < 3, "walking accelerations of " + dyn + " g");
            walks++;
        }
        assertTrue(walks >= 1);
    }

    private static double mean(double[] v, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += v[i];
        }
        return sum / (to - from);
    }

    /** Power of the demeaned signal at frequency f (a single DFT bin on uneven timestamps). */
    private static double power(double[] t, double[] v, int from, int to, double f) {
        double mean = 0;
        for (int i = from; i < to; i++) {
            mean += v[i];
        }
        mean /= to - from;
        double re = 0;
        double im = 0;
        for (int i = from; i < to; i++) {
            double ph = 2 * Math.PI * f * t[i];
            re += (v[i] - mean) * Math.cos(ph);
            im += (v[i] - mean) * Math.sin(ph);
        }
        return (re * re + im * im) / (to - from);
    }

    @Test
    void notWornIsStillWithOnlySensorNoise() {
        checkNotWorn(8, SensorModel.LSM6DSOX_2G, 104);
    }

    static void checkNotWorn(long seed, SensorModel chip, double rate) {
        NightScenario s = shortNight(PatientProfile.MODERATE, seed).withSensor(chip, rate).withTimes(5, 5, 0.5, 5, 5);
        SyntheticNight night = SyntheticNight.generate(s);
        GroundTruth truth = night.truth();
        assertEquals(2, truth.notWorn().size());
        assertEquals(0, truth.notWorn().getFirst().startUs());
        assertEquals(truth.recordingUs(), truth.notWorn().getLast().endUs());
        Samples smp = readAll(night.samples(Leg.RIGHT), 4096);
        double noise = chip.noiseRmsG(rate);
        for (TimeSpan span : truth.notWorn()) {
            int from = firstAtOrAfter(smp, span.startUs() + 1_000_000);
            int to = firstAtOrAfter(smp, span.endUs() - 1_000_000);
            for (double[] axis : new double[][] {smp.x(), smp.y(), smp.z()}) {
                double sd = sd(axis, from, to);
                assertTrue(sd < 1.3 * noise + chip.lsbG(), "still on the table: sd " + sd + " g");
            }
        }
        for (LegMovement m : truth.movements()) {
            for (TimeSpan span : truth.notWorn()) {
                assertFalse(m.offsetUs() > span.startUs() && m.onsetUs() < span.endUs());
            }
        }
    }

    @Test
    void aBandLeftOnTheTableAllNightHasNoTimeInBed() {
        NightScenario s = shortNight(PatientProfile.SEVERE, 9).withNotWornAllNight(true);
        SyntheticNight night = SyntheticNight.generate(s);
        GroundTruth truth = night.truth();
        assertTrue(truth.movements().isEmpty());
        assertTrue(truth.inBed().isEmpty());
        assertEquals(0, truth.hoursInBed());
        assertTrue(Double.isNaN(truth.plmi()));
        assertEquals(List.of(new TimeSpan(0, truth.recordingUs())), truth.notWorn());
        Samples smp = readAll(night.samples(Leg.LEFT), 4096);
        double noise = s.sensor().noiseRmsG(s.sampleRateHz());
        assertTrue(sd(smp.x(), 0, smp.size()) < 1.3 * noise + s.sensor().lsbG());
        assertTrue(sd(smp.z(), 0, smp.size()) < 1.3 * noise + s.sensor().lsbG());
    }

    private static double sd(double[] v, int from, int to) {
        double mean = 0;
        for (int i = from; i < to; i++) {
            mean += v[i];
        }
        mean /= to - from;
        double ss = 0;
        for (int i = from; i < to; i++) {
            ss += (v[i] - mean) * (v[i] - mean);
        }
        return Math.sqrt(ss / (to - from - 1));
    }

    // ------------------------------------------------------------------ truth

    @Test
    void namedProfilesGiveTheirNominalPlmi() {
        for (PatientProfile p : PatientProfile.NAMED) {
            for (long seed = 1; seed <= 3; seed++) {
                GroundTruth truth = SyntheticNight.generate(NightScenario.standard(p, seed)).truth();
                assertEquals(8.0, truth.hoursInBed(), 1e-9);
                if (p.nominalPlmi() == 0) {
                    assertTrue(truth.plmi() < 3, p.name() + " PLMI " + truth.plmi());
                } else {
                    assertEquals(p.nominalPlmi(), truth.plmi(), 0.4 * p.nominalPlmi(),
                            p.name() + " seed " + seed);
                }
                assertTrue(truth.score().lmCount() > 30, "some movements: " + truth.score().lmCount());
            }
        }
    }

    @Test
    void imisOfTruePlmsCentreOnThePatientsImi() {
        for (PatientProfile p : List.of(PatientProfile.MODERATE, PatientProfile.VERY_SEVERE)) {
            GroundTruth truth = SyntheticNight.generate(NightScenario.standard(p, 21)).truth();
            List<Double> imis = new ArrayList<>();
            ScoredMovement previous = null;
            for (ScoredMovement m : truth.scored()) {
                if (m.plm() && previous != null && previous.plm() && previous.series() == m.series()) {
                    imis.add(m.imiUs() / 1e6);
                }
                previous = m;
            }
            assertTrue(imis.size() > 100);
            double[] sorted = imis.stream().mapToDouble(d -> d).sorted().toArray();
            double median = sorted[sorted.length / 2];
            assertEquals(p.imiMeanS(), median, 0.15 * p.imiMeanS(), p.name() + " median IMI");
            double q1 = sorted[sorted.length / 4];
            double q3 = sorted[sorted.length * 3 / 4];
            assertTrue(q3 - q1 < 4 * p.imiSdS(), "IMIs cluster: IQR " + (q3 - q1) + " s");
        }
    }

    @Test
    void truthIsConsistentWithItself() {
        NightScenario s = NightScenario.standard(PatientProfile.SEVERE, 4).withLegs(1);
        GroundTruth truth = SyntheticNight.generate(s).truth();
        long inBed = truth.inBed().stream().mapToLong(TimeSpan::durationUs).sum();
        assertEquals(8.0, inBed / 3.6e9, 1e-9);
        assertEquals(s.patient().bathroomTrips() + 1, truth.inBed().size(), "trips split time in bed");
        long previous = -1;
        for (LegMovement m : truth.movements()) {
            assertTrue(m.onsetUs() >= previous, "onset order");
            previous = m.onsetUs();
            assertTrue(truth.inBed().stream().anyMatch(span -> span.contains(m.onsetUs(), m.offsetUs())),
                    "movements lie within time in bed");
        }
        assertTrue(truth.movements().stream().anyMatch(m -> m.leg() == Leg.LEFT), "the unworn leg still moves");
        assertTrue(truth.instrumentedScore().movements().stream().allMatch(m -> m.leg() == Leg.RIGHT));
        assertEquals(BatchScorer.score(truth.movements(), ScoringRules.WASM_2016), truth.scored());
        long turns = truth.labelled().stream().filter(m -> m.kind() == MovementKind.TURN_OVER).count();
        assertTrue(turns >= 2 * 8 && turns % 2 == 0, "turn-overs move both legs: " + turns);
        assertTrue(truth.labelled().stream().filter(m -> m.kind() == MovementKind.TURN_OVER)
                .allMatch(m -> m.amplitudeDeg() > 40), "a turn-over changes the orientation a lot");
        assertEquals(Activity.NOT_WORN, truth.activities().getFirst().activity());
        assertEquals(Activity.NOT_WORN, truth.activities().getLast().activity());
        for (int i = 1; i < truth.activities().size(); i++) {
            assertEquals(truth.activities().get(i - 1).endUs(), truth.activities().get(i).startUs(), "contiguous");
        }
        assertEquals(truth.plmCount() / 8.0, truth.plmi(), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> SyntheticNight.generate(s).samples(Leg.LEFT));
    }

    @Test
    void randomScenariosAreVariedAndSound() {
        java.util.Set<String> chips = new java.util.HashSet<>();
        java.util.Set<Double> rates = new java.util.HashSet<>();
        java.util.Set<Integer> legs = new java.util.HashSet<>();
        double minPlmi = Double.MAX_VALUE;
        double maxPlmi = 0;
        for (long seed = 0; seed < 40; seed++) {
            NightScenario s = NightScenario.random(seed);
            chips.add(s.sensor().name());
            rates.add(s.sampleRateHz());
            legs.add(s.legCount());
            SyntheticNight night = SyntheticNight.generate(s);
            GroundTruth truth = night.truth();
            if (!s.notWornAllNight()) {
                assertEquals(s.timeInBedHours(), truth.hoursInBed(), 1e-6);
                minPlmi = Math.min(minPlmi, truth.plmi());
                maxPlmi = Math.max(maxPlmi, truth.plmi());
            }
            for (LegMovement m : truth.movements()) {
                assertTrue(truth.inBed().stream().anyMatch(span -> span.contains(m.onsetUs(), m.offsetUs())));
            }
            double[] t = new double[500];
            double[] x = new double[500];
            double[] y = new double[500];
            double[] z = new double[500];
            for (Leg leg : night.legs()) {
                assertEquals(500, night.samples(leg).read(t, x, y, z, 500));
            }
        }
        assertTrue(chips.size() >= 4 && rates.size() >= 4 && legs.size() == 2);
        assertTrue(minPlmi < 5 && maxPlmi > 40, "PLMI range " + minPlmi + ".." + maxPlmi);
    }

    // ------------------------------------------------------------------ sensor

    @Test
    void readingsAreQuantisedToTheLsb() {
        for (SensorModel chip : List.of(SensorModel.ADXL345_4G, SensorModel.LIS3DH_2G, SensorModel.LSM6DSOX_4G)) {
            NightScenario s = NightScenario.standard(PatientProfile.MILD, 2).withTimes(1, 3, 0.25, 3, 1)
                    .withSensor(chip, 50);
            Samples smp = readAll(SyntheticNight.generate(s).samples(Leg.RIGHT), 4096);
            for (int i = 0; i < smp.size(); i++) {
                for (double v : new double[] {smp.x()[i], smp.y()[i], smp.z()[i]}) {
                    double codes = v / chip.lsbG();
                    assertEquals(Math.rint(codes), codes, 1e-6, chip.name());
                }
            }
        }
    }

    @Test
    void readingsClipAtTheRange() {
        // A deliberately narrow chip: 9-bit words of 4 mg, +-1.024 g, so walking must clip.
        SensorModel narrow = new SensorModel("narrow", 0.004, 9, 0.002, 0.02, 0.01, 0.005, 0, 32, List.of(100.0));
        NightScenario s = NightScenario.standard(PatientProfile.MILD, 6).withTimes(1, 10, 0.25, 3, 1)
                .withSensor(narrow, 100);
        Samples smp = readAll(SyntheticNight.generate(s).samples(Leg.RIGHT), 4096);
        int atMax = 0;
        int atMin = 0;
        for (double[] axis : new double[][] {smp.x(), smp.y(), smp.z()}) {
            for (double v : axis) {
                assertTrue(v <= narrow.maxG() + 1e-12 && v >= narrow.minG() - 1e-12);
                atMax += v == narrow.maxG() ? 1 : 0;
                atMin += v == narrow.minG() ? 1 : 0;
            }
        }
        assertTrue(atMax + atMin > 10, "clipped samples: " + atMax + " at max, " + atMin + " at min");
    }

    @Test
    void lostSamplesShowAsGapsInTheTimestamps() {
        NightScenario s = shortNight(PatientProfile.MODERATE, 12).withLosses(120, 3).withClock(100, 800)
                .withSensor(SensorModel.ADXL345_4G, 200);
        SyntheticNight night = SyntheticNight.generate(s);
        for (Leg leg : night.legs()) {
            SensorTruth sensor = night.truth().sensors().get(leg);
            assertTrue(sensor.samplesLost() > 200, "losses were drawn: " + sensor.samplesLost());
            Samples smp = readAll(night.samples(leg), 4096);
            assertEquals(sensor.samplesDelivered(), smp.size());
            double period = 1 / sensor.actualRateHz();
            long missing = 0;
            int jumps = 0;
            for (int i = 1; i < smp.size(); i++) {
                double dt = smp.t()[i] - smp.t()[i - 1];
                assertTrue(dt > 0, "timestamps increase");
                long steps = Math.round(dt / period);
                if (steps > 1) {
                    missing += steps - 1;
                    jumps++;
                }
            }
            assertEquals(sensor.samplesLost(), missing);
            assertEquals(sensor.lostRuns().size(), jumps);
            assertEquals(sensor.lostRuns().stream().mapToLong(LostRun::count).sum(), sensor.samplesLost());
        }
    }

    @Test
    void timestampsRunOnTheTrueClockAtTheChipsTrueRate() {
        NightScenario s = shortNight(PatientProfile.MILD, 13).withLosses(0, 0).withClock(100, 0);
        SyntheticNight night = SyntheticNight.generate(s);
        SensorTruth sensor = night.truth().sensors().get(Leg.RIGHT);
        Samples smp = readAll(night.samples(Leg.RIGHT), 4096);
        double span = smp.t()[smp.size() - 1] - smp.t()[0];
        assertEquals(sensor.actualRateHz(), (smp.size() - 1) / span, 1e-6);
        assertEquals(sensor.firstSampleS(), smp.t()[0], 1e-12);
        assertTrue(smp.t()[smp.size() - 1] < night.recordingUs() / 1e6);
    }

    // ------------------------------------------------------------------ streaming

    @Test
    void chunkSizeDoesNotChangeTheSamples() {
        NightScenario s = shortNight(PatientProfile.SEVERE, 14).withSensor(SensorModel.LIS3DH_2G, 50)
                .withTimes(1, 5, 0.5, 3, 1).withLosses(20, 1);
        SyntheticNight night = SyntheticNight.generate(s);
        for (Leg leg : night.legs()) {
            Samples one = readAll(night.samples(leg), 1);
            Samples many = readAll(night.samples(leg), 997);
            assertArrayEquals(one.t(), many.t());
            assertArrayEquals(one.x(), many.x());
            assertArrayEquals(one.y(), many.y());
            assertArrayEquals(one.z(), many.z());
        }
    }

    @Test
    void aWholeNightStreamsThroughASmallBuffer() {
        SyntheticNight night = SyntheticNight.generate(NightScenario.standard(PatientProfile.VERY_SEVERE, 15));
        double[] t = new double[1024];
        double[] x = new double[1024];
        double[] y = new double[1024];
        double[] z = new double[1024];
        for (Leg leg : night.legs()) {
            SampleStream stream = night.samples(leg);
            long count = 0;
            double last = -1;
            int n;
            while ((n = stream.read(t, x, y, z, 1024)) > 0) {
                assertTrue(t[0] > last);
                last = t[n - 1];
                count += n;
            }
            assertEquals(night.truth().sensors().get(leg).samplesDelivered(), count);
            assertTrue(count > 8 * 3600 * 100, "a whole night at 100 Hz");
            assertEquals(0, stream.read(t, x, y, z, 1024), "stays at the end");
        }
    }
}
