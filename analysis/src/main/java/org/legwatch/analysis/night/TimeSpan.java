package org.legwatch.analysis.night;

/** A span of the recording, microseconds from its start, end exclusive. */
public record TimeSpan(long startUs, long endUs) {
    public TimeSpan {
        if (endUs < startUs) {
            throw new IllegalArgumentException("span ends (" + endUs + " us) before it starts (" + startUs + " us)");
        }
    }

    public long durationUs() {
        return endUs - startUs;
    }

    public boolean contains(long us) {
        return us >= startUs && us < endUs;
    }

    /** Whether [fromUs, toUs] lies within this span. */
    public boolean contains(long fromUs, long toUs) {
        return fromUs >= startUs && toUs <= endUs;
    }
}
