package org.legwatch.device.config;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import org.legwatch.analysis.scoring.ScoringRules;

/**
 * The agent's settings, from the file {@code legwatch-device run --config FILE} names (every key is
 * documented in docs/hardware.md and in the example file {@code device/dist/legwatch-device.conf}).
 *
 * @param deviceId            this device's name, sent to the host with every night
 * @param i2cBus              the I2C bus the sensors are on (1 on a Raspberry Pi's header)
 * @param rightAddress        the right ankle sensor's address; empty for none; {@link #AUTO} to take
 *                            the first sensor found
 * @param leftAddress         the left ankle sensor's address; empty for none
 * @param rateHz              sample rate
 * @param rangeG              full-scale range (+-g)
 * @param shankAxis           the sensor axis along the shank (0 x, 1 y, 2 z), as the band is worn
 * @param windowStart         the night window opens (local time)
 * @param windowEnd           and closes (local time; before the start means the next morning)
 * @param endAfterUpMinutes   a night ends early once the patient has been up this long after
 *                            enough time in bed
 * @param rules               the scoring rules' name
 * @param minValidHours       minimum valid time in bed for a night to count
 * @param checkpointSeconds   how often the night's tally is saved (what a power cut can cost of the
 *                            bed-state decisions; movements are saved as they end)
 * @param resumeWithinMinutes after a restart, an open night is resumed if it was last saved this
 *                            recently and the window is still open; else it is closed as it stands
 * @param journalDir          where the journal lives (on the SD card)
 * @param journalBudgetMb     the disk budget of the journal
 * @param journalWarnPercent  the share of the budget at which the warning is given
 * @param rawDir              where raw recordings go; {@code null} for none
 * @param buttonPin           the GPIO (BCM number) of the lights-out/lights-on button; -1 for none
 * @param ledPin              the GPIO (BCM number) of the status LED; -1 for none
 * @param sensorRetrySeconds  first wait before a sensor that stopped answering is tried again (doubles up to a minute)
 * @param linkPort            the serial port to the host (USB serial or /dev/rfcommN); {@code null}: no sending
 * @param linkBaud            its baud rate
 * @param linkKeyFile         this device's key, written by {@code legwatch pair}
 */
