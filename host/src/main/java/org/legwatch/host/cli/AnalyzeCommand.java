package org.legwatch.host.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.legwatch.analysis.response.CohortSummary;
import org.legwatch.analysis.response.InfusionResponse;
import org.legwatch.analysis.response.OutcomeComparison;
import org.legwatch.analysis.response.PatientResponse;
import org.legwatch.analysis.response.PatientTimeline;
import org.legwatch.analysis.response.ResponderRule;
import org.legwatch.analysis.response.ResponseAnalysis;
import org.legwatch.analysis.response.ResponseSettings;
import org.legwatch.host.io.InputFormatException;
import org.legwatch.host.io.ResponseCsv;
import org.legwatch.host.io.ResponseJson;
import org.legwatch.host.io.TextFiles;
import org.legwatch.host.report.ReportText;
import org.legwatch.host.response.CsvPatientTimelines;
import org.legwatch.host.response.PatientTimelineSource;
import org.legwatch.host.response.StorePatientTimelines;
import org.legwatch.host.store.Store;
import org.legwatch.host.store.Stores;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code legwatch analyze}: did the PLM index respond to each iron infusion, and for how long? */
@Command(name = "analyze",
        mixinStandardHelpOptions = true,
        description = {
            "Iron-response analysis (docs/analysis.md): for every IV iron course of every patient, compares the PLM index",
            "of a baseline window before it with a response window after it (medians, Hodges-Lehmann shift with a",
            "confidence interval and p-value that allow for night-to-night correlation, means, interrupted time series),",
            "calls a responder by the stated rule, times the response and its loss, suggests a date to review re-dosing,",
            "reads ferritin (decay, AASM 2024 check) and lists confounders; then summarises the cohort.",
            "Inputs and outputs: docs/formats.md."})
