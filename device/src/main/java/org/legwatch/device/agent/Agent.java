package org.legwatch.device.agent;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.legwatch.analysis.night.NightSummary;
import org.legwatch.analysis.night.NightTally;
import org.legwatch.analysis.night.NightTallyCodec;
import org.legwatch.analysis.night.ScoredNight;
import org.legwatch.analysis.scoring.Leg;
import org.legwatch.analysis.scoring.LegMovement;
import org.legwatch.analysis.scoring.Micros;
import org.legwatch.device.clock.Clocks;
import org.legwatch.device.gpio.AgentState;
import org.legwatch.device.gpio.NightButton;
import org.legwatch.device.gpio.StatusLight;
import org.legwatch.device.journal.NightJournal;
import org.legwatch.device.journal.NightJournal.Night;

/**
 * The agent that runs on the Pi all night, unattended: one sampling thread polls the ankle sensors'
 * FIFOs, feeds the night being recorded, opens and closes nights, saves the night's tally every few
 * minutes and shows its state on the LED.
 *
 * <p>Nights open by themselves when the night window opens (and a sensor answers), or when the
 * button is pressed (lights out); they close when the window closes, when the button is pressed again
 * (lights on), or once the patient has been up for a while after enough time in bed. A night closed
 * before its window ends is not reopened in the same window except by the button.
 *
 * <p>After a restart (power cut, crash, update) a night the journal still has open is resumed as a
 * new part when it was saved recently enough and its window is still open; otherwise it is closed as
 * it stands. Either way nothing journaled is lost and nothing is counted twice: the parts lie on one
 * time axis without overlap, and the night's statistics are rebuilt from the journaled movements and
 * tally.
 */
public final class Agent {
    private static final Logger LOG = System.getLogger(Agent.class.getName());
    /** Between nights the sensors are only looked after: read every few seconds. */
    private static final long IDLE_POLL_NS = 5_000_000_000L;
    private static final long MIN_POLL_NS = 20_000_000L;
    private static final long UP_CHECK_NS = 60_000_000_000L;
    private static final long LIGHT_CHECK_NS = 10_000_000_000L;

    /** Told about every night the agent finishes. */
    @FunctionalInterface
    public interface NightListener {
        /**
         * @param night   the night as journaled (its movements and final tally)
         * @param scored  the night rebuilt from that record, as the host will see it
         * @param reason  why it ended
         */
        void finished(Night night, ScoredNight scored, String reason);
    }

    private final AgentSetup setup;
    private final Clocks clocks;
    private final NightJournal journal;
    private final List<LegInput> inputs;
    private final List<SampleBatch> batches = new ArrayList<>();
    private final StatusLight light;
    private final NightButton button;
    private final NightListener listener;
    private final long pollNs;

    private NightSession session;
    private long sessionCloseNs;
    private long nextCheckpointNs;
    private long nextUpCheckNs;
    private long nextLightCheckNs = Long.MIN_VALUE;
    private boolean unsent;
    private LocalDate closedEvening;
    /** The evening the night being recorded belongs to. */
    private LocalDate sessionEvening;
    private int nightsFinished;

    public Agent(AgentSetup setup, Clocks clocks, NightJournal journal, List<LegInput> inputs, StatusLight light,
                 NightButton button, NightListener listener) {
        this.setup = setup;
        this.clocks = clocks;
        this.journal = journal;
        this.inputs = List.copyOf(inputs);
        this.light = light;
        this.button = button;
        this.listener = listener;
        long poll = Long.MAX_VALUE;
        for (LegInput input : inputs) {
            batches.add(new SampleBatch(256));
            poll = Math.min(poll, input.maxPollIntervalNs());
        }
        this.pollNs = Math.max(MIN_POLL_NS, poll);
    }

    /** Runs until {@code keepRunning} turns false (checked every poll), then saves the open night's tally and returns. */
    public void run(BooleanSupplier keepRunning) throws IOException, InterruptedException {
        recoverOpenNight();
        while (keepRunning.getAsBoolean()) {
            step();
            clocks.sleepNs(session != null ? pollNs : IDLE_POLL_NS);
        }
        if (session != null) {
            // Left open on purpose: a restart within the window resumes it.
            session.checkpoint();
            session.closeRecordings();
            LOG.log(Level.INFO, "stopping; night " + session.nightId() + " saved and will be resumed");
        }
    }

