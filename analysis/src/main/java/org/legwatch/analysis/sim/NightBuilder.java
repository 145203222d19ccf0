package org.legwatch.analysis.sim;

import org.legwatch.analysis.night.TimeSpan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.legwatch.analysis.scoring.Leg;
import org.legwatch.analysis.scoring.LegMovement;
import org.legwatch.analysis.scoring.ScoringRules;

/**
 * Plans a night and builds it: the body's timeline (table, evening, bed, bathroom trips, morning,
 * table), the sleep/wake structure in bed, the in-bed movements (periodic series in sleep, isolated
 * movements, restless wake, turn-overs), then each leg's motions and each band's sensor.
 *
 * <p>Random streams are split from the seed in a fixed order (body, plan, each leg, each sensor), so
 * a night is reproducible and changing, say, the sensor does not change what the legs do.
 */
final class NightBuilder {
    private static final long US = 1_000_000L;
    private static final Leg[] LEGS = {Leg.RIGHT, Leg.LEFT};

    private final NightScenario sc;
    private final PatientProfile pp;
    private final SplittableRandom body;
    private final SplittableRandom plan;
    private final SplittableRandom[] sensorRng = new SplittableRandom[2];
    private final LegSensor[] sensors = new LegSensor[2];
    private final LegTrack[] tracks = new LegTrack[2];
    private final List<BodyEvent> events = new ArrayList<>();
    private final List<PlannedMovement> planned = new ArrayList<>();
    private final List<TimeSpan> inBed = new ArrayList<>();
    private final List<TimeSpan> asleep = new ArrayList<>();
    private final double yaw;
    private long now;
    private int seriesCounter;

    NightBuilder(NightScenario sc) {
        this.sc = sc;
        this.pp = sc.patient();
        SplittableRandom root = new SplittableRandom(sc.seed());
        this.body = root.split();
        this.plan = root.split();
        SplittableRandom[] legRng = {root.split(), root.split()};
        sensorRng[0] = root.split();
        sensorRng[1] = root.split();
        for (int i = 0; i < 2; i++) {
            sensors[i] = new LegSensor(LEGS[i], sc, sensorRng[i]);
            tracks[i] = new LegTrack(LEGS[i], legRng[i], pp, sensors[i].mounting);
        }
        this.yaw = Draw.uniform(body, 0, 2 * Math.PI);
    }

    SyntheticNight build() {
        if (sc.notWornAllNight()) {
            double minutes = sc.notWornBeforeMinutes() + sc.eveningMinutes() + sc.timeInBedHours() * 60
                    + sc.morningMinutes() + sc.notWornAfterMinutes();
            add(new BodyEvent.Table(now, now + seconds(minutes * 60)));
        } else {
            add(new BodyEvent.Table(now, now + seconds(sc.notWornBeforeMinutes() * 60)));
            add(new BodyEvent.Handling(now, now + seconds(Draw.uniform(body, 30, 90)), true));
            evening();
            bed();
            morning();
            add(new BodyEvent.Handling(now, now + seconds(Draw.uniform(body, 20, 60)), false));
            add(new BodyEvent.Table(now, now + seconds(sc.notWornAfterMinutes() * 60)));
        }
        return assemble();
    }

    private static long seconds(double s) {
        return Math.round(s * US);
    }

    private void add(BodyEvent e) {
        if (e.startUs() != now || e.endUs() < e.startUs()) {
            throw new IllegalStateException("body events must be contiguous: " + e);
        }
        events.add(e);
        now = e.endUs();
    }

    private void sit(double s) {
        add(new BodyEvent.Sit(now, now + seconds(s)));
    }

    private void stand(double s) {
        add(new BodyEvent.Stand(now, now + seconds(s)));
    }

    /** Stride 0.8-1.1 Hz; stride length 1.0-1.5 m sets the speed. */
    private void walk(double s) {
        double stride = Draw.uniform(body, 0.8, 1.1);
        add(new BodyEvent.Walk(now, now + seconds(Math.max(s, 3.0 / stride)), stride,
                stride * Draw.uniform(body, 1.0, 1.5)));
    }

    private void transition(Activity to, Posture posture, double bodyRoll) {
        double d = to == Activity.LYING ? Draw.uniform(body, 3, 8) : Draw.uniform(body, 1.5, 3);
        add(new BodyEvent.Transition(now, now + seconds(d), to, posture, bodyRoll));
    }

