package org.legwatch.analysis.scoring;

/**
 * Second stage: joins one-leg movements (already same-leg joined and duration-filtered, arriving in
 * onset order) into bilateral movements, and decides CLM / non-CLM for each final movement.
 *
 * <p>WASM 2016 ({@link BilateralRule#OFFSET_GAP}): a movement whose onset comes before the offset
 * of the one being built plus the gap joins it, chaining. AASM ({@link BilateralRule#ONSET_WINDOW}):
 * the movements whose onsets lie within the window of the first one's onset form one bilateral
 * movement when both legs are among them; otherwise the first stands alone and the window starts
 * again at the next. The AASM reading is symmetric in the legs and does not depend on the order of
 * simultaneous onsets.
 */
final class BilateralJoiner {
    private static final Leg[] LEGS = Leg.values();
    private static final int ON = 0;
    private static final int OFF = 1;
    private static final int LEG = 2;

    private final ScoringRules rules;
    private final FinalMovementSink next;

    // WASM: the movement being built
    private boolean open;
    private long onsetUs;
    private long offsetUs;
    private int members;
    private int firstLeg;
    /** Whether any member is a one-leg movement too long to be a CLM. */
    private boolean longMember;

    // AASM: the movements within the window of the first one's onset
    private final LongRing window = new LongRing(3, 8);

    BilateralJoiner(ScoringRules rules, FinalMovementSink next) {
        this.rules = rules;
        this.next = next;
    }

    void accept(long on, long off, int leg) {
        if (rules.bilateralRule() == BilateralRule.ONSET_WINDOW) {
            while (!window.isEmpty() && on - window.get(0, ON) >= rules.bilateralJoinUs()) {
                resolveWindowHead();
            }
            int at = window.add();
            window.set(at, ON, on);
            window.set(at, OFF, off);
            window.set(at, LEG, leg);
            return;
        }
        if (open && on - offsetUs < rules.bilateralJoinUs()) {
            offsetUs = Math.max(offsetUs, off);
            members++;
            longMember |= off - on > rules.maxUnilateralClmUs();
            return;
        }
        if (open) {
            emit(onsetUs, offsetUs, members, firstLeg, longMember);
        }
        open = true;
        onsetUs = on;
        offsetUs = off;
        members = 1;
        firstLeg = leg;
        longMember = off - on > rules.maxUnilateralClmUs();
    }

    void advance(long watermarkUs) {
        long held;
        if (rules.bilateralRule() == BilateralRule.ONSET_WINDOW) {
            while (!window.isEmpty() && watermarkUs - window.get(0, ON) >= rules.bilateralJoinUs()) {
                resolveWindowHead();
            }
            held = window.isEmpty() ? Long.MAX_VALUE : window.get(0, ON);
        } else {
            if (open && watermarkUs - offsetUs >= rules.bilateralJoinUs()) {
                emit(onsetUs, offsetUs, members, firstLeg, longMember);
                open = false;
            }
            held = open ? onsetUs : Long.MAX_VALUE;
        }
        next.advance(Math.min(watermarkUs, held));
    }

    /** The head's window is complete: one bilateral movement if both legs are in it, else the head alone. */
    private void resolveWindowHead() {
        int legMask = 0;
        for (int i = 0; i < window.size(); i++) {
            legMask |= 1 << window.get(i, LEG);
        }
        long on = window.get(0, ON);
        if (legMask != 0b11) {
            long off = window.get(0, OFF);
            emit(on, off, 1, (int) window.get(0, LEG), off - on > rules.maxUnilateralClmUs());
            window.removeFirst();
            return;
        }
        long off = on;
        boolean anyLong = false;
        int count = window.size();
        for (int i = 0; i < count; i++) {
            long memberOn = window.get(i, ON);
            long memberOff = window.get(i, OFF);
            off = Math.max(off, memberOff);
            anyLong |= memberOff - memberOn > rules.maxUnilateralClmUs();
        }
        emit(on, off, count, (int) window.get(0, LEG), anyLong);
        window.clear();
    }

    private void emit(long on, long off, int count, int leg, boolean anyLong) {
        boolean bilateral = count > 1;
        boolean clm = !anyLong
                && (!bilateral || (count <= rules.maxBilateralMembers() && off - on <= rules.maxBilateralClmUs()));
        next.accept(on, off, bilateral ? Leg.BILATERAL : LEGS[leg], count, clm);
    }

    void reset() {
        open = false;
        window.clear();
    }

    /** Receives final movements in onset order, and the watermark below which none will come. */
    interface FinalMovementSink {
        void accept(long onsetUs, long offsetUs, Leg leg, int members, boolean clm);

        void advance(long watermarkUs);
    }
}
