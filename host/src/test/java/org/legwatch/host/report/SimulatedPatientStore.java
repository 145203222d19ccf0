package org.legwatch.host.report;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.IntStream;
import org.legwatch.analysis.night.NightSummary;
import org.legwatch.analysis.night.SignalQuality;
import org.legwatch.host.store.DeviceAssignment;
import org.legwatch.host.store.Patient;
import org.legwatch.host.store.Store;
import org.legwatch.host.store.StoredNight;
import org.legwatch.host.store.Stores;
import org.legwatch.host.store.TherapyEvent;
import org.legwatch.host.store.TherapyKind;
import org.legwatch.host.store.bench.SyntheticStoreNights;

/**
 * A store (SQLite in a test's folder) holding one simulated patient over five months: nights from
 * the simulator, severe before an IV iron infusion on day 50 and mild from day 71 on, two nights
 * invalid for lost samples, oral iron before the infusion, ferritin before, 10 days after (falsely
 * high) and 70 days after, TSAT with the first ferritin, and a medication change on day 110. A
 * second patient has no nights at all.
 */
public final class SimulatedPatientStore {
    public static final String PATIENT = "P1";
    public static final String EMPTY_PATIENT = "P2";
    public static final LocalDate FIRST = LocalDate.of(2025, 1, 6);
    static final int NIGHTS = 150;
    static final int INFUSION_DAY = 50;
    static final List<Integer> INVALID_DAYS = List.of(20, 100);
    static final LocalDate INFUSION = FIRST.plusDays(INFUSION_DAY);

    private SimulatedPatientStore() {
    }

    public static String create(Path folder) throws Exception {
        String url = "sqlite:" + folder.resolve("report.db");
        SyntheticStoreNights pool = new SyntheticStoreNights(16, 11);
        List<Integer> byPlmi = IntStream.range(0, pool.size()).boxed()
                .sorted(Comparator.comparingDouble(i -> pool.night(i, "d", "x", FIRST, 0).summary().statistics().plmIndex()))
                .toList();
        List<Integer> mild = byPlmi.subList(0, 5);
        List<Integer> severe = byPlmi.subList(pool.size() - 5, pool.size());
        try (Store store = Stores.open(url)) {
            store.addPatient(new Patient(PATIENT, "Test Patient"));
            store.addPatient(new Patient(EMPTY_PATIENT, ""));
            store.assignDevice(new DeviceAssignment("dev-1", PATIENT, Instant.parse("2025-01-01T00:00:00Z"), null));
            List<StoredNight> nights = new ArrayList<>();
            for (int day = 0; day < NIGHTS; day++) {
                List<Integer> group = day < INFUSION_DAY + 21 ? severe : mild;
                StoredNight night = pool.night(group.get(day % group.size()), "dev-1", PATIENT, FIRST, day);
                if (INVALID_DAYS.contains(day)) {
                    night = withLostSamples(night);
                }
                nights.add(night);
            }
            store.commitAll(nights);
            store.addTherapy(List.of(
                    event(5, TherapyKind.ORAL_IRON_START, "ferrous sulfate", 65, "mg"),
                    event(35, TherapyKind.ORAL_IRON_STOP, "ferrous sulfate", Double.NaN, ""),
                    event(40, TherapyKind.FERRITIN, "", 32, "ug/L"),
                    event(40, TherapyKind.TSAT, "", 14, "%"),
                    event(INFUSION_DAY, TherapyKind.IV_IRON, "ferric carboxymaltose", 1000, "mg"),
                    event(INFUSION_DAY + 10, TherapyKind.FERRITIN, "", 410, "ug/L"),
                    event(INFUSION_DAY + 70, TherapyKind.FERRITIN, "", 190, "ug/L"),
                    event(110, TherapyKind.MEDICATION, "pramipexole stop", Double.NaN, "")));
        }
        return url;
    }

    /** The night with a third of its samples lost, which makes it invalid. */
    private static StoredNight withLostSamples(StoredNight night) {
        NightSummary s = night.summary();
        SignalQuality signal = new SignalQuality(true, 2, s.signal().samples(), s.signal().samples() / 2, 40, 0, 0,
                s.signal().recordedHours());
        NightSummary summary = NightSummary.of(s.statistics(), s.inBed(), s.minValidHoursInBed(), 0.05, signal);
        return new StoredNight(night.deviceId(), night.deviceNightId(), night.patientId(), night.eveningDate(), night.clock(),
                summary, night.movements());
    }

    private static TherapyEvent event(int day, TherapyKind kind, String detail, double value, String unit) {
        return new TherapyEvent(PATIENT, FIRST.plusDays(day), kind, detail,
                Double.isNaN(value) ? OptionalDouble.empty() : OptionalDouble.of(value), unit);
    }
}
