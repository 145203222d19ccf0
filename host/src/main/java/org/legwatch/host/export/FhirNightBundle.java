package org.legwatch.host.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.legwatch.analysis.night.NightSummary;
import org.legwatch.analysis.night.SignalQuality;
import org.legwatch.analysis.night.TimeSpan;
import org.legwatch.analysis.scoring.NightStatistics;
import org.legwatch.host.store.StoredNight;

/**
 * Nights as a FHIR R4 Bundle of type collection, written as it goes (docs/formats.md, "FHIR"):
 * the local CodeSystem, one Patient per patient, one Observation per night (PLMI as
 * valueQuantity in UCUM {@code /h}, the other figures as components, the in-bed period as
 * effectivePeriod, the method, the device, an invalid night marked by interpretation and note),
 * then one Device per device seen. Entries are named by {@code urn:uuid:} from name-based UUIDs of
 * the legwatch ids, so exporting the same nights twice gives the same file.
 */
public final class FhirNightBundle {
    static final String UCUM = "http://unitsofmeasure.org";
    static final String SID = "https://legwatch.invalid/fhir/sid/";
    static final String CATEGORY_SYSTEM = "http://terminology.hl7.org/CodeSystem/observation-category";
    static final String ABSENT_SYSTEM = "http://terminology.hl7.org/CodeSystem/data-absent-reason";
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private final JsonGenerator json;
    private final Set<String> devices = new LinkedHashSet<>();
    private long observations;

    /** Starts the bundle: its header, the code system and the patients' entries. */
    public FhirNightBundle(Writer out, List<String> patientIds) throws IOException {
        json = JSON.createGenerator(out).useDefaultPrettyPrinter();
        json.writeStartObject();
        json.writeStringField("resourceType", "Bundle");
        json.writeStringField("type", "collection");
        json.writeArrayFieldStart("entry");
        codeSystem();
        for (String patient : patientIds) {
            startEntry("patient", patient, "Patient");
            narrative("legwatch patient " + patient);
            identifier("patient", patient);
            endEntry();
        }
    }

    /** Adds one night's Observation. */
    public void add(StoredNight night) throws IOException {
        NightSummary summary = night.summary();
        NightStatistics s = summary.statistics();
        double hours = summary.hoursInBed();
        devices.add(night.deviceId());
        startEntry("night", nightKey(night), "Observation");
        narrative(String.format(Locale.ROOT, "Night of %s (evening %s, device %s): PLMI %s, %d PLMs, %d leg movements in"
                + " %.2f h in bed; %s.", night.patientId(), night.eveningDate(), night.deviceId(),
                Double.isFinite(s.plmIndex()) ? String.format(Locale.ROOT, "%.1f/h", s.plmIndex()) : "undefined",
                s.plm().total(), s.lm().total(), hours,
                summary.valid() ? "valid" : "not valid: " + String.join("; ", summary.invalidReasons())));
        identifier("night", nightKey(night));
        json.writeStringField("status", "final");
        json.writeArrayFieldStart("category");
        json.writeStartObject();
        codings(CATEGORY_SYSTEM, "procedure", "Procedure");
        json.writeEndObject();
        json.writeStartObject();
        codings(LegwatchCode.SYSTEM, LegwatchCode.NIGHT.code(), LegwatchCode.NIGHT.display());
        json.writeEndObject();
        json.writeEndArray();
        concept("code", LegwatchCode.PLMI, "PLM index (periodic limb movements per hour in bed)");
        reference("subject", "patient", night.patientId(), "Patient " + night.patientId());
        period(night);
        quantityOrAbsent("value", s.plmIndex(), "/h", 2);
        if (!summary.valid()) {
            json.writeArrayFieldStart("interpretation");
            json.writeStartObject();
            codings(LegwatchCode.SYSTEM, LegwatchCode.INVALID_NIGHT.code(), LegwatchCode.INVALID_NIGHT.display());
            json.writeStringField("text", "Not valid: " + String.join("; ", summary.invalidReasons()));
            json.writeEndObject();
            json.writeEndArray();
        }
        notes(night, summary);
        LegwatchCode method = LegwatchCode.method(s.rules());
        concept("method", method, method.definition());
        reference("device", "device", night.deviceId(), "legwatch ankle band " + night.deviceId());
        json.writeArrayFieldStart("component");
        integerComponent(LegwatchCode.PLM_COUNT, s.plm().total());
        integerComponent(LegwatchCode.LM_COUNT, s.lm().total());
        integerComponent(LegwatchCode.CLM_COUNT, s.clm().total());
        quantityComponent(LegwatchCode.LM_INDEX, s.lmIndex(), "/h", 2);
        quantityComponent(LegwatchCode.CLM_INDEX, s.clmIndex(), "/h", 2);
        quantityComponent(LegwatchCode.TIME_IN_BED, hours, "h", 3);
        quantityComponent(LegwatchCode.PERIODICITY_INDEX, s.periodicityIndex(), "1", 3);
        integerComponent(LegwatchCode.PLM_SERIES_COUNT, s.seriesCount());
        json.writeStartObject();
        concept("code", LegwatchCode.VALID, null);
        json.writeBooleanField("valueBoolean", summary.valid());
        json.writeEndObject();
        SignalQuality signal = summary.signal();
        if (signal.measured()) {
            quantityComponent(LegwatchCode.RECORDED_TIME, signal.recordedHours(), "h", 3);
            quantityComponent(LegwatchCode.NOT_WORN_TIME, signal.notWornHours(), "h", 3);
            quantityComponent(LegwatchCode.SAMPLES_LOST, 100 * signal.lostFraction(), "%", 3);
        }
        json.writeEndArray();
        endEntry();
        observations++;
    }

