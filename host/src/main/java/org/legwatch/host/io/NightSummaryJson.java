package org.legwatch.host.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.legwatch.analysis.night.NightSummary;
import org.legwatch.analysis.night.SignalQuality;
import org.legwatch.analysis.night.TimeSpan;
import org.legwatch.analysis.scoring.Micros;
import org.legwatch.analysis.scoring.NightStatistics;

/**
 * The night summary JSON object of docs/formats.md. The keys listed there ({@code lm_count},
 * {@code clm_count}, {@code plm_count}, {@code time_in_bed_h}, {@code plmi},
 * {@code periodicity_index}, {@code in_bed}, {@code valid}, {@code quality}) are a public contract;
 * the rest adds detail. Numbers that are undefined (no time in bed, no IMIs) are JSON null.
 */
public final class NightSummaryJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private NightSummaryJson() {
    }

    public static ObjectNode toJson(NightSummary summary) {
        NightStatistics s = summary.statistics();
        ObjectNode root = JSON.createObjectNode();
        root.put("rules", s.rules());
        root.put("lm_count", s.lm().total());
        root.put("clm_count", s.clm().total());
        root.put("plm_count", s.plm().total());
        number(root, "time_in_bed_h", summary.hoursInBed());
        number(root, "plmi", s.plmIndex());
        number(root, "periodicity_index", s.periodicityIndex());
        ArrayNode inBed = root.putArray("in_bed");
        for (TimeSpan span : summary.inBed()) {
            inBed.addArray().add(Micros.toSeconds(span.startUs())).add(Micros.toSeconds(span.endUs()));
        }
        root.put("valid", summary.valid());
        ObjectNode quality = root.putObject("quality");
        ArrayNode reasons = quality.putArray("invalid_reasons");
        summary.invalidReasons().forEach(reasons::add);
        quality.put("min_valid_hours_in_bed", summary.minValidHoursInBed());
        SignalQuality signal = summary.signal();
        quality.put("from_samples", signal.measured());
        if (signal.measured()) {
            quality.put("legs", signal.legs());
            quality.put("samples", signal.samples());
            quality.put("samples_lost", signal.lostSamples());
            number(quality, "samples_lost_fraction", signal.lostFraction());
            quality.put("gaps", signal.gaps());
            quality.put("samples_clipped", signal.clippedSamples());
            number(quality, "not_worn_h", signal.notWornHours());
            number(quality, "recorded_h", signal.recordedHours());
        }

        number(root, "lm_index", s.lmIndex());
        number(root, "clm_index", s.clmIndex());
        ObjectNode byLeg = root.putObject("by_leg");
        legCounts(byLeg.putObject("lm"), s.lm());
        legCounts(byLeg.putObject("clm"), s.clm());
        legCounts(byLeg.putObject("plm"), s.plm());

        root.put("respiratory_scored", s.respiratoryScored());
        if (s.respiratoryScored()) {
            root.put("plm_count_excluding_respiratory", s.plmExcludingRespiratory());
            number(root, "plmi_excluding_respiratory", s.plmIndexExcludingRespiratory());
            root.put("respiratory_clm_count", s.respiratoryClmCount());
        }
        root.put("arousal_lm_count", s.arousalLmCount());
        root.put("arousal_plm_count", s.arousalPlmCount());

        ObjectNode series = root.putObject("series");
        series.put("count", s.seriesCount());
        series.put("length_min", s.seriesLengthMin());
        series.put("length_max", s.seriesLengthMax());
        number(series, "length_mean", s.seriesLengthMean());

        ObjectNode imi = root.putObject("imi");
        imi.put("count", s.imiCount());
        imi.put("bin_s", NightStatistics.IMI_BIN_S);
        ints(imi.putArray("histogram"), s.imiHistogram());
        imi.put("above_90_s", s.imiAbove90Count());
        number(imi, "log_mean", s.logImiMean());
        number(imi, "log_sd", s.logImiSd());

        ObjectNode duration = root.putObject("duration_s");
        number(duration, "mean", s.durationMeanS());
        number(duration, "sd", s.durationSdS());
        number(duration, "median", s.durationMedianS());
        number(duration, "min", s.durationMinS());
        number(duration, "max", s.durationMaxS());

        ObjectNode hourly = root.putObject("per_hour_of_recording");
        ints(hourly.putArray("lm"), s.lmPerHourOfRecording());
        ints(hourly.putArray("plm"), s.plmPerHourOfRecording());
        return root;
    }

    public static void write(Path file, NightSummary summary) throws IOException {
        String text = JSON.writeValueAsString(toJson(summary)) + "\n";
        TextFiles.writeAtomically(file, writer -> writer.write(text));
    }

    private static void number(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, Math.round(value * 1e6) / 1e6);
        } else {
            node.putNull(key);
        }
    }

    private static void legCounts(ObjectNode node, NightStatistics.LegCounts counts) {
        node.put("R", counts.right());
        node.put("L", counts.left());
        node.put("B", counts.bilateral());
    }

    private static void ints(ArrayNode array, List<Integer> values) {
        values.forEach(array::add);
    }
}
