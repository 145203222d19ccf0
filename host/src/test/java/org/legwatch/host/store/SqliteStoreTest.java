package org.legwatch.host.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
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
}
