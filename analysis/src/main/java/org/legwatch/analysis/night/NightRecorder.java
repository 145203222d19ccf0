package org.legwatch.analysis.night;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.legwatch.analysis.movement.DetectorSettings;
import org.legwatch.analysis.movement.LegMovementDetector;
import org.legwatch.analysis.movement.MovementListener;
import org.legwatch.analysis.scoring.Leg;
import org.legwatch.analysis.scoring.LongRing;
import org.legwatch.analysis.scoring.Micros;
import org.legwatch.analysis.scoring.NightAccumulator;
import org.legwatch.analysis.scoring.ScoredMovement;
import org.legwatch.analysis.scoring.ScoringAnnotations;
import org.legwatch.analysis.scoring.ScoringRules;
import org.legwatch.analysis.scoring.StreamingScorer;

/**
 * The whole chain for one night, fed sample by sample: a detector per leg, time in bed from
 * posture, not-worn time, and scoring of the movements made in bed. Memory does not grow with the
 * length of the night (only with the number of times the patient gets up).
 *
 * <p>Samples of the two legs may arrive interleaved in any way that keeps each leg in time order;
 * the recorder waits for the slower leg before it settles posture, and hands movements to the
 * scorer in onset order once both detectors and the bed state have passed their onset. Movements
 * that begin out of bed (walking, standing, getting up) are left out.
 */
public final class NightRecorder {
    private final NightSettings settings;
    private final ScoringRules rules;
    private final List<Leg> legs;
    private final LegMovementDetector[] detectors = new LegMovementDetector[2];
    private static final int ON = 0;
    private static final int OFF = 1;
    /** Detected movements of each leg waiting to be released, in onset order. */
    private final LongRing[] queues = {new LongRing(2, 16), new LongRing(2, 16)};
    private final BedStateTracker bed;
    private final StreamingScorer scorer;
    private final NightAccumulator accumulator;
    private final double flatSin2;
    private final double lyingSin2;
    private final double uprightSin2;
    private final double[] previous = new double[6];
    /** The detectors of the recorded legs, in the order of {@link #legs}: an array, because every sample walks it. */
    private final LegMovementDetector[] recording;
    /** Each leg's count of motion samples when the last epoch settled. */
    private final long[] motionSamplesBefore = new long[2];

    private final List<TimeSpan> notWorn = new ArrayList<>();
    private double firstT = Double.NaN;
    private double lastT = Double.NaN;
    private double nextEpochEndS = Double.NaN;
    private double stillSinceS = Double.NaN;
    private boolean motionSeen;
    private long clipped;
    private boolean finished;
    /** Whether anything that can release movements changed since the last release: a new movement or a settled epoch. */
    private boolean releasable;

    /**
     * @param legs         the legs recorded (one or both)
     * @param sampleRateHz the nominal sample rate
     * @param scored       receives every scored movement in bed, in onset order, as it is settled
     */
    public NightRecorder(NightSettings settings, DetectorSettings detectorSettings, ScoringRules rules,
                         List<Leg> legs, double sampleRateHz, Consumer<? super ScoredMovement> scored) {
        this(settings, detectorSettings, rules, legs, sampleRateHz, scored, (leg, onsetUs, offsetUs, peakG) -> { });
    }

