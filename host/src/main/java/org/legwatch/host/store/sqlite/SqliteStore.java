package org.legwatch.host.store.sqlite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.legwatch.analysis.night.NightSummary;
import org.legwatch.host.store.CommitOutcome;
import org.legwatch.host.store.DeviceAssignment;
import org.legwatch.host.store.NightClock;
import org.legwatch.host.store.NightEncoding;
import org.legwatch.host.store.NightRow;
import org.legwatch.host.store.Patient;
import org.legwatch.host.store.Store;
import org.legwatch.host.store.StoreConflictException;
import org.legwatch.host.store.StoreException;
import org.legwatch.host.store.StoredNight;
import org.legwatch.host.store.TherapyEvent;
import org.legwatch.host.store.TherapyKind;
import org.sqlite.SQLiteConfig;

/**
 * The store in one SQLite file (schema: {@link SqliteSchema}, docs/storage.md). The file is in WAL
 * mode with {@code synchronous=FULL}: a write returns after its transaction is on disk, and readers
 * in other processes (an export while the receiver writes) see committed data only. Every write is
 * one {@code BEGIN IMMEDIATE} transaction; a failure rolls it back whole.
 */
public final class SqliteStore implements Store {
    private static final String NIGHT_ROW_COLUMNS = "patient_id, evening_date, device_id, device_night_id, "
            + "wall_clock_start_ms, wall_clock_synced, rules, plmi, plm_count, lm_count, clm_count, time_in_bed_h, "
            + "periodicity_index, valid, lost_fraction, movement_count";
    private static final String NIGHT_FULL_COLUMNS = "device_id, device_night_id, patient_id, evening_date, boot_id, "
            + "monotonic_base_ns, wall_clock_start_ms, wall_clock_synced, summary_json, movements, digest";

    private final Path file;
    private final Connection connection;
    /** Statements of the nights' write path, prepared once (receiving a night is one write each). */
    private PreparedStatement insertNight;
    private PreparedStatement digestLookup;
    /** Copies the log into the file off the write path; null while opening, and once it failed. */
    private SqliteCheckpointer checkpointer;
    private SQLException checkpointFailure;

