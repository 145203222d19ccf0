package org.legwatch.device.agent;

import java.time.ZoneId;
import java.util.List;
import org.legwatch.analysis.movement.DetectorSettings;
import org.legwatch.analysis.night.NightSettings;
import org.legwatch.analysis.scoring.Leg;
import org.legwatch.analysis.scoring.ScoringRules;
import org.legwatch.device.config.AgentConfig;

/**
 * What the agent runs with, derived from the configuration and the sensors found: the analysis
 * settings, the night window and the timings of the night's life cycle.
 */
public record AgentSetup(NightSession.Settings settings, NightWindow window, double endAfterUpMinutes,
                         long checkpointNs, double resumeWithinMinutes) {

    /** The setup for {@code legs} sensors of range {@code rangeG} at {@code rateHz}, in the time zone {@code zone}. */
    public static AgentSetup of(AgentConfig config, List<Leg> legs, double rateHz, double rangeG, ZoneId zone) {
        NightSettings night = NightSettings.DEFAULT.withShankAxis(config.shankAxis()).withSensorRange(rangeG)
                .withMinValidHours(config.minValidHours());
        NightSession.Settings settings = new NightSession.Settings(night, DetectorSettings.DEFAULT,
                ScoringRules.named(config.rules()), legs, rateHz, config.rawDir());
        return new AgentSetup(settings, new NightWindow(config.windowStart(), config.windowEnd(), zone),
                config.endAfterUpMinutes(), (long) (config.checkpointSeconds() * 1e9), config.resumeWithinMinutes());
    }
}
