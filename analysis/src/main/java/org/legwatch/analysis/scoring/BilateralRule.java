package org.legwatch.analysis.scoring;

/** How movements on the two legs are joined into one bilateral movement. */
public enum BilateralRule {
    /**
     * WASM 2016: a movement on either leg whose onset comes before the offset of the movement
     * being built plus the join gap (strictly) joins it; the offset grows to the latest offset.
     */
    OFFSET_GAP,
    /**
     * AASM (older rule): movements on the two legs whose onsets are less than the join window apart
     * count as one movement. A second movement on the same leg is never joined by this rule alone.
     */
    ONSET_WINDOW
}
