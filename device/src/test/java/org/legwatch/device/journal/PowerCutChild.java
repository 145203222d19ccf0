package org.legwatch.device.journal;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Child process for {@link PowerCutTest}: opens the night journal in {@code args[0]}, resumes the
 * open night (or starts one) and appends movements numbered on from the last one on disk, printing
 * each number only after {@link NightJournal#movement} has returned, until it is killed.
 */
public final class PowerCutChild {

    private PowerCutChild() {}

    public static void main(String[] args) throws Exception {
        try (NightJournal nj = NightJournal.open(Path.of(args[0]),
                new NightJournal.Options(128 * 1024, 64L * 1024 * 1024, 0.8), new NightJournal.BudgetListener() {})) {
            Optional<NightJournal.Night> open = nj.openNight();
            if (open.isEmpty()) {
                nj.startNight(new NightJournal.NightStart("night-1", "boot", System.nanoTime(),
                        System.currentTimeMillis(), false));
            }
            long seq = open.map(n -> (long) n.movements().size()).orElse(0L);
            while (true) {
                nj.movement(new NightJournal.Movement("night-1", seq, seq + 1, (byte) (seq & 1), 0.25f));
                System.out.println(seq);
                System.out.flush();
                seq++;
            }
        }
    }
}
