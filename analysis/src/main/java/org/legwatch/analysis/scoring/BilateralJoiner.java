package org.legwatch.analysis.scoring;

/**
 * Second stage: joins one-leg movements (already same-leg joined and duration-filtered, arriving in
 * onset order) into bilateral movements, and decides CLM / non-CLM for each final movement.
 */
final class BilateralJoiner {
    private static final Leg[] LEGS = Leg.values();

    private final ScoringRules rules;
    private final FinalMovementSink next;

    private boolean open;
    private long onsetUs;
    private long offsetUs;
    private int members;
    private int firstLeg;
    private int legMask;
    /** Whether any member is a one-leg movement too long to be a CLM. */
    private boolean longMember;

    BilateralJoiner(ScoringRules rules, FinalMovementSink next) {
        this.rules = rules;
        this.next = next;
    }

    void accept(long on, long off, int leg) {
        if (open && joins(on, leg)) {
            offsetUs = Math.max(offsetUs, off);
            members++;
            legMask |= 1 << leg;
            longMember |= off - on > rules.maxUnilateralClmUs();
            return;
        }
        if (open) {
            close();
        }
        open = true;
        onsetUs = on;
        offsetUs = off;
        members = 1;
        firstLeg = leg;
        legMask = 1 << leg;
        longMember = off - on > rules.maxUnilateralClmUs();
    }

    void advance(long watermarkUs) {
        if (open && watermarkUs >= lastJoinableOnset()) {
            close();
        }
        next.advance(open ? Math.min(watermarkUs, onsetUs) : watermarkUs);
    }

    private boolean joins(long on, int leg) {
        return switch (rules.bilateralRule()) {
            case OFFSET_GAP -> on - offsetUs < rules.bilateralJoinUs();
            case ONSET_WINDOW -> on - onsetUs < rules.bilateralJoinUs() && (legMask | (1 << leg)) == 0b11;
        };
    }

    /** The first onset that can no longer join the open movement. */
    private long lastJoinableOnset() {
        return switch (rules.bilateralRule()) {
            case OFFSET_GAP -> offsetUs + rules.bilateralJoinUs();
            case ONSET_WINDOW -> onsetUs + rules.bilateralJoinUs();
        };
    }

    private void close() {
        open = false;
        boolean bilateral = members > 1;
        boolean clm = !longMember
                && (!bilateral || (members <= rules.maxBilateralMembers()
                                   && offsetUs - onsetUs <= rules.maxBilateralClmUs()));
        next.accept(onsetUs, offsetUs, bilateral ? Leg.BILATERAL : LEGS[firstLeg], members, clm);
    }

    void reset() {
        open = false;
    }

    /** Receives final movements in onset order, and the watermark below which none will come. */
    interface FinalMovementSink {
        void accept(long onsetUs, long offsetUs, Leg leg, int members, boolean clm);

        void advance(long watermarkUs);
    }
}
