package org.legwatch.host.store.influx;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.influxdb.dto.Point;
import org.legwatch.analysis.night.NightSummary;
import org.legwatch.analysis.scoring.Leg;
import org.legwatch.analysis.scoring.ScoredMovement;
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

/**
 * The store in an InfluxDB database (schema and guarantees: docs/storage.md).
 *
 * <p>InfluxDB has no transactions. What stands in for them: every point has a deterministic series
 * and time, and every field is always written, so writing a point again overwrites it with itself;
 * and what readers see is gated by a point written last. A night is written as a {@code night_slot}
 * point (claiming its time range), then its {@code movement} points, then its {@code night} point;
 * readers list nights from {@code night} only and take movements from within a committed night's
 * slot. A write cut short leaves a slot and movements no reader looks at; sending the night again
 * reuses the slot and overwrites them. Therapy events carry the id of their import, and count only
 * once a {@code therapy_import} point with that id exists.
 */
public final class InfluxStore implements Store {
    static final String PATIENT = "patient";
    static final String ASSIGNMENT = "device_assignment";
    static final String SLOT = "night_slot";
    static final String NIGHT = "night";
    static final String MOVEMENT = "movement";
    static final String THERAPY = "therapy";
    static final String THERAPY_IMPORT = "therapy_import";

    private static final long US_PER_DAY = 86_400_000_000L;
    private static final long SLOT_GAP_US = 1_000_000L;
    /** Nights of one device per movement query when reading many. */
    private static final int NIGHTS_PER_QUERY = 32;

    private final InfluxConnection influx;

    private InfluxStore(InfluxConnection influx) {
        this.influx = influx;
    }

    /**
     * Connects and, when the server does not list the database, creates it (InfluxDB 1.x; on 2.x
     * and 3.x the database must exist, mapped to a bucket).
     */
    public static InfluxStore open(InfluxLocation location) throws StoreException {
        InfluxConnection connection = InfluxConnection.open(location);
        try {
            if (!connection.databases().contains(location.database())) {
                connection.command("creating database " + location.database(), "CREATE DATABASE \""
                        + location.database().replace("\"", "\\\"") + "\" WITH SHARD DURATION 52w");
            }
        } catch (StoreException | RuntimeException e) {
            connection.close();
            throw e;
        }
        return new InfluxStore(connection);
    }

    @Override
    public String location() {
        return influx.location().describe();
    }

