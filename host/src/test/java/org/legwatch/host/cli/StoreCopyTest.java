package org.legwatch.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.legwatch.host.store.DeviceAssignment;
import org.legwatch.host.store.InfluxServer;
import org.legwatch.host.store.Patient;
import org.legwatch.host.store.Store;
import org.legwatch.host.store.StoredNight;
import org.legwatch.host.store.Stores;
import org.legwatch.host.store.TherapyEvent;
import org.legwatch.host.store.TherapyKind;
import org.legwatch.host.store.bench.SyntheticStoreNights;

/** {@code legwatch store copy} from SQLite to a real InfluxDB and back loses nothing. */
@ExtendWith(InfluxServer.class)
class StoreCopyTest {
    @TempDir
    Path temp;

    @Test
    void aSiteMovesToInfluxAndBackLosingNothing() throws Exception {
        String site = "sqlite:" + temp.resolve("site.db");
        String influx = InfluxServer.freshDatabaseUrl();
        String back = "sqlite:" + temp.resolve("back.db");
        SyntheticStoreNights nights = new SyntheticStoreNights(8, 7);
        List<Object> original;
        try (Store store = Stores.open(site)) {
            for (int p = 0; p < 3; p++) {
                String patient = "P" + p;
                store.addPatient(new Patient(patient, p == 0 ? "Anna" : ""));
                store.assignDevice(new DeviceAssignment("dev-" + p, patient, Instant.parse("2025-01-01T00:00:00Z"),
                        p == 2 ? Instant.parse("2025-06-01T00:00:00Z") : null));
                List<StoredNight> year = new ArrayList<>();
                for (int i = 0; i < 8 + p * 4; i++) {
                    year.add(nights.night(i + p, "dev-" + p, patient, LocalDate.of(2025, 1, 1), i * 3));
                }
                store.commitAll(year);
                store.addTherapy(List.of(
                        new TherapyEvent(patient, LocalDate.of(2025, 2, 1), TherapyKind.IV_IRON, "ferric carboxymaltose",
                                OptionalDouble.of(750), "mg"),
                        new TherapyEvent(patient, LocalDate.of(2025, 1, 15), TherapyKind.FERRITIN, "",
                                OptionalDouble.of(22.5), "ug/L"),
                        new TherapyEvent(patient, LocalDate.of(2025, 3, 1), TherapyKind.MEDICATION, "ropinirole stop",
                                OptionalDouble.empty(), "")));
            }
            original = StoreCommandsTest.contents(store);
        }

        CliRunner there = CliRunner.run("store", "copy", "--from", site, "--to", influx);
        assertEquals(0, there.exitCode(), there.err());
        assertTrue(there.out().contains("3 patients, 3 device assignments, 9 therapy events (9 new), 36 nights (36 new)"),
                there.out());
        CliRunner again = CliRunner.run("store", "copy", "--from", site, "--to", influx);
        assertTrue(again.out().contains("9 therapy events (0 new), 36 nights (0 new)"), again.out() + again.err());
        CliRunner home = CliRunner.run("store", "copy", "--from", influx, "--to", back);
        assertEquals(0, home.exitCode(), home.err());

        try (Store inInflux = Stores.open(influx); Store returned = Stores.open(back)) {
            assertEquals(original, StoreCommandsTest.contents(inInflux));
            assertEquals(original, StoreCommandsTest.contents(returned));
        }
        String exported = CliRunner.run("export", "nights", "--store", influx).out();
        assertEquals(CliRunner.run("export", "nights", "--store", site).out(), exported);
        assertEquals(37, exported.lines().count());
    }
}
