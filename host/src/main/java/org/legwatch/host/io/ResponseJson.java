package org.legwatch.host.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.legwatch.analysis.response.CohortSummary;
import org.legwatch.analysis.response.Confounder;
import org.legwatch.analysis.response.Distribution;
import org.legwatch.analysis.response.FerritinDecay;
import org.legwatch.analysis.response.FerritinReading;
import org.legwatch.analysis.response.InfusionResponse;
import org.legwatch.analysis.response.InterruptedTimeSeries;
import org.legwatch.analysis.response.IronGuideline;
import org.legwatch.analysis.response.OutcomeComparison;
import org.legwatch.analysis.response.PatientResponse;
import org.legwatch.analysis.response.Proportion;
import org.legwatch.analysis.response.RankCorrelation;
import org.legwatch.analysis.response.ResponseSettings;
import org.legwatch.analysis.response.ResponseTiming;
import org.legwatch.analysis.response.TherapyEvent;

/**
 * The output of {@code legwatch analyze}: {@code patients}, each with {@code infusions}, each with
 * the keys of the contract ({@code date}, {@code baseline_nights}, {@code response_nights},
 * {@code baseline_median}, {@code response_median}, {@code change_pct}, {@code ci_low},
 * {@code ci_high}, {@code p_value}, {@code responder}, {@code rule}) and the rest of the analysis;
 * {@code settings} and {@code cohort} beside them. Undefined numbers are JSON null; numbers carry 6
 * significant digits. docs/formats.md lists every key.
 */
public final class ResponseJson {
    private static final ObjectMapper JSON = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private ResponseJson() {
    }

    /** Writes patient by patient, so a cohort's output is never held in memory as a whole. */
    public static void write(Path file, List<PatientResponse> patients, CohortSummary cohort, ResponseSettings settings)
            throws IOException {
        TextFiles.writeAtomically(file, writer -> {
            try (JsonGenerator json = JSON.getFactory().createGenerator(writer)) {
                json.useDefaultPrettyPrinter();
                json.writeStartObject();
                json.writeStringField("generated_by", "legwatch analyze");
                json.writeStringField("rule", settings.ruleText());
                json.writeFieldName("settings");
                JSON.writeTree(json, settings(settings));
                json.writeArrayFieldStart("patients");
                for (PatientResponse patient : patients) {
                    JSON.writeTree(json, patient(patient));
                }
                json.writeEndArray();
                json.writeFieldName("cohort");
                JSON.writeTree(json, cohort(cohort));
                json.writeEndObject();
            }
            writer.write("\n");
        });
    }

    private static ObjectNode settings(ResponseSettings s) {
        ObjectNode node = JSON.createObjectNode();
        node.put("baseline_days", s.baselineDays());
        node.put("response_start_day", s.responseStartDay());
        node.put("response_end_day", s.responseEndDay());
        node.put("min_valid_nights", s.minValidNights());
        number(node, "confidence", s.confidence());
        number(node, "responder_min_fall_pct", s.responderRule().minFallPercent());
        node.put("responder_requires_ci", s.responderRule().requireSignificance());
        node.put("course_gap_days", s.courseGapDays());
        node.put("unreliable_ferritin_days", s.unreliableFerritinDays());
        node.put("sustained_nights", s.sustainedNights());
        node.put("loss_nights", s.lossNights());
        number(node, "loss_fraction", s.lossFraction());
        node.put("usual_duration_days", s.usualDurationDays());
        number(node, "ferritin_target_ug_l", s.ferritinTarget());
        return node;
    }

    private static ObjectNode patient(PatientResponse p) {
        ObjectNode node = JSON.createObjectNode();
        node.put("patient", p.patient());
        node.put("nights", p.nights());
        node.put("valid_nights", p.validNights());
        date(node, "first_night", p.firstNight());
        date(node, "last_night", p.lastNight());
        ArrayNode infusions = node.putArray("infusions");
        for (InfusionResponse infusion : p.infusions()) {
            infusions.add(infusion(infusion));
        }
        ArrayNode ferritin = node.putArray("ferritin");
        for (FerritinReading reading : p.ferritin()) {
            ferritin.add(reading(reading));
        }
        if (p.latestGuideline() == null) {
            node.putNull("guideline");
        } else {
            node.set("guideline", guideline(p.latestGuideline()));
        }
        correlation(node, "plmi_vs_ferritin", p.plmiVsFerritin());
        return node;
    }

