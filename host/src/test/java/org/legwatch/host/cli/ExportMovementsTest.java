package org.legwatch.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.legwatch.analysis.scoring.ScoredMovement;
import org.legwatch.host.store.Patient;
import org.legwatch.host.store.Store;
import org.legwatch.host.store.StoredNight;
import org.legwatch.host.store.Stores;
import org.legwatch.host.store.bench.SyntheticStoreNights;

/** {@code legwatch export movements} and the columns of {@code legwatch export nights}: tidy, one row per thing. */
class ExportMovementsTest {
    private static final LocalDate FIRST = LocalDate.of(2026, 1, 10);

    @TempDir
    Path temp;

    private String store() {
        return "sqlite:" + temp.resolve("legwatch.db");
    }

    private List<StoredNight> storeNights() throws Exception {
        SyntheticStoreNights pool = new SyntheticStoreNights(3, 5);
        List<StoredNight> nights = List.of(pool.night(0, "pi-1", "P1", FIRST, 0), pool.night(1, "pi-1", "P1", FIRST, 1),
                pool.night(2, "pi-2", "P2", FIRST, 0));
        try (Store s = Stores.open(store())) {
            s.addPatient(new Patient("P1", ""));
            s.addPatient(new Patient("P2", ""));
            s.commitAll(nights);
        }
        return nights;
    }

    private static String seconds(long us) {
        return String.format(Locale.ROOT, "%.3f", us / 1e6);
    }

    @Test
    void oneRowPerMovementWithItsNightAndScoring() throws Exception {
        List<StoredNight> nights = storeNights().subList(0, 2);
        Path out = temp.resolve("movements.csv");
        CliRunner run = CliRunner.run("export", "movements", "--patient", "P1", "--out", out.toString(), "--store", store());
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals("patient,date,device,night_id,movement,onset_utc,onset_s,offset_s,leg,clm,plm,joined,series,imi_s,"
                + "respiratory,arousal,plm_excl_resp,duration_s", lines.get(0));
        List<String> expected = new ArrayList<>();
        for (StoredNight night : nights) {
            int number = 0;
            for (ScoredMovement m : night.movements()) {
                expected.add(String.join(",", "P1", night.eveningDate().toString(), "pi-1", night.deviceNightId(),
                        Integer.toString(++number),
                        Instant.ofEpochMilli(night.clock().wallClockStartMs() + m.onsetUs() / 1000).toString(),
                        seconds(m.onsetUs()), seconds(m.offsetUs()), String.valueOf(m.leg().code()), m.clm() ? "1" : "0",
                        m.plm() ? "1" : "0", Integer.toString(m.joinedCount()), Integer.toString(m.series()),
                        m.imiUs() < 0 ? "" : seconds(m.imiUs()), m.respiratory() ? "1" : "0", m.arousal() ? "1" : "0",
                        m.plmExcludingRespiratory() ? "1" : "0", seconds(m.offsetUs() - m.onsetUs())));
            }
        }
        assertTrue(expected.size() > 100, "nights with movements: " + expected.size());
        assertEquals(expected, lines.subList(1, lines.size()));
        assertTrue(lines.stream().anyMatch(l -> l.contains(",B,")), "bilateral movements are covered");
        long plms = nights.stream().mapToLong(n -> n.summary().statistics().plm().total()).sum();
        assertEquals(plms, lines.stream().skip(1).filter(l -> l.split(",", -1)[10].equals("1")).count());
        assertEquals(expected.size() + " movement(s) of 1 patient(s) -> " + out + "\n", run.out());
    }

    @Test
    void everyPatientAndTheNightsCsvNamesItsRules() throws Exception {
        List<StoredNight> nights = storeNights();
        CliRunner all = CliRunner.run("export", "movements", "--store", store());
        assertEquals(0, all.exitCode(), all.err());
        assertEquals(nights.stream().mapToInt(n -> n.movements().size()).sum() + 1, all.out().lines().count());
        assertTrue(all.out().lines().anyMatch(l -> l.startsWith("P2,")));

        CliRunner csv = CliRunner.run("export", "nights", "--store", store());
        assertEquals(0, csv.exitCode(), csv.err());
        List<String> rows = csv.out().lines().toList();
        assertTrue(rows.get(0).endsWith(",start_utc,clock_synced,rules"), rows.get(0));
        assertEquals(4, rows.size());
        assertTrue(rows.stream().skip(1).allMatch(r -> r.endsWith(",wasm2016")), rows.toString());
    }

    @Test
    void anUnknownPatientIsAnErrorAndNothingIsWritten() throws Exception {
        storeNights();
        Path out = temp.resolve("m.csv");
        CliRunner run = CliRunner.run("export", "movements", "--patient", "P9", "--out", out.toString(), "--store", store());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("unknown patient P9"), run.err());
        assertFalse(Files.exists(out));
        try (var files = Files.list(temp)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".part")));
        }
    }
}
