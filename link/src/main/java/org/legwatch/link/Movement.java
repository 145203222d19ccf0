package org.legwatch.link;

/**
 * One movement of one leg as the device's detector found it. Times are µs on the night's monotonic
 * clock; {@code leg} is the device's leg code, carried unchanged.
 */
public record Movement(long onsetUs, long offsetUs, byte leg, float peakG) {
    public Movement {
        if (offsetUs < onsetUs) {
            throw new IllegalArgumentException("movement ends (" + offsetUs + " µs) before it starts (" + onsetUs
                    + " µs)");
        }
    }
}
