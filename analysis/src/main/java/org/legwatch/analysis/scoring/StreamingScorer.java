package org.legwatch.analysis.scoring;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Scores leg movements as they happen. Single-leg movements go in one at a time in onset order
 * (both legs interleaved); {@link ScoredMovement}s come out in onset order, each as soon as its
 * scoring is certain.
 *
 * <p>The delay is bounded: a movement is final once nothing can join it any more (its offset plus
 * the join gap has passed), and its PLM decision is known when its series reaches four members or
 * breaks, at the latest the longest IMI (90 s) after the last movement. Callers that see time pass
 * without movements (a detector does) call {@link #advanceTo} so decisions are not held back by a
 * quiet spell; {@link #finish} settles everything at the end of the night.
 *
 * <p>Memory does not grow with the length of the night, and the only allocation per movement is
 * the {@link ScoredMovement} handed out. Not thread-safe: one scorer per night, fed by one thread.
 */
public final class StreamingScorer {
    private static final int ON = 0;
    private static final int OFF = 1;
    private static final int LEG = 2;
    private static final int MEMBERS = 3;
    private static final int CLM = 4;
    private static final int IMI = 5;
    private static final int RESPIRATORY = 6;
    private static final int AROUSAL = 7;
    private static final int PLM = 8;
    private static final int SERIES = 9;
    private static final int PLM_EXCL_RESP = 10;
    private static final int WIDTH = 11;
    private static final long UNDECIDED = -1;
    private static final Leg[] LEGS = Leg.values();

    private final ScoringRules rules;
    private final ScoringAnnotations annotations;
    private final Consumer<? super ScoredMovement> sink;
    private final SameLegJoiner sameLeg;
    private final BilateralJoiner bilateral;
    private final SeriesDetector series;
    private final SeriesDetector seriesExcludingRespiratory;

    /** Final movements waiting for their decisions, in onset order. */
    private final LongRing waiting = new LongRing(WIDTH, 16);
    private long headSequence;
    private long nextSequence;
    private ScoringAnnotations.Cursor annotationCursor;

    private boolean hasPreviousFinal;
    private boolean previousFinalClm;
    private long previousFinalOnsetUs;

    private long lastOnsetUs = Long.MIN_VALUE;
    private long watermarkUs = Long.MIN_VALUE;
    private boolean finished;

    public StreamingScorer(ScoringRules rules, ScoringAnnotations annotations, Consumer<? super ScoredMovement> sink) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.annotations = Objects.requireNonNull(annotations, "annotations");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.series = new SeriesDetector(rules, (seq, plm, number) -> decide(seq, PLM, plm, number));
        this.seriesExcludingRespiratory = new SeriesDetector(rules, (seq, plm, number) -> decide(seq, PLM_EXCL_RESP, plm, 0));
        this.bilateral = new BilateralJoiner(rules, new BilateralJoiner.FinalMovementSink() {
            @Override
            public void accept(long onsetUs, long offsetUs, Leg leg, int members, boolean clm) {
                acceptFinal(onsetUs, offsetUs, leg, members, clm);
            }

            @Override
            public void advance(long watermark) {
                advanceFinal(watermark);
            }
        });
        this.sameLeg = new SameLegJoiner(rules, bilateral);
        this.annotationCursor = annotations.cursor(rules);
    }

    public ScoringRules rules() {
        return rules;
    }

    public ScoringAnnotations annotations() {
        return annotations;
    }

    public void accept(LegMovement movement) {
        accept(movement.onsetUs(), movement.offsetUs(), movement.leg());
    }

    /**
     * Takes the next single-leg movement. Onsets must not decrease, and must not lie before a time
     * already passed to {@link #advanceTo}.
     */
    public void accept(long onsetUs, long offsetUs, Leg leg) {
        if (finished) {
            throw new IllegalStateException("the night is finished; start a new scorer (or reset) for the next one");
        }
        if (leg == null || leg == Leg.BILATERAL) {
            throw new IllegalArgumentException("a single-leg movement is on RIGHT or LEFT, not " + leg);
        }
        if (onsetUs < 0 || offsetUs < onsetUs) {
            throw new IllegalArgumentException("movement [" + onsetUs + ", " + offsetUs + "] us: onset must be >= 0 and offset >= onset");
        }
        if (onsetUs < lastOnsetUs || onsetUs < watermarkUs) {
            throw new IllegalArgumentException("movements must arrive in onset order: onset " + onsetUs
                    + " us came after " + Math.max(lastOnsetUs, watermarkUs) + " us");
        }
        lastOnsetUs = onsetUs;
        sameLeg.accept(onsetUs, offsetUs, leg.ordinal());
    }

    /**
     * Tells the scorer that no movement with an onset before {@code timeUs} will come. A time at or
     * before one already given (or before the last onset) is a no-op.
     */
    public void advanceTo(long timeUs) {
        // A time already passed (by an earlier call or by an onset) promises nothing new.
        if (finished || timeUs <= watermarkUs || timeUs <= lastOnsetUs) {
            return;
        }
        watermarkUs = timeUs;
        sameLeg.advance(timeUs);
    }

    /** Settles every remaining movement; the scorer takes no more movements until {@link #reset}. */
    public void finish() {
        if (!finished) {
            sameLeg.advance(Long.MAX_VALUE);
            finished = true;
        }
    }

    /** Makes the scorer ready for another night, with the same rules, annotations and sink. */
    public void reset() {
        sameLeg.reset();
        bilateral.reset();
        series.reset();
        seriesExcludingRespiratory.reset();
        waiting.clear();
        headSequence = 0;
        nextSequence = 0;
        annotationCursor = annotations.cursor(rules);
        hasPreviousFinal = false;
        previousFinalClm = false;
        previousFinalOnsetUs = 0;
        lastOnsetUs = Long.MIN_VALUE;
        watermarkUs = Long.MIN_VALUE;
        finished = false;
    }

    /** How many PLM series have been confirmed so far. */
    public int seriesCount() {
        return series.seriesCount();
    }

    private void acceptFinal(long onsetUs, long offsetUs, Leg leg, int members, boolean clm) {
        long sequence = nextSequence++;
        int at = waiting.add();
        boolean respiratory = annotationCursor.respiratoryRelated(onsetUs, offsetUs);
        boolean arousal = annotationCursor.arousalAssociated(onsetUs, offsetUs);
        long imi = hasPreviousFinal && previousFinalClm && clm ? onsetUs - previousFinalOnsetUs : -1;
        waiting.set(at, ON, onsetUs);
        waiting.set(at, OFF, offsetUs);
        waiting.set(at, LEG, leg.ordinal());
        waiting.set(at, MEMBERS, members);
        waiting.set(at, CLM, clm ? 1 : 0);
        waiting.set(at, IMI, imi);
        waiting.set(at, RESPIRATORY, respiratory ? 1 : 0);
        waiting.set(at, AROUSAL, arousal ? 1 : 0);
        waiting.set(at, PLM, UNDECIDED);
        waiting.set(at, PLM_EXCL_RESP, UNDECIDED);
        hasPreviousFinal = true;
        previousFinalClm = clm;
        previousFinalOnsetUs = onsetUs;

        series.accept(sequence, onsetUs, clm);
        if (!annotations.respiratoryScored()) {
            // Nothing to exclude: the decision is the same as with all movements, copied when emitted.
            waiting.set(at, PLM_EXCL_RESP, 0);
        } else if (respiratory) {
            // As PLMScoRe: respiratory-related movements are taken out of the sequence altogether.
            waiting.set(at, PLM_EXCL_RESP, 0);
        } else {
            seriesExcludingRespiratory.accept(sequence, onsetUs, clm);
        }
        emitDecided();
    }

    private void advanceFinal(long watermark) {
        series.advance(watermark);
        seriesExcludingRespiratory.advance(watermark);
        emitDecided();
    }

    private void decide(long sequence, int field, boolean plm, int seriesNumber) {
        int index = (int) (sequence - headSequence);
        waiting.set(index, field, plm ? 1 : 0);
        if (field == PLM) {
            waiting.set(index, SERIES, seriesNumber);
        }
    }

    private void emitDecided() {
        while (!waiting.isEmpty() && waiting.get(0, PLM) != UNDECIDED && waiting.get(0, PLM_EXCL_RESP) != UNDECIDED) {
            boolean plm = waiting.get(0, PLM) == 1;
            ScoredMovement scored = new ScoredMovement(
                    waiting.get(0, ON),
                    waiting.get(0, OFF),
                    LEGS[(int) waiting.get(0, LEG)],
                    (int) waiting.get(0, MEMBERS),
                    waiting.get(0, CLM) == 1,
                    plm,
                    (int) waiting.get(0, SERIES),
                    waiting.get(0, IMI),
                    waiting.get(0, RESPIRATORY) == 1,
                    waiting.get(0, AROUSAL) == 1,
                    annotations.respiratoryScored() ? waiting.get(0, PLM_EXCL_RESP) == 1 : plm);
            waiting.removeFirst();
            headSequence++;
            sink.accept(scored);
        }
    }
}