    /**
     * As above, and {@code detected} hears every movement a leg's detector finds, in or out of bed,
     * as soon as it ends: the record from which {@link ScoredNight#rebuild} rebuilds the night with
     * the {@link #progress() tally}.
     */
    public NightRecorder(NightSettings settings, DetectorSettings detectorSettings, ScoringRules rules,
                         List<Leg> legs, double sampleRateHz, Consumer<? super ScoredMovement> scored,
                         MovementListener detected) {
        Objects.requireNonNull(detected, "detected");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.rules = Objects.requireNonNull(rules, "rules");
        if (legs.isEmpty() || legs.size() > 2 || legs.contains(Leg.BILATERAL) || legs.stream().distinct().count() != legs.size()) {
            throw new IllegalArgumentException("record one or both legs (RIGHT, LEFT), not " + legs);
        }
        this.legs = List.copyOf(legs);
        for (Leg leg : legs) {
            LongRing queue = queues[leg.ordinal()];
            detectors[leg.ordinal()] = new LegMovementDetector(leg, sampleRateHz, detectorSettings,
                    (l, onsetUs, offsetUs, peakG) -> {
                        int at = queue.add();
                        queue.set(at, ON, onsetUs);
                        queue.set(at, OFF, offsetUs);
                        releasable = true;
                        detected.movement(l, onsetUs, offsetUs, peakG);
                    });
        }
        this.recording = new LegMovementDetector[legs.size()];
        for (int i = 0; i < recording.length; i++) {
            recording[i] = detectors[legs.get(i).ordinal()];
        }
        this.bed = new BedStateTracker(settings);
        this.accumulator = new NightAccumulator(rules, false);
        this.scorer = new StreamingScorer(rules, ScoringAnnotations.NONE, m -> {
            accumulator.accept(m);
            scored.accept(m);
        });
        double flat = Math.sin(Math.toRadians(settings.flatMaxInclinationDeg()));
        double lying = Math.sin(Math.toRadians(settings.lyingMaxInclinationDeg()));
        double upright = Math.sin(Math.toRadians(settings.uprightMinInclinationDeg()));
        this.flatSin2 = flat * flat;
        this.lyingSin2 = lying * lying;
        this.uprightSin2 = upright * upright;
    }

    /**
     * Tells the recorder that it continues a night recorded in parts (after a restart) in which the
     * band was already worn: a still stretch at the start of this part is sleep, judged by the
     * in-night not-worn rule, not the few minutes that mark a band still on the table before the
     * night. Call before the first sample.
     */
    public void continueWornNight() {
        if (!Double.isNaN(firstT)) {
            throw new IllegalStateException("the recorder has started");
        }
        motionSeen = true;
    }

    public List<Leg> legs() {
        return legs;
    }

    /** One sample of one leg: seconds from the start of the recording, acceleration in g. */
    public void accept(Leg leg, double t, double x, double y, double z) {
        if (finished) {
            throw new IllegalStateException("the night is finished");
        }
        LegMovementDetector detector = leg == Leg.BILATERAL ? null : detectors[leg.ordinal()];
        if (detector == null) {
            throw new IllegalArgumentException("this night records " + legs + ", not " + leg);
        }
        detector.accept(t, x, y, z);
        countClipping(leg.ordinal(), x, y, z);
        if (Double.isNaN(firstT) || t < firstT) {
            firstT = t;
        }
        if (Double.isNaN(lastT) || t > lastT) {
            lastT = t;
        }
        settleEpochs();
        // Nothing can be released unless a movement came or an epoch settled (the bed state and
        // the scorer's quiet-time decisions move on with epochs), so the per-sample path stays lean.
        if (releasable) {
            releasable = false;
            release();
        }
    }

    private void countClipping(int leg, double x, double y, double z) {
        double range = settings.sensorRangeG();
        int at = leg * 3;
        boolean clip;
        if (Double.isNaN(range)) {
            clip = flatTop(previous[at], x) || flatTop(previous[at + 1], y) || flatTop(previous[at + 2], z);
        } else {
            double edge = range * 0.999;
            clip = Math.abs(x) >= edge || Math.abs(y) >= edge || Math.abs(z) >= edge;
        }
        if (clip) {
            clipped++;
        }
        previous[at] = x;
        previous[at + 1] = y;
        previous[at + 2] = z;
    }

    private static boolean flatTop(double before, double now) {
        return now == before && Math.abs(now) >= 1.5;
    }

