package org.legwatch.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.legwatch.host.store.Patient;
import org.legwatch.host.store.Store;
import org.legwatch.host.store.StoredNight;
import org.legwatch.host.store.Stores;
import org.legwatch.host.store.TherapyEvent;

/** The store commands on an SQLite store: patients, devices, the therapy record, night import, export. */
class StoreCommandsTest {
    @TempDir
    Path temp;

    private String store() {
        return "sqlite:" + temp.resolve("legwatch.db");
    }

    private CliRunner ok(String... args) {
        CliRunner result = CliRunner.run(args);
        assertEquals(0, result.exitCode(), result.err());
        return result;
    }

    private Path file(String name, String... lines) throws Exception {
        return Files.writeString(temp.resolve(name), String.join("\n", lines) + "\n");
    }

    @Test
    void patientsAndDevicesAreAddedListedAndRepeatable() {
        ok("patient", "add", "P1", "--name", "Anna", "--store", store());
        assertTrue(ok("patient", "add", "P1", "--name", "Anna", "--store", store()).out().contains("already stored"));
        ok("patient", "add", "P2", "--store", store());
        assertEquals("patient,name,nights,valid_nights,first_night,last_night\nP1,Anna,0,0,,\nP2,,0,0,,\n",
                ok("patient", "list", "--store", store()).out());
        CliRunner conflict = CliRunner.run("patient", "add", "P1", "--name", "Other", "--store", store());
        assertEquals(1, conflict.exitCode());
        assertTrue(conflict.err().startsWith("legwatch patient add: patient P1 is already stored"), conflict.err());

        ok("device", "assign", "--device", "dev-1", "--patient", "P1", "--from", "2025-01-01T00:00:00Z", "--store", store());
        ok("device", "assign", "--device", "dev-1", "--patient", "P2", "--from", "2025-03-01T12:00:00Z",
                "--until", "2025-06-01T12:00:00Z", "--store", store());
        assertEquals("device,patient,from,until\ndev-1,P1,2025-01-01T00:00:00Z,\n"
                        + "dev-1,P2,2025-03-01T12:00:00Z,2025-06-01T12:00:00Z\n",
                ok("device", "list", "--store", store()).out());
        CliRunner unknown = CliRunner.run("device", "assign", "--device", "dev-2", "--patient", "P9", "--from",
                "2025-01-01", "--store", store());
        assertEquals(1, unknown.exitCode());
        assertTrue(unknown.err().contains("unknown patient P9"), unknown.err());
    }

