package org.legwatch.device.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.legwatch.analysis.scoring.Leg;
import org.legwatch.analysis.sim.NightScenario;
import org.legwatch.analysis.sim.SyntheticNight;
import org.legwatch.analysis.sim.TruthScore;

/**
 * A patient who wears the bands for a series of generated nights, each recording starting at a
 * given monotonic time. The night's signal is generated as the simulated sensors read it (nothing
 * stored); its truth is kept for comparison.
 *
 * <p>Generating ahead, each band's samples of each night are generated on a thread of their own,
 * up to a few nights ahead of the sensors that read them ({@link SamplesAhead}), so a simulation
 * uses more than one core; the samples are the same either way. A thread per band and night, not a
 * pool: the agent reads both bands of a night side by side, so each needs its generator running
 * (with fewer threads than bands, a generator ahead on one band would block while the agent waits
 * for the other). Such a wearer must be {@link #close closed}.
 */
public final class SimulatedWearer implements AutoCloseable {
    /** One night of the series: what happens, and when its recording starts in the simulated world's time. */
    public record PlannedNight(NightScenario scenario, long recordingStartNs) {}

    /** A night's truth, once it has been generated. */
    public record NightTruth(int index, long recordingStartNs, double hoursInBed, double plmi, int plmCount) {}

    /** Nights whose samples are generated ahead of the one being read. */
    private static final int NIGHTS_AHEAD = 2;
    /** Blocks of {@link #BLOCK_SAMPLES} each band's generator may be ahead of its reader. */
    private static final int BLOCKS_AHEAD = 16;
    private static final int BLOCK_SAMPLES = 2048;

    private final List<PlannedNight> nights;
    private final Map<Integer, NightTruth> truths = new TreeMap<>();
    private final boolean generateAhead;
    private final List<Thread> generators = new ArrayList<>();
    /** Streams handed out or being generated ahead, by night and leg. */
    private final Map<Integer, Map<Leg, BandSamples>> ahead = new HashMap<>();
    private int scheduledUpTo = -1;
    private int generatedIndex = -1;
    private SyntheticNight generated;

    public SimulatedWearer(List<PlannedNight> nights) {
        this(nights, false);
    }

    /** @param generateAhead generate the samples on other threads ahead of the reader (else as they are read, on its thread) */
    public SimulatedWearer(List<PlannedNight> nights, boolean generateAhead) {
        for (int i = 1; i < nights.size(); i++) {
            if (nights.get(i).recordingStartNs() <= nights.get(i - 1).recordingStartNs()) {
                throw new IllegalArgumentException("nights must start in order");
            }
        }
        this.nights = List.copyOf(nights);
        this.generateAhead = generateAhead;
    }

    public List<PlannedNight> nights() {
        return nights;
    }

    /** The legs the bands are on (those of the first night). */
    public List<Leg> legs() {
        return nights.get(0).scenario().instrumentedLegs();
    }

    /** The samples of one leg for night {@code index}, or null when that night has no band on the leg. */
    synchronized BandSamples stream(int index, Leg leg) {
        if (!generateAhead) {
            SyntheticNight night = night(index);
            return night.legs().contains(leg) ? night.samples(leg)::read : null;
        }
        for (int k = Math.max(index, scheduledUpTo + 1); k <= Math.min(nights.size() - 1, index + NIGHTS_AHEAD); k++) {
            scheduleAhead(k);
        }
        ahead.keySet().removeIf(k -> k < index); // the sensors have moved on: those nights are read
        Map<Leg, BandSamples> streams = ahead.get(index);
        if (streams == null) {
            throw new IllegalStateException("night " + index + " is read after a later one");
        }
        return streams.get(leg);
    }

    /** Starts generating night {@code k}'s bands, each on a thread of its own. */
    private void scheduleAhead(int k) {
        SyntheticNight night = night(k);
        Map<Leg, BandSamples> streams = new HashMap<>();
        for (Leg leg : night.legs()) {
            SamplesAhead samples = new SamplesAhead(BLOCKS_AHEAD, BLOCK_SAMPLES);
            BandSamples source = night.samples(leg)::read;
            generators.removeIf(t -> !t.isAlive());
            generators.add(Thread.ofPlatform().daemon().name("legwatch-sim-night-" + k + "-" + leg.name().toLowerCase()).start(() -> {
                try {
                    samples.produce(source);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt(); // closed: the simulation is over, nobody reads these samples
                }
            }));
            streams.put(leg, samples);
        }
        ahead.put(k, streams);
        scheduledUpTo = k;
    }

    /** Night {@code index} planned (its truth recorded); planning is cheap, the samples come later. */
    private SyntheticNight night(int index) {
        if (index != generatedIndex) {
            generated = SyntheticNight.generate(nights.get(index).scenario());
            generatedIndex = index;
            TruthScore truth = generated.truth().instrumentedScore();
            truths.put(index, new NightTruth(index, nights.get(index).recordingStartNs(), truth.hoursInBed(), truth.plmi(),
                    truth.plmCount()));
        }
        return generated;
    }

    /** The truth of night {@code index} (planning the night if it has not been yet). */
    public synchronized NightTruth truth(int index) {
        NightTruth truth = truths.get(index);
        if (truth != null) {
            return truth;
        }
        night(index);
        return truths.get(index);
    }

    /** The truth of every night planned so far, in order. */
    public synchronized List<NightTruth> truths() {
        return new ArrayList<>(truths.values());
    }

    /** Stops the generator threads (samples generated ahead and not read are dropped). */
    @Override
    public synchronized void close() {
        generators.forEach(Thread::interrupt);
        generators.clear();
    }
}