    private void sitUp() {
        add(new BodyEvent.Transition(now, now + seconds(Draw.uniform(body, 3, 8)), Activity.SITTING, null, 0));
    }

    /**
     * Upright time: sitting spells (with fidgets) alternating with standing and walking about,
     * starting and ending sitting.
     */
    private void upright(double budgetS) {
        boolean sitting = true;
        double remaining = budgetS;
        while (remaining > 60) {
            if (sitting) {
                double d = Math.min(remaining, Draw.logNormal(body, 480, 0.6, 60, 1800));
                sit(d);
                remaining -= d;
                if (remaining > 90) {
                    transition(Activity.STANDING, null, 0);
                    sitting = false;
                }
            } else {
                double a = Draw.uniform(body, 10, 60);
                double w = Math.min(Math.max(20, remaining - a), Draw.uniform(body, 20, 180));
                double b = Draw.uniform(body, 5, 30);
                stand(a);
                walk(w);
                stand(b);
                remaining -= a + w + b;
                transition(Activity.SITTING, null, 0);
                sitting = true;
            }
        }
        if (!sitting) {
            transition(Activity.SITTING, null, 0);
        }
    }

    private void evening() {
        upright(Math.max(0, sc.eveningMinutes() * 60 - 120));
        sit(Draw.uniform(body, 10, 30));
        transition(Activity.STANDING, null, 0);
        stand(Draw.uniform(body, 3, 15));
        walk(Draw.uniform(body, 15, 40));
        stand(Draw.uniform(body, 3, 15));
        transition(Activity.SITTING, null, 0);
        sit(Draw.uniform(body, 20, 120));
    }

    private void morning() {
        sitUp();
        sit(Draw.uniform(body, 20, 120));
        transition(Activity.STANDING, null, 0);
        stand(Draw.uniform(body, 5, 30));
        walk(Draw.uniform(body, 30, 120));
        stand(Draw.uniform(body, 5, 30));
        transition(Activity.SITTING, null, 0);
        upright(Math.max(0, sc.morningMinutes() * 60 - 240));
        sit(Draw.uniform(body, 20, 60));
    }

    /** Out of bed: sit up, stand, walk to the bathroom, stand there, walk back, lie down again. */
    private void bathroomTrip(Posture back) {
        double total = Draw.uniform(body, 120, 600);
        long start = now;
        sitUp();
        sit(Draw.uniform(body, 10, 60));
        transition(Activity.STANDING, null, 0);
        stand(Draw.uniform(body, 2, 6));
        walk(Draw.uniform(body, 15, 45));
        double used = (now - start) / 1e6;
        double back1 = Draw.uniform(body, 15, 45);
        double rest = Draw.uniform(body, 5, 30) + 3 + 4 + 5;
        stand(Math.max(20, total - used - back1 - rest));
        walk(back1);
        stand(Draw.uniform(body, 2, 5));
        transition(Activity.SITTING, null, 0);
        sit(Draw.uniform(body, 5, 30));
        transition(Activity.LYING, back, bodyRoll());
    }

    private double bodyRoll() {
        return Draw.clamp(body.nextGaussian() * 12, -30, 30) * Math.PI / 180;
    }

    private Posture firstPosture() {
        double u = body.nextDouble();
        return u < 0.45 ? Posture.SUPINE : u < 0.7 ? Posture.LEFT_SIDE : u < 0.95 ? Posture.RIGHT_SIDE : Posture.PRONE;
    }

    /** The next posture after a turn-over, and the one passed on the way (or null). */
    private Posture[] nextPosture(Posture p) {
        double u = body.nextDouble();
        return switch (p) {
            case SUPINE -> new Posture[] {u < 0.42 ? Posture.LEFT_SIDE : u < 0.84 ? Posture.RIGHT_SIDE : Posture.PRONE,
                null};
            case LEFT_SIDE -> u < 0.45 ? new Posture[] {Posture.SUPINE, null}
                    : u < 0.85 ? new Posture[] {Posture.RIGHT_SIDE, Posture.SUPINE} : new Posture[] {Posture.PRONE, null};
            case RIGHT_SIDE -> u < 0.45 ? new Posture[] {Posture.SUPINE, null}
                    : u < 0.85 ? new Posture[] {Posture.LEFT_SIDE, Posture.SUPINE} : new Posture[] {Posture.PRONE, null};
            case PRONE -> u < 0.4 ? new Posture[] {Posture.LEFT_SIDE, null}
                    : u < 0.8 ? new Posture[] {Posture.RIGHT_SIDE, null}
                    : new Posture[] {Posture.SUPINE, u < 0.9 ? Posture.LEFT_SIDE : Posture.RIGHT_SIDE};
        };
    }