public final class AnalyzeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--nights", paramLabel = "FILE",
            description = "Nightly results: patient,date,plmi,plm_count,time_in_bed_h,periodicity_index,valid.")
    Path nights;

    @Option(names = "--therapy", paramLabel = "FILE",
            description = "Therapy record: patient,date,kind,detail,value,unit.")
    Path therapy;

    @Option(names = "--store", paramLabel = "URL",
            description = "Read every patient's nights and therapy record from the store (sqlite:FILE or influx:URL) instead of --nights/--therapy.")
    String store;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the analysis (JSON).")
    Path out;

    @Option(names = "--nights-out", paramLabel = "FILE", description = "Also write one row per patient-night (CSV).")
    Path nightsOut;

    @Option(names = "--infusions-out", paramLabel = "FILE", description = "Also write one row per infusion course (CSV).")
    Path infusionsOut;

    @Option(names = "--cohort-out", paramLabel = "FILE", description = "Also write the cohort's responder rates by group (CSV).")
    Path cohortOut;

    @Option(names = "--baseline-days", paramLabel = "D", description = "Baseline window: the D days before the infusion (default ${DEFAULT-VALUE}).")
    int baselineDays = ResponseSettings.DEFAULT.baselineDays();

    @Option(names = "--response-start-day", paramLabel = "D", description = "First day of the response window after the infusion (default ${DEFAULT-VALUE}).")
    int responseStart = ResponseSettings.DEFAULT.responseStartDay();

    @Option(names = "--response-end-day", paramLabel = "D", description = "The response window ends before this day (default ${DEFAULT-VALUE}).")
    int responseEnd = ResponseSettings.DEFAULT.responseEndDay();

    @Option(names = "--min-valid-nights", paramLabel = "N",
            description = "Fewer valid nights in a window: too few to compare, responder null (default ${DEFAULT-VALUE}).")
    int minValidNights = ResponseSettings.DEFAULT.minValidNights();

    @Option(names = "--confidence", paramLabel = "LEVEL", description = "Confidence level of intervals (default ${DEFAULT-VALUE}).")
    double confidence = ResponseSettings.DEFAULT.confidence();

    @Option(names = "--responder-min-fall", paramLabel = "PCT",
            description = "Responder: the PLMI median falls by at least PCT %% (default ${DEFAULT-VALUE}; 0 = any significant fall).")
    double minFall = ResponderRule.DEFAULT.minFallPercent();

    @Option(names = "--responder-requires-ci", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Responder: the confidence interval of the change must lie below 0 (default true; --no-responder-requires-ci to drop).")
    boolean requireCi;

    @Option(names = "--course-gap-days", paramLabel = "D",
            description = "IV doses at most D days apart form one course (default ${DEFAULT-VALUE}).")
    int courseGapDays = ResponseSettings.DEFAULT.courseGapDays();

    @Option(names = "--quiet", description = "Print only the cohort summary.")
    boolean quiet;

    /** Every patient's timeline, from the CSV files or from the store. */
    private List<PatientTimeline> readTimelines() throws IOException, InputFormatException {
        if (store == null && (nights == null || therapy == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --nights and --therapy, or --store");
        }
        if (store != null && (nights != null || therapy != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give either --store or --nights and --therapy, not both");
        }
        List<PatientTimeline> timelines = new ArrayList<>();
        try (Store opened = store == null ? null : Stores.open(store)) {
            PatientTimelineSource source = opened != null ? new StorePatientTimelines(opened)
                    : CsvPatientTimelines.read(nights, therapy);
            for (String patient : source.patients()) {
                timelines.add(source.timeline(patient));
            }
        }
        return timelines;
    }

    @Override
    public Integer call() throws IOException, InputFormatException {
        ResponseSettings settings = settings();
        List<PatientTimeline> timelines = readTimelines();
        List<PatientResponse> results = analyze(timelines, settings);
        CohortSummary cohort = CohortSummary.of(results, settings.confidence());
        ResponseJson.write(out, results, cohort, settings);
        if (nightsOut != null) {
            TextFiles.writeAtomically(nightsOut, w -> {
                w.write(ResponseCsv.NIGHTS_HEADER + "\n");
                for (int i = 0; i < timelines.size(); i++) {
                    ResponseCsv.appendNights(w, timelines.get(i), results.get(i), settings);
                }
            });
        }
        if (infusionsOut != null) {
            ResponseCsv.writeInfusions(infusionsOut, results);
        }
        if (cohortOut != null) {
            ResponseCsv.writeCohort(cohortOut, cohort);
        }
        report(spec.commandLine().getOut(), results, cohort, settings);
        return 0;
    }

    ResponseSettings settings() {
        return ResponseSettings.of(baselineDays, responseStart, responseEnd, minValidNights, confidence,
                new ResponderRule(minFall, requireCi), courseGapDays);
    }

    /** Patients are independent, so they are analysed in parallel; the order of the results is the patients'. */
    static List<PatientResponse> analyze(List<PatientTimeline> timelines, ResponseSettings settings) {
        return timelines.parallelStream().map(t -> ResponseAnalysis.analyze(t, settings)).toList();
    }

    private void report(PrintWriter print, List<PatientResponse> results, CohortSummary cohort, ResponseSettings settings) {
        print.println("rule: " + settings.ruleText());
        if (!quiet) {
            for (PatientResponse patient : results) {
                for (InfusionResponse r : patient.infusions()) {
                    print.println(line(patient.patient(), r));
                }
            }
        }
        print.printf(Locale.ROOT, "%d patients, %d courses, %d evaluable: %d responders (%.0f %%, 95%% CI %.0f-%.0f %%), "
                        + "%d significant falls -> %s%n",
                cohort.patients(), cohort.courses(), cohort.evaluable(), cohort.responders().successes(),
                100 * orZero(cohort.responders().estimate()), 100 * orZero(cohort.responders().ciLow()),
                100 * orZero(cohort.responders().ciHigh()), cohort.significantFalls().successes(), out);
    }

    private static String line(String patient, InfusionResponse r) {
        OutcomeComparison p = r.plmi();
        String head = String.format(Locale.ROOT, "%s %s %s %.0f mg: ", patient, r.course().date(), r.course().product(),
                r.course().totalDoseMg());
        if (!p.comparable()) {
            return head + String.format(Locale.ROOT, "too few valid nights (baseline %d, response %d): responder undecided",
                    p.baseline().size(), p.response().size());
        }
        String call = r.responder() ? "responder" : r.significantFall() ? "significant fall, below the responder threshold" : "no response";
        String timing = r.timing().onsetDay() == null ? ""
                : String.format(Locale.ROOT, "; onset day %d%s; review %s", r.timing().onsetDay(),
                        r.timing().lossDay() == null ? "" : ", lost day " + r.timing().lossDay(), r.timing().reviewDate());
        return head + String.format(Locale.ROOT, "PLMI %.1f -> %.1f /h (%+.0f %%), change %+.1f /h [%.1f, %.1f], p %s: %s%s",
                p.baselineMedian(), p.responseMedian(), p.changePercent(), p.shift().shift(), p.shift().ciLow(), p.shift().ciHigh(),
                ReportText.pValue(p.shift().pValue()), call, timing);
    }

    private static double orZero(double value) {
        return Double.isFinite(value) ? value : 0;
    }
}
