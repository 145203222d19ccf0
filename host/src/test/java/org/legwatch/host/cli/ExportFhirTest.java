package org.legwatch.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.legwatch.analysis.night.NightSummary;
import org.legwatch.analysis.night.ScoredNight;
import org.legwatch.analysis.night.TimeSpan;
import org.legwatch.analysis.scoring.ScoringAnnotations;
import org.legwatch.analysis.scoring.ScoringRules;
import org.legwatch.host.export.FhirNightBundle;
import org.legwatch.host.export.LegwatchCode;
import org.legwatch.host.store.NightClock;
import org.legwatch.host.store.Store;
import org.legwatch.host.store.StoredNight;
import org.legwatch.host.store.Stores;
import org.legwatch.host.store.bench.SyntheticStoreNights;

/**
 * {@code legwatch export nights --format fhir} read back by HAPI FHIR, an independent FHIR R4
 * implementation: its strict parser, and its instance validator against the R4 structure
 * definitions with the bundle's own code system loaded.
 */
class ExportFhirTest {
    private static final LocalDate FIRST = LocalDate.of(2026, 3, 1);
    private static FhirContext fhir;
    private static FhirValidator validator;

    @TempDir
    Path temp;

    @BeforeAll
    static void fhirContext() {
        fhir = FhirContext.forR4();
    }

    private String store() {
        return "sqlite:" + temp.resolve("legwatch.db");
    }

    /** Nights of P1: three realistic ones (the first with an unsynchronised clock), one without time in bed; one of P2. */
    private List<StoredNight> storeNights() throws Exception {
        SyntheticStoreNights pool = new SyntheticStoreNights(4, 11);
        ScoredNight empty = ScoredNight.score(List.of(), ScoringRules.WASM_2016, ScoringAnnotations.NONE,
                List.of(new TimeSpan(0, 0)), NightSummary.DEFAULT_MIN_VALID_HOURS);
        List<StoredNight> nights = List.of(
                pool.night(0, "pi-07", "P1", FIRST, 0),
                pool.night(1, "pi-07", "P1", FIRST, 1),
                pool.night(2, "pi-08", "P1", FIRST, 2),
                new StoredNight("pi-08", "empty", "P1", FIRST.plusDays(3),
                        new NightClock("", 0, Instant.parse("2026-03-04T22:00:00Z").toEpochMilli(), true),
                        empty.summary(), empty.movements()),
                pool.night(3, "pi-09", "P2", FIRST, 0));
        try (Store s = Stores.open(store())) {
            s.addPatient(new org.legwatch.host.store.Patient("P1", "Anna Example"));
            s.addPatient(new org.legwatch.host.store.Patient("P2", ""));
            s.commitAll(nights);
        }
        return nights;
    }

    private String export(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("export", "nights", "--format", "fhir", "--store", store()));
        args.addAll(List.of(extra));
        CliRunner run = CliRunner.run(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        return run.out();
    }

    @Test
    void everyNightIsAnObservationThatHapiParsesStrictlyAndValidates() throws Exception {
        List<StoredNight> nights = storeNights().subList(0, 4);
        Path out = temp.resolve("p1.json");
        assertTrue(export("--patient", "P1", "--out", out.toString()).contains("4 night(s)"));
        String json = Files.readString(out);

        Bundle bundle = fhir.newJsonParser().setParserErrorHandler(new StrictErrorHandler()).parseResource(Bundle.class, json);
        assertEquals(Bundle.BundleType.COLLECTION, bundle.getType());
        Map<String, Resource> byUrl = new HashMap<>();
        bundle.getEntry().forEach(e -> byUrl.put(e.getFullUrl(), e.getResource()));
        List<Observation> observations = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(Observation.class::isInstance).map(Observation.class::cast).toList();
        assertEquals(4, observations.size());
        CodeSystem codeSystem = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(CodeSystem.class::isInstance).map(CodeSystem.class::cast).findFirst().orElseThrow();
        assertEquals(LegwatchCode.SYSTEM, codeSystem.getUrl());
        assertEquals(LegwatchCode.values().length, codeSystem.getConcept().size());

        assertValid(json, codeSystem);

        for (int i = 0; i < nights.size(); i++) {
            StoredNight night = nights.get(i);
            Observation o = observations.get(i);
            NightSummary summary = night.summary();
            assertEquals(FhirNightBundle.nightKey(night), o.getIdentifierFirstRep().getValue());
            assertEquals(Observation.ObservationStatus.FINAL, o.getStatus());
            assertEquals("plmi", o.getCode().getCodingFirstRep().getCode());
            assertEquals(LegwatchCode.SYSTEM, o.getCode().getCodingFirstRep().getSystem());
            Patient patient = (Patient) byUrl.get(o.getSubject().getReference());
            assertEquals("P1", patient.getIdentifierFirstRep().getValue());
            Device device = (Device) byUrl.get(o.getDevice().getReference());
            assertEquals(night.deviceId(), device.getIdentifierFirstRep().getValue());
            assertTrue(o.getMethod().getText().contains("not polysomnography"), o.getMethod().getText());
            assertEquals("ankle-accelerometry-wasm2016", o.getMethod().getCodingFirstRep().getCode());

            List<TimeSpan> inBed = summary.inBed();
            long startMs = night.clock().wallClockStartMs();
            assertEquals(Instant.ofEpochMilli(startMs + inBed.get(0).startUs() / 1000),
                    o.getEffectivePeriod().getStart().toInstant());
            assertEquals(Instant.ofEpochMilli(startMs + inBed.get(inBed.size() - 1).endUs() / 1000),
                    o.getEffectivePeriod().getEnd().toInstant());

            double plmi = summary.statistics().plmIndex();
            if (Double.isNaN(plmi)) {
                assertFalse(o.hasValue());
                assertEquals("not-a-number", o.getDataAbsentReason().getCodingFirstRep().getCode());
            } else {
                Quantity value = o.getValueQuantity();
                assertEquals("http://unitsofmeasure.org", value.getSystem());
                assertEquals("/h", value.getCode());
                assertEquals(BigDecimal.valueOf(plmi).setScale(2, RoundingMode.HALF_EVEN), value.getValue());
            }
            Map<String, Observation.ObservationComponentComponent> components = o.getComponent().stream()
                    .collect(Collectors.toMap(c -> c.getCode().getCodingFirstRep().getCode(), c -> c));
            assertEquals(summary.statistics().plm().total(), components.get("plm-count").getValueIntegerType().getValue());
            assertEquals(summary.statistics().lm().total(), components.get("lm-count").getValueIntegerType().getValue());
            assertEquals(summary.valid(), components.get("valid").getValueBooleanType().getValue());
            assertEquals("h", components.get("time-in-bed").getValueQuantity().getCode());

            String notes = o.getNote().stream().map(n -> n.getText()).collect(Collectors.joining("\n"));
            assertTrue(notes.contains("not by polysomnography"), notes);
            assertEquals(!night.clock().wallClockSynced(), notes.contains("clock was not synchronised"), notes);
            if (summary.valid()) {
                assertFalse(o.hasInterpretation());
            } else {
                assertEquals("invalid-night", o.getInterpretationFirstRep().getCodingFirstRep().getCode());
                assertTrue(notes.contains(summary.invalidReasons().get(0)), notes);
            }
        }
        assertFalse(nights.get(0).clock().wallClockSynced(), "the test covers an unsynchronised clock");
        assertFalse(nights.get(3).summary().valid(), "the test covers an invalid night");
    }

