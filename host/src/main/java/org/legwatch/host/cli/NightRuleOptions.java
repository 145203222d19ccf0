package org.legwatch.host.cli;

import org.legwatch.analysis.night.NightSummary;
import org.legwatch.analysis.scoring.ScoringRules;
import picocli.CommandLine.Option;

/** The options every command that scores a night shares: the rule set and the validity threshold. */
final class NightRuleOptions {
    @Option(names = "--rules", paramLabel = "NAME", defaultValue = "wasm2016",
            description = "Rule set: wasm2016 (default) or aasm.")
    String rules;

    @Option(names = "--min-valid-hours", paramLabel = "H",
            description = "Least time in bed for a valid night (default ${DEFAULT-VALUE}).")
    double minValidHours = NightSummary.DEFAULT_MIN_VALID_HOURS;

    ScoringRules scoringRules() {
        return ScoringRules.named(rules);
    }
}