    // ---------------------------------------------------------------- in bed

    /**
     * Time in bed. Planned on an "in-bed clock" (seconds lying, bathroom trips left out) so that
     * time in bed is exactly the scenario's; trips are then spliced in on the real clock.
     */
    private void bed() {
        double total = sc.timeInBedHours() * 3600;
        double[] trips = tripTimes(total);
        List<double[]> wake = wakePlan(total, trips);
        List<double[]> sleep = complement(wake, total);
        List<double[]> turns = turnOvers(total, trips);
        List<PlanMove> moves = new ArrayList<>();
        planPeriodic(sleep, moves);
        planIsolated(sleep, moves);
        planRestless(wake, moves);

        Posture posture = firstPosture();
        transition(Activity.LYING, posture, bodyRoll());
        double clockStart = 0;
        for (int j = 0; j <= trips.length; j++) {
            double clockEnd = j < trips.length ? trips[j] : total;
            long boutStart = now;
            long boutEnd = boutStart + seconds(clockEnd - clockStart);
            long offset = boutStart - seconds(clockStart);
            List<long[]> turnSpans = new ArrayList<>();
            for (double[] turn : turns) {
                if (turn[0] < clockStart + 60 || turn[0] + turn[1] > clockEnd - 60) {
                    continue;
                }
                long a = offset + seconds(turn[0]);
                long[] ls = new long[2];
                long[] le = new long[2];
                long end = a;
                for (int i = 0; i < 2; i++) {
                    ls[i] = a + seconds(Draw.uniform(body, 0, 0.8));
                    le[i] = Math.max(ls[i] + 2 * US, a + seconds(turn[1] + Draw.uniform(body, -0.5, 0.5)));
                    end = Math.max(end, le[i]);
                }
                add(new BodyEvent.Lie(now, a, posture));
                Posture[] next = nextPosture(posture);
                add(new BodyEvent.Turn(a, end, next[0], next[1], bodyRoll(), ls, le));
                posture = next[0];
                turnSpans.add(new long[] {a, end});
            }
            add(new BodyEvent.Lie(now, boutEnd, posture));
            inBed.add(new TimeSpan(boutStart, boutEnd));
            for (double[] s : sleep) {
                double a = Math.max(s[0], clockStart);
                double b = Math.min(s[1], clockEnd);
                if (b > a) {
                    asleep.add(new TimeSpan(offset + seconds(a), offset + seconds(b)));
                }
            }
            for (PlanMove m : moves) {
                if (m.onsetS < clockStart || m.onsetS >= clockEnd) {
                    continue;
                }
                long on = offset + seconds(m.onsetS);
                long off = on + seconds(m.durationS);
                if (on < boutStart + 2 * US || off > boutEnd - 2 * US) {
                    continue;
                }
                boolean clash = false;
                for (long[] t : turnSpans) {
                    if (off > t[0] - 1_500_000 && on < t[1] + US) {
                        clash = true;
                        break;
                    }
                }
                if (!clash) {
                    planned.add(new PlannedMovement(m.leg, on, off, m.kind, m.amplitudeRad, m.times, m.values, m.series));
                }
            }
            if (j < trips.length) {
                posture = firstPosture();
                bathroomTrip(posture);
            }
            clockStart = clockEnd;
        }
        dropSameLegOverlaps();
    }

    /** On one leg a movement cannot start before the previous one has ended: keep the earlier. */
    private void dropSameLegOverlaps() {
        planned.sort(Comparator.comparingLong(PlannedMovement::onsetUs));
        long[] lastOff = {Long.MIN_VALUE, Long.MIN_VALUE};
        List<PlannedMovement> kept = new ArrayList<>();
        for (PlannedMovement m : planned) {
            int i = m.leg() == Leg.RIGHT ? 0 : 1;
            if (m.onsetUs() >= lastOff[i] + 300_000 || lastOff[i] == Long.MIN_VALUE) {
                kept.add(m);
                lastOff[i] = m.offsetUs();
            }
        }
        planned.clear();
        planned.addAll(kept);
    }