public record AgentConfig(
        String deviceId,
        int i2cBus,
        OptionalInt rightAddress,
        OptionalInt leftAddress,
        double rateHz,
        int rangeG,
        int shankAxis,
        LocalTime windowStart,
        LocalTime windowEnd,
        double endAfterUpMinutes,
        String rules,
        double minValidHours,
        double checkpointSeconds,
        double resumeWithinMinutes,
        Path journalDir,
        long journalBudgetMb,
        int journalWarnPercent,
        Path rawDir,
        int buttonPin,
        int ledPin,
        double sensorRetrySeconds,
        String linkPort,
        int linkBaud,
        Path linkKeyFile) {

    /** The address value meaning "the first sensor found on the bus". */
    public static final int AUTO = -1;

    private static final Set<String> KEYS = Set.of(
            "device.id", "sensor.i2c-bus", "sensor.right", "sensor.left", "sensor.rate-hz", "sensor.range-g",
            "sensor.shank-axis", "sensor.retry-seconds", "night.window", "night.end-after-up-minutes", "night.rules",
            "night.min-valid-hours", "night.checkpoint-seconds", "night.resume-within-minutes", "journal.dir",
            "journal.budget-mb", "journal.warn-percent", "raw.dir", "gpio.button", "gpio.led", "link.port", "link.baud",
            "link.key-file");

    /** Every setting at its default, for this device id. */
    public static AgentConfig defaults(String deviceId) {
        return new AgentConfig(deviceId, 1, OptionalInt.of(AUTO), OptionalInt.empty(), 100, 4, 0,
                LocalTime.of(20, 0), LocalTime.of(11, 0), 90, "wasm2016", 4, 300, 120,
                Path.of("/var/lib/legwatch/journal"), 256, 80, null, -1, -1, 5, null, 115200,
                Path.of("/etc/legwatch/device.key"));
    }

    /** Reads and validates a file; every problem is reported at once. */
    public static AgentConfig load(Path file, String defaultDeviceId) throws IOException {
        return from(ConfigFile.read(file), defaultDeviceId);
    }

    /** Validates parsed settings; unknown keys and bad values throw one {@link ConfigException} naming them all. */
    public static AgentConfig from(ConfigFile f, String defaultDeviceId) {
        AgentConfig d = defaults(defaultDeviceId);
        String deviceId = f.get("device.id", d.deviceId, AgentConfig::deviceId);
        int bus = f.get("sensor.i2c-bus", d.i2cBus, v -> intIn(v, 0, 255));
        OptionalInt right = f.get("sensor.right", d.rightAddress, v -> address(v, true));
        OptionalInt left = f.get("sensor.left", d.leftAddress, v -> address(v, false));
        double rate = f.get("sensor.rate-hz", d.rateHz, v -> number(v, 10, 400));
        int range = f.get("sensor.range-g", d.rangeG, v -> intIn(v, 2, 16));
        int axis = f.get("sensor.shank-axis", d.shankAxis, AgentConfig::axis);
        double retry = f.get("sensor.retry-seconds", d.sensorRetrySeconds, v -> number(v, 0.1, 60));
        LocalTime[] window = f.get("night.window", new LocalTime[] {d.windowStart, d.windowEnd}, AgentConfig::window);
        double endAfterUp = f.get("night.end-after-up-minutes", d.endAfterUpMinutes, v -> number(v, 10, 24 * 60));
        String rules = f.get("night.rules", d.rules, v -> ScoringRules.named(v).name());
        double minValid = f.get("night.min-valid-hours", d.minValidHours, v -> number(v, 0, 24));
        double checkpoint = f.get("night.checkpoint-seconds", d.checkpointSeconds, v -> number(v, 10, 3600));
        double resume = f.get("night.resume-within-minutes", d.resumeWithinMinutes, v -> number(v, 0, 24 * 60));
        Path journalDir = f.get("journal.dir", d.journalDir, AgentConfig::path);
        long budget = f.get("journal.budget-mb", d.journalBudgetMb, v -> (long) intIn(v, 4, 1 << 20));
        int warn = f.get("journal.warn-percent", d.journalWarnPercent, v -> intIn(v, 1, 99));
        Path rawDir = f.get("raw.dir", d.rawDir, v -> v.equalsIgnoreCase("none") ? null : path(v));
        int button = f.get("gpio.button", d.buttonPin, AgentConfig::pin);
        int led = f.get("gpio.led", d.ledPin, AgentConfig::pin);
        String port = f.get("link.port", d.linkPort, v -> v.equalsIgnoreCase("none") ? null : path(v).toString());
        int baud = f.get("link.baud", d.linkBaud, v -> intIn(v, 1200, 4_000_000));
        Path keyFile = f.get("link.key-file", d.linkKeyFile, AgentConfig::path);
        if (right.isEmpty() && left.isEmpty()) {
            f.problem("sensor.right", "no sensor configured: set sensor.right and/or sensor.left");
        }
        if (right.isPresent() && left.isPresent() && right.getAsInt() == left.getAsInt()) {
            f.problem("sensor.left", "the same address as sensor.right");
        }
        if (left.isPresent() && right.isPresent() && right.getAsInt() == AUTO) {
            f.problem("sensor.right", "give the right sensor's address when a left sensor is configured");
        }
        if (button >= 0 && button == led) {
            f.problem("gpio.led", "the same pin as gpio.button");
        }
        f.finish(KEYS);
        return new AgentConfig(deviceId, bus, right, left, rate, range, axis, window[0], window[1], endAfterUp, rules,
                minValid, checkpoint, resume, journalDir, budget, warn, rawDir, button, led, retry, port, baud, keyFile);
    }

    private static String deviceId(String v) {
        if (!v.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException("1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return v;
    }

    private static int intIn(String v, int min, int max) {
        int n;
        try {
            n = Integer.decode(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a whole number");
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException("must be " + min + ".." + max);
        }
        return n;
    }

    private static double number(String v, double min, double max) {
        double n;
        try {
            n = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number");
        }
        if (!(n >= min && n <= max)) {
            throw new IllegalArgumentException("must be " + min + ".." + max);
        }
        return n;
    }

    private static OptionalInt address(String v, boolean autoAllowed) {
        String s = v.toLowerCase(Locale.ROOT);
        if (s.equals("none")) {
            return OptionalInt.empty();
        }
        if (s.equals("auto")) {
            if (!autoAllowed) {
                throw new IllegalArgumentException("'auto' is for sensor.right only; give the address");
            }
            return OptionalInt.of(AUTO);
        }
        return OptionalInt.of(intIn(v, 0x03, 0x77));
    }

    private static int axis(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "x" -> 0;
            case "y" -> 1;
            case "z" -> 2;
            default -> throw new IllegalArgumentException("must be x, y or z");
        };
    }

    private static LocalTime[] window(String v) {
        String[] parts = v.split("-", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("expected HH:MM-HH:MM, e.g. 20:00-11:00");
        }
        try {
            LocalTime start = LocalTime.parse(parts[0].strip());
            LocalTime end = LocalTime.parse(parts[1].strip());
            if (start.equals(end)) {
                throw new IllegalArgumentException("the window opens and closes at the same time");
            }
            return new LocalTime[] {start, end};
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expected HH:MM-HH:MM, e.g. 20:00-11:00");
        }
    }

    private static Path path(String v) {
        if (v.isEmpty()) {
            throw new IllegalArgumentException("empty path");
        }
        return Path.of(v);
    }

    private static int pin(String v) {
        return v.equalsIgnoreCase("none") ? -1 : intIn(v, 0, 27);
    }

    /** The same settings with raw recordings going to {@code dir} ({@code null}: none). */
    public AgentConfig withRawDir(Path dir) {
        return new AgentConfig(deviceId, i2cBus, rightAddress, leftAddress, rateHz, rangeG, shankAxis, windowStart, windowEnd,
                endAfterUpMinutes, rules, minValidHours, checkpointSeconds, resumeWithinMinutes, journalDir,
                journalBudgetMb, journalWarnPercent, dir, buttonPin, ledPin, sensorRetrySeconds, linkPort, linkBaud,
                linkKeyFile);
    }

    /** The legs configured: right when a right sensor is, left when a left one is. */
    public int legCount() {
        return (rightAddress.isPresent() ? 1 : 0) + (leftAddress.isPresent() ? 1 : 0);
    }
}
