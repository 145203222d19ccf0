package org.legwatch.device.sim;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.legwatch.analysis.scoring.Leg;
import org.legwatch.analysis.sim.NightScenario;
import org.legwatch.analysis.sim.PatientProfile;
import org.legwatch.device.agent.Agent;
import org.legwatch.device.agent.AgentSetup;
import org.legwatch.device.agent.LegInput;
import org.legwatch.device.agent.SensorLegInput;
import org.legwatch.device.clock.SimulatedClocks;
import org.legwatch.device.config.AgentConfig;
import org.legwatch.device.gpio.NightButton;
import org.legwatch.device.gpio.StatusLight;
import org.legwatch.device.journal.NightJournal;

/**
 * The real agent on simulated sensors: a patient wears the bands for a series of generated nights,
 * the simulated chips fill their FIFOs at the generated times, and the agent (sample clock,
 * detector, scorer, night sessions, journal) runs on simulated time, at real speed or faster.
 */
public final class DeviceSimulation {
    /** The simulated evening starts by default at this local time, before the night window opens. */
    public static final LocalTime DEFAULT_START = LocalTime.of(19, 0);

    /** How one night of the series differs from the patient's typical night (another severity, a band left off, a short night). */
    @FunctionalInterface
    public interface NightVariation {
        /** No night differs: every night is a typical night of the patient. */
        NightVariation NONE = (night, typical) -> typical;

        /**
         * @param night   the night's index, 0 for the first evening
         * @param typical the patient's typical night as drawn for that evening (times, seed, sensor)
         */
        NightScenario night(int night, NightScenario typical);
    }

    private final SimulatedClocks clocks;
    private final SimulatedWearer wearer;
    private final List<SimulatedAccelerometer> sensors = new ArrayList<>();
    private final AgentConfig config;
    private final AgentSetup setup;
    private final Agent.NightListener listener;
    private final long endNs;

    /**
     * @param nights   the nights to wear the bands
     * @param evening  the date of the first evening
     * @param start    the local time on the first evening at which simulated time starts
     * @param speedUp  times faster than real time ({@code Double.POSITIVE_INFINITY}: as fast as possible)
     */
    public DeviceSimulation(AgentConfig config, PatientProfile patient, int nights, int legs, long seed,
                            LocalDate evening, LocalTime start, ZoneId zone, double speedUp, Agent.NightListener listener) {
        this(config, patient, NightVariation.NONE, nights, legs, seed, evening, start, zone, speedUp, false, listener);
    }

    /**
     * @param variation        how single nights differ from the patient's typical night
     * @param generateAhead    generate the bands' samples on other threads ahead of the agent (else
     *                         the agent's thread generates them as it reads them); the samples are the same
     */
    public DeviceSimulation(AgentConfig config, PatientProfile patient, NightVariation variation, int nights, int legs,
                            long seed, LocalDate evening, LocalTime start, ZoneId zone, double speedUp, boolean generateAhead,
                            Agent.NightListener listener) {
        this.config = config;
        this.listener = listener;
        long startWallMs = evening.atTime(start).atZone(zone).toInstant().toEpochMilli();
        this.clocks = new SimulatedClocks(startWallMs, speedUp, "simulated-" + Long.toHexString(seed));
        SplittableRandom random = new SplittableRandom(seed);
        List<SimulatedWearer.PlannedNight> plan = new ArrayList<>();
        for (int k = 0; k < nights; k++) {
            // To bed between 21:00 and 23:30 (the band goes on some minutes before), 6-9 h in bed.
            long bandOnMs = evening.plusDays(k).atTime(20, 30).atZone(zone).toInstant().toEpochMilli()
                    + (long) (random.nextDouble() * 2.5 * 3_600_000);
            NightScenario typical = NightScenario.standard(patient, random.nextLong())
                    .withLegs(legs)
                    .withTimes(5, 10 + random.nextDouble() * 40, 6 + random.nextDouble() * 3, 10 + random.nextDouble() * 20, 5)
                    .withSensor(NightScenario.standard(patient, 0).sensor(), config.rateHz());
            NightScenario scenario = variation.night(k, typical);
            plan.add(new SimulatedWearer.PlannedNight(scenario, 1_000_000_000L + (bandOnMs - startWallMs) * 1_000_000L));
        }
        this.wearer = new SimulatedWearer(plan, generateAhead);
        for (Leg leg : wearer.legs()) {
            sensors.add(new SimulatedAccelerometer(wearer, leg, clocks, leg == Leg.RIGHT ? 0x18 : 0x19));
        }
        this.setup = AgentSetup.of(config, wearer.legs(), config.rateHz(), plan.get(0).scenario().sensor().maxG(), zone);
        // The last night's window closes by the next noon at the latest.
        this.endNs = 1_000_000_000L + (evening.plusDays(nights).atTime(12, 0).atZone(zone).toInstant().toEpochMilli()
                - startWallMs) * 1_000_000L;
    }

    /**
     * A freshly started agent on the simulated sensors (as after a boot: new sample clocks), with
     * the given journal, LED and button.
     */
    public Agent newAgent(NightJournal journal, StatusLight light, NightButton button) {
        List<LegInput> inputs = new ArrayList<>();
        for (SimulatedAccelerometer sensor : sensors) {
            Leg leg = sensor.address() == 0x18 ? Leg.RIGHT : Leg.LEFT;
            inputs.add(new SensorLegInput(leg, sensor, config.rateHz(), sensor.supportedRangesG().get(0), clocks,
                    config.sensorRetrySeconds()));
        }
        return new Agent(setup, clocks, journal, inputs, light, button, listener);
    }

    /** Runs every night through one agent; returns when the last one is finished (and the generator threads are stopped). */
    public void run(NightJournal journal) throws IOException, InterruptedException {
        try {
            Agent agent = newAgent(journal, StatusLight.none(), NightButton.none());
            agent.run(this::notOver);
            agent.finishOpenNight("simulation ended");
        } finally {
            wearer.close();
        }
    }

    /** Whether simulated time has not yet passed the last night's window. */
    public boolean notOver() {
        return clocks.worldNs() < endNs;
    }

    public SimulatedWearer wearer() {
        return wearer;
    }

    public SimulatedClocks clocks() {
        return clocks;
    }

    /** The simulated sensors, right leg first. */
    public List<SimulatedAccelerometer> sensors() {
        return sensors;
    }

    public AgentSetup setup() {
        return setup;
    }
}
