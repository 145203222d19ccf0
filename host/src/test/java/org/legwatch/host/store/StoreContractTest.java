package org.legwatch.host.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.legwatch.analysis.night.NightSummary;
import org.legwatch.analysis.night.ScoredNight;
import org.legwatch.analysis.night.TimeSpan;
import org.legwatch.analysis.scoring.Leg;
import org.legwatch.analysis.scoring.LegMovement;
import org.legwatch.analysis.scoring.ScoredMovement;
import org.legwatch.analysis.scoring.ScoringAnnotations;
import org.legwatch.analysis.scoring.ScoringRules;
import org.legwatch.host.store.bench.SyntheticStoreNights;

/**
 * What every store must do, run against each implementation by a subclass that opens a fresh,
 * empty store.
 */
abstract class StoreContractTest {
    static final SyntheticStoreNights NIGHTS = new SyntheticStoreNights(12, 42);
    static final LocalDate FIRST = LocalDate.of(2025, 1, 6);

    Store store;

    /** A new, empty store. */
    abstract Store openStore() throws Exception;

    /** The same store opened again (a restart). */
    abstract Store reopenStore() throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = openStore();
    }

    @AfterEach
    void close() throws Exception {
        if (store != null) {
            store.close();
        }
    }

    private void addPatients(String... ids) throws StoreException {
        for (String id : ids) {
            store.addPatient(new Patient(id, "Name of " + id));
        }
    }

    @Test
    void patientsAreAddedOnceAndListedById() throws Exception {
        assertTrue(store.addPatient(new Patient("P2", "Second")));
        assertTrue(store.addPatient(new Patient("P1", "")));
        assertFalse(store.addPatient(new Patient("P2", "Second")), "adding the same patient again changes nothing");
        assertEquals(List.of(new Patient("P1", ""), new Patient("P2", "Second")), store.patients());
        assertEquals(Optional.of(new Patient("P2", "Second")), store.patient("P2"));
        assertEquals(Optional.empty(), store.patient("P3"));
        StoreConflictException e = assertThrows(StoreConflictException.class,
                () -> store.addPatient(new Patient("P2", "Other")));
        assertTrue(e.getMessage().contains("Second"), e.getMessage());
        assertEquals(new Patient("P2", "Second"), store.patient("P2").orElseThrow());
    }

    @Test
    void assignmentsSayWhoWoreADeviceWhen() throws Exception {
        addPatients("A", "B");
        Instant jan = Instant.parse("2025-01-01T12:00:00Z");
        Instant feb = Instant.parse("2025-02-01T12:00:00Z");
        Instant mar = Instant.parse("2025-03-01T12:00:00Z");
        assertTrue(store.assignDevice(new DeviceAssignment("dev-1", "A", jan, null)));
        assertTrue(store.assignDevice(new DeviceAssignment("dev-1", "B", feb, mar)));
        assertFalse(store.assignDevice(new DeviceAssignment("dev-1", "B", feb, mar)), "same assignment again");
        List<DeviceAssignment> all = store.assignments();
        assertEquals(List.of(new DeviceAssignment("dev-1", "A", jan, null), new DeviceAssignment("dev-1", "B", feb, mar)),
                all);
        assertEquals(Optional.empty(), DeviceAssignment.wearer(all, "dev-1", jan.minusMillis(1)));
        assertEquals(Optional.of("A"), DeviceAssignment.wearer(all, "dev-1", jan));
        assertEquals(Optional.of("A"), DeviceAssignment.wearer(all, "dev-1", feb.minusMillis(1)));
        assertEquals(Optional.of("B"), DeviceAssignment.wearer(all, "dev-1", feb));
        assertEquals(Optional.empty(), DeviceAssignment.wearer(all, "dev-1", mar), "returned at the end of February");

        Instant apr = Instant.parse("2025-04-01T12:00:00Z");
        assertTrue(store.assignDevice(new DeviceAssignment("dev-1", "B", feb, apr)), "the device came back later");
        assertEquals(Optional.of("B"), DeviceAssignment.wearer(store.assignments(), "dev-1", mar));
        assertTrue(store.assignDevice(new DeviceAssignment("dev-1", "B", feb, null)), "kept after all");
        assertEquals(Optional.of("B"), DeviceAssignment.wearer(store.assignments(), "dev-1", apr.plusSeconds(86_400 * 90)));

        assertThrows(StoreConflictException.class, () -> store.assignDevice(new DeviceAssignment("dev-1", "A", feb, null)));
        assertThrows(StoreConflictException.class, () -> store.assignDevice(new DeviceAssignment("dev-2", "Z", feb, null)));
        assertEquals(2, store.assignments().size());
    }

    @Test
    void aNightComesBackExactlyAsItWasStored() throws Exception {
        addPatients("P1");
        StoredNight night = NIGHTS.night(3, "dev-1", "P1", FIRST, 0);
        assertTrue(night.movements().size() > 50, "a night with movements: " + night.movements().size());
        assertTrue(night.summary().signal().measured());
        assertFalse(store.contains("dev-1", night.deviceNightId()));

        assertEquals(CommitOutcome.STORED, store.commit(night));

        assertTrue(store.contains("dev-1", night.deviceNightId()));
        assertFalse(store.contains("dev-2", night.deviceNightId()));
        assertEquals(Optional.of(night), store.night("dev-1", night.deviceNightId()));
        assertEquals(List.of(night.row()), store.nights("P1"));
        assertEquals(List.of(), store.nights("P2"));
        assertEquals(Optional.empty(), store.night("dev-1", "no such night"));
    }

    @Test
    void undefinedNumbersAndEmptyNightsSurvive() throws Exception {
        addPatients("P1");
        ScoredNight empty = ScoredNight.score(List.of(), ScoringRules.WASM_2016, ScoringAnnotations.NONE,
                List.of(new TimeSpan(0, 0)), NightSummary.DEFAULT_MIN_VALID_HOURS);
        StoredNight night = new StoredNight("dev-1", "empty", "P1", FIRST, new NightClock("", 0, 1_736_200_000_000L, false),
                empty.summary(), empty.movements());
        assertTrue(Double.isNaN(night.row().plmi()));
        assertFalse(night.summary().valid());
        assertEquals(CommitOutcome.STORED, store.commit(night));
        assertEquals(Optional.of(night), store.night("dev-1", "empty"));
        NightRow row = store.nights("P1").get(0);
        assertTrue(Double.isNaN(row.plmi()) && Double.isNaN(row.periodicityIndex()));
        assertEquals(night.row(), row);
    }

    @Test
    void everyFieldOfEveryMovementSurvives() throws Exception {
        addPatients("P1");
        List<LegMovement> lms = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            long onset = 600_000_000L + i * 21_300_000L + (i % 3) * 7;
            lms.add(new LegMovement(onset, onset + 1_000_000 + i * 1_001, i % 5 == 0 ? Leg.LEFT : Leg.RIGHT));
            if (i % 7 == 0) {
                lms.add(new LegMovement(onset + 200_000, onset + 1_400_000, Leg.LEFT));
            }
        }
        ScoringAnnotations annotations = ScoringAnnotations.of(new long[] {700_000_000L, 900_000_000L},
                new long[][] {{650_000_000L, 652_000_000L}});
        ScoredNight scored = ScoredNight.score(lms, ScoringRules.AASM, annotations, List.of(new TimeSpan(0, 5 * 3_600_000_000L)),
                4.0);
        assertTrue(scored.movements().stream().anyMatch(ScoredMovement::respiratory));
        assertTrue(scored.movements().stream().anyMatch(m -> m.leg() == Leg.BILATERAL));
        assertTrue(scored.summary().statistics().respiratoryScored());
        StoredNight night = new StoredNight("dev-9", "night with every kind of movement", "P1", FIRST.plusDays(3),
                new NightClock("boot 7", 9_007_199_254_740_993L, 1_736_500_000_123L, true), scored.summary(),
                scored.movements());
        store.commit(night);
        assertEquals(night, store.night("dev-9", "night with every kind of movement").orElseThrow());
    }

    @Test
    void aNightSentAgainChangesNothing() throws Exception {
        addPatients("P1");
        StoredNight night = NIGHTS.night(1, "dev-1", "P1", FIRST, 0);
        assertEquals(CommitOutcome.STORED, store.commit(night));
        assertEquals(CommitOutcome.ALREADY_STORED, store.commit(night));
        assertEquals(0, store.commitAll(List.of(night, night)));
        assertEquals(1, store.nights("P1").size());
        assertEquals(night, store.night("dev-1", night.deviceNightId()).orElseThrow());
    }

    @Test
    void aNightIsNeverOverwrittenByOtherContent() throws Exception {
        addPatients("P1");
        StoredNight night = NIGHTS.night(1, "dev-1", "P1", FIRST, 0);
        store.commit(night);
        StoredNight other = new StoredNight(night.deviceId(), night.deviceNightId(), "P1", night.eveningDate(),
                night.clock(), NIGHTS.night(2, "dev-1", "P1", FIRST, 0).summary(), night.movements());
        StoreConflictException e = assertThrows(StoreConflictException.class, () -> store.commit(other));
        assertTrue(e.getMessage().contains(night.deviceNightId()), e.getMessage());
        assertEquals(night, store.night("dev-1", night.deviceNightId()).orElseThrow());
    }

    @Test
    void aBatchWithAConflictWritesNothing() throws Exception {
        addPatients("P1");
        StoredNight first = NIGHTS.night(1, "dev-1", "P1", FIRST, 0);
        store.commit(first);
        List<StoredNight> batch = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            batch.add(NIGHTS.night(i, "dev-1", "P1", FIRST, i));
        }
        batch.add(new StoredNight("dev-1", first.deviceNightId(), "P1", first.eveningDate(), first.clock(),
                first.summary(), first.movements().subList(1, first.movements().size())));
        assertThrows(StoreConflictException.class, () -> store.commitAll(batch));
        assertEquals(List.of(first.row()), store.nights("P1"));
        for (int i = 1; i <= 5; i++) {
            assertFalse(store.contains("dev-1", batch.get(i - 1).deviceNightId()));
        }
    }

    @Test
    void aLongBatchHoldingANightTwiceStoresItOnceOrNothingWhenTheTwoDiffer() throws Exception {
        addPatients("P1");
        List<StoredNight> batch = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            batch.add(NIGHTS.night(i, "dev-1", "P1", FIRST, i));
        }
        batch.add(batch.get(3));
        assertEquals(30, store.commitAll(batch));

        List<StoredNight> more = new ArrayList<>();
        for (int i = 30; i < 60; i++) {
            more.add(NIGHTS.night(i, "dev-1", "P1", FIRST, i));
        }
        StoredNight twin = more.get(2);
        more.add(new StoredNight(twin.deviceId(), twin.deviceNightId(), "P1", twin.eveningDate(), twin.clock(),
                twin.summary(), twin.movements().subList(1, twin.movements().size())));
        StoreConflictException e = assertThrows(StoreConflictException.class, () -> store.commitAll(more));
        assertTrue(e.getMessage().contains(twin.deviceNightId()), e.getMessage());
        assertEquals(batch.subList(0, 30).stream().map(StoredNight::row).sorted(NightRow.ORDER).toList(),
                store.nights("P1"));
    }

    @Test
    void nightsOfUnknownPatientsAreRefused() throws Exception {
        StoredNight night = NIGHTS.night(1, "dev-1", "nobody", FIRST, 0);
        StoreConflictException e = assertThrows(StoreConflictException.class, () -> store.commit(night));
        assertTrue(e.getMessage().contains("unknown patient nobody"), e.getMessage());
        assertFalse(store.contains("dev-1", night.deviceNightId()));
    }

    @Test
    void aPatientsNightsListInDateOrderAndStreamWithTheirMovements() throws Exception {
        addPatients("P1", "P2");
        List<StoredNight> p1 = new ArrayList<>();
        List<StoredNight> batch = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            StoredNight night = NIGHTS.night(i, i < 30 ? "dev-1" : "dev-3", "P1", FIRST, 44 - i);
            p1.add(night);
            batch.add(night);
            batch.add(NIGHTS.night(i + 5, "dev-2", "P2", FIRST, i));
        }
        assertEquals(90, store.commitAll(batch));
        assertEquals(0, store.commitAll(batch));
        p1.sort(StoredNight.ORDER);
        assertEquals(p1.stream().map(StoredNight::row).toList(), store.nights("P1"));
        List<StoredNight> streamed = new ArrayList<>();
        store.forEachNight("P1", streamed::add);
        assertEquals(p1, streamed);
        assertEquals(45, store.nights("P2").size());
    }

    @Test
    void nightsWhoseClocksOverlapAreKeptApart() throws Exception {
        addPatients("P1");
        StoredNight a = NIGHTS.night(1, "dev-1", "P1", FIRST, 0);
        StoredNight b = NIGHTS.night(2, "dev-1", "P1", FIRST, 0);
        // An unsynchronised clock restarted from the same time: a second night begins at the same
        // wall-clock time as the first.
        StoredNight second = new StoredNight("dev-1", "after a power cut", "P1", b.eveningDate(), a.clock(), b.summary(),
                b.movements());
        store.commit(a);
        store.commit(second);
        assertEquals(a, store.night("dev-1", a.deviceNightId()).orElseThrow());
        assertEquals(second, store.night("dev-1", "after a power cut").orElseThrow());
        List<StoredNight> streamed = new ArrayList<>();
        store.forEachNight("P1", streamed::add);
        assertEquals(2, streamed.size());
        assertTrue(streamed.containsAll(List.of(a, second)));
    }

    @Test
    void aDeviceNightGoesToThePatientWearingTheDevice() throws Exception {
        addPatients("A", "B");
        store.assignDevice(new DeviceAssignment("dev-1", "A", Instant.parse("2025-01-01T00:00:00Z"), null));
        store.assignDevice(new DeviceAssignment("dev-1", "B", Instant.parse("2025-01-10T12:00:00Z"), null));
        StoredNight template = NIGHTS.night(4, "dev-1", "A", FIRST, 0);
        // 01:30 on 12 January in Berlin is the night of 11 January.
        long startMs = Instant.parse("2025-01-12T00:30:00Z").toEpochMilli();
        DeviceNight sent = new DeviceNight("n-17", new NightClock("boot-1", 12_345L, startMs, true), template.summary(),
                template.movements());
        StoredNight stored = store.commit("dev-1", sent, ZoneId.of("Europe/Berlin"));
        assertEquals("B", stored.patientId());
        assertEquals(LocalDate.of(2025, 1, 11), stored.eveningDate());
        assertEquals(Optional.of(stored), store.night("dev-1", "n-17"));
        assertEquals(stored, store.commit("dev-1", sent, ZoneId.of("Europe/Berlin")), "sent again");
        assertEquals(1, store.nights("B").size());

        DeviceNight early = new DeviceNight("n-1", new NightClock("boot-0", 0, Instant.parse("2024-12-31T22:00:00Z")
                .toEpochMilli(), true), template.summary(), template.movements());
        UnassignedDeviceException e = assertThrows(UnassignedDeviceException.class, () -> store.commit("dev-1", early));
        assertEquals("dev-1", e.deviceId());
        assertFalse(store.contains("dev-1", "n-1"));
    }

    @Test
    void eveningDateIsTheDayTheNightBegan() {
        ZoneId utc = ZoneOffset.UTC;
        assertEquals(LocalDate.of(2025, 3, 3), StoredNight.eveningOf(Instant.parse("2025-03-03T21:00:00Z"), utc));
        assertEquals(LocalDate.of(2025, 3, 3), StoredNight.eveningOf(Instant.parse("2025-03-04T01:30:00Z"), utc));
        assertEquals(LocalDate.of(2025, 3, 4), StoredNight.eveningOf(Instant.parse("2025-03-04T12:00:00Z"), utc));
    }

    private static TherapyEvent event(String patient, String date, TherapyKind kind, String detail, Double value) {
        return new TherapyEvent(patient, LocalDate.parse(date), kind, detail,
                value == null ? OptionalDouble.empty() : OptionalDouble.of(value),
                value == null && kind != TherapyKind.MEDICATION ? "" : kind.unit());
    }

    @Test
    void theTherapyRecordIsKeptOnceAndInOrder() throws Exception {
        addPatients("P1", "P2");
        List<TherapyEvent> events = List.of(
                event("P1", "2025-02-03", TherapyKind.IV_IRON, "ferric carboxymaltose", 1000.0),
                event("P1", "2025-01-20", TherapyKind.FERRITIN, "", 38.5),
                event("P1", "2025-01-20", TherapyKind.TSAT, "", 17.0),
                event("P1", "2025-01-20", TherapyKind.HEMOGLOBIN, "", 13.2),
                event("P1", "2025-03-01", TherapyKind.ORAL_IRON_START, "ferrous sulfate", 65.0),
                event("P1", "2025-04-01", TherapyKind.ORAL_IRON_STOP, "ferrous sulfate", null),
                event("P1", "2025-04-01", TherapyKind.MEDICATION, "pramipexole stop", null),
                event("P1", "2025-04-01", TherapyKind.MEDICATION, "gabapentin start 300 mg", null),
                event("P2", "2025-01-02", TherapyKind.IV_IRON, "ferumoxytol", 510.0));
        assertEquals(9, store.addTherapy(events));
        assertEquals(0, store.addTherapy(events), "the same record again changes nothing");
        List<TherapyEvent> p1 = new ArrayList<>(events.subList(0, 8));
        p1.sort(TherapyEvent.ORDER);
        assertEquals(p1, store.therapy("P1"));
        assertEquals(List.of(events.get(8)), store.therapy("P2"));
        assertEquals(LocalDate.parse("2025-01-20"), store.therapy("P1").get(0).date());
    }

    @Test
    void aTherapyBatchWithAConflictOrAnUnknownPatientWritesNothing() throws Exception {
        addPatients("P1");
        TherapyEvent ferritin = event("P1", "2025-01-20", TherapyKind.FERRITIN, "", 38.5);
        store.addTherapy(List.of(ferritin));
        TherapyEvent infusion = event("P1", "2025-02-03", TherapyKind.IV_IRON, "ferric carboxymaltose", 1000.0);
        StoreConflictException e = assertThrows(StoreConflictException.class, () -> store.addTherapy(List.of(infusion,
                event("P1", "2025-01-20", TherapyKind.FERRITIN, "", 40.0))));
        assertTrue(e.getMessage().contains("38.5 ug/L"), e.getMessage());
        assertThrows(StoreConflictException.class, () -> store.addTherapy(List.of(infusion,
                event("P9", "2025-01-20", TherapyKind.FERRITIN, "", 40.0))));
        assertEquals(List.of(ferritin), store.therapy("P1"));
    }

    @Test
    void everythingIsStillThereAfterARestart() throws Exception {
        addPatients("P1");
        store.assignDevice(new DeviceAssignment("dev-1", "P1", Instant.parse("2025-01-01T00:00:00Z"), null));
        StoredNight night = NIGHTS.night(5, "dev-1", "P1", FIRST, 0);
        store.commit(night);
        TherapyEvent infusion = event("P1", "2025-02-03", TherapyKind.IV_IRON, "ferric carboxymaltose", 1000.0);
        store.addTherapy(List.of(infusion));
        store.close();
        store = reopenStore();
        assertEquals(List.of(new Patient("P1", "Name of P1")), store.patients());
        assertEquals(1, store.assignments().size());
        assertEquals(night, store.night("dev-1", night.deviceNightId()).orElseThrow());
        assertEquals(List.of(infusion), store.therapy("P1"));
    }
}
