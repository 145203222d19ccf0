package org.legwatch.device.cli;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import org.legwatch.device.journal.NightJournal;

/** Says in the log what the journal's disk budget does: the warning before any drop, every drop. */
public final class JournalBudgetLog implements NightJournal.BudgetListener {
    private static final Logger LOG = System.getLogger("org.legwatch.device.journal");

    @Override
    public void nearBudget(long usedBytes, long budgetBytes, int unsentNights) {
        LOG.log(Level.WARNING, String.format(
                "journal at %d of %d MB with %d nights not yet sent: connect the host, or the oldest unsent nights"
                        + " will be dropped when the budget is full", usedBytes >> 20, budgetBytes >> 20, unsentNights));
    }

    @Override
    public void dropped(NightJournal.DroppedNight night) {
        LOG.log(Level.ERROR, "journal over its budget: night " + night.nightId() + " (" + night.movements()
                + " movements) was never sent and has been dropped");
    }

    @Override
    public void overBudget(long usedBytes, long budgetBytes) {
        LOG.log(Level.ERROR, String.format("journal at %d MB is over its %d MB budget and nothing can be dropped;"
                + " nothing was lost, but free space on the SD card", usedBytes >> 20, budgetBytes >> 20));
    }
}
