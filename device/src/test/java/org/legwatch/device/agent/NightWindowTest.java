package org.legwatch.device.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class NightWindowTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private final NightWindow window = new NightWindow(LocalTime.of(20, 0), LocalTime.of(11, 0), BERLIN);

    private static long at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant().toEpochMilli();
    }

    @Test
    void aWindowPastMidnightBelongsToTheEveningItOpened() {
        assertFalse(window.contains(at("2026-11-23T19:59:59")));
        assertTrue(window.contains(at("2026-11-23T20:00:00")));
        assertTrue(window.contains(at("2026-11-24T03:00:00")));
        assertTrue(window.contains(at("2026-11-24T10:59:59")));
        assertFalse(window.contains(at("2026-11-24T11:00:00")));
        assertEquals(LocalDate.of(2026, 11, 23), window.eveningOf(at("2026-11-24T03:00:00")));
        assertEquals(LocalDate.of(2026, 11, 23), window.eveningOf(at("2026-11-23T22:00:00")));
        assertEquals(LocalDate.of(2026, 11, 24), window.eveningOf(at("2026-11-24T15:00:00")), "a button press before the window");
        assertEquals(at("2026-11-24T11:00:00"), window.closesAfter(at("2026-11-23T23:00:00")));
        assertEquals(at("2026-11-25T11:00:00"), window.closesAfter(at("2026-11-24T19:00:00")));
    }

    @Test
    void aDaytimeWindowForShiftWorkers() {
        NightWindow day = new NightWindow(LocalTime.of(8, 0), LocalTime.of(16, 0), BERLIN);
        assertTrue(day.contains(at("2026-11-23T09:00:00")));
        assertFalse(day.contains(at("2026-11-23T17:00:00")));
        assertEquals(LocalDate.of(2026, 11, 23), day.eveningOf(at("2026-11-23T09:00:00")));
        assertEquals(LocalDate.of(2026, 11, 24), day.eveningOf(at("2026-11-23T17:00:00")));
        assertEquals(at("2026-11-23T16:00:00"), day.closesAfter(at("2026-11-23T09:00:00")));
    }

    @Test
    void theWindowFollowsDaylightSavingTime() {
        // 2026-10-25: clocks go back at 03:00; the window still closes at 11:00 local time.
        assertEquals(at("2026-10-25T11:00:00"), window.closesAfter(at("2026-10-24T22:00:00")));
        assertEquals(16 * 3_600_000L, window.closesAfter(at("2026-10-24T20:00:00")) - at("2026-10-24T20:00:00"));
    }
}