    @Test
    void aTherapyImportNamesEveryBadRowAndWritesNothing() throws Exception {
        ok("patient", "add", "P1", "--store", store());
        Path good = file("therapy.csv", "patient,date,kind,detail,value,unit",
                "P1,2025-01-20,ferritin,,38,ng/mL",
                "P1,2025-02-03,iv_iron,ferric carboxymaltose,1000,mg");
        Path bad = file("bad.csv", "patient,date,kind,detail,value,unit",
                "P1,2025-01-20,ferritin,,40,ug/L",
                "P1,2025-02-30,tsat,,17,%",
                "P1,2099-01-01,tsat,,17,%",
                "P1,2025-02-04,iv_iron,ferric carboxymaltose,2500,mg",
                "P1,2025-02-05,oral_iron_start,ferrous sulfate,-65,mg",
                "P1,2025-03-01,vitamin,d,,",
                "P7,2025-03-01,ferritin,,50,ug/L",
                "P1,2025-03-02,ferritin,,50,pmol/L",
                "P1,2025-03-03,hemoglobin,,13,g/dL",
                "P1,2025-03-03,hemoglobin,,130,g/L",
                "P1,2025-03-04,iv_iron,ferric carboxymaltose,1500,mg",
                "P1,2025-03-04,iv_iron,iron sucrose,600,mg",
                "P1,2025-03-05,ferritin,,77,ug/L");
        ok("therapy", "import", good.toString(), "--store", store());

        CliRunner result = CliRunner.run("therapy", "import", bad.toString(), "--store", store());
        assertEquals(1, result.exitCode());
        String err = result.err();
        String b = bad.toString();
        for (String expected : List.of(
                b + ":2: field 'value': event P1 2025-01-20 ferritin is already recorded as 38 ug/L, not 40 ug/L",
                b + ":3: field 'date': '2025-02-30' is not a date",
                b + ":4: field 'date': 2099-01-01 is in the future",
                b + ":5: field 'value': implausible iv_iron 2500 mg",
                b + ":6: field 'value': negative dose -65",
                b + ":7: field 'kind': unknown kind 'vitamin'",
                b + ":8: field 'patient': unknown patient P7",
                b + ":9: field 'unit': ferritin in 'pmol/L' cannot be converted",
                b + ":11: field 'kind': duplicate event P1 2025-03-03 hemoglobin (first on line 10)",
                b + ":13: field 'value': IV iron of P1 on 2025-03-04 adds up to 2100 mg",
                "nothing written: 10 problem(s)")) {
            assertTrue(err.contains(expected), "missing <" + expected + "> in\n" + err);
        }
        assertTrue(err.startsWith("legwatch therapy import: "), err);
        assertEquals(2, ok("export", "therapy", "--store", store()).out().lines().count() - 1,
                "the good line 14 was not written either");

        CliRunner dryRun = ok("therapy", "import", good.toString(), "--dry-run", "--store", store());
        assertTrue(dryRun.out().contains("would add 0 event(s), 2 already stored"), dryRun.out());
        assertTrue(ok("therapy", "import", good.toString(), "--store", store()).out().contains("0 added, 2 already stored"));
    }

    @Test
    void anExportedRecordImportsBackToTheSameRecord() throws Exception {
        ok("patient", "add", "P1", "--store", store());
        ok("patient", "add", "P2", "--store", store());
        ok("therapy", "add", "--patient", "P1", "--date", "2025-01-20", "--kind", "ferritin", "--value", "38.25",
                "--unit", "ng/mL", "--store", store());
        ok("therapy", "add", "--patient", "P1", "--date", "2025-01-20", "--kind", "hemoglobin", "--value", "121",
                "--unit", "g/L", "--store", store());
        ok("therapy", "add", "--patient", "P2", "--date", "2025-02-03", "--kind", "iv_iron", "--detail",
                "ferric carboxymaltose", "--value", "1", "--unit", "g", "--store", store());
        ok("therapy", "add", "--patient", "P2", "--date", "2025-04-01", "--kind", "oral_iron_stop", "--detail",
                "ferrous sulfate", "--store", store());
        ok("therapy", "add", "--patient", "P2", "--date", "2025-04-02", "--kind", "medication", "--detail",
                "pramipexole 0.25 mg stop", "--store", store());
        CliRunner badAdd = CliRunner.run("therapy", "add", "--patient", "P2", "--date", "2025-04-02", "--kind", "tsat",
                "--value", "120", "--unit", "%", "--store", store());
        assertEquals(1, badAdd.exitCode());
        assertTrue(badAdd.err().contains("--value: implausible tsat 120 %"), badAdd.err());

        Path exported = temp.resolve("out/therapy.csv");
        ok("export", "therapy", "--out", exported.toString(), "--store", store());
        assertEquals(List.of("patient,date,kind,detail,value,unit",
                "P1,2025-01-20,ferritin,,38.25,ug/L",
                "P1,2025-01-20,hemoglobin,,12.1,g/dL",
                "P2,2025-02-03,iv_iron,ferric carboxymaltose,1000,mg",
                "P2,2025-04-01,oral_iron_stop,ferrous sulfate,,",
                "P2,2025-04-02,medication,pramipexole 0.25 mg stop,,"), Files.readAllLines(exported));

        String other = "sqlite:" + temp.resolve("other.db");
        ok("patient", "add", "P1", "--store", other);
        ok("patient", "add", "P2", "--store", other);
        ok("therapy", "import", exported.toString(), "--store", other);
        try (Store a = Stores.open(store()); Store b = Stores.open(other)) {
            for (String p : List.of("P1", "P2")) {
                List<TherapyEvent> events = a.therapy(p);
                assertEquals(events, b.therapy(p));
            }
        }
    }

