package org.legwatch.host.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.legwatch.host.store.influx.InfluxLocation;

@ExtendWith(InfluxServer.class)
class InfluxStoreTest extends StoreContractTest {
    private String url;

    @Override
    Store openStore() throws Exception {
        url = InfluxServer.freshDatabaseUrl();
        return Stores.open(url);
    }

    @Override
    Store reopenStore() throws Exception {
        return Stores.open(url);
    }

    /** The same database through a proxy that can fail writes. */
    private Store throughProxy(FaultyInfluxProxy proxy, Map<String, String> environment) throws StoreException {
        return Stores.open(url.replace(InfluxServer.httpUrl(), proxy.url()), environment);
    }

    @Test
    void aNightCutShortIsInvisibleAndCompletesWhenSentAgain() throws Exception {
        store.addPatient(new Patient("P1", ""));
        StoredNight night = NIGHTS.night(2, "dev-1", "P1", FIRST, 0);
        for (int writesBeforeFailure = 0; writesBeforeFailure < 3; writesBeforeFailure++) {
            StoredNight attempt = new StoredNight("dev-1", "cut after " + writesBeforeFailure, "P1", night.eveningDate()
                    .plusDays(writesBeforeFailure), night.clock(), night.summary(), night.movements());
            try (FaultyInfluxProxy proxy = new FaultyInfluxProxy(InfluxServer.httpUrl());
                 Store faulty = throughProxy(proxy, Map.of())) {
                proxy.failWritesAfter(writesBeforeFailure);
                StoreException e = assertThrows(StoreException.class, () -> faulty.commit(attempt));
                assertTrue(e.getMessage().contains("injected failure"), e.getMessage());
                assertFalse(store.contains("dev-1", attempt.deviceNightId()));
                assertEquals(List.of(), store.nights("P1").stream()
                        .filter(r -> r.deviceNightId().equals(attempt.deviceNightId())).toList());
                proxy.heal();
                assertEquals(CommitOutcome.STORED, faulty.commit(attempt));
            }
            assertEquals(attempt, store.night("dev-1", attempt.deviceNightId()).orElseThrow());
        }
        assertEquals(3, store.nights("P1").size());
    }

    @Test
    void aCutShortNightSentAgainWithOtherContentLeavesNoTrace() throws Exception {
        store.addPatient(new Patient("P1", ""));
        StoredNight first = NIGHTS.night(2, "dev-1", "P1", FIRST, 0);
        try (FaultyInfluxProxy proxy = new FaultyInfluxProxy(InfluxServer.httpUrl());
             Store faulty = throughProxy(proxy, Map.of())) {
            proxy.failWritesAfter(2);
            assertThrows(StoreException.class, () -> faulty.commit(first));
        }
        // The device re-scored the night before sending it again: fewer movements, another summary.
        StoredNight rescored = new StoredNight("dev-1", first.deviceNightId(), "P1", first.eveningDate(), first.clock(),
                NIGHTS.night(3, "dev-1", "P1", FIRST, 0).summary(), first.movements().subList(0, 10));
        assertEquals(CommitOutcome.STORED, store.commit(rescored));
        assertEquals(rescored, store.night("dev-1", first.deviceNightId()).orElseThrow());
        List<StoredNight> all = new java.util.ArrayList<>();
        store.forEachNight("P1", all::add);
        assertEquals(List.of(rescored), all);
    }

    @Test
    void aTherapyImportCutShortCountsForNothing() throws Exception {
        store.addPatient(new Patient("P1", ""));
        List<TherapyEvent> events = List.of(
                new TherapyEvent("P1", LocalDate.of(2025, 2, 3), TherapyKind.IV_IRON, "ferric carboxymaltose",
                        OptionalDouble.of(1000), "mg"),
                new TherapyEvent("P1", LocalDate.of(2025, 1, 20), TherapyKind.FERRITIN, "", OptionalDouble.of(31), "ug/L"));
        try (FaultyInfluxProxy proxy = new FaultyInfluxProxy(InfluxServer.httpUrl());
             Store faulty = throughProxy(proxy, Map.of())) {
            proxy.failWritesAfter(1);
            assertThrows(StoreException.class, () -> faulty.addTherapy(events));
        }
        assertEquals(List.of(), store.therapy("P1"));
        assertEquals(2, store.addTherapy(events));
        assertEquals(2, store.therapy("P1").size());
    }

    @Test
    void credentialsComeFromTheEnvironmentAndTheTokenIsSentAsThePassword() throws Exception {
        try (FaultyInfluxProxy proxy = new FaultyInfluxProxy(InfluxServer.httpUrl());
             Store withToken = throughProxy(proxy, Map.of(InfluxLocation.PASSWORD_VARIABLE, "t0ken/with+chars"))) {
            withToken.patients();
            assertFalse(withToken.location().contains("t0ken"), withToken.location());
            String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(
                    "legwatch:t0ken/with+chars".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertFalse(proxy.authorizations().isEmpty());
            assertTrue(proxy.authorizations().stream().allMatch(basic::equals), proxy.authorizations().toString());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Stores.open("influx:http://u:secret@127.0.0.1:1/db", Map.of()));
        assertTrue(e.getMessage().contains(InfluxLocation.PASSWORD_VARIABLE), e.getMessage());
    }

    @Test
    void anUnreachableServerIsNamedInTheError() {
        StoreException e = assertThrows(StoreException.class, () -> Stores.open("influx:http://127.0.0.1:9/legwatch"));
        assertTrue(e.getMessage().contains("cannot reach influx:http://127.0.0.1:9/legwatch"), e.getMessage());
    }
}
