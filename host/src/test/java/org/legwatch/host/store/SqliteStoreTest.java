package org.legwatch.host.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreTest extends StoreContractTest {
    @TempDir
    Path folder;

    @Override
    Store openStore() throws Exception {
        return Stores.open("sqlite:" + folder.resolve("sub/legwatch.db"));
    }

    @Override
    Store reopenStore() throws Exception {
        return openStore();
    }

    private String pragma(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("sub/legwatch.db"));
             Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    @Test
    void theFileIsInWalModeAtTheCurrentSchemaVersion() throws Exception {
        assertEquals("wal", pragma("PRAGMA journal_mode"));
        assertEquals("1", pragma("SELECT version FROM schema_version"));
    }

    @Test
    void aFileFromANewerLegwatchIsRefused() throws Exception {
        store.close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("sub/legwatch.db"));
             Statement s = c.createStatement()) {
            s.execute("UPDATE schema_version SET version = 99");
        }
        StoreException e = assertThrows(StoreException.class, this::openStore);
        assertTrue(e.getMessage().contains("newer legwatch"), e.getMessage());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("sub/legwatch.db"));
             Statement s = c.createStatement()) {
            s.execute("UPDATE schema_version SET version = 1");
        }
        store = openStore();
    }

    @Test
    void aDamagedNightIsReportedNotReturned() throws Exception {
        store.addPatient(new Patient("P1", ""));
        StoredNight night = NIGHTS.night(1, "dev-1", "P1", FIRST, 0);
        store.commit(night);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("sub/legwatch.db"));
             Statement s = c.createStatement()) {
            s.execute("UPDATE night SET summary_json = replace(summary_json, '\"plm_count\":', '\"plm_count\":1')");
        }
        StoreException e = assertThrows(StoreException.class, () -> store.night("dev-1", night.deviceNightId()));
        assertTrue(e.getMessage().contains("digest"), e.getMessage());
    }

    @Test
    void committedNightsReachTheFileItselfWhileTheStoreStaysOpen() throws Exception {
        store.addPatient(new Patient("P1", ""));
        List<StoredNight> nights = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            nights.add(NIGHTS.night(i, "dev-1", "P1", FIRST, i));
        }
        store.commitAll(nights);
        // The file alone, without its log, as a copy would see it once the log was copied in.
        Path copy = folder.resolve("copy.db");
        long deadline = System.nanoTime() + 20_000_000_000L;
        int inFile = -1;
        while (inFile != 40 && System.nanoTime() < deadline) {
            Files.copy(folder.resolve("sub/legwatch.db"), copy, StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(folder.resolve("copy.db-wal"));
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy);
                 Statement s = c.createStatement(); ResultSet rows = s.executeQuery("SELECT count(*) FROM night")) {
                rows.next();
                inFile = rows.getInt(1);
            } catch (SQLException e) {
                inFile = -1; // copied while a page was being written: try again
            }
            Thread.sleep(50);
        }
        assertEquals(40, inFile, "nights in the file without its log");
    }

    @Test
    void aFailedCopyOfTheLogLosesNothingAndIsReportedAtClose() throws Exception {
        store.addPatient(new Patient("P1", ""));
        store.commit(NIGHTS.night(1, "dev-1", "P1", FIRST, 0));
        Thread checkpointer = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("sqlite-checkpoint " + folder.resolve("sub/legwatch.db")))
                .findFirst().orElseThrow();
        checkpointer.interrupt();
        checkpointer.join(10_000);
        assertFalse(checkpointer.isAlive());
        for (int i = 1; i < 30; i++) {
            store.commit(NIGHTS.night(i, "dev-1", "P1", FIRST, i));
        }
        Store failing = store;
        store = null;
        StoreException e = assertThrows(StoreException.class, failing::close);
        assertTrue(e.getMessage().contains("write-ahead log") && e.getMessage().contains("nothing was lost"),
                e.getMessage());
        store = openStore();
        assertEquals(30, store.nights("P1").size());
    }
}
