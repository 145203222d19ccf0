package org.legwatch.host.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.legwatch.analysis.night.NightSettings;
import org.legwatch.analysis.scoring.ScoringRules;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of the device's pipeline on one or two legs' recordings ({@code detect},
 * {@code export edf}): the files, the rules, validity, the sensor.
 */
final class RecordingOptions {
    @Option(names = "--right", paramLabel = "FILE", description = "Right ankle recording.")
    Path right;

    @Option(names = "--left", paramLabel = "FILE", description = "Left ankle recording.")
    Path left;

    @Mixin
    NightRuleOptions nightRules;

    @Option(names = "--range-g", paramLabel = "G",
            description = "The sensor's range in g, to count clipped samples exactly (default: detect flat tops).")
    Double rangeG;

    @Option(names = "--shank-axis", paramLabel = "AXIS", defaultValue = "x",
            description = "Sensor axis along the shank as the band is worn: x (default), y or z.")
    String shankAxis;

    ScoringRules scoringRules() {
        return nightRules.scoringRules();
    }

    NightSettings nightSettings() {
        return NightSettings.DEFAULT.withMinValidHours(nightRules.minValidHours)
                .withSensorRange(rangeG == null ? Double.NaN : rangeG)
                .withShankAxis(shankAxisIndex());
    }

    private int shankAxisIndex() {
        return switch (shankAxis.toLowerCase(Locale.ROOT)) {
            case "x" -> 0;
            case "y" -> 1;
            case "z" -> 2;
            default -> throw new IllegalArgumentException("--shank-axis is x, y or z, not '" + shankAxis + "'");
        };
    }
}
