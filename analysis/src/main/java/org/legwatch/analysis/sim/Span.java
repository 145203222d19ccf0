package org.legwatch.analysis.sim;

/** A time span [startUs, endUs), microseconds from the start of the recording. */
public record Span(long startUs, long endUs) {
    public Span {
        if (endUs < startUs) {
            throw new IllegalArgumentException("span ends before it starts: " + startUs + ".." + endUs);
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