    /** Bathroom trips at random times after the first fifth of the night, at least 45 min apart. */
    private double[] tripTimes(double total) {
        int n = Math.min(pp.bathroomTrips(), (int) (total / 5400));
        for (int attempt = 0; attempt < 100 && n > 0; attempt++) {
            double[] t = new double[n];
            for (int i = 0; i < n; i++) {
                t[i] = Draw.uniform(body, 0.2 * total, 0.9 * total);
            }
            java.util.Arrays.sort(t);
            boolean ok = true;
            for (int i = 1; i < n; i++) {
                ok &= t[i] - t[i - 1] >= 2700;
            }
            if (ok) {
                return t;
            }
            if (attempt % 20 == 19) {
                n--;
            }
        }
        return new double[0];
    }

    /**
     * Wake in bed: falling asleep, awakenings, around each bathroom trip, and the last minutes before
     * getting up. Returns merged [start, end] spans on the in-bed clock (seconds).
     */
    private List<double[]> wakePlan(double total, double[] trips) {
        List<double[]> wake = new ArrayList<>();
        double latency = Draw.logNormal(plan, pp.sleepLatencyMinutes() * 60, 0.5, 60, 0.3 * total);
        wake.add(new double[] {0, latency});
        double meanSleep = 3600 / Math.max(0.05, pp.awakeningsPerHour());
        double t = latency;
        while (true) {
            t += Math.max(300, Draw.exponential(plan, meanSleep));
            if (t >= total) {
                break;
            }
            double w = Draw.logNormal(plan, pp.awakeningMedianMinutes() * 60, 0.6, 60, 2700);
            wake.add(new double[] {t, t + w});
            t += w;
        }
        for (double trip : trips) {
            wake.add(new double[] {trip - Draw.uniform(plan, 60, 240), trip + Draw.uniform(plan, 120, 600)});
        }
        double last = Draw.logNormal(plan, 240, 0.6, 60, Math.min(1200, 0.2 * total));
        wake.add(new double[] {total - last, total});
        wake.sort(Comparator.comparingDouble(a -> a[0]));
        List<double[]> merged = new ArrayList<>();
        for (double[] w : wake) {
            double a = Math.max(0, w[0]);
            double b = Math.min(total, w[1]);
            if (b <= a) {
                continue;
            }
            if (!merged.isEmpty() && a <= merged.getLast()[1]) {
                merged.getLast()[1] = Math.max(merged.getLast()[1], b);
            } else {
                merged.add(new double[] {a, b});
            }
        }
        return merged;
    }

    private static List<double[]> complement(List<double[]> spans, double total) {
        List<double[]> out = new ArrayList<>();
        double t = 0;
        for (double[] s : spans) {
            if (s[0] > t) {
                out.add(new double[] {t, s[0]});
            }
            t = Math.max(t, s[1]);
        }
        if (t < total) {
            out.add(new double[] {t, total});
        }
        return out;
    }

    /** Turn-overs as [start, duration] on the in-bed clock: every 15-60 min, 3-20 s long. */
    private List<double[]> turnOvers(double total, double[] trips) {
        List<double[]> out = new ArrayList<>();
        double median = pp.turnOverMedianMinutes() * 60;
        double t = Draw.uniform(body, 0.2, 1.0) * median;
        while (t < total - 60) {
            double d = Draw.logUniform(body, 3, 20);
            boolean nearTrip = false;
            for (double trip : trips) {
                nearTrip |= Math.abs(trip - t) < 120;
            }
            if (!nearTrip) {
                out.add(new double[] {t, d});
            }
            t += Math.max(300, Draw.logNormal(body, median, 0.45));
        }
        return out;
    }

    /** A movement on the in-bed clock, before it is mapped to the real clock. */
    private record PlanMove(Leg leg, double onsetS, double durationS, MovementKind kind, double amplitudeRad,
                            double[] times, double[] values, int series) {
    }

    private Leg legByShare() {
        return Draw.chance(plan, pp.rightLegShare()) ? Leg.RIGHT : Leg.LEFT;
    }

    private static Leg other(Leg leg) {
        return leg == Leg.RIGHT ? Leg.LEFT : Leg.RIGHT;
    }