    /** Judges every posture epoch that all legs have passed. */
    private void settleEpochs() {
        double commonT = Double.POSITIVE_INFINITY;
        for (LegMovementDetector detector : recording) {
            double t = detector.lastTime();
            if (Double.isNaN(t)) {
                return;
            }
            commonT = Math.min(commonT, t);
        }
        if (Double.isNaN(nextEpochEndS)) {
            nextEpochEndS = firstT + settings.epochS();
            stillSinceS = firstT;
        }
        while (commonT >= nextEpochEndS) {
            double start = nextEpochEndS - settings.epochS();
            trackStillness(start, nextEpochEndS);
            bed.epoch(start, nextEpochEndS, posture(), stillSinceS);
            nextEpochEndS += settings.epochS();
            releasable = true;
        }
    }

    /**
     * From the legs' shank inclinations (how much of gravity runs along the shank): lying when every
     * shank is low, flat when, besides, one of them is near horizontal; upright when a shank is
     * steep and none is flat (one leg flat and the other steep is a knee drawn up in bed as well as a
     * foot up on a stool: ambiguous); ambiguous otherwise.
     */
    private BedStateTracker.Posture posture() {
        boolean anyFlat = false;
        boolean anySteep = false;
        boolean allLying = true;
        for (Leg leg : legs) {
            LegMovementDetector d = detectors[leg.ordinal()];
            double x = d.orientationX();
            double y = d.orientationY();
            double z = d.orientationZ();
            double along = switch (settings.shankAxis()) {
                case 0 -> x;
                case 1 -> y;
                default -> z;
            };
            double along2 = along * along;
            double g2 = x * x + y * y + z * z;
            anySteep |= along2 > uprightSin2 * g2;
            anyFlat |= along2 <= flatSin2 * g2;
            allLying &= along2 <= lyingSin2 * g2;
        }
        if (allLying) {
            return anyFlat ? BedStateTracker.Posture.FLAT : BedStateTracker.Posture.LYING;
        }
        return anySteep && !anyFlat ? BedStateTracker.Posture.UPRIGHT : BedStateTracker.Posture.AMBIGUOUS;
    }

    /**
     * Not-worn time is stillness: an epoch breaks it when a leg showed motion in at least
     * {@code stillnessBreakSamples} samples since the last epoch. A lone sample over the motion
     * level is what sensor noise does once in a long while on a band lying on a table; a leg that
     * moves makes several.
     */
    private void trackStillness(double epochStart, double epochEnd) {
        boolean motion = false;
        for (Leg leg : legs) {
            long count = detectors[leg.ordinal()].motionSamples();
            motion |= count - motionSamplesBefore[leg.ordinal()] >= settings.stillnessBreakSamples();
            motionSamplesBefore[leg.ordinal()] = count;
        }
        if (!motion) {
            return;
        }
        double still = epochStart - stillSinceS;
        boolean leading = !motionSeen;
        if (still >= (leading ? settings.edgeNotWornAfterS() : settings.notWornAfterS())) {
            notWorn.add(new TimeSpan(Micros.ofSeconds(stillSinceS), Micros.ofSeconds(epochStart)));
            bed.notWornUntilNow(stillSinceS);
        }
        motionSeen = true;
        stillSinceS = epochEnd;
    }

    /** Hands the scorer every movement that no detector and no pending posture change can still precede. */
    private void release() {
        long until = bed.decidedUntilUs();
        for (Leg leg : legs) {
            until = Math.min(until, detectors[leg.ordinal()].watermarkUs());
        }
        releaseBefore(until);
        if (until > Long.MIN_VALUE) {
            scorer.advanceTo(until);
        }
    }

    private void releaseBefore(long untilUs) {
        while (true) {
            LongRing right = queues[0];
            LongRing left = queues[1];
            LongRing next;
            if (right.isEmpty()) {
                next = left;
            } else if (left.isEmpty()) {
                next = right;
            } else {
                next = left.get(0, ON) < right.get(0, ON) ? left : right;
            }
            if (next.isEmpty() || next.get(0, ON) >= untilUs) {
                return;
            }
            long onset = next.get(0, ON);
            long offset = next.get(0, OFF);
            next.removeFirst();
            // In bed and not in a stretch the band lay still off the leg: the same test as the
            // night's final spans (in bed minus not worn), so a rebuilt night equals the live one.
            if (bed.inBedAt(onset) && !notWornAt(onset)) {
                scorer.accept(onset, offset, next == right ? Leg.RIGHT : Leg.LEFT);
            }
        }
    }

