package org.legwatch.host.export;

/**
 * The local FHIR code system of legwatch ({@link #SYSTEM}): what its night Observations measure,
 * how, and how a night is judged. Codes are stable; displays may be reworded. The FHIR export
 * carries the code system itself as a CodeSystem resource, and docs/formats.md lists it.
 */
public enum LegwatchCode {
    NIGHT("leg-movement-night", "Leg movements of one night",
            "An observation of one night's leg movements from an ankle-worn accelerometer."),
    PLMI("plmi", "Periodic limb movement index (PLMs per hour in bed)",
            "Periodic limb movements in bed divided by the hours in bed."),
    PLM_COUNT("plm-count", "Periodic limb movements",
            "Leg movements in bed that belong to a PLM series."),
    LM_COUNT("lm-count", "Leg movements", "Final leg movements in bed, after same-leg and bilateral joining."),
    CLM_COUNT("clm-count", "Candidate leg movements", "Leg movements in bed that are candidates for PLM series."),
    LM_INDEX("lm-index", "Leg movement index (per hour in bed)", "Leg movements in bed divided by the hours in bed."),
    CLM_INDEX("clm-index", "Candidate leg movement index (per hour in bed)",
            "Candidate leg movements in bed divided by the hours in bed."),
    TIME_IN_BED("time-in-bed", "Time in bed", "Time lying in bed between going to bed and getting up, minus time out"
            + " of bed and time the band was not worn: the denominator of every index."),
    PERIODICITY_INDEX("periodicity-index", "Periodicity index",
            "Share of inter-movement intervals of 10-90 s that stand in runs of at least three (Ferri 2006)."),
    PLM_SERIES_COUNT("plm-series-count", "PLM series", "Series of periodic limb movements in the night."),
    VALID("valid", "Night valid", "Whether the night can be used for a clinical judgement (enough time in bed,"
            + " few samples lost)."),
    RECORDED_TIME("recorded-time", "Time recorded", "From the first to the last sample of the night."),
    NOT_WORN_TIME("not-worn-time", "Time not worn", "Time the band was judged not worn (no motion at all)."),
    SAMPLES_LOST("samples-lost", "Samples lost", "Share of the expected accelerometer samples that did not arrive."),
    INVALID_NIGHT("invalid-night", "Night not valid",
            "The night is not valid for a clinical judgement; the Observation's note says why."),
    METHOD_WASM2016("ankle-accelerometry-wasm2016", "Ankle accelerometry, WASM 2016 scoring",
            "Leg movements detected from an ankle-worn 3-axis accelerometer and scored by the WASM 2016 rules"
            + " (World Association of Sleep Medicine); per hour in bed, not polysomnography."),
    METHOD_AASM("ankle-accelerometry-aasm", "Ankle accelerometry, AASM scoring",
            "Leg movements detected from an ankle-worn 3-axis accelerometer and scored by the AASM rules;"
            + " per hour in bed, not polysomnography.");

    /** The code system's canonical URL (in the reserved .invalid domain: it names, it does not resolve). */
    public static final String SYSTEM = "https://legwatch.invalid/fhir/CodeSystem/legwatch";

    private final String code;
    private final String display;
    private final String definition;

    LegwatchCode(String code, String display, String definition) {
        this.code = code;
        this.display = display;
        this.definition = definition;
    }

    public String code() {
        return code;
    }

    public String display() {
        return display;
    }

    public String definition() {
        return definition;
    }

    /** The method code for a rule set's name ({@code wasm2016}, {@code aasm}). */
    public static LegwatchCode method(String rules) {
        return "aasm".equalsIgnoreCase(rules) ? METHOD_AASM : METHOD_WASM2016;
    }
}