    @Test
    void aNightScoredByDetectIsImportedOnceAndExported() throws Exception {
        Path night = temp.resolve("night");
        ok("generate-night", "--out", night.toString(), "--hours", "4.5", "--rate", "25", "--profile", "severe",
                "--seed", "5", "--legs", "1");
        Path lms = temp.resolve("lms.csv");
        Path summary = temp.resolve("night.json");
        ok("detect", "--right", night.resolve("right.csv").toString(), "--detail", "--lms-out", lms.toString(),
                "--summary-out", summary.toString());
        ok("patient", "add", "P1", "--store", store());
        String[] importArgs = {"night", "import", "--patient", "P1", "--date", "2025-02-10", "--summary",
                summary.toString(), "--lms", lms.toString(), "--start", "2025-02-10T22:40:00Z", "--store", store()};
        assertTrue(ok(importArgs).out().startsWith("stored night P1/2025-02-10 of P1"));
        assertTrue(ok(importArgs).out().startsWith("already stored"));

        String nights = ok("export", "nights", "--patient", "P1", "--store", store()).out();
        List<String> lines = nights.lines().toList();
        assertEquals(2, lines.size(), nights);
        assertTrue(lines.get(0).startsWith("patient,date,plmi,plm_count,time_in_bed_h,periodicity_index,valid,"));
        String[] row = lines.get(1).split(",", -1);
        assertEquals("P1", row[0]);
        assertEquals("2025-02-10", row[1]);
        long plms = Files.readAllLines(lms).stream().skip(1).filter(l -> l.split(",")[4].equals("1")).count();
        assertEquals(Long.toString(plms), row[3]);
        assertEquals("2025-02-10T22:40:00Z", row[12]);
        try (Store opened = Stores.open(store())) {
            StoredNight stored = opened.night("import", "P1/2025-02-10").orElseThrow();
            assertEquals(Files.readAllLines(lms).size() - 1, stored.movements().size());
        }

        Path mismatched = file("other.csv", "onset_s,offset_s,leg,clm,plm,joined,series,imi_s,respiratory,arousal,plm_excl_resp",
                "10.000,11.000,R,1,0,1,0,,0,0,0");
        CliRunner wrong = CliRunner.run("night", "import", "--patient", "P1", "--date", "2025-02-11", "--summary",
                summary.toString(), "--lms", mismatched.toString(), "--store", store());
        assertEquals(1, wrong.exitCode());
        assertTrue(wrong.err().contains("not of the same night"), wrong.err());
    }

    @Test
    void aBadStoreUrlIsNamed() {
        CliRunner result = CliRunner.run("patient", "list", "--store", "postgres://x");
        assertEquals(1, result.exitCode());
        assertTrue(result.err().contains("not a store URL"), result.err());
        CliRunner secret = CliRunner.run("patient", "list", "--store", "influx:http://me:pw@localhost:8086/db");
        assertEquals(1, secret.exitCode());
        assertTrue(secret.err().contains("LEGWATCH_INFLUX_PASSWORD"), secret.err());
    }

    /** Everything a store holds, to compare two stores. */
    static List<Object> contents(Store store) throws Exception {
        List<Object> all = new ArrayList<>();
        all.add(store.patients());
        all.add(store.assignments());
        for (Patient patient : store.patients()) {
            all.add(store.therapy(patient.id()));
            all.add(store.nights(patient.id()));
            List<StoredNight> nights = new ArrayList<>();
            store.forEachNight(patient.id(), nights::add);
            all.add(nights);
        }
        return all;
    }
}
