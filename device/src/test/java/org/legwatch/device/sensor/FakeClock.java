package org.legwatch.device.sensor;

import java.util.function.LongSupplier;

/** A nanosecond clock the test moves. */
final class FakeClock implements LongSupplier {
    long nanos = 1_000_000_000L;

    void advanceMillis(long ms) {
        nanos += ms * 1_000_000L;
    }

    @Override
    public long getAsLong() {
        return nanos;
    }
}
