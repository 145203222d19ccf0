package org.legwatch.device.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class AgentConfigTest {

    private static AgentConfig parse(String... lines) {
        return AgentConfig.from(ConfigFile.parse("agent.conf", List.of(lines)), "pi");
    }

    private static String problems(String... lines) {
        return assertThrows(ConfigException.class, () -> parse(lines)).getMessage();
    }

    @Test
    void theShippedExampleIsValidAndSaysWhatTheDefaultsAre() throws IOException {
        Path example = Path.of(System.getProperty("legwatch.root", ".."), "device", "dist", "legwatch-device.conf");
        AgentConfig c = AgentConfig.load(example, "pi");
        AgentConfig d = AgentConfig.defaults("pi");
        assertEquals(d.rateHz(), c.rateHz());
        assertEquals(d.windowStart(), c.windowStart());
        assertEquals(d.journalBudgetMb(), c.journalBudgetMb());
        assertEquals(OptionalInt.of(0x18), c.rightAddress());
    }

    @Test
    void everySettingIsRead() {
        AgentConfig c = parse(
                "# the bedroom Pi",
                "device.id = bedroom-1",
                "sensor.i2c-bus = 1",
                "sensor.right = 0x53   # ADXL345",
                "sensor.left = 0x1D",
                "sensor.rate-hz = 50",
                "sensor.range-g = 8",
                "sensor.shank-axis = y",
                "sensor.retry-seconds = 2",
                "night.window = 21:30-10:15",
                "night.end-after-up-minutes = 45",
                "night.rules = aasm",
                "night.min-valid-hours = 3.5",
                "night.checkpoint-seconds = 120",
                "night.resume-within-minutes = 30",
                "journal.dir = /data/journal",
                "journal.budget-mb = 64",
                "journal.warn-percent = 70",
                "raw.dir = /data/raw",
                "gpio.button = 17",
                "gpio.led = 27");
        assertEquals("bedroom-1", c.deviceId());
        assertEquals(OptionalInt.of(0x53), c.rightAddress());
        assertEquals(OptionalInt.of(0x1D), c.leftAddress());
        assertEquals(50, c.rateHz());
        assertEquals(8, c.rangeG());
        assertEquals(1, c.shankAxis());
        assertEquals(LocalTime.of(21, 30), c.windowStart());
        assertEquals(LocalTime.of(10, 15), c.windowEnd());
        assertEquals("aasm", c.rules());
        assertEquals(Path.of("/data/journal"), c.journalDir());
        assertEquals(Path.of("/data/raw"), c.rawDir());
        assertEquals(17, c.buttonPin());
        assertEquals(27, c.ledPin());
        assertEquals(2, c.legCount());
    }

    @Test
    void everyProblemIsNamedWithItsLineAtOnce() {
        String message = problems(
                "device.id = bedroom 1",
                "sensor.rihgt = 0x18",
                "sensor.rate-hz = fast",
                "night.window = 20:00",
                "journal.budget-mb = 1",
                "this line has no equals sign",
                "gpio.led = 40",
                "gpio.led = 27");
        assertTrue(message.startsWith("configuration agent.conf has 8 problems:"), message);
        assertTrue(message.contains("agent.conf:1: device.id = 'bedroom 1': 1-64 letters"), message);
        assertTrue(message.contains("agent.conf:2: unknown key 'sensor.rihgt' (did you mean 'sensor.right'?)"), message);
        assertTrue(message.contains("agent.conf:3: sensor.rate-hz = 'fast': not a number"), message);
        assertTrue(message.contains("agent.conf:4: night.window = '20:00': expected HH:MM-HH:MM"), message);
        assertTrue(message.contains("agent.conf:5: journal.budget-mb = '1': must be 4..1048576"), message);
        assertTrue(message.contains("agent.conf:6: expected 'key = value'"), message);
        assertTrue(message.contains("agent.conf:7: gpio.led = '40': must be 0..27"), message);
        assertTrue(message.contains("agent.conf:8: key 'gpio.led' is already set on line 7"), message);
        assertTrue(message.indexOf(":2:") < message.indexOf(":7:"), "in line order: " + message);
    }

    @Test
    void contradictionsAreProblemsToo() {
        assertTrue(problems("sensor.right = none").contains("no sensor configured"));
        assertTrue(problems("sensor.right = 0x18", "sensor.left = 0x18").contains("the same address as sensor.right"));
        assertTrue(problems("sensor.left = 0x19").contains("give the right sensor's address"));
        assertTrue(problems("sensor.left = auto").contains("'auto' is for sensor.right only"));
        assertTrue(problems("gpio.button = 17", "gpio.led = 17").contains("the same pin as gpio.button"));
        assertTrue(problems("night.rules = wasm2007").contains("night.rules = 'wasm2007'"));
    }

    @Test
    void anEmptyFileMeansTheDefaults() throws IOException {
        Path file = Files.createTempFile("empty", ".conf");
        try {
            assertEquals(AgentConfig.defaults("pi"), AgentConfig.load(file, "pi"));
        } finally {
            Files.delete(file);
        }
    }
}