    /** Ends the bundle with the devices' entries; the writer is left open. */
    public void finish() throws IOException {
        for (String device : devices) {
            startEntry("device", device, "Device");
            narrative("legwatch ankle band " + device);
            identifier("device", device);
            json.writeArrayFieldStart("deviceName");
            json.writeStartObject();
            json.writeStringField("name", "legwatch ankle band " + device);
            json.writeStringField("type", "user-friendly-name");
            json.writeEndObject();
            json.writeEndArray();
            json.writeObjectFieldStart("type");
            json.writeStringField("text", "Ankle-worn 3-axis accelerometer with a Raspberry Pi (legwatch)");
            json.writeEndObject();
            endEntry();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.flush();
    }

    /** Observations written so far. */
    public long observations() {
        return observations;
    }

    /** The entry URL of a legwatch id of a kind ({@code patient}, {@code device}, {@code night}). */
    public static String fullUrl(String kind, String id) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes(("legwatch:" + kind + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The night's identifier value: device id and the device's night id. */
    public static String nightKey(StoredNight night) {
        return night.deviceId() + "/" + night.deviceNightId();
    }

    private void codeSystem() throws IOException {
        startEntry("codesystem", LegwatchCode.SYSTEM, "CodeSystem");
        narrative("The codes of legwatch's night observations.");
        json.writeStringField("url", LegwatchCode.SYSTEM);
        json.writeStringField("name", "LegwatchNight");
        json.writeStringField("title", "legwatch night observations");
        json.writeStringField("status", "active");
        json.writeStringField("description", "What legwatch's night Observations measure, how, and how a night is"
                + " judged: leg movements from an ankle-worn accelerometer, not polysomnography.");
        json.writeBooleanField("caseSensitive", true);
        json.writeStringField("content", "complete");
        json.writeArrayFieldStart("concept");
        for (LegwatchCode c : LegwatchCode.values()) {
            json.writeStartObject();
            json.writeStringField("code", c.code());
            json.writeStringField("display", c.display());
            json.writeStringField("definition", c.definition());
            json.writeEndObject();
        }
        json.writeEndArray();
        endEntry();
    }

    private void startEntry(String kind, String id, String resourceType) throws IOException {
        json.writeStartObject();
        json.writeStringField("fullUrl", fullUrl(kind, id));
        json.writeObjectFieldStart("resource");
        json.writeStringField("resourceType", resourceType);
    }

    private void endEntry() throws IOException {
        json.writeEndObject();
        json.writeEndObject();
    }

    /** The resource's human-readable text (FHIR narrative), from plain text. */
    private void narrative(String plain) throws IOException {
        json.writeObjectFieldStart("text");
        json.writeStringField("status", "generated");
        json.writeStringField("div", "<div xmlns=\"http://www.w3.org/1999/xhtml\">" + plain.replace("&", "&amp;")
                .replace("<", "&lt;").replace(">", "&gt;") + "</div>");
        json.writeEndObject();
    }

    private void identifier(String kind, String value) throws IOException {
        json.writeArrayFieldStart("identifier");
        json.writeStartObject();
        json.writeStringField("system", SID + kind);
        json.writeStringField("value", value);
        json.writeEndObject();
        json.writeEndArray();
    }

    private void reference(String field, String kind, String id, String display) throws IOException {
        json.writeObjectFieldStart(field);
        json.writeStringField("reference", fullUrl(kind, id));
        json.writeStringField("display", display);
        json.writeEndObject();
    }

    /** The in-bed period on the wall clock; a night without time in bed spans its recording. */
    private void period(StoredNight night) throws IOException {
        List<TimeSpan> inBed = night.summary().inBed();
        long fromUs = inBed.isEmpty() ? 0 : inBed.get(0).startUs();
        long toUs = inBed.isEmpty() ? night.extentUs() : inBed.get(inBed.size() - 1).endUs();
        long startMs = night.clock().wallClockStartMs();
        json.writeObjectFieldStart("effectivePeriod");
        json.writeStringField("start", Instant.ofEpochMilli(startMs + fromUs / 1000).toString());
        json.writeStringField("end", Instant.ofEpochMilli(startMs + toUs / 1000).toString());
        json.writeEndObject();
    }

    private void notes(StoredNight night, NightSummary summary) throws IOException {
        json.writeArrayFieldStart("note");
        json.writeStartObject();
        json.writeStringField("text", "Measured with an ankle-worn accelerometer, not by polysomnography: PLMs per hour"
                + " in bed, not per hour of sleep.");
        json.writeEndObject();
        if (!summary.valid()) {
            json.writeStartObject();
            json.writeStringField("text", "This night is not valid for a clinical judgement: "
                    + String.join("; ", summary.invalidReasons()) + ".");
            json.writeEndObject();
        }
        if (!night.clock().wallClockSynced()) {
            json.writeStartObject();
            json.writeStringField("text", "The device's clock was not synchronised this night: its times may be off.");
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private void concept(String field, LegwatchCode code, String text) throws IOException {
        json.writeObjectFieldStart(field);
        codings(LegwatchCode.SYSTEM, code.code(), code.display());
        if (text != null) {
            json.writeStringField("text", text);
        }
        json.writeEndObject();
    }

    private void codings(String system, String code, String display) throws IOException {
        json.writeArrayFieldStart("coding");
        json.writeStartObject();
        json.writeStringField("system", system);
        json.writeStringField("code", code);
        json.writeStringField("display", display);
        json.writeEndObject();
        json.writeEndArray();
    }

    private void integerComponent(LegwatchCode code, int value) throws IOException {
        json.writeStartObject();
        concept("code", code, null);
        json.writeNumberField("valueInteger", value);
        json.writeEndObject();
    }

    private void quantityComponent(LegwatchCode code, double value, String unit, int decimals) throws IOException {
        json.writeStartObject();
        concept("code", code, null);
        quantityOrAbsent("value", value, unit, decimals);
        json.writeEndObject();
    }

    /** valueQuantity in UCUM, or dataAbsentReason not-a-number when the value is undefined (no time in bed). */
    private void quantityOrAbsent(String prefix, double value, String unit, int decimals) throws IOException {
        if (!Double.isFinite(value)) {
            json.writeObjectFieldStart("dataAbsentReason");
            codings(ABSENT_SYSTEM, "not-a-number", "Not a Number (NaN)");
            json.writeEndObject();
            return;
        }
        json.writeObjectFieldStart(prefix + "Quantity");
        json.writeFieldName("value");
        json.writeNumber(BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_EVEN));
        json.writeStringField("unit", unit);
        json.writeStringField("system", UCUM);
        json.writeStringField("code", unit);
        json.writeEndObject();
    }
}