    private double duration(double factor) {
        return Draw.logNormal(plan, pp.durationMedianS() * factor, pp.durationSigma(), 0.3, 15);
    }

    private double amplitude(double factor) {
        return Math.toRadians(Draw.logNormal(plan, pp.amplitudeMedianDeg() * factor, pp.amplitudeSigma(), 0.5, 40));
    }

    /**
     * Periodic series during sleep, as a renewal process over sleep time: a series, a gap, a series.
     * Within a series each IMI is the series' IMI with log-normal jitter; movement sizes share a
     * series factor (a series is one episode of one physiological state). A series that runs into an
     * awakening ends there.
     */
    private void planPeriodic(List<double[]> sleep, List<PlanMove> out) {
        if (pp.plmSeriesPerHourOfSleep() <= 0) {
            return;
        }
        double meanLength = pp.seriesLengthMedian() * Math.exp(pp.seriesLengthSigma() * pp.seriesLengthSigma() / 2);
        double cycle = 3600 / pp.plmSeriesPerHourOfSleep();
        double gapMean = Math.max(60, cycle - meanLength * pp.imiMeanS());
        double carry = Draw.gamma(plan, 4, gapMean) / 2;
        for (double[] s : sleep) {
            double t = s[0] + carry;
            while (t < s[1] - 60) {
                t = series(t, s[1], out);
                t += Draw.gamma(plan, 4, gapMean);
            }
            carry = Math.max(0, t - s[1]);
        }
    }

    private double series(double start, double end, List<PlanMove> out) {
        int length = (int) Math.round(Draw.logNormal(plan, pp.seriesLengthMedian(), pp.seriesLengthSigma(), 4, 100));
        double imi = pp.imiMeanS() * Math.exp(0.08 * plan.nextGaussian());
        double cv2 = Math.pow(pp.imiSdS() / pp.imiMeanS(), 2);
        double sigma = Math.sqrt(Math.log(1 + cv2));
        double median = imi / Math.sqrt(1 + cv2);
        Leg seriesLeg = legByShare();
        double ampFactor = Math.exp(0.25 * plan.nextGaussian());
        double durFactor = Math.exp(0.15 * plan.nextGaussian());
        int id = ++seriesCounter;
        double t = start;
        for (int i = 0; i < length && t < end - 20; i++) {
            Leg leg = Draw.chance(plan, 0.8) ? seriesLeg : other(seriesLeg);
            emit(out, leg, t, duration(durFactor), MovementKind.PERIODIC, amplitude(ampFactor), id);
            if (Draw.chance(plan, pp.bilateralProbability())) {
                emit(out, other(leg), t + Draw.uniform(plan, 0, 1), duration(durFactor), MovementKind.PERIODIC,
                        amplitude(ampFactor), id);
            }
            t += Draw.logNormal(plan, median, sigma);
        }
        return t;
    }

    private void planIsolated(List<double[]> sleep, List<PlanMove> out) {
        for (double[] s : sleep) {
            int n = Draw.poisson(plan, pp.isolatedLmPerHour() * (s[1] - s[0]) / 3600);
            for (int i = 0; i < n; i++) {
                double t = Draw.uniform(plan, s[0], s[1] - 5);
                Leg leg = legByShare();
                emit(out, leg, t, duration(1), MovementKind.ISOLATED, amplitude(1), 0);
                if (Draw.chance(plan, pp.bilateralProbability() / 2)) {
                    emit(out, other(leg), t + Draw.uniform(plan, 0, 1), duration(1), MovementKind.ISOLATED,
                            amplitude(1), 0);
                }
            }
        }
    }