    /** One round: read the sensors, feed the night, open or close nights, save, show the state. */
    void step() throws IOException {
        pollInputs();
        long now = clocks.monotonicNs();
        boolean pressed = button.takePress();
        if (session == null) {
            long wall = clocks.wallMs();
            LocalDate evening = setup.window().eveningOf(wall);
            if (pressed) {
                open(now, wall, "lights-out button");
            } else if (setup.window().contains(wall) && !evening.equals(closedEvening) && sensorsAnswering() > 0) {
                open(now, wall, "night window opened");
            }
        } else if (pressed) {
            close("lights-on button");
        } else if (now >= sessionCloseNs) {
            close("night window closed");
        } else {
            if (now >= nextUpCheckNs) {
                nextUpCheckNs = now + UP_CHECK_NS;
                if (session.upLongEnough(Micros.ofSeconds(setup.endAfterUpMinutes() * 60),
                        Micros.ofSeconds(setup.settings().night().inBedBlockMinS()))) {
                    close(String.format(Locale.ROOT, "up for %.0f min after the night", setup.endAfterUpMinutes()));
                }
            }
            if (session != null && now >= nextCheckpointNs) {
                session.checkpoint();
                nextCheckpointNs = now + setup.checkpointNs();
            }
        }
        showState(now);
    }

    private void pollInputs() {
        for (int i = 0; i < inputs.size(); i++) {
            LegInput input = inputs.get(i);
            SampleBatch batch = batches.get(i);
            input.poll(batch);
            if (session != null) {
                session.accept(input, batch);
            }
        }
    }

    private int sensorsAnswering() {
        int answering = 0;
        for (LegInput input : inputs) {
            if (input.fault() == null) {
                answering++;
            }
        }
        return answering;
    }

    private void open(long now, long wall, String why) throws IOException {
        recording(NightSession.start(journal, clocks, setup.settings()), now, wall);
        LOG.log(Level.INFO, "night " + session.nightId() + " started (" + why + ")");
    }

    /** Makes {@code s} the night being recorded: it closes with the window it belongs to, and is saved and checked from now. */
    private void recording(NightSession s, long now, long wall) {
        session = s;
        sessionEvening = setup.window().eveningOf(wall);
        sessionCloseNs = now + (setup.window().closesAfter(wall) - wall) * 1_000_000L;
        nextCheckpointNs = now + setup.checkpointNs();
        nextUpCheckNs = now + UP_CHECK_NS;
    }

    private void close(String why) throws IOException {
        NightSession s = session;
        session = null;
        closedEvening = sessionEvening;
        NightSession.Finished finished = s.finish();
        report(s.nightId(), finished.tally(), why);
    }

    private void report(String nightId, NightTally tally, String why) {
        nightsFinished++;
        unsent = true;
        Night night = journal.unsentNights().stream().filter(n -> n.id().equals(nightId)).findFirst().orElseThrow();
        ScoredNight scored = ScoredNight.rebuild(detected(night), tally);
        NightSummary summary = scored.summary();
        LOG.log(Level.INFO, String.format(Locale.ROOT,
                "night %s finished (%s): %.2f h in bed, %d PLMs, PLMI %.1f/h, %s", nightId, why, summary.hoursInBed(),
                summary.statistics().plm().total(), summary.statistics().plmIndex(),
                summary.valid() ? "valid" : "not valid: " + String.join("; ", summary.invalidReasons())));
        listener.finished(night, scored, why);
    }

    /** The detector's movements of a journaled night, for rebuilding it. */
    public static List<LegMovement> detected(Night night) {
        List<LegMovement> out = new ArrayList<>(night.movements().size());
        for (NightJournal.Movement m : night.movements()) {
            out.add(new LegMovement(m.onsetUs(), m.offsetUs(), Leg.values()[m.leg()]));
        }
        return out;
    }

