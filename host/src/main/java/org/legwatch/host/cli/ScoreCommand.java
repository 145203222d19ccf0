package org.legwatch.host.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.legwatch.analysis.night.NightSummary;
import org.legwatch.analysis.night.ScoredNight;
import org.legwatch.analysis.night.TimeSpan;
import org.legwatch.analysis.scoring.LegMovement;
import org.legwatch.analysis.scoring.ScoringAnnotations;
import org.legwatch.analysis.scoring.ScoringRules;
import org.legwatch.host.io.InputFormatException;
import org.legwatch.host.io.MovementListCsv;
import org.legwatch.host.io.NightSummaryJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code legwatch score}: scores a leg-movement list by WASM 2016 (or AASM). */
@Command(name = "score",
        mixinStandardHelpOptions = true,
        description = {
            "Scores a leg-movement list (CSV onset_s,offset_s,leg with leg R or L) by the WASM 2016 rules",
            "and writes one row per final movement: onset_s,offset_s,leg,clm,plm (leg R, L or B)."})
public final class ScoreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    NightRuleOptions nightRules;

    @Option(names = "--lms", required = true, paramLabel = "FILE", description = "Movement list to score (.csv or .csv.gz).")
    Path lms;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the scored list.")
    Path out;

    @Option(names = "--summary-out", paramLabel = "FILE", description = "Also write the night summary (JSON).")
    Path summaryOut;

    @Option(names = "--in-bed", paramLabel = "START-END",
            description = "An in-bed span in seconds, e.g. 1200-30000 (repeatable). Movements outside are left out; "
                    + "the spans are the denominator of the indices. Default: 0 to the last offset.")
    List<String> inBed = new ArrayList<>();

    @Option(names = "--respiratory", paramLabel = "FILE",
            description = "Respiratory events (CSV start_s,end_s): CLMs near their ends are respiratory-related and PLMs are also counted without them.")
    Path respiratory;

    @Option(names = "--arousals", paramLabel = "FILE", description = "Arousals (CSV start_s,end_s) to associate with movements.")
    Path arousals;

    @Option(names = "--detail", description = "Add columns joined,series,imi_s,respiratory,arousal,plm_excl_resp.")
    boolean detail;

    @Override
    public Integer call() throws IOException, InputFormatException {
        ScoringRules ruleSet = nightRules.scoringRules();
        List<LegMovement> movements = MovementListCsv.read(lms);
        ScoredNight night = ScoredNight.score(movements, ruleSet, annotations(), spans(), nightRules.minValidHours);
        MovementListCsv.write(out, night.movements(), detail);
        if (summaryOut != null) {
            NightSummaryJson.write(summaryOut, night.summary());
        }
        NightSummary summary = night.summary();
        spec.commandLine().getOut().printf("%s: %d movements in, %d final (%d CLM, %d PLM in %d series), %s -> %s%n",
                lms, movements.size(), night.movements().size(), summary.statistics().clm().total(),
                summary.statistics().plm().total(), summary.statistics().seriesCount(), ruleSet.name(), out);
        return 0;
    }

    private ScoringAnnotations annotations() throws IOException, InputFormatException {
        if (respiratory == null && arousals == null) {
            return ScoringAnnotations.NONE;
        }
        long[] ends = null;
        if (respiratory != null) {
            List<TimeSpan> events = MovementListCsv.readSpans(respiratory);
            ends = events.stream().mapToLong(TimeSpan::endUs).toArray();
        }
        long[][] arousalSpans = null;
        if (arousals != null) {
            arousalSpans = MovementListCsv.readSpans(arousals).stream()
                    .map(s -> new long[] {s.startUs(), s.endUs()}).toArray(long[][]::new);
        }
        return ScoringAnnotations.of(ends, arousalSpans);
    }

    private List<TimeSpan> spans() {
        List<TimeSpan> spans = new ArrayList<>();
        for (String text : inBed) {
            spans.add(CliArguments.span("--in-bed", text));
        }
        return spans;
    }
}
