package org.legwatch.host.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
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
 *
 * <p>Files carry numbers rounded to 6 decimals. The <em>exact</em> form (the stores keep it) has
 * every number as written by {@link Double#toString} and every key even where the file form leaves
 * it out, so that {@link #read} gives back an equal {@link NightSummary}.
 */
public final class NightSummaryJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper COMPACT = new ObjectMapper();

    private NightSummaryJson() {
    }

    /** The file form: numbers rounded to 6 decimals. */
    public static ObjectNode toJson(NightSummary summary) {
        return toJson(summary, false);
    }

    /** The exact form as compact text, which {@link #parseExact} reads back to an equal summary. */
    public static String toExactText(NightSummary summary) {
        try {
            return COMPACT.writeValueAsString(toJson(summary, true));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree built here could not be written", e);
        }
    }

    private static ObjectNode toJson(NightSummary summary, boolean exact) {
        NightStatistics s = summary.statistics();
        ObjectNode root = JSON.createObjectNode();
        root.put("rules", s.rules());
        root.put("lm_count", s.lm().total());
        root.put("clm_count", s.clm().total());
        root.put("plm_count", s.plm().total());
        number(exact, root, "time_in_bed_h", summary.hoursInBed());
        number(exact, root, "plmi", s.plmIndex());
        number(exact, root, "periodicity_index", s.periodicityIndex());
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
        if (signal.measured() || exact) {
            quality.put("legs", signal.legs());
            quality.put("samples", signal.samples());
            quality.put("samples_lost", signal.lostSamples());
            number(exact, quality, "samples_lost_fraction", signal.lostFraction());
            quality.put("gaps", signal.gaps());
            quality.put("samples_clipped", signal.clippedSamples());
            number(exact, quality, "not_worn_h", signal.notWornHours());
            number(exact, quality, "recorded_h", signal.recordedHours());
        }

        number(exact, root, "lm_index", s.lmIndex());
        number(exact, root, "clm_index", s.clmIndex());
        ObjectNode byLeg = root.putObject("by_leg");
        legCounts(byLeg.putObject("lm"), s.lm());
        legCounts(byLeg.putObject("clm"), s.clm());
        legCounts(byLeg.putObject("plm"), s.plm());

        root.put("respiratory_scored", s.respiratoryScored());
        if (s.respiratoryScored() || exact) {
            root.put("plm_count_excluding_respiratory", s.plmExcludingRespiratory());
            number(exact, root, "plmi_excluding_respiratory", s.plmIndexExcludingRespiratory());
            root.put("respiratory_clm_count", s.respiratoryClmCount());
        }
        root.put("arousal_lm_count", s.arousalLmCount());
        root.put("arousal_plm_count", s.arousalPlmCount());

        ObjectNode series = root.putObject("series");
        series.put("count", s.seriesCount());
        series.put("length_min", s.seriesLengthMin());
        series.put("length_max", s.seriesLengthMax());
        number(exact, series, "length_mean", s.seriesLengthMean());

        ObjectNode imi = root.putObject("imi");
        imi.put("count", s.imiCount());
        imi.put("bin_s", NightStatistics.IMI_BIN_S);
        ints(imi.putArray("histogram"), s.imiHistogram());
        imi.put("above_90_s", s.imiAbove90Count());
        number(exact, imi, "log_mean", s.logImiMean());
        number(exact, imi, "log_sd", s.logImiSd());

        ObjectNode duration = root.putObject("duration_s");
        number(exact, duration, "mean", s.durationMeanS());
        number(exact, duration, "sd", s.durationSdS());
        number(exact, duration, "median", s.durationMedianS());
        number(exact, duration, "min", s.durationMinS());
        number(exact, duration, "max", s.durationMaxS());

        ObjectNode hourly = root.putObject("per_hour_of_recording");
        ints(hourly.putArray("lm"), s.lmPerHourOfRecording());
        ints(hourly.putArray("plm"), s.plmPerHourOfRecording());
        return root;
    }

    public static void write(Path file, NightSummary summary) throws IOException {
        String text = JSON.writeValueAsString(toJson(summary)) + "\n";
        TextFiles.writeAtomically(file, writer -> writer.write(text));
    }

    /**
     * Reads a night summary JSON file (as {@code score} and {@code detect} write it); errors name
     * the file and the key.
     */
    public static NightSummary read(Path file) throws IOException, InputFormatException {
        JsonNode root;
        try (BufferedReader reader = TextFiles.openText(file)) {
            root = COMPACT.readTree(reader);
        } catch (JsonProcessingException e) {
            throw new InputFormatException(file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), null,
                    "not JSON: " + e.getOriginalMessage());
        }
        return fromJson(root, file);
    }

    /** Reads the exact form written by {@link #toExactText}; {@code source} names it in errors. */
    public static NightSummary parseExact(String text, Path source) throws InputFormatException {
        try {
            return fromJson(COMPACT.readTree(text), source);
        } catch (JsonProcessingException e) {
            throw new InputFormatException(source, 0, null, "not JSON: " + e.getOriginalMessage());
        }
    }

    private static NightSummary fromJson(JsonNode root, Path file) throws InputFormatException {
        JsonReader in = new JsonReader(file);
        if (!root.isObject()) {
            throw new InputFormatException(file, 0, null, "expected a JSON object (a night summary)");
        }
        JsonNode quality = in.object(root, "quality");
        JsonNode byLeg = in.object(root, "by_leg");
        JsonNode series = in.object(root, "series");
        JsonNode imi = in.object(root, "imi");
        JsonNode duration = in.object(root, "duration_s");
        JsonNode hourly = in.object(root, "per_hour_of_recording");
        boolean respiratoryScored = in.bool(root, "respiratory_scored");
        int plmCount = in.integer(root, "plm_count");

        List<TimeSpan> inBed = new ArrayList<>();
        for (JsonNode span : in.array(root, "in_bed")) {
            if (!span.isArray() || span.size() != 2 || !span.get(0).isNumber() || !span.get(1).isNumber()) {
                throw new InputFormatException(file, 0, "in_bed", "each span is [start_s, end_s]: " + span);
            }
            long start = Micros.ofSeconds(span.get(0).doubleValue());
            long end = Micros.ofSeconds(span.get(1).doubleValue());
            if (end < start) {
                throw new InputFormatException(file, 0, "in_bed", "a span ends before it starts: " + span);
            }
            inBed.add(new TimeSpan(start, end));
        }
        NightStatistics statistics = new NightStatistics(
                in.text(root, "rules"),
                in.number(root, "time_in_bed_h"),
                in.legCounts(byLeg, "lm", in.integer(root, "lm_count")),
                in.legCounts(byLeg, "clm", in.integer(root, "clm_count")),
                in.legCounts(byLeg, "plm", plmCount),
                root.has("plm_count_excluding_respiratory") ? in.integer(root, "plm_count_excluding_respiratory") : plmCount,
                root.has("respiratory_clm_count") ? in.integer(root, "respiratory_clm_count") : 0,
                in.integer(root, "arousal_lm_count"),
                in.integer(root, "arousal_plm_count"),
                respiratoryScored,
                in.integer(series, "count"),
                in.integer(series, "length_min"),
                in.integer(series, "length_max"),
                in.number(series, "length_mean"),
                in.number(root, "periodicity_index"),
                in.integer(imi, "count"),
                in.integers(imi, "histogram"),
                in.integer(imi, "above_90_s"),
                in.number(imi, "log_mean"),
                in.number(imi, "log_sd"),
                in.number(duration, "mean"),
                in.number(duration, "sd"),
                in.number(duration, "median"),
                in.number(duration, "min"),
                in.number(duration, "max"),
                in.integers(hourly, "lm"),
                in.integers(hourly, "plm"));
        List<String> reasons = new ArrayList<>();
        for (JsonNode reason : in.array(quality, "invalid_reasons")) {
            reasons.add(reason.asText());
        }
        SignalQuality signal = in.bool(quality, "from_samples")
                ? new SignalQuality(true, in.integer(quality, "legs"), in.longInteger(quality, "samples"),
                        in.longInteger(quality, "samples_lost"), in.longInteger(quality, "gaps"),
                        in.longInteger(quality, "samples_clipped"), in.number(quality, "not_worn_h"),
                        in.number(quality, "recorded_h"))
                : SignalQuality.NOT_MEASURED;
        return new NightSummary(statistics, inBed, in.bool(root, "valid"), reasons,
                in.number(quality, "min_valid_hours_in_bed"), signal);
    }

    /** Typed access to keys, naming the missing or malformed key and the file. */
    private record JsonReader(Path file) {
        JsonNode get(JsonNode node, String key) throws InputFormatException {
            JsonNode value = node.get(key);
            if (value == null) {
                throw new InputFormatException(file, 0, key, "missing key in the night summary");
            }
            return value;
        }

        JsonNode object(JsonNode node, String key) throws InputFormatException {
            JsonNode value = get(node, key);
            if (!value.isObject()) {
                throw new InputFormatException(file, 0, key, "expected an object");
            }
            return value;
        }

        JsonNode array(JsonNode node, String key) throws InputFormatException {
            JsonNode value = get(node, key);
            if (!value.isArray()) {
                throw new InputFormatException(file, 0, key, "expected a list");
            }
            return value;
        }

        String text(JsonNode node, String key) throws InputFormatException {
            JsonNode value = get(node, key);
            if (!value.isTextual()) {
                throw new InputFormatException(file, 0, key, "expected text");
            }
            return value.textValue();
        }

        boolean bool(JsonNode node, String key) throws InputFormatException {
            JsonNode value = get(node, key);
            if (!value.isBoolean()) {
                throw new InputFormatException(file, 0, key, "expected true or false");
            }
            return value.booleanValue();
        }

        /** A number; JSON null is an undefined number (NaN). */
        double number(JsonNode node, String key) throws InputFormatException {
            JsonNode value = get(node, key);
            if (value.isNull()) {
                return Double.NaN;
            }
            if (!value.isNumber()) {
                throw new InputFormatException(file, 0, key, "expected a number, found " + value);
            }
            return value.doubleValue();
        }

        long longInteger(JsonNode node, String key) throws InputFormatException {
            JsonNode value = get(node, key);
            if (!value.canConvertToExactIntegral() || !value.canConvertToLong()) {
                throw new InputFormatException(file, 0, key, "expected a whole number, found " + value);
            }
            return value.longValue();
        }

        int integer(JsonNode node, String key) throws InputFormatException {
            long value = longInteger(node, key);
            if (value != (int) value) {
                throw new InputFormatException(file, 0, key, value + " is out of range");
            }
            return (int) value;
        }

        List<Integer> integers(JsonNode node, String key) throws InputFormatException {
            List<Integer> values = new ArrayList<>();
            for (JsonNode item : array(node, key)) {
                if (!item.canConvertToExactIntegral() || !item.canConvertToInt()) {
                    throw new InputFormatException(file, 0, key, "expected whole numbers, found " + item);
                }
                values.add(item.intValue());
            }
            return values;
        }

        NightStatistics.LegCounts legCounts(JsonNode byLeg, String key, int total) throws InputFormatException {
            JsonNode counts = object(byLeg, key);
            return new NightStatistics.LegCounts(total, integer(counts, "R"), integer(counts, "L"), integer(counts, "B"));
        }
    }

    private static void number(boolean exact, ObjectNode node, String key, double value) {
        if (Double.isFinite(value) && exact) {
            node.put(key, value);
        } else if (Double.isFinite(value)) {
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
