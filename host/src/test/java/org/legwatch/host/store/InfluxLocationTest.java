package org.legwatch.host.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.legwatch.host.store.influx.InfluxLocation;

class InfluxLocationTest {
    @Test
    void theUrlNamesServerDatabasePolicyAndUser() {
        InfluxLocation plain = InfluxLocation.parse("influx:http://db.example:8086/legwatch", Map.of());
        assertEquals(new InfluxLocation("http://db.example:8086", "legwatch", null, null, null), plain);
        InfluxLocation full = InfluxLocation.parse("influx:https://db.example/site_a?user=clinic&rp=forever",
                Map.of(InfluxLocation.PASSWORD_VARIABLE, "s3cret"));
        assertEquals(new InfluxLocation("https://db.example", "site_a", "forever", "clinic", "s3cret"), full);
        assertEquals("influx:https://db.example/site_a?rp=forever&user=clinic", full.describe());
        InfluxLocation token = InfluxLocation.parse("influx:http://h:8086/db", Map.of(InfluxLocation.PASSWORD_VARIABLE, "tok"));
        assertEquals(InfluxLocation.TOKEN_USER, token.user());
        InfluxLocation userFromEnvironment = InfluxLocation.parse("influx:http://h:8086/db",
                Map.of(InfluxLocation.USER_VARIABLE, "reader"));
        assertEquals("reader", userFromEnvironment.user());
        assertNull(userFromEnvironment.password());
    }

    @Test
    void secretsAndMistakesInTheUrlAreRefused() {
        for (String url : new String[] {"influx:http://u:pw@h:8086/db", "influx:http://h:8086/db?password=x",
            "influx:http://h:8086/db?token=x", "influx:http://h:8086/", "influx:http://h:8086/a/b", "influx:ftp://h/db",
            "influx:http://h:8086/db?retention=x"}) {
            assertThrows(IllegalArgumentException.class, () -> InfluxLocation.parse(url, Map.of()), url);
        }
    }
}