    private List<InfluxRow> rows(String what, String influxQl, Object... nameValues) throws StoreException {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            params.put((String) nameValues[i], nameValues[i + 1]);
        }
        return influx.rows(what, influxQl, params);
    }

    private String from(String measurement) {
        return "FROM " + influx.from(measurement);
    }

    // ---- patients

    @Override
    public synchronized boolean addPatient(Patient patient) throws StoreException {
        Optional<Patient> stored = patient(patient.id());
        if (stored.isPresent()) {
            if (!stored.get().equals(patient)) {
                throw StoreConflictException.patientDiffers(stored.get());
            }
            return false;
        }
        influx.write("adding patient " + patient.id(), List.of(Point.measurement(PATIENT)
                .time(0L, TimeUnit.MICROSECONDS)
                .tag("patient", patient.id())
                .addField("name", patient.name())
                .build()));
        return true;
    }

    @Override
    public List<Patient> patients() throws StoreException {
        List<Patient> patients = new ArrayList<>();
        for (InfluxRow row : rows("listing patients", "SELECT \"name\", patient " + from(PATIENT))) {
            patients.add(new Patient(row.text("patient"), row.text("name")));
        }
        patients.sort(Comparator.comparing(Patient::id));
        return patients;
    }

    @Override
    public Optional<Patient> patient(String patientId) throws StoreException {
        List<InfluxRow> rows = rows("reading patient " + patientId,
                "SELECT \"name\" " + from(PATIENT) + " WHERE patient = $patient", "patient", patientId);
        return rows.isEmpty() ? Optional.empty() : Optional.of(new Patient(patientId, rows.get(0).text("name")));
    }

    /** Checks that every patient named exists; returns them, each once, in order. */
    private Set<String> requirePatients(List<String> named, String what) throws StoreException {
        Set<String> patientIds = new LinkedHashSet<>(named);
        for (String id : patientIds) {
            if (patient(id).isEmpty()) {
                throw StoreConflictException.unknownPatient(what, id);
            }
        }
        return patientIds;
    }

    // ---- devices

    @Override
    public synchronized boolean assignDevice(DeviceAssignment assignment) throws StoreException {
        requirePatients(List.of(assignment.patientId()), "assigning device " + assignment.deviceId());
        long fromUs = TimeUnit.MILLISECONDS.toMicros(assignment.from().toEpochMilli());
        List<InfluxRow> rows = rows("reading device " + assignment.deviceId(), "SELECT patient, until_ms "
                + from(ASSIGNMENT) + " WHERE device = $device AND time = " + fromUs + "u", "device", assignment.deviceId());
        if (!rows.isEmpty()) {
            DeviceAssignment stored = assignment(assignment.deviceId(), rows.get(0));
            if (stored.equals(assignment)) {
                return false;
            }
            if (!stored.patientId().equals(assignment.patientId())) {
                throw new StoreConflictException("device " + assignment.deviceId() + " is already assigned to "
                        + stored.patientId() + " from " + assignment.from());
            }
        }
        influx.write("assigning device " + assignment.deviceId(), List.of(Point.measurement(ASSIGNMENT)
                .time(fromUs, TimeUnit.MICROSECONDS)
                .tag("device", assignment.deviceId())
                .addField("patient", assignment.patientId())
                .addField("until_ms", assignment.until() == null ? -1L : assignment.until().toEpochMilli())
                .build()));
        return true;
    }

    private static DeviceAssignment assignment(String deviceId, InfluxRow row) throws StoreException {
        long until = row.integer("until_ms");
        return new DeviceAssignment(deviceId, row.text("patient"), Instant.ofEpochMilli(row.timeUs() / 1000),
                until < 0 ? null : Instant.ofEpochMilli(until));
    }

    @Override
    public List<DeviceAssignment> assignments() throws StoreException {
        List<DeviceAssignment> assignments = new ArrayList<>();
        for (InfluxRow row : rows("listing device assignments", "SELECT patient, until_ms, device " + from(ASSIGNMENT))) {
            assignments.add(assignment(row.text("device"), row));
        }
        assignments.sort(Comparator.comparing(DeviceAssignment::deviceId).thenComparing(DeviceAssignment::from));
        return assignments;
    }

    // ---- nights

    @Override
    public boolean contains(String deviceId, String deviceNightId) throws StoreException {
        return !rows("looking up night " + deviceNightId, "SELECT digest " + from(NIGHT)
                + " WHERE device = $device AND night_id = $night", "device", deviceId, "night", deviceNightId).isEmpty();
    }

    @Override
    public CommitOutcome commit(StoredNight night) throws StoreException {
        return commitAll(List.of(night)) == 1 ? CommitOutcome.STORED : CommitOutcome.ALREADY_STORED;
    }

    /** A time range a night holds in its (patient, device) series. */
    private record Slot(String nightId, String digest, long startUs, long extentUs) {
        long endUs() {
            return startUs + extentUs;
        }

        boolean overlaps(long fromUs, long toUs) {
            return startUs <= toUs && fromUs <= endUs();
        }
    }

    /** A night on its way in: its encodings and where its points go. */
    private record Pending(StoredNight night, String summaryText, String digest, long placementUs, boolean newSlot) {
    }

    @Override
    public synchronized int commitAll(List<StoredNight> nights) throws StoreException {
        if (nights.isEmpty()) {
            return 0;
        }
        requirePatients(nights.stream().map(StoredNight::patientId).toList(), "storing night "
                + nights.get(0).deviceNightId());

        Map<String, List<StoredNight>> bySeries = new LinkedHashMap<>();
        for (StoredNight night : nights) {
            bySeries.computeIfAbsent(night.patientId() + "\u0000" + night.deviceId(), k -> new ArrayList<>()).add(night);
        }
        List<Pending> pending = new ArrayList<>();
        for (List<StoredNight> series : bySeries.values()) {
            pending.addAll(place(series));
        }
        if (pending.isEmpty()) {
            return 0;
        }
        List<Point> slots = new ArrayList<>();
        List<Point> markers = new ArrayList<>();
        for (Pending p : pending) {
            if (p.newSlot()) {
                slots.add(slotPoint(p));
            }
            markers.add(nightPoint(p));
        }
        String what = "storing " + pending.size() + " night(s)";
        influx.write(what + " (slots)", slots);
        writeMovements(what + " (movements)", pending);
        influx.write(what, markers);
        return pending.size();
    }

    /**
     * Decides, for nights of one patient and device, which are new and where their points go.
     * Throws before anything is written when a night conflicts with a stored one.
     */
    private List<Pending> place(List<StoredNight> series) throws StoreException {
        String patientId = series.get(0).patientId();
        String deviceId = series.get(0).deviceId();
        Map<String, String> committed = committedDigests(deviceId, series);
        Map<String, String> batch = new HashMap<>();
        List<Pending> fresh = new ArrayList<>();
        for (NightEncoding.Encoded encoded : NightEncoding.encode(series)) {
            StoredNight night = encoded.night();
            String summaryText = encoded.summaryText();
            String digest = encoded.digest();
            String known = committed.containsKey(night.deviceNightId()) ? committed.get(night.deviceNightId())
                    : batch.putIfAbsent(night.deviceNightId(), digest);
            if (known == null) {
                fresh.add(new Pending(night, summaryText, digest, 0, false));
            } else if (!known.equals(digest)) {
                throw StoreConflictException.nightDiffers(night);
            }
        }
        if (fresh.isEmpty()) {
            return List.of();
        }
        fresh.sort(Comparator.comparingLong(p -> p.night().clock().wallClockStartMs()));
        long earliestUs = TimeUnit.MILLISECONDS.toMicros(fresh.get(0).night().clock().wallClockStartMs());
        List<Slot> occupied = new ArrayList<>();
        for (InfluxRow row : rows("reading the slots of device " + deviceId, "SELECT night_id, digest, extent_us "
                + from(SLOT) + " WHERE patient = $patient AND device = $device AND time >= "
                + (earliestUs - StoredNight.MAX_EXTENT_US) + "u", "patient", patientId, "device", deviceId)) {
            occupied.add(new Slot(row.text("night_id"), row.text("digest"), row.timeUs(), row.integer("extent_us")));
        }
        List<Pending> placed = new ArrayList<>();
        for (Pending p : fresh) {
            StoredNight night = p.night();
            Optional<Slot> earlier = occupied.stream()
                    .filter(s -> s.nightId().equals(night.deviceNightId()) && s.digest().equals(p.digest())).findFirst();
            if (earlier.isPresent()) {
                placed.add(new Pending(night, p.summaryText(), p.digest(), earlier.get().startUs(), false));
                continue;
            }
            long extent = night.extentUs();
            long start = TimeUnit.MILLISECONDS.toMicros(night.clock().wallClockStartMs());
            boolean moved;
            do {
                moved = false;
                for (Slot slot : occupied) {
                    if (slot.overlaps(start, start + extent)) {
                        start = slot.endUs() + SLOT_GAP_US;
                        moved = true;
                    }
                }
            } while (moved);
            occupied.add(new Slot(night.deviceNightId(), p.digest(), start, extent));
            placed.add(new Pending(night, p.summaryText(), p.digest(), start, true));
        }
        return placed;
    }

    /** The digests of the stored nights of a device among {@code nights}, by night id. */
    private Map<String, String> committedDigests(String deviceId, List<StoredNight> nights) throws StoreException {
        Map<String, String> digests = new HashMap<>();
        List<String> ids = nights.stream().map(StoredNight::deviceNightId).distinct().toList();
        for (int from = 0; from < ids.size(); from += 20) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 20));
            List<Object> params = new ArrayList<>(List.of("device", deviceId));
            StringBuilder condition = new StringBuilder();
            for (int i = 0; i < chunk.size(); i++) {
                condition.append(i == 0 ? "" : " OR ").append("night_id = $n").append(i);
                params.add("n" + i);
                params.add(chunk.get(i));
            }
            for (InfluxRow row : rows("looking up nights of device " + deviceId, "SELECT night_id, digest " + from(NIGHT)
                    + " WHERE device = $device AND (" + condition + ")", params.toArray())) {
                digests.put(row.text("night_id"), row.text("digest"));
            }
        }
        return digests;
    }

    private static Point slotPoint(Pending p) {
        return Point.measurement(SLOT)
                .time(p.placementUs(), TimeUnit.MICROSECONDS)
                .tag("patient", p.night().patientId())
                .tag("device", p.night().deviceId())
                .addField("night_id", p.night().deviceNightId())
                .addField("digest", p.digest())
                .addField("extent_us", p.night().extentUs())
                .build();
    }

    /**
     * Movements are most of the points, so their line protocol is written here rather than through
     * {@link Point} (a tenth of the time): the tag values are patient and device ids, which
     * {@link org.legwatch.host.store.Ids} keeps free of what line protocol would need escaped, and
     * R, L or B.
     */
    private void writeMovements(String what, List<Pending> pending) throws StoreException {
        influx.writeLines(what, send -> {
            StringBuilder lines = new StringBuilder(InfluxConnection.BATCH_POINTS * 200);
            int count = 0;
            for (Pending p : pending) {
                StoredNight night = p.night();
                for (ScoredMovement m : night.movements()) {
                    lines.append(MOVEMENT).append(",device=").append(night.deviceId()).append(",leg=")
                            .append(m.leg().code())
                            .append(",patient=").append(night.patientId())
                            .append(" duration_us=").append(m.durationUs())
                            .append("i,clm=").append(m.clm() ? 't' : 'f')
                            .append(",plm=").append(m.plm() ? 't' : 'f')
                            .append(",imi_us=").append(m.imiUs())
                            .append("i,scoring=").append(scoring(m)).append('i')
                            .append(' ').append(p.placementUs() + m.onsetUs()).append('\n');
                    if (++count == InfluxConnection.BATCH_POINTS) {
                        send.accept(lines.toString());
                        lines.setLength(0);
                        count = 0;
                    }
                }
            }
            if (count > 0) {
                send.accept(lines.toString());
            }
        });
    }

    private static Point nightPoint(Pending p) {
        StoredNight night = p.night();
        NightRow row = night.row();
        NightClock clock = night.clock();
        Point.Builder point = Point.measurement(NIGHT)
                .time(p.placementUs(), TimeUnit.MICROSECONDS)
                .tag("patient", night.patientId())
                .tag("device", night.deviceId())
                .addField("night_id", night.deviceNightId())
                .addField("evening_date", night.eveningDate().toString())
                .addField("boot_id", clock.bootId())
                .addField("monotonic_base_ns", Long.toString(clock.monotonicBaseNs()))
                .addField("wall_clock_start_ms", clock.wallClockStartMs())
                .addField("wall_clock_synced", clock.wallClockSynced())
                .addField("rules", row.rules())
                .addField("plm_count", (long) row.plmCount())
                .addField("lm_count", (long) row.lmCount())
                .addField("clm_count", (long) row.clmCount())
                .addField("valid", row.valid())
                .addField("movement_count", (long) row.movementCount())
                .addField("extent_us", night.extentUs())
                .addField("summary_json", p.summaryText())
                .addField("digest", p.digest());
        // InfluxDB cannot hold NaN: an undefined number is an absent field.
        addFinite(point, "plmi", row.plmi());
        addFinite(point, "time_in_bed_h", row.timeInBedH());
        addFinite(point, "periodicity_index", row.periodicityIndex());
        addFinite(point, "lost_fraction", row.lostFraction());
        return point.build();
    }

    private static void addFinite(Point.Builder point, String field, double value) {
        if (Double.isFinite(value)) {
            point.addField(field, value);
        }
    }

    @Override
    public List<NightRow> nights(String patientId) throws StoreException {
        List<NightRow> nights = new ArrayList<>();
        for (InfluxRow row : rows("listing nights of " + patientId, "SELECT night_id, evening_date, device, "
                + "wall_clock_start_ms, wall_clock_synced, rules, plmi, plm_count, lm_count, clm_count, time_in_bed_h, "
                + "periodicity_index, valid, lost_fraction, movement_count " + from(NIGHT) + " WHERE patient = $patient",
                "patient", patientId)) {
            nights.add(new NightRow(patientId, LocalDate.parse(row.text("evening_date")), row.text("device"),
                    row.text("night_id"), row.integer("wall_clock_start_ms"), row.bool("wall_clock_synced"),
                    row.text("rules"), row.number("plmi"), row.smallInteger("plm_count"), row.smallInteger("lm_count"),
                    row.smallInteger("clm_count"), row.number("time_in_bed_h"), row.number("periodicity_index"),
                    row.bool("valid"), row.number("lost_fraction"), row.smallInteger("movement_count")));
        }
        nights.sort(NightRow.ORDER);
        return nights;
    }

    /** A committed night's point, before its movements are read. */
    private record Marker(InfluxRow row, long placementUs, long extentUs) {
    }

    private static final String MARKER_FIELDS = "night_id, evening_date, boot_id, monotonic_base_ns, "
            + "wall_clock_start_ms, wall_clock_synced, extent_us, summary_json, digest, patient, device";

    @Override
    public Optional<StoredNight> night(String deviceId, String deviceNightId) throws StoreException {
        List<InfluxRow> rows = rows("reading night " + deviceNightId, "SELECT " + MARKER_FIELDS + " " + from(NIGHT)
                + " WHERE device = $device AND night_id = $night", "device", deviceId, "night", deviceNightId);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Marker marker = marker(rows.get(0));
        return Optional.of(withMovements(List.of(marker)).get(0));
    }

    @Override
    public void forEachNight(String patientId, NightConsumer consumer) throws StoreException {
        List<Marker> markers = new ArrayList<>();
        for (InfluxRow row : rows("reading nights of " + patientId, "SELECT " + MARKER_FIELDS + " " + from(NIGHT)
                + " WHERE patient = $patient", "patient", patientId)) {
            markers.add(marker(row));
        }
        Map<String, List<Marker>> byDevice = new LinkedHashMap<>();
        for (Marker marker : markers) {
            byDevice.computeIfAbsent(marker.row().text("device"), d -> new ArrayList<>()).add(marker);
        }
        List<StoredNight> nights = new ArrayList<>();
        for (List<Marker> device : byDevice.values()) {
            device.sort(Comparator.comparingLong(Marker::placementUs));
            for (int from = 0; from < device.size(); from += NIGHTS_PER_QUERY) {
                nights.addAll(withMovements(device.subList(from, Math.min(device.size(), from + NIGHTS_PER_QUERY))));
            }
        }
        nights.sort(StoredNight.ORDER);
        for (StoredNight night : nights) {
            consumer.accept(night);
        }
    }

    private static Marker marker(InfluxRow row) throws StoreException {
        return new Marker(row, row.timeUs(), row.integer("extent_us"));
    }

    /**
     * Reads the movements of committed nights of one patient and device (sorted by placement) with
     * one query over their time range, and gives each night the movements within its slot.
     */
    private List<StoredNight> withMovements(List<Marker> markers) throws StoreException {
        InfluxRow first = markers.get(0).row();
        String patientId = first.text("patient");
        String deviceId = first.text("device");
        long fromUs = markers.get(0).placementUs();
        long toUs = markers.stream().mapToLong(m -> m.placementUs() + m.extentUs()).max().orElseThrow();
        List<InfluxRow> rows = rows("reading movements of " + patientId, "SELECT * " + from(MOVEMENT)
                + " WHERE patient = $patient AND device = $device AND time >= " + fromUs + "u AND time <= " + toUs + "u",
                "patient", patientId, "device", deviceId);
        List<List<ScoredMovement>> movements = new ArrayList<>();
        markers.forEach(m -> movements.add(new ArrayList<>()));
        for (InfluxRow row : rows) {
            long time = row.timeUs();
            for (int i = 0; i < markers.size(); i++) {
                Marker marker = markers.get(i);
                if (time >= marker.placementUs() && time <= marker.placementUs() + marker.extentUs()) {
                    movements.get(i).add(movement(row, time - marker.placementUs()));
                    break;
                }
            }
        }
        List<StoredNight> nights = new ArrayList<>();
        for (int i = 0; i < markers.size(); i++) {
            List<ScoredMovement> list = movements.get(i);
            list.sort(StoredNight.MOVEMENT_ORDER);
            nights.add(night(markers.get(i).row(), list));
        }
        return nights;
    }

    /**
     * The rest of a movement's scoring in one integer field (InfluxDB's cost grows with the fields
     * of a point): {@code series * 65536 + joined * 8 + respiratory * 4 + arousal * 2 +
     * plm_excl_resp}. Below 2^53, so it survives the JSON of a query.
     */
    static long scoring(ScoredMovement m) {
        if (m.joinedCount() < 0 || m.joinedCount() >= MAX_JOINED || m.series() < 0) {
            throw new IllegalArgumentException("movement at " + m.onsetUs() + " us: joined " + m.joinedCount()
                    + " or series " + m.series() + " out of range");
        }
        return ((long) m.series() << 16) | ((long) m.joinedCount() << 3) | (m.respiratory() ? 4 : 0)
                | (m.arousal() ? 2 : 0) | (m.plmExcludingRespiratory() ? 1 : 0);
    }

    private static final int MAX_JOINED = 1 << 13;

    private static ScoredMovement movement(InfluxRow row, long onsetUs) throws StoreException {
        String code = row.text("leg");
        Leg leg = Leg.fromCode(code);
        if (leg == null) {
            throw new StoreException("InfluxDB movement point has leg '" + code + "'");
        }
        long scoring = row.integer("scoring");
        return new ScoredMovement(onsetUs, onsetUs + row.integer("duration_us"), leg,
                (int) ((scoring >> 3) & (MAX_JOINED - 1)), row.bool("clm"), row.bool("plm"),
                Math.toIntExact(scoring >> 16), row.integer("imi_us"), (scoring & 4) != 0, (scoring & 2) != 0,
                (scoring & 1) != 0);
    }

    private StoredNight night(InfluxRow row, List<ScoredMovement> movements) throws StoreException {
        String deviceId = row.text("device");
        String nightId = row.text("night_id");
        String what = "night " + nightId + " of device " + deviceId + " in " + location();
        NightSummary summary = NightEncoding.summary(row.text("summary_json"), what);
        long monotonicBase;
        try {
            monotonicBase = Long.parseLong(row.text("monotonic_base_ns"));
        } catch (NumberFormatException e) {
            throw new StoreException(what + ": monotonic_base_ns is not a number", e);
        }
        StoredNight night = new StoredNight(deviceId, nightId, row.text("patient"),
                LocalDate.parse(row.text("evening_date")),
                new NightClock(row.text("boot_id"), monotonicBase, row.integer("wall_clock_start_ms"),
                        row.bool("wall_clock_synced")),
                summary, movements);
        if (!NightEncoding.digest(night).equals(row.text("digest"))) {
            throw new StoreException(what + " does not match its digest (" + movements.size()
                    + " movements read): points were changed outside legwatch");
        }
        return night;
    }

    // ---- therapy

    @Override
    public synchronized int addTherapy(List<TherapyEvent> events) throws StoreException {
        if (events.isEmpty()) {
            return 0;
        }
        Set<String> patientIds = requirePatients(events.stream().map(TherapyEvent::patientId).toList(),
                "adding therapy events");
        Set<String> imports = committedImports();
        List<TherapyEvent> stored = new ArrayList<>();
        for (String id : patientIds) {
            stored.addAll(readTherapy(id, imports));
        }
        List<TherapyEvent> fresh = TherapyEvent.newEvents(stored, events);
        if (fresh.isEmpty()) {
            return 0;
        }
        String importId = UUID.randomUUID().toString();
        List<Point> points = new ArrayList<>();
        for (TherapyEvent event : fresh) {
            Point.Builder point = Point.measurement(THERAPY)
                    .time(event.date().toEpochDay() * US_PER_DAY, TimeUnit.MICROSECONDS)
                    .tag("patient", event.patientId())
                    .tag("kind", event.kind().code())
                    .addField("value", event.value().orElse(0))
                    .addField("has_value", event.value().isPresent())
                    .addField("unit", event.unit())
                    .addField("import_id", importId);
            if (!event.detail().isEmpty()) {
                point.tag("detail", event.detail());
            }
            points.add(point.build());
        }
        influx.write("adding " + fresh.size() + " therapy event(s)", points);
        influx.write("committing " + fresh.size() + " therapy event(s)", List.of(Point.measurement(THERAPY_IMPORT)
                .time(TimeUnit.MILLISECONDS.toMicros(System.currentTimeMillis()), TimeUnit.MICROSECONDS)
                .tag("import", importId)
                .addField("events", (long) fresh.size())
                .build()));
        return fresh.size();
    }

    private Set<String> committedImports() throws StoreException {
        Set<String> ids = new HashSet<>();
        for (InfluxRow row : rows("listing therapy imports", "SELECT events, \"import\" " + from(THERAPY_IMPORT))) {
            ids.add(row.text("import"));
        }
        return ids;
    }

    @Override
    public List<TherapyEvent> therapy(String patientId) throws StoreException {
        return readTherapy(patientId, committedImports());
    }

    private List<TherapyEvent> readTherapy(String patientId, Set<String> imports) throws StoreException {
        List<TherapyEvent> events = new ArrayList<>();
        for (InfluxRow row : rows("reading the therapy record of " + patientId, "SELECT value, has_value, unit, "
                + "import_id, kind, detail " + from(THERAPY) + " WHERE patient = $patient", "patient", patientId)) {
            if (!imports.contains(row.text("import_id"))) {
                continue;
            }
            String code = row.text("kind");
            TherapyKind kind = TherapyKind.fromCode(code).orElseThrow(() -> new StoreException(
                    "InfluxDB therapy point of " + patientId + " has an unknown kind '" + code + "'"));
            long time = row.timeUs();
            if (time % US_PER_DAY != 0) {
                throw new StoreException("InfluxDB therapy point of " + patientId + " is not at midnight UTC: " + time);
            }
            events.add(new TherapyEvent(patientId, LocalDate.ofEpochDay(time / US_PER_DAY), kind,
                    row.textOrEmpty("detail"),
                    row.bool("has_value") ? OptionalDouble.of(row.number("value")) : OptionalDouble.empty(),
                    row.text("unit")));
        }
        events.sort(TherapyEvent.ORDER);
        return events;
    }

    @Override
    public void close() {
        influx.close();
    }
}
