package org.legwatch.host.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.legwatch.analysis.night.NightSummary;
import org.legwatch.analysis.response.PatientNight;
import org.legwatch.analysis.sim.ResponseScenario;
import org.legwatch.analysis.sim.SimulatedPatient;
import org.legwatch.host.store.Patient;
import org.legwatch.host.store.Store;
import org.legwatch.host.store.StoredNight;
import org.legwatch.host.store.Stores;
import org.legwatch.host.store.TherapyEvent;
import org.legwatch.host.store.TherapyKind;
import org.legwatch.host.store.bench.SyntheticStoreNights;

/**
 * A SQLite store holding one simulated patient whose PLM index falls after an IV iron infusion:
 * the response simulator's nightly PLMI and therapy record, each night filled with the simulated
 * night (real movements, scored) whose PLMI is closest, so that nights have movements to draw.
 */
final class SimulatedPatientStore {
    static final String PATIENT = "RLS-0417";
    /** A name with markup in it: the pages must show it as text. */
    static final String NAME = "Ann <b>O'Hara</b> & \"Co\"";
    static final String DEVICE = "band-7";
    /** A medication change with markup in it: the tables and the chart's label must show it as text. */
    static final String MEDICATION = "ropinirole <i>reduced</i> & held";

    private static String shared;

    private SimulatedPatientStore() {
    }

    /**
     * One store for every test class in this JVM: the dashboard only reads, and making the nights
     * takes seconds.
     */
    static synchronized String shared() throws Exception {
        if (shared == null) {
            Path folder = Files.createTempDirectory("legwatch-dashboard-test");
            folder.toFile().deleteOnExit();
            shared = create(folder);
            folder.resolve("dashboard.db").toFile().deleteOnExit();
        }
        return shared;
    }

    static String create(Path folder) throws Exception {
        String url = "sqlite:" + folder.resolve("dashboard.db");
        SimulatedPatient simulated = SimulatedPatient.generate(ResponseScenario.steadyFall(0.6, false), 11, 1);
        SyntheticStoreNights pool = new SyntheticStoreNights(16, 5);
        List<PatientNight> timeline = simulated.timeline().nights();
        java.time.LocalDate first = timeline.get(0).date();
        try (Store store = Stores.open(url)) {
            store.addPatient(new Patient(PATIENT, NAME));
            store.addPatient(new Patient("RLS-0001", ""));
            List<StoredNight> nights = new ArrayList<>();
            for (PatientNight night : timeline) {
                int index = (int) java.time.temporal.ChronoUnit.DAYS.between(first, night.date());
                StoredNight stored = pool.night(closest(pool, night), DEVICE, PATIENT, first, index);
                nights.add(night.valid() ? stored : invalid(stored));
            }
            store.commitAll(nights);
            List<TherapyEvent> therapy = new ArrayList<>();
            for (org.legwatch.analysis.response.TherapyEvent e : simulated.timeline().events()) {
                TherapyKind kind = TherapyKind.fromCode(e.kind().code()).orElseThrow();
                therapy.add(new TherapyEvent(PATIENT, e.date(), kind, e.detail(),
                        Double.isNaN(e.value()) ? OptionalDouble.empty() : OptionalDouble.of(e.value()), e.unit()));
            }
            therapy.add(new TherapyEvent(PATIENT, SimulatedPatient.INFUSION.plusDays(40), TherapyKind.MEDICATION, MEDICATION,
                    OptionalDouble.empty(), ""));
            store.addTherapy(therapy);
        }
        return url;
    }

    /** The night as it would be with less time in bed than the minimum: flagged invalid. */
    private static StoredNight invalid(StoredNight night) {
        NightSummary s = night.summary();
        NightSummary flagged = NightSummary.of(s.statistics(), s.inBed(), s.hoursInBed() + 1, 1.0, s.signal());
        return new StoredNight(night.deviceId(), night.deviceNightId(), night.patientId(), night.eveningDate(),
                night.clock(), flagged, night.movements());
    }

    /** The pool night whose PLMI is closest to the simulated night's. */
    private static int closest(SyntheticStoreNights pool, PatientNight target) {
        int best = -1;
        double distance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < pool.size(); i++) {
            StoredNight candidate = pool.night(i, DEVICE, PATIENT, target.date(), 0);
            double d = Math.abs(candidate.summary().statistics().plmIndex() - target.plmi());
            if (d < distance) {
                distance = d;
                best = i;
            }
        }
        return best;
    }
}
