package org.legwatch.link;

import java.time.Duration;

/** Link settings for tests: every timer scaled down so that faults cost milliseconds. */
final class TestSettings {

    private TestSettings() {}

    static LinkSettings fast() {
        return fast(32, 256);
    }

    static LinkSettings fast(int window, int chunkBytes) {
        return new LinkSettings(ms(25), ms(300), ms(1500), ms(30), ms(10), ms(80), window, chunkBytes, 16, ms(10),
                ms(60), ms(20), ms(200), ms(50), ms(300), ms(200), ms(1000));
    }

    static Duration ms(long n) {
        return Duration.ofMillis(n);
    }
}
