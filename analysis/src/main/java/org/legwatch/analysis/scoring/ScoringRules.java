package org.legwatch.analysis.scoring;

import java.util.List;
import java.util.Locale;

/**
 * A named set of scoring rules. All durations are in microseconds. Bounds follow the standard's
 * wording exactly; where "at least" or "more than" matters, the field name says which way.
 *
 * @param name                       the rule set's name as printed with results
 * @param sameLegJoinGapUs           same-leg movements whose gap (next onset minus offset) is
 *                                   less than this are one movement
 * @param minDurationUs              movements shorter than this are dropped (after same-leg joining)
 * @param maxUnilateralClmUs         a one-leg movement longer than this is not a CLM
 * @param bilateralRule              how the two legs are joined
 * @param bilateralJoinUs            gap (OFFSET_GAP) or onset window (ONSET_WINDOW) for joining
 * @param maxBilateralClmUs          a bilateral movement longer than this is not a CLM
 * @param maxBilateralMembers        a bilateral movement joining more single-leg movements than
 *                                   this is not a CLM
 * @param minImiUs                   shortest IMI (inclusive) that continues a PLM series
 * @param maxImiUs                   longest IMI (inclusive) that continues a PLM series
 * @param minSeriesLength            fewest consecutive CLMs that make a PLM series
 * @param respiratoryBeforeEndUs     a CLM within this long before the end of a respiratory event
 *                                   is respiratory-related
 * @param respiratoryAfterEndUs      ... or within this long after it
 * @param arousalGapUs               an arousal within this gap of a movement is associated with it
 */
public record ScoringRules(
        String name,
        long sameLegJoinGapUs,
        long minDurationUs,
        long maxUnilateralClmUs,
        BilateralRule bilateralRule,
        long bilateralJoinUs,
        long maxBilateralClmUs,
        int maxBilateralMembers,
        long minImiUs,
        long maxImiUs,
        int minSeriesLength,
        long respiratoryBeforeEndUs,
        long respiratoryAfterEndUs,
        long arousalGapUs) {

    /** WASM 2016 (Ferri et al., Sleep Med 2016;26:86-95), the default. */
    public static final ScoringRules WASM_2016 = new ScoringRules(
            "wasm2016",
            500_000, 500_000, 10_000_000,
            BilateralRule.OFFSET_GAP, 500_000, 15_000_000, 4,
            10_000_000, 90_000_000, 4,
            2_000_000, 10_250_000, 500_000);

    /**
     * AASM scoring manual (v2.x): IMI 5-90 s and bilateral movements joined when their onsets are
     * less than 5 s apart; the other rules as WASM 2016 (see docs/scoring.md).
     */
    public static final ScoringRules AASM = new ScoringRules(
            "aasm",
            500_000, 500_000, 10_000_000,
            BilateralRule.ONSET_WINDOW, 5_000_000, 15_000_000, 4,
            5_000_000, 90_000_000, 4,
            2_000_000, 10_250_000, 500_000);

    public static final List<ScoringRules> NAMED = List.of(WASM_2016, AASM);

    public ScoringRules {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("rules need a name");
        }
        if (sameLegJoinGapUs < 0 || minDurationUs < 0 || bilateralJoinUs < 0
                || respiratoryBeforeEndUs < 0 || respiratoryAfterEndUs < 0 || arousalGapUs < 0) {
            throw new IllegalArgumentException(name + ": gaps and windows must not be negative");
        }
        if (maxUnilateralClmUs < minDurationUs || maxBilateralClmUs < minDurationUs) {
            throw new IllegalArgumentException(name + ": the longest CLM is shorter than the shortest movement");
        }
        if (maxBilateralMembers < 2) {
            throw new IllegalArgumentException(name + ": a bilateral CLM must be allowed at least 2 members");
        }
        if (minImiUs <= 0 || maxImiUs < minImiUs) {
            throw new IllegalArgumentException(name + ": IMI bounds must satisfy 0 < min <= max");
        }
        if (minSeriesLength < 2) {
            throw new IllegalArgumentException(name + ": a PLM series needs at least 2 movements");
        }
        if (bilateralRule == null) {
            throw new IllegalArgumentException(name + ": no bilateral rule");
        }
    }

    /** The named rule set (case-insensitive), or an exception listing the known names. */
    public static ScoringRules named(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        for (ScoringRules rules : NAMED) {
            if (rules.name.equals(wanted)) {
                return rules;
            }
        }
        throw new IllegalArgumentException("unknown rules '" + name + "'; known: "
                + String.join(", ", NAMED.stream().map(ScoringRules::name).toList()));
    }

    /** Whether an inter-movement interval continues a PLM series under these rules. */
    public boolean imiContinuesSeries(long imiUs) {
        return imiUs >= minImiUs && imiUs <= maxImiUs;
    }
}