    private static ObjectNode infusion(InfusionResponse r) {
        ObjectNode node = JSON.createObjectNode();
        OutcomeComparison plmi = r.plmi();
        node.put("date", r.course().date().toString());
        node.put("course", r.course().number());
        node.put("product", r.course().product());
        node.put("formulation", r.course().formulation().code());
        number(node, "total_dose_mg", r.course().totalDoseMg());
        ArrayNode doses = node.putArray("doses");
        for (TherapyEvent dose : r.course().doses()) {
            ObjectNode d = doses.addObject();
            d.put("date", dose.date().toString());
            d.put("product", dose.detail());
            number(d, "dose_mg", dose.value());
        }
        window(node, "baseline_window", r.baselineFrom(), r.baselineTo());
        window(node, "response_window", r.responseFrom(), r.responseTo());
        comparison(node, plmi);
        node.put("responder", r.responder());
        node.put("significant_fall", r.significantFall());
        node.put("rule", r.rule());

        ResponseTiming t = r.timing();
        integer(node, "time_to_response_days", t.onsetDay());
        date(node, "response_onset_date", t.onsetDate());
        integer(node, "loss_of_response_day", t.lossDay());
        date(node, "loss_of_response_date", t.lossDate());
        integer(node, "response_duration_days", t.durationDays());
        node.put("duration_censored", t.durationCensored());
        number(node, "responding_plmi", t.respondingLevel());
        date(node, "review_date", t.reviewDate());
        node.put("review_basis", t.reviewBasis());

        ObjectNode periodicity = node.putObject("periodicity_index");
        comparison(periodicity, r.periodicity());

        if (r.ferritinBefore() == null) {
            node.putNull("ferritin_before");
        } else {
            node.set("ferritin_before", reading(r.ferritinBefore()));
        }
        ArrayNode after = node.putArray("ferritin_after");
        for (FerritinReading reading : r.ferritinAfter()) {
            after.add(reading(reading));
        }
        FerritinDecay decay = r.ferritinDecay();
        if (decay == null) {
            node.putNull("ferritin_decay");
        } else {
            ObjectNode d = node.putObject("ferritin_decay");
            number(d, "rate_ug_l_per_week", decay.ratePerWeek());
            d.put("readings", decay.readings());
            d.put("uses_values_within_4_weeks", decay.usesUnreliable());
            number(d, "target_ug_l", decay.target());
            date(d, "projected_below_target", decay.projectedBelowTarget());
        }
        correlation(node, "plmi_vs_days_since_infusion", r.plmiVsDaysSince());
        ArrayNode confounders = node.putArray("confounders");
        for (Confounder c : r.confounders()) {
            ObjectNode cn = confounders.addObject();
            cn.put("kind", c.kind());
            date(cn, "from", c.from());
            date(cn, "to", c.to());
            cn.put("detail", c.detail());
            number(cn, "value", c.value());
            cn.put("unit", c.unit());
            ArrayNode windows = cn.putArray("windows");
            c.windows().forEach(windows::add);
        }
        date(node, "next_course", r.nextCourse());
        date(node, "baseline_after_course", r.baselineAfterCourse());
        ArrayNode notes = node.putArray("notes");
        r.notes().forEach(notes::add);
        return node;
    }

    /** The comparison keys shared by the PLMI (at the infusion's top level) and the periodicity index. */
    private static void comparison(ObjectNode node, OutcomeComparison c) {
        node.put("baseline_nights", c.baseline().size());
        node.put("response_nights", c.response().size());
        node.put("too_few_valid_nights", !c.comparable());
        number(node, "baseline_median", c.baselineMedian());
        number(node, "response_median", c.responseMedian());
        number(node, "change_pct", c.changePercent());
        number(node, "baseline_mean", c.baselineMean());
        number(node, "response_mean", c.responseMean());
        boolean compared = c.comparable();
        number(node, "change", compared ? c.shift().shift() : Double.NaN);
        number(node, "ci_low", compared ? c.shift().ciLow() : Double.NaN);
        number(node, "ci_high", compared ? c.shift().ciHigh() : Double.NaN);
        number(node, "p_value", compared ? c.shift().pValue() : Double.NaN);
        number(node, "autocorrelation", compared ? c.shift().rho() : Double.NaN);
        number(node, "effective_nights", compared ? c.shift().effectiveNights() : Double.NaN);
        number(node, "mean_change", compared ? c.meanChange().difference() : Double.NaN);
        number(node, "mean_ci_low", compared ? c.meanChange().ciLow() : Double.NaN);
        number(node, "mean_ci_high", compared ? c.meanChange().ciHigh() : Double.NaN);
        number(node, "mean_p_value", compared ? c.meanChange().pValue() : Double.NaN);
        InterruptedTimeSeries.Result its = c.timeSeries();
        if (its == null) {
            node.putNull("interrupted_time_series");
            return;
        }
        ObjectNode n = node.putObject("interrupted_time_series");
        n.put("nights", its.nights());
        number(n, "autocorrelation", its.rho());
        number(n, "baseline_slope_per_week", its.baselineSlopePerWeek());
        number(n, "level_change", its.levelChange());
        number(n, "level_ci_low", its.levelCiLow());
        number(n, "level_ci_high", its.levelCiHigh());
        number(n, "level_p_value", its.levelP());
        number(n, "slope_change_per_week", its.slopeChangePerWeek());
        number(n, "slope_ci_low", its.slopeCiLow());
        number(n, "slope_ci_high", its.slopeCiHigh());
        number(n, "slope_p_value", its.slopeP());
    }

