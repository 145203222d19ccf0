package org.legwatch.link;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/** Nights for tests: small ones for volume, realistic ones for throughput. */
final class TestNights {

    private TestNights() {}

    /**
     * A small night: up to 6 movements, a summary of 8 to 48 bytes; every 25th night lacks its start
     * and every 40th its summary, as nights damaged on the device's disk do.
     */
    static Night small(Random rnd, int index) {
        String id = "night-" + index;
        Optional<NightStart> start = index % 25 == 7 ? Optional.empty()
                : Optional.of(new NightStart("boot-" + rnd.nextInt(1000), rnd.nextLong(), 1_700_000_000_000L
                        + rnd.nextInt(1_000_000_000), rnd.nextBoolean()));
        List<Movement> ms = new ArrayList<>();
        long t = rnd.nextInt(1_000_000);
        for (int i = rnd.nextInt(7); i > 0; i--) {
            t += 500_000 + rnd.nextInt(60_000_000);
            ms.add(new Movement(t, t + 500_000 + rnd.nextInt(9_500_000), (byte) rnd.nextInt(2), rnd.nextFloat() * 2));
        }
        Optional<byte[]> summary = Optional.empty();
        if (index % 40 != 13) {
            byte[] s = new byte[8 + rnd.nextInt(41)];
            rnd.nextBytes(s);
            summary = Optional.of(s);
        }
        return new Night(id, start, ms, summary);
    }

    static List<Night> small(long seed, int count) {
        Random rnd = new Random(seed);
        List<Night> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(small(rnd, i));
        }
        return out;
    }

    /**
     * A night as a patient with periodic limb movements has it: eight hours in bed, PLM series with
     * an inter-movement interval of 20 to 40 s for about a third of the night, isolated movements
     * between them, both legs; durations 0.5 to 10 s, peaks 0.05 to 2 g, µs times that fall on no
     * grid. About 800 movements (100 per hour), plus a 1 KiB summary.
     */
    static Night realistic(Random rnd, String id) {
        List<Movement> ms = new ArrayList<>();
        long bedUs = 8L * 3600 * 1_000_000;
        long t = 600_000_000L + rnd.nextInt(1_000_000);
        while (t < bedUs) {
            boolean series = rnd.nextInt(3) == 0;
            int n = series ? 20 + rnd.nextInt(80) : 1;
            for (int i = 0; i < n && t < bedUs; i++) {
                long duration = 500_000 + rnd.nextInt(series ? 4_500_000 : 9_500_000);
                ms.add(new Movement(t, t + duration, (byte) rnd.nextInt(2), 0.05f + rnd.nextFloat() * 1.95f));
                t += series ? 20_000_000 + rnd.nextInt(20_000_000) : duration + 500_000;
            }
            t += series ? 60_000_000 + rnd.nextInt(600_000_000) : 5_000_000 + rnd.nextInt(40_000_000);
        }
        byte[] summary = new byte[1024];
        rnd.nextBytes(summary);
        NightStart start = new NightStart("3f1c2a9e-7d4b-4c55-9a0e-" + Long.toHexString(rnd.nextLong()),
                rnd.nextLong() & Long.MAX_VALUE, 1_760_000_000_000L + rnd.nextInt(1_000_000_000), true);
        return new Night(id, Optional.of(start), ms, Optional.of(summary));
    }
}