    /**
     * The night so far, as far as it is decided: the in-bed spans before the bed state's decision
     * point (not-worn time taken out), the not-worn spans closed so far, the signal's quality so far.
     * With the detected movements it rebuilds the night up to that point, so a device that loses
     * power keeps everything up to its last saved tally. Allocates; call it now and then, not per
     * sample.
     */
    public NightTally progress() {
        long decided = Math.max(bed.decidedUntilUs(), Double.isNaN(firstT) ? 0 : Micros.ofSeconds(firstT));
        List<TimeSpan> spans = TimeSpans.subtract(bed.decidedSpans(), notWorn);
        return new NightTally(rules.name(), settings.minValidHoursInBed(), settings.maxLostFraction(),
                decided, Double.isNaN(lastT) ? 0 : Micros.ofSeconds(lastT), spans, notWorn, signalQuality());
    }

    /** The tally of the finished night; the same spans and quality as its {@link #finish() summary}. */
    public NightTally tally(NightSummary summary) {
        if (!finished) {
            throw new IllegalStateException("the night is not finished");
        }
        return new NightTally(rules.name(), settings.minValidHoursInBed(), settings.maxLostFraction(),
                Double.isNaN(lastT) ? 0 : Micros.ofSeconds(lastT), Double.isNaN(lastT) ? 0 : Micros.ofSeconds(lastT),
                summary.inBed(), notWorn, summary.signal());
    }

    private boolean notWornAt(long us) {
        for (int i = notWorn.size() - 1; i >= 0; i--) {
            TimeSpan span = notWorn.get(i);
            if (us >= span.endUs()) {
                return false;
            }
            if (us >= span.startUs()) {
                return true;
            }
        }
        return false;
    }

    /** Ends the night: settles every movement and returns the summary. */
    public NightSummary finish() {
        if (finished) {
            throw new IllegalStateException("the night is already finished");
        }
        finished = true;
        for (Leg leg : legs) {
            detectors[leg.ordinal()].finish();
        }
        long endUs = Double.isNaN(lastT) ? 0 : Micros.ofSeconds(lastT);
        if (!Double.isNaN(nextEpochEndS)) {
            double last = nextEpochEndS - settings.epochS();
            // the partial last epoch
            if (lastT > last) {
                bed.epoch(last, lastT, posture(), stillSinceS);
            }
            double trailing = lastT - stillSinceS;
            if (trailing >= (motionSeen ? settings.edgeNotWornAfterS() : 0)) {
                notWorn.add(new TimeSpan(Micros.ofSeconds(stillSinceS), endUs));
                bed.notWornUntilNow(stillSinceS);
            }
        }
        bed.finish(endUs);
        releaseBefore(Long.MAX_VALUE);
        scorer.finish();
        List<TimeSpan> inBed = TimeSpans.subtract(bed.spans(), notWorn);
        double hours = NightSummary.hoursIn(inBed);
        SignalQuality signal = signalQuality();
        return NightSummary.of(accumulator.statistics(hours), inBed, settings.minValidHoursInBed(),
                settings.maxLostFraction(), signal);
    }

    private SignalQuality signalQuality() {
        long samples = 0;
        long lost = 0;
        long gaps = 0;
        for (Leg leg : legs) {
            LegMovementDetector d = detectors[leg.ordinal()];
            samples += d.samples();
            lost += d.lostSamples();
            gaps += d.gaps();
        }
        return new SignalQuality(true, legs.size(), samples, lost, gaps, clipped,
                NightSummary.hoursIn(notWorn), Double.isNaN(lastT) ? 0 : (lastT - firstT) / 3600.0);
    }
}