    private SqliteStore(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    private void prepareStatements() throws SQLException {
        insertNight = connection.prepareStatement("INSERT INTO night (device_id, device_night_id, patient_id, "
                + "evening_date, boot_id, monotonic_base_ns, wall_clock_start_ms, wall_clock_synced, rules, plmi, "
                + "plm_count, lm_count, clm_count, time_in_bed_h, periodicity_index, valid, lost_fraction, "
                + "movement_count, summary_json, movements, digest) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (device_id, device_night_id) DO NOTHING");
        digestLookup = connection.prepareStatement(
                "SELECT digest FROM night WHERE device_id = ? AND device_night_id = ?");
    }

    /** Opens (or creates) the store file and brings its schema up to date. */
    public static SqliteStore open(Path file) throws StoreException {
        return open(file, SqliteCheckpointer.RESTART_FRAMES);
    }

    /** As above, restarting the write-ahead log once it holds more than {@code restartLogFrames} pages. */
    static SqliteStore open(Path file, int restartLogFrames) throws StoreException {
        Path absolute = file.toAbsolutePath();
        try {
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
        } catch (IOException e) {
            throw new StoreException("cannot create the folder of " + absolute + ": " + e, e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(10_000);
        Connection connection;
        try {
            connection = config.createConnection("jdbc:sqlite:" + absolute);
        } catch (SQLException e) {
            throw new StoreException("cannot open " + absolute + " as an SQLite store: " + e.getMessage(), e);
        }
        SqliteStore store = new SqliteStore(absolute, connection);
        try {
            store.write("opening", () -> {
                SqliteSchema.migrate(connection, absolute.toString());
                return null;
            });
            store.read("preparing statements", () -> {
                store.prepareStatements();
                store.execute("PRAGMA wal_autocheckpoint=0");
                store.checkpointer = new SqliteCheckpointer(config.createConnection("jdbc:sqlite:" + absolute),
                        absolute.toString(), restartLogFrames);
                return null;
            });
        } catch (StoreException | RuntimeException e) {
            store.closeAfter(e);
            throw e;
        }
        return store;
    }

    @Override
    public String location() {
        return "sqlite:" + file;
    }

    // ---- patients

    @Override
    public boolean addPatient(Patient patient) throws StoreException {
        return write("adding patient " + patient.id(), () -> {
            Optional<Patient> stored = readPatient(patient.id());
            if (stored.isPresent()) {
                if (!stored.get().equals(patient)) {
                    throw StoreConflictException.patientDiffers(stored.get());
                }
                return false;
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO patient (id, name) VALUES (?, ?)")) {
                insert.setString(1, patient.id());
                insert.setString(2, patient.name());
                insert.executeUpdate();
            }
            return true;
        });
    }

    @Override
    public List<Patient> patients() throws StoreException {
        return read("listing patients", () -> {
            List<Patient> patients = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT id, name FROM patient ORDER BY id")) {
                while (rows.next()) {
                    patients.add(new Patient(rows.getString(1), rows.getString(2)));
                }
            }
            return patients;
        });
    }

    @Override
    public Optional<Patient> patient(String patientId) throws StoreException {
        return read("reading patient " + patientId, () -> readPatient(patientId));
    }

    private Optional<Patient> readPatient(String patientId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT id, name FROM patient WHERE id = ?")) {
            query.setString(1, patientId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(new Patient(rows.getString(1), rows.getString(2))) : Optional.empty();
            }
        }
    }

    /** Checks that every patient named exists; returns them, each once, in order. */
    private Set<String> requirePatients(List<String> named, String what) throws SQLException, StoreConflictException {
        Set<String> patientIds = new LinkedHashSet<>(named);
        for (String id : patientIds) {
            if (readPatient(id).isEmpty()) {
                throw StoreConflictException.unknownPatient(what, id);
            }
        }
        return patientIds;
    }

    // ---- devices

    @Override
    public boolean assignDevice(DeviceAssignment assignment) throws StoreException {
        return write("assigning device " + assignment.deviceId(), () -> {
            requirePatients(List.of(assignment.patientId()), "assigning device " + assignment.deviceId());
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT patient_id, until_ms FROM device_assignment WHERE device_id = ? AND from_ms = ?")) {
                query.setString(1, assignment.deviceId());
                query.setLong(2, assignment.from().toEpochMilli());
                try (ResultSet rows = query.executeQuery()) {
                    if (rows.next()) {
                        DeviceAssignment stored = new DeviceAssignment(assignment.deviceId(), rows.getString(1),
                                assignment.from(), instantOrNull(rows, 2));
                        if (stored.equals(assignment)) {
                            return false;
                        }
                        if (!stored.patientId().equals(assignment.patientId())) {
                            throw new StoreConflictException("device " + assignment.deviceId() + " is already assigned to "
                                    + stored.patientId() + " from " + assignment.from());
                        }
                    }
                }
            }
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO device_assignment "
                    + "(device_id, from_ms, patient_id, until_ms) VALUES (?, ?, ?, ?) "
                    + "ON CONFLICT (device_id, from_ms) DO UPDATE SET until_ms = excluded.until_ms")) {
                upsert.setString(1, assignment.deviceId());
                upsert.setLong(2, assignment.from().toEpochMilli());
                upsert.setString(3, assignment.patientId());
                if (assignment.until() == null) {
                    upsert.setNull(4, Types.INTEGER);
                } else {
                    upsert.setLong(4, assignment.until().toEpochMilli());
                }
                upsert.executeUpdate();
            }
            return true;
        });
    }

    @Override
    public List<DeviceAssignment> assignments() throws StoreException {
        return read("listing device assignments", () -> {
            List<DeviceAssignment> assignments = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT device_id, patient_id, from_ms, until_ms "
                         + "FROM device_assignment ORDER BY device_id, from_ms")) {
                while (rows.next()) {
                    assignments.add(new DeviceAssignment(rows.getString(1), rows.getString(2),
                            Instant.ofEpochMilli(rows.getLong(3)), instantOrNull(rows, 4)));
                }
            }
            return assignments;
        });
    }

    private static Instant instantOrNull(ResultSet rows, int column) throws SQLException {
        long ms = rows.getLong(column);
        return rows.wasNull() ? null : Instant.ofEpochMilli(ms);
    }

    // ---- nights

    @Override
    public boolean contains(String deviceId, String deviceNightId) throws StoreException {
        return read("looking up night " + deviceNightId, () -> storedDigest(deviceId, deviceNightId) != null);
    }

    private String storedDigest(String deviceId, String deviceNightId) throws SQLException {
        digestLookup.setString(1, deviceId);
        digestLookup.setString(2, deviceNightId);
        try (ResultSet rows = digestLookup.executeQuery()) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    @Override
    public CommitOutcome commit(StoredNight night) throws StoreException {
        return commitAll(List.of(night)) == 1 ? CommitOutcome.STORED : CommitOutcome.ALREADY_STORED;
    }

    @Override
    public int commitAll(List<StoredNight> nights) throws StoreException {
        if (nights.isEmpty()) {
            return 0;
        }
        return write("storing " + nights.size() + " night(s)", () -> {
            requirePatients(nights.stream().map(StoredNight::patientId).toList(), "storing night "
                    + nights.get(0).deviceNightId());
            int[] stored = {0};
            NightEncoding.<SQLException>encodeInOrder(nights, e -> {
                if (insertNight(e)) {
                    stored[0]++;
                }
            });
            return stored[0];
        });
    }

    /**
     * Inserts a night unless its key is taken: true when inserted, false when the same night was
     * there (stored before, or earlier in this write).
     */
    private boolean insertNight(NightEncoding.Encoded e) throws SQLException, StoreConflictException {
        StoredNight night = e.night();
        bindNight(insertNight, night, e.summaryText(), e.movementBytes(), e.digest());
        if (insertNight.executeUpdate() == 1) {
            return true;
        }
        String earlier = storedDigest(night.deviceId(), night.deviceNightId());
        if (earlier == null) {
            throw new SQLException("night " + night.deviceNightId() + " was neither inserted nor found");
        }
        if (!earlier.equals(e.digest())) {
            throw StoreConflictException.nightDiffers(night);
        }
        return false;
    }

    private static void bindNight(PreparedStatement insert, StoredNight night, String summaryText, byte[] movements,
                                  String digest) throws SQLException {
        NightRow row = night.row();
        NightClock clock = night.clock();
        int i = 1;
        insert.setString(i++, night.deviceId());
        insert.setString(i++, night.deviceNightId());
        insert.setString(i++, night.patientId());
        insert.setString(i++, night.eveningDate().toString());
        insert.setString(i++, clock.bootId());
        insert.setLong(i++, clock.monotonicBaseNs());
        insert.setLong(i++, clock.wallClockStartMs());
        insert.setInt(i++, clock.wallClockSynced() ? 1 : 0);
        insert.setString(i++, row.rules());
        setReal(insert, i++, row.plmi());
        insert.setInt(i++, row.plmCount());
        insert.setInt(i++, row.lmCount());
        insert.setInt(i++, row.clmCount());
        setReal(insert, i++, row.timeInBedH());
        setReal(insert, i++, row.periodicityIndex());
        insert.setInt(i++, row.valid() ? 1 : 0);
        setReal(insert, i++, row.lostFraction());
        insert.setInt(i++, row.movementCount());
        insert.setString(i++, summaryText);
        insert.setBytes(i++, movements);
        insert.setString(i, digest);
    }

    /** SQLite has no NaN: an undefined number is NULL. */
    private static void setReal(PreparedStatement statement, int index, double value) throws SQLException {
        if (Double.isNaN(value)) {
            statement.setNull(index, Types.REAL);
        } else {
            statement.setDouble(index, value);
        }
    }

    private static double real(ResultSet rows, int column) throws SQLException {
        double value = rows.getDouble(column);
        return rows.wasNull() ? Double.NaN : value;
    }

    @Override
    public List<NightRow> nights(String patientId) throws StoreException {
        return read("listing nights of " + patientId, () -> {
            List<NightRow> nights = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT " + NIGHT_ROW_COLUMNS
                    + " FROM night WHERE patient_id = ? ORDER BY evening_date, wall_clock_start_ms")) {
                query.setString(1, patientId);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        nights.add(new NightRow(rows.getString(1), LocalDate.parse(rows.getString(2)), rows.getString(3),
                                rows.getString(4), rows.getLong(5), rows.getInt(6) != 0, rows.getString(7), real(rows, 8),
                                rows.getInt(9), rows.getInt(10), rows.getInt(11), real(rows, 12), real(rows, 13),
                                rows.getInt(14) != 0, real(rows, 15), rows.getInt(16)));
                    }
                }
            }
            nights.sort(NightRow.ORDER);
            return nights;
        });
    }

    @Override
    public Optional<StoredNight> night(String deviceId, String deviceNightId) throws StoreException {
        return read("reading night " + deviceNightId, () -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT " + NIGHT_FULL_COLUMNS
                    + " FROM night WHERE device_id = ? AND device_night_id = ?")) {
                query.setString(1, deviceId);
                query.setString(2, deviceNightId);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() ? Optional.of(fullNight(rows)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void forEachNight(String patientId, NightConsumer consumer) throws StoreException {
        read("reading nights of " + patientId, () -> {
            List<StoredNight> page = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT " + NIGHT_FULL_COLUMNS
                    + " FROM night WHERE patient_id = ? ORDER BY evening_date, wall_clock_start_ms, device_id, device_night_id")) {
                query.setString(1, patientId);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        page.add(fullNight(rows));
                        if (page.size() == 64) {
                            deliver(page, consumer);
                        }
                    }
                }
            }
            deliver(page, consumer);
            return null;
        });
    }

    /** Hands over a page in the listing order (SQLite sorts text by bytes, Java by UTF-16 units). */
    private static void deliver(List<StoredNight> page, NightConsumer consumer) throws StoreException {
        page.sort(StoredNight.ORDER);
        for (StoredNight night : page) {
            consumer.accept(night);
        }
        page.clear();
    }

    private StoredNight fullNight(ResultSet rows) throws SQLException, StoreException {
        String deviceId = rows.getString(1);
        String nightId = rows.getString(2);
        String what = "night " + nightId + " of device " + deviceId + " in " + file;
        NightSummary summary = NightEncoding.summary(rows.getString(9), what);
        byte[] movementBytes = rows.getBytes(10);
        StoredNight night = new StoredNight(deviceId, nightId, rows.getString(3), LocalDate.parse(rows.getString(4)),
                new NightClock(rows.getString(5), rows.getLong(6), rows.getLong(7), rows.getInt(8) != 0),
                summary, NightEncoding.movements(movementBytes, what));
        if (!NightEncoding.digest(night).equals(rows.getString(11))) {
            throw new StoreException(what + " does not match its digest: the file is damaged");
        }
        return night;
    }

    // ---- therapy

    @Override
    public int addTherapy(List<TherapyEvent> events) throws StoreException {
        if (events.isEmpty()) {
            return 0;
        }
        return write("adding " + events.size() + " therapy event(s)", () -> {
            Set<String> patientIds = requirePatients(events.stream().map(TherapyEvent::patientId).toList(),
                    "adding therapy events");
            List<TherapyEvent> stored = new ArrayList<>();
            for (String id : patientIds) {
                stored.addAll(readTherapy(id));
            }
            List<TherapyEvent> fresh = TherapyEvent.newEvents(stored, events);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO therapy_event "
                    + "(patient_id, date, kind, detail, value, unit) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (TherapyEvent event : fresh) {
                    insert.setString(1, event.patientId());
                    insert.setString(2, event.date().toString());
                    insert.setString(3, event.kind().code());
                    insert.setString(4, event.detail());
                    if (event.value().isPresent()) {
                        insert.setDouble(5, event.value().getAsDouble());
                    } else {
                        insert.setNull(5, Types.REAL);
                    }
                    insert.setString(6, event.unit());
                    insert.executeUpdate();
                }
            }
            return fresh.size();
        });
    }

    @Override
    public List<TherapyEvent> therapy(String patientId) throws StoreException {
        return read("reading the therapy record of " + patientId, () -> readTherapy(patientId));
    }

    private List<TherapyEvent> readTherapy(String patientId) throws SQLException, StoreException {
        List<TherapyEvent> events = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT date, kind, detail, value, unit FROM therapy_event WHERE patient_id = ?")) {
            query.setString(1, patientId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String code = rows.getString(2);
                    TherapyKind kind = TherapyKind.fromCode(code).orElseThrow(() -> new StoreException(
                            file + ": therapy event of " + patientId + " has an unknown kind '" + code + "'"));
                    double value = rows.getDouble(4);
                    OptionalDouble optional = rows.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(value);
                    events.add(new TherapyEvent(patientId, LocalDate.parse(rows.getString(1)), kind, rows.getString(3),
                            optional, rows.getString(5)));
                }
            }
        }
        events.sort(TherapyEvent.ORDER);
        return events;
    }

    // ---- transactions

    @FunctionalInterface
    private interface SqlWork<T> {
        T run() throws SQLException, StoreException;
    }

    private synchronized <T> T write(String what, SqlWork<T> work) throws StoreException {
        try {
            tendCheckpoints();
            execute("BEGIN IMMEDIATE");
        } catch (SQLException e) {
            throw failure(what, e);
        }
        try {
            T result = work.run();
            execute("COMMIT");
            if (checkpointer != null) {
                checkpointer.committed();
            }
            return result;
        } catch (SQLException e) {
            rollback(e);
            throw failure(what, e);
        } catch (StoreException | RuntimeException e) {
            rollback(e);
            throw e;
        }
    }

    /**
     * Before a write: restarts a log grown large (waiting for the copy under way), or, when the
     * checkpointer failed, lets SQLite copy in this connection again as it does by default.
     */
    private void tendCheckpoints() throws SQLException {
        if (checkpointer == null) {
            return;
        }
        if (checkpointer.failed()) {
            try {
                checkpointer.close();
            } catch (SQLException e) {
                checkpointFailure = e;
            }
            checkpointer = null;
            execute("PRAGMA wal_autocheckpoint=1000");
        } else {
            checkpointer.restartLargeLog(connection);
        }
    }

    private synchronized <T> T read(String what, SqlWork<T> work) throws StoreException {
        try {
            return work.run();
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private void rollback(Exception cause) {
        try {
            execute("ROLLBACK");
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private StoreException failure(String what, SQLException e) {
        return new StoreException(what + " failed in " + file + ": " + e.getMessage(), e);
    }

    private void closeAfter(Exception cause) {
        try {
            closeConnections();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public synchronized void close() throws StoreException {
        try {
            closeConnections();
        } catch (SQLException e) {
            throw new StoreException("closing " + file + " failed: " + e.getMessage(), e);
        }
    }

    /** Closes the checkpointer, then the writer (which copies what is left in the log); throws the first failure. */
    private void closeConnections() throws SQLException {
        SQLException first = checkpointFailure;
        if (checkpointer != null) {
            try {
                checkpointer.close();
            } catch (SQLException e) {
                first = e;
            }
            checkpointer = null;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            if (first == null) {
                first = e;
            } else {
                first.addSuppressed(e);
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