    /**
     * Restless wake: bursts of irregular, larger, often multi-phase movements a couple of seconds
     * apart (IMI mostly under 10 s), then a pause; the pause sets the rate per minute.
     */
    private void planRestless(List<double[]> wake, List<PlanMove> out) {
        double rate = pp.restlessLmPerMinute();
        if (rate <= 0) {
            return;
        }
        double extra = Math.min(6, 1.5 * rate);
        double perBurst = 1 + extra;
        double pause = Math.max(5, perBurst * 60 / rate - perBurst * 4.5);
        for (double[] w : wake) {
            double t = w[0] + Draw.exponential(plan, pause) / 2;
            while (t < w[1] - 10) {
                int n = 1 + Draw.poisson(plan, extra);
                for (int k = 0; k < n && t < w[1] - 10; k++) {
                    Leg leg = Draw.chance(plan, 0.5) ? Leg.RIGHT : Leg.LEFT;
                    double d = Draw.logNormal(plan, 2.5, 0.6, 0.5, 12);
                    emitRestless(out, leg, t, d);
                    if (Draw.chance(plan, 0.4)) {
                        emitRestless(out, other(leg), t + Draw.uniform(plan, 0, 1.5), Draw.logNormal(plan, 2.5, 0.6, 0.5, 12));
                    }
                    t += d + Draw.logNormal(plan, 2.0, 0.6, 0.3, 8);
                }
                t += Draw.exponential(plan, pause);
            }
        }
    }

    private void emitRestless(List<PlanMove> out, Leg leg, double t, double d) {
        double amp = Math.toRadians(Draw.logNormal(plan, 1.5 * pp.amplitudeMedianDeg(), 0.7, 1, 45));
        int pulses = Math.min(4, 1 + Draw.poisson(plan, 0.8));
        double[] weights = new double[pulses];
        double sum = 0;
        for (int i = 0; i < pulses; i++) {
            weights[i] = Draw.uniform(plan, 0.6, 1.4);
            sum += weights[i];
        }
        double[] times = new double[3 * pulses + 1];
        double[] values = new double[3 * pulses + 1];
        double at = 0;
        double peak = 0;
        for (int i = 0; i < pulses; i++) {
            double w = weights[i] / sum;
            double rise = w * Draw.uniform(plan, 0.2, 0.35);
            double hold = w * Draw.uniform(plan, 0.3, 0.5);
            double level = Draw.uniform(plan, 0.4, 1.0);
            peak = Math.max(peak, level);
            times[3 * i + 1] = at + rise;
            values[3 * i + 1] = level;
            times[3 * i + 2] = at + rise + hold;
            values[3 * i + 2] = level * (1 + 0.1 * plan.nextGaussian());
            at += w;
            times[3 * i + 3] = at;
            values[3 * i + 3] = i == pulses - 1
                    ? (Draw.chance(plan, 0.6) ? 0.2 * plan.nextGaussian() : 0)
                    : level * Draw.uniform(plan, 0, 0.5);
        }
        for (int i = 0; i < values.length; i++) {
            values[i] /= peak;
            times[i] *= d;
        }
        times[times.length - 1] = d;
        add(out, leg, t, MovementKind.RESTLESS, amp, times, values, 0);
    }

    /**
     * One movement's shape: rise 0.1-0.4 s, hold (drifting a little), return 0.1-0.5 s, sometimes
     * settling a little off the old rest. One in ten returns slowly (1-3 s, the leg sinking back), one
     * in ten has two pulses without coming to rest in between.
     */
    private void emit(List<PlanMove> out, Leg leg, double t, double d, MovementKind kind, double amp, int series) {
        double rise = Draw.uniform(plan, 0.1, 0.4);
        double ret = Draw.uniform(plan, 0.1, 0.5);
        double u = plan.nextDouble();
        boolean slow = u < 0.1;
        boolean twoPulses = !slow && u < 0.2 && d >= 1.5;
        if (slow) {
            ret = Draw.uniform(plan, 1.0, 3.0);
        }
        if (rise + ret > 0.85 * d) {
            double k = 0.85 * d / (rise + ret);
            rise *= k;
            ret *= k;
        }
        double hold = d - rise - ret;
        double drift = 1 + 0.08 * plan.nextGaussian();
        double residual = Draw.chance(plan, 0.5) ? 0.12 * plan.nextGaussian() : 0;
        double[] times;
        double[] values;
        if (twoPulses) {
            double h1 = hold * Draw.uniform(plan, 0.2, 0.4);
            double dip = Math.min(0.3, hold * 0.2);
            double up = dip;
            double mid = Draw.uniform(plan, 0.3, 0.7);
            double second = Draw.uniform(plan, 0.7, 1.3);
            times = new double[] {0, rise, rise + h1, rise + h1 + dip, rise + h1 + dip + up, rise + hold, d};
            values = new double[] {0, 1, 1, mid, second, second * drift, residual};
        } else {
            times = new double[] {0, rise, rise + hold, d};
            values = new double[] {0, 1, drift, residual};
        }
        add(out, leg, t, kind, amp, times, values, series);
    }

