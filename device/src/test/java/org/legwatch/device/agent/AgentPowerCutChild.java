package org.legwatch.device.agent;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import org.legwatch.analysis.sim.PatientProfile;
import org.legwatch.device.config.AgentConfig;
import org.legwatch.device.gpio.NightButton;
import org.legwatch.device.gpio.StatusLight;
import org.legwatch.device.journal.NightJournal;
import org.legwatch.device.sim.DeviceSimulation;

/**
 * The agent in a JVM of its own for {@link AgentPowerCutTest}: one simulated night of a fixed
 * patient into the journal in {@code args[0]}. With {@code args[1]} (ns of simulated world time)
 * it starts that far into the simulation, as a Pi coming back after a power cut.
 */
public final class AgentPowerCutChild {
    static final long SEED = 21;
    static final LocalDate EVENING = LocalDate.of(2026, 11, 2);

    static DeviceSimulation simulation() {
        return new DeviceSimulation(AgentConfig.defaults("power-cut"), PatientProfile.SEVERE, 1, 2, SEED, EVENING,
                DeviceSimulation.DEFAULT_START, ZoneId.of("UTC"), Double.POSITIVE_INFINITY, (night, scored, why) -> { });
    }

    public static void main(String[] args) throws Exception {
        DeviceSimulation sim = simulation();
        if (args.length > 1) {
            long worldNs = Long.parseLong(args[1]);
            sim.clocks().reboot("after-the-cut", worldNs - sim.clocks().worldNs());
        }
        try (NightJournal journal = NightJournal.open(Path.of(args[0]), NightJournal.Options.defaults(),
                new NightJournal.BudgetListener() { })) {
            Agent agent = sim.newAgent(journal, StatusLight.none(), NightButton.none());
            System.out.println("recording");
            System.out.flush();
            agent.run(sim::notOver);
            agent.finishOpenNight("simulation ended");
        }
    }
}