    /**
     * Resumes or closes the night the journal has open after a restart. Where the restart lies on the
     * night's time axis: exactly when the Pi did not reboot (same boot id: the monotonic clock goes
     * on) or when the wall clock was synchronised both at the night's last part and now; otherwise
     * no earlier than the last saved moment plus the time since boot (the Pi was off at least that
     * long), and the part is marked as not exactly placed.
     */
    private void recoverOpenNight() throws IOException {
        Optional<Night> open = journal.openNight();
        if (open.isEmpty()) {
            return;
        }
        Night night = open.get();
        NightTally saved = night.progress().map(NightTallyCodec::decode).orElseGet(() -> NightTally.empty(
                setup.settings().rules().name(), setup.settings().night().minValidHoursInBed(),
                setup.settings().night().maxLostFraction(), setup.settings().legs().size()));
        long lastKnownUs = saved.recordedUntilUs();
        for (NightJournal.Movement m : night.movements()) {
            lastKnownUs = Math.max(lastKnownUs, m.offsetUs());
        }
        Anchor anchor = Anchor.of(night);
        long nowUs;
        boolean certain;
        if (anchor != null && anchor.bootId().equals(clocks.bootId())) {
            nowUs = anchor.startUs() + (clocks.monotonicNs() - anchor.monotonicBaseNs()) / 1000;
            certain = true;
        } else if (anchor != null && anchor.wallSynced() && clocks.wallSynchronised()) {
            nowUs = anchor.startUs() + (clocks.wallMs() - anchor.wallMs()) * 1000;
            certain = true;
        } else {
            nowUs = lastKnownUs + Micros.ofSeconds(clocks.uptimeS());
            certain = false;
        }
        if (nowUs <= lastKnownUs) {
            nowUs = lastKnownUs + 1;
            certain = false;
        }
        long wall = clocks.wallMs();
        boolean recent = nowUs - lastKnownUs <= Micros.ofSeconds(setup.resumeWithinMinutes() * 60);
        if (recent && setup.window().contains(wall) && saved.rules().equals(setup.settings().rules().name())) {
            recording(NightSession.resume(journal, clocks, setup.settings(), night.id(), saved, nowUs, certain),
                    clocks.monotonicNs(), wall);
            LOG.log(Level.WARNING, String.format(Locale.ROOT,
                    "night %s resumed after a restart: %.1f min not recorded%s", night.id(),
                    (nowUs - lastKnownUs) / 6e7, certain ? "" : " (at least; the clock was not synchronised)"));
        } else {
            journal.finishNight(night.id(), NightTallyCodec.encode(saved));
            closedEvening = setup.window().eveningOf(wall);
            report(night.id(), saved, "interrupted by a restart and not resumed");
        }
    }

    /** Where the night's latest part began: the clocks a restart is measured against. */
    private record Anchor(String bootId, long monotonicBaseNs, long wallMs, boolean wallSynced, long startUs) {
        static Anchor of(Night night) {
            if (!night.parts().isEmpty()) {
                NightJournal.NightPart p = night.parts().get(night.parts().size() - 1);
                return new Anchor(p.bootId(), p.monotonicBaseNs(), p.wallClockMs(), p.wallClockSynced(), p.startUs());
            }
            return night.start().map(s -> new Anchor(s.bootId(), s.monotonicBaseNs(), s.wallClockMs(),
                    s.wallClockSynced(), 0L)).orElse(null);
        }
    }

    private void showState(long now) {
        if (now >= nextLightCheckNs) {
            nextLightCheckNs = now + LIGHT_CHECK_NS;
            unsent = journal.unsentCount() > 0;
        }
        AgentState state;
        if (sensorsAnswering() < inputs.size() || journal.budgetState() == NightJournal.BudgetState.OVER) {
            state = AgentState.FAULT;
        } else if (session != null) {
            state = AgentState.RECORDING;
        } else if (unsent) {
            state = AgentState.UNSENT;
        } else {
            state = AgentState.IDLE;
        }
        light.show(state);
    }

    /** The night being recorded, if any. */
    public Optional<String> recordingNight() {
        return Optional.ofNullable(session).map(NightSession::nightId);
    }

    public int nightsFinished() {
        return nightsFinished;
    }

    /** Ends the open night now (used by the simulation at its end, and by tests). */
    public void finishOpenNight(String why) throws IOException {
        if (session != null) {
            close(why);
        }
    }
}
