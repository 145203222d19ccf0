package org.legwatch.host.store.sqlite;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The schema of the SQLite store and its migrations. {@code schema_version} holds the version the
 * file is at; opening a file applies the missing migrations in one transaction, and refuses a file
 * written by a newer legwatch. A change to the schema is a new entry at the end of
 * {@link #MIGRATIONS}, never an edit of an old one.
 */
final class SqliteSchema {
    /** Migration k (0-based) takes the file from version k to version k + 1. */
    private static final List<List<String>> MIGRATIONS = List.of(List.of(
            """
            CREATE TABLE patient (
              id   TEXT PRIMARY KEY,
              name TEXT NOT NULL
            ) WITHOUT ROWID""",
            """
            CREATE TABLE device_assignment (
              device_id  TEXT    NOT NULL,
              from_ms    INTEGER NOT NULL,
              patient_id TEXT    NOT NULL REFERENCES patient(id),
              until_ms   INTEGER,
              PRIMARY KEY (device_id, from_ms)
            ) WITHOUT ROWID""",
            """
            CREATE TABLE night (
              device_id           TEXT    NOT NULL,
              device_night_id     TEXT    NOT NULL,
              patient_id          TEXT    NOT NULL REFERENCES patient(id),
              evening_date        TEXT    NOT NULL,
              boot_id             TEXT    NOT NULL,
              monotonic_base_ns   INTEGER NOT NULL,
              wall_clock_start_ms INTEGER NOT NULL,
              wall_clock_synced   INTEGER NOT NULL,
              rules               TEXT    NOT NULL,
              plmi                REAL,
              plm_count           INTEGER NOT NULL,
              lm_count            INTEGER NOT NULL,
              clm_count           INTEGER NOT NULL,
              time_in_bed_h       REAL,
              periodicity_index   REAL,
              valid               INTEGER NOT NULL,
              lost_fraction       REAL,
              movement_count      INTEGER NOT NULL,
              summary_json        TEXT    NOT NULL,
              movements           BLOB    NOT NULL,
              digest              TEXT    NOT NULL,
              PRIMARY KEY (device_id, device_night_id)
            )""",
            // Covering: one patient's nights are read from this index alone, without the rows' large columns.
            """
            CREATE INDEX night_by_patient ON night (patient_id, evening_date, wall_clock_start_ms, device_id,
              device_night_id, wall_clock_synced, rules, plmi, plm_count, lm_count, clm_count, time_in_bed_h,
              periodicity_index, valid, lost_fraction, movement_count)""",
            """
            CREATE TABLE therapy_event (
              patient_id TEXT NOT NULL REFERENCES patient(id),
              date       TEXT NOT NULL,
              kind       TEXT NOT NULL,
              detail     TEXT NOT NULL,
              value      REAL,
              unit       TEXT NOT NULL,
              PRIMARY KEY (patient_id, date, kind, detail)
            ) WITHOUT ROWID"""));

    /** The version this legwatch writes. */
    static final int CURRENT_VERSION = MIGRATIONS.size();

    private SqliteSchema() {
    }

    /** Brings the file to {@link #CURRENT_VERSION}; runs inside the caller's write transaction. */
    static void migrate(Connection connection, String file) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
            int version = 0;
            try (ResultSet rows = statement.executeQuery("SELECT max(version) FROM schema_version")) {
                if (rows.next()) {
                    version = rows.getInt(1);
                }
            }
            if (version > CURRENT_VERSION) {
                throw new SQLException(file + " is at schema version " + version + ", written by a newer legwatch"
                        + " (this one knows versions up to " + CURRENT_VERSION + ")");
            }
            for (int v = version; v < CURRENT_VERSION; v++) {
                for (String sql : MIGRATIONS.get(v)) {
                    statement.execute(sql);
                }
            }
            if (version < CURRENT_VERSION) {
                statement.execute("DELETE FROM schema_version");
                statement.execute("INSERT INTO schema_version (version) VALUES (" + CURRENT_VERSION + ")");
            }
        }
    }
}