    /**
     * Adds a movement after making its transitions physiologically possible: a minimum-jerk
     * transition of angle A over T seconds peaks at 5.77 A / T^2 rad/s^2, which at the ankle (0.4 m
     * below the knee) must stay within a peak acceleration drawn per movement (0.1-0.5 g); faster
     * drawn transitions are slowed down, so large movements last longer, as they do.
     */
    private void add(List<PlanMove> out, Leg leg, double t, MovementKind kind, double amp, double[] times,
                     double[] values, int series) {
        double aMax = Draw.uniform(plan, 0.1, 0.5) * 9.80665;
        double[] stretched = new double[times.length];
        double shift = 0;
        for (int i = 1; i < times.length; i++) {
            double dt = times[i] - times[i - 1];
            double delta = Math.abs(values[i] - values[i - 1]) * amp;
            double min = Math.sqrt(5.77 * delta * 0.4 / aMax);
            shift += Math.max(0, min - dt);
            stretched[i] = times[i] + shift;
        }
        double d = stretched[stretched.length - 1];
        for (int i = 0; i < stretched.length; i++) {
            stretched[i] /= d;
        }
        out.add(new PlanMove(leg, t, d, kind, amp, stretched, values, series));
    }

    // ---------------------------------------------------------------- assembly

    private SyntheticNight assemble() {
        long recordingUs = now;
        long wornFrom = -1;
        long wornTo = -1;
        for (BodyEvent e : events) {
            if (e instanceof BodyEvent.Handling h) {
                if (h.putOn()) {
                    wornFrom = h.endUs();
                } else {
                    wornTo = h.startUs();
                }
            }
        }
        for (LegTrack track : tracks) {
            for (BodyEvent e : events) {
                track.apply(e, planned, yaw);
            }
        }
        List<ActivitySpan> activities = new ArrayList<>();
        List<TimeSpan> notWorn = new ArrayList<>();
        for (BodyEvent e : events) {
            if (e.endUs() > e.startUs()) {
                activities.add(new ActivitySpan(e.activity(), e.posture(), e.startUs(), e.endUs()));
            }
            if (e instanceof BodyEvent.Table && e.endUs() > e.startUs()) {
                notWorn.add(new TimeSpan(e.startUs(), e.endUs()));
            }
        }
        List<TrueMovement> labelled = new ArrayList<>();
        for (LegTrack track : tracks) {
            labelled.addAll(track.truths);
        }
        labelled.sort(Comparator.comparingLong((TrueMovement m) -> m.movement().onsetUs())
                .thenComparing(m -> m.movement().leg()));
        List<LegMovement> movements = labelled.stream().map(TrueMovement::movement).toList();
        long inBedUs = inBed.stream().mapToLong(TimeSpan::durationUs).sum();
        List<Leg> instrumented = sc.instrumentedLegs();
        TruthScore all = TruthScore.of(movements, inBedUs, ScoringRules.WASM_2016);
        TruthScore seen = instrumented.size() == 2 ? all
                : TruthScore.of(movements.stream().filter(m -> instrumented.contains(m.leg())).toList(), inBedUs,
                ScoringRules.WASM_2016);

        Map<Leg, SensorTruth> sensorTruths = new EnumMap<>(Leg.class);
        Map<Leg, SyntheticNight.Channel> channels = new EnumMap<>(Leg.class);
        double wornFromS = wornFrom < 0 ? Double.NaN : wornFrom / 1e6;
        double wornToS = wornTo < 0 ? Double.NaN : wornTo / 1e6;
        for (int i = 0; i < 2; i++) {
            if (!instrumented.contains(LEGS[i])) {
                continue;
            }
            LegSensor sensor = sensors[i].forRecording(recordingUs / 1e6, wornFromS, wornToS, sc, sensorRng[i]);
            sensorTruths.put(LEGS[i], sensor.truth());
            channels.put(LEGS[i], new SyntheticNight.Channel(sensor, tracks[i].motions.toArray(new Motion[0]),
                    tracks[i].sensorOffset));
        }
        GroundTruth truth = new GroundTruth(labelled, movements, inBed, asleep, notWorn, activities, recordingUs,
                all, seen, sensorTruths);
        return new SyntheticNight(sc, truth, channels);
    }
}