    private static ObjectNode reading(FerritinReading r) {
        ObjectNode node = JSON.createObjectNode();
        node.put("date", r.date().toString());
        number(node, "ferritin_ug_l", r.ferritin());
        number(node, "tsat_pct", r.tsat());
        if (r.daysSinceIv() < 0) {
            node.putNull("days_since_iv_iron");
        } else {
            node.put("days_since_iv_iron", r.daysSinceIv());
        }
        node.put("unreliable", r.unreliable());
        node.set("guideline", guideline(r.guideline()));
        return node;
    }

    private static ObjectNode guideline(IronGuideline.Check check) {
        ObjectNode node = JSON.createObjectNode();
        node.put("recommendation", check.recommendation().code());
        number(node, "ferritin_ug_l", check.ferritin());
        number(node, "tsat_pct", check.tsat());
        node.put("unreliable", check.unreliable());
        node.put("text", check.reason());
        return node;
    }

    private static ObjectNode cohort(CohortSummary c) {
        ObjectNode node = JSON.createObjectNode();
        node.put("patients", c.patients());
        node.put("courses", c.courses());
        node.put("evaluable_courses", c.evaluable());
        proportion(node, "responders", c.responders());
        proportion(node, "significant_falls", c.significantFalls());
        distribution(node, "change_per_hour", c.changePerHour());
        distribution(node, "change_pct", c.changePercent());
        ArrayNode histogram = node.putArray("change_pct_histogram");
        for (CohortSummary.Bin bin : c.histogram()) {
            ObjectNode b = histogram.addObject();
            number(b, "from_pct", bin.fromPercent());
            number(b, "to_pct", bin.toPercent());
            b.put("count", bin.count());
        }
        distribution(node, "time_to_response_days", c.timeToResponse());
        CohortSummary.Durability d = c.durability();
        ObjectNode durability = node.putObject("durability");
        durability.put("responses", d.responses());
        durability.put("losses_observed", d.lossesObserved());
        number(durability, "median_days", d.medianDays());
        number(durability, "lasting_90_days", d.lasting90());
        number(durability, "lasting_180_days", d.lasting180());
        number(durability, "lasting_365_days", d.lasting365());
        ObjectNode perPatient = node.putObject("courses_per_patient");
        c.coursesPerPatient().forEach((courses, patients) -> perPatient.put(Integer.toString(courses), patients));
        CohortSummary.RepeatedCourses r = c.repeated();
        ObjectNode repeated = node.putObject("repeated_courses");
        repeated.put("patients", r.patients());
        repeated.put("both_responded", r.bothResponded());
        repeated.put("only_first_responded", r.onlyFirstResponded());
        repeated.put("only_second_responded", r.onlySecondResponded());
        repeated.put("neither_responded", r.neither());
        groups(node.putArray("by_formulation"), c.byFormulation());
        groups(node.putArray("by_course_number"), c.byCourseNumber());
        return node;
    }

    private static void groups(ArrayNode array, List<CohortSummary.Group> groups) {
        for (CohortSummary.Group g : groups) {
            ObjectNode node = array.addObject();
            node.put("group", g.name());
            node.put("courses", g.courses());
            node.put("evaluable_courses", g.evaluable());
            proportion(node, "responders", g.responders());
            number(node, "median_change_pct", g.medianChangePercent());
            number(node, "median_time_to_response_days", g.medianTimeToResponse());
        }
    }

    private static void proportion(ObjectNode parent, String key, Proportion p) {
        ObjectNode node = parent.putObject(key);
        node.put("count", p.successes());
        node.put("of", p.trials());
        number(node, "rate", p.estimate());
        number(node, "ci_low", p.ciLow());
        number(node, "ci_high", p.ciHigh());
        node.put("interval", "Wilson");
    }

    private static void distribution(ObjectNode parent, String key, Distribution d) {
        ObjectNode node = parent.putObject(key);
        node.put("n", d.n());
        number(node, "mean", d.mean());
        number(node, "sd", d.sd());
        number(node, "min", d.min());
        number(node, "q05", d.q05());
        number(node, "q25", d.q25());
        number(node, "median", d.median());
        number(node, "q75", d.q75());
        number(node, "q95", d.q95());
        number(node, "max", d.max());
    }

    private static void correlation(ObjectNode parent, String key, RankCorrelation c) {
        if (c == null) {
            parent.putNull(key);
            return;
        }
        ObjectNode node = parent.putObject(key);
        number(node, "spearman_rho", c.rho());
        node.put("n", c.n());
    }

    private static void window(ObjectNode node, String key, LocalDate from, LocalDate to) {
        ObjectNode w = node.putObject(key);
        date(w, "from", from);
        date(w, "to", to);
    }

    private static void date(ObjectNode node, String key, LocalDate date) {
        if (date == null) {
            node.putNull(key);
        } else {
            node.put(key, date.toString());
        }
    }

    private static void integer(ObjectNode node, String key, Integer value) {
        if (value == null) {
            node.putNull(key);
        } else {
            node.put(key, value.intValue());
        }
    }

    private static void number(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, Numbers.significant(value));
        } else {
            node.putNull(key);
        }
    }
}