    @Test
    void theValidatorRejectsABrokenObservation() throws Exception {
        storeNights();
        String json = export("--patient", "P2");
        Bundle bundle = fhir.newJsonParser().parseResource(Bundle.class, json);
        CodeSystem codeSystem = (CodeSystem) bundle.getEntryFirstRep().getResource();
        assertValid(json, codeSystem);
        List<SingleValidationMessage> errors = errors(json.replace("\"status\" : \"final\"", "\"status\" : \"done\"")
                .replace("\"code\" : \"/h\"", "\"code\" : \"per hour\""), codeSystem);
        assertTrue(errors.stream().anyMatch(m -> m.getMessage().contains("done")), errors.toString());
        assertTrue(errors.stream().anyMatch(m -> m.getMessage().contains("per hour")), errors.toString());
    }

    @Test
    void everyPatientTogetherAndTheSameFileTwice() throws Exception {
        storeNights();
        String all = export();
        Bundle bundle = fhir.newJsonParser().setParserErrorHandler(new StrictErrorHandler()).parseResource(Bundle.class, all);
        assertEquals(5, bundle.getEntry().stream().filter(e -> e.getResource() instanceof Observation).count());
        assertEquals(2, bundle.getEntry().stream().filter(e -> e.getResource() instanceof Patient).count());
        assertEquals(3, bundle.getEntry().stream().filter(e -> e.getResource() instanceof Device).count());
        assertEquals(all, export(), "the same nights give the same file");
    }

    private static void assertValid(String json, CodeSystem codeSystem) {
        List<SingleValidationMessage> errors = errors(json, codeSystem);
        assertTrue(errors.isEmpty(), errors.stream().map(m -> m.getLocationString() + ": " + m.getMessage())
                .collect(Collectors.joining("\n")));
    }

    /**
     * The validator's errors and warnings on the JSON, but for the two warnings the export accepts
     * (docs/formats.md): no performer (the device measured; the receiving system knows the
     * clinician), and the local interpretation code of an invalid night (HL7's interpretation codes
     * have none for it; the binding is extensible).
     */
    private static List<SingleValidationMessage> errors(String json, CodeSystem codeSystem) {
        ValidationResult result = validator(codeSystem).validateWithResult(json);
        return result.getMessages().stream()
                .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.WARNING.ordinal())
                .filter(m -> !(m.getSeverity() == ResultSeverityEnum.WARNING
                        && (m.getMessage().contains("all observations should have a performer")
                        || m.getMessage().contains("#" + LegwatchCode.INVALID_NIGHT.code() + ")"))))
                .toList();
    }

    /** One validator for the class: building it loads the R4 definitions, which takes seconds. */
    private static synchronized FhirValidator validator(CodeSystem codeSystem) {
        if (validator == null) {
            PrePopulatedValidationSupport local = new PrePopulatedValidationSupport(fhir);
            local.addCodeSystem(codeSystem);
            ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(fhir), local,
                    new InMemoryTerminologyServerValidationSupport(fhir), new CommonCodeSystemsTerminologyService(fhir));
            validator = fhir.newValidator();
            validator.registerValidatorModule(new FhirInstanceValidator(chain));
        }
        return validator;
    }
}
