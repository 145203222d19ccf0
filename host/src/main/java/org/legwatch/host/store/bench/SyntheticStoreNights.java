package org.legwatch.host.store.bench;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.legwatch.analysis.night.NightSettings;
import org.legwatch.analysis.night.NightSummary;
import org.legwatch.analysis.night.ScoredNight;
import org.legwatch.analysis.night.SignalQuality;
import org.legwatch.analysis.scoring.ScoringAnnotations;
import org.legwatch.analysis.scoring.ScoringRules;
import org.legwatch.analysis.sim.GroundTruth;
import org.legwatch.analysis.sim.NightScenario;
import org.legwatch.analysis.sim.PatientProfile;
import org.legwatch.analysis.sim.SyntheticNight;
import org.legwatch.host.store.NightClock;
import org.legwatch.host.store.StoredNight;

/**
 * Realistic nights to fill a store with, for the benchmark and the tests: the simulator's true
 * movements of a night (healthy to very severe), scored by WASM 2016 over the true time in bed,
 * with sensor quality figures as a device reports them. Simulating a night takes milliseconds, so
 * a pool of distinct nights is made once and dealt out under new ids, patients and dates.
 */
public final class SyntheticStoreNights {
    private final List<ScoredNight> pool = new ArrayList<>();

    /** A pool of {@code size} distinct nights from {@code seed}. */
    public SyntheticStoreNights(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < size; i++) {
            PatientProfile profile = PatientProfile.NAMED.get(random.nextInt(PatientProfile.NAMED.size()));
            GroundTruth truth = SyntheticNight.generate(NightScenario.standard(profile, random.nextLong())).truth();
            ScoredNight scored = ScoredNight.score(truth.movements(), ScoringRules.WASM_2016, ScoringAnnotations.NONE,
                    truth.inBed(), NightSummary.DEFAULT_MIN_VALID_HOURS);
            long samples = Math.round(truth.recordingUs() / 1e6 * 100 * 2);
            long lost = random.nextInt(2_000);
            SignalQuality signal = new SignalQuality(true, 2, samples, lost, random.nextInt(20), random.nextInt(50),
                    random.nextDouble() * 0.3, truth.recordingUs() / 3.6e9);
            NightSummary summary = NightSummary.of(scored.summary().statistics(), scored.summary().inBed(),
                    NightSummary.DEFAULT_MIN_VALID_HOURS, NightSettings.DEFAULT.maxLostFraction(), signal);
            pool.add(new ScoredNight(scored.movements(), summary));
        }
    }

    /** Distinct nights in the pool. */
    public int size() {
        return pool.size();
    }

    /**
     * Night {@code index} of a patient's series: pool night {@code poolIndex}, recorded by
     * {@code deviceId} on the evening {@code first + index} days, begun at 22:00 UTC plus up to an hour.
     */
    public StoredNight night(int poolIndex, String deviceId, String patientId, LocalDate first, int index) {
        ScoredNight night = pool.get(Math.floorMod(poolIndex, pool.size()));
        LocalDate evening = first.plusDays(index);
        long startMs = evening.atTime(22, 0).toInstant(ZoneOffset.UTC).toEpochMilli()
                + Math.floorMod((long) poolIndex * 7_919_000L, 3_600_000L);
        NightClock clock = new NightClock("boot-" + deviceId + "-" + (index / 30), 1_000_000_000L * (index % 30) * 86_400L,
                startMs, index % 11 != 0);
        return new StoredNight(deviceId, evening + "/" + index, patientId, evening, clock, night.summary(),
                night.movements());
    }
}
