package org.legwatch.host.response;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.legwatch.analysis.response.PatientNight;
import org.legwatch.analysis.response.PatientTimeline;
import org.legwatch.analysis.response.TherapyEvent;
import org.legwatch.host.io.InputFormatException;
import org.legwatch.host.io.NightResultsCsv;
import org.legwatch.host.io.TherapyRecordCsv;

/** Timelines from a nightly-results CSV and a therapy-record CSV, both read and checked in full up front. */
public final class CsvPatientTimelines implements PatientTimelineSource {
    private final Map<String, List<PatientNight>> nights;
    private final Map<String, List<TherapyEvent>> therapy;

    private CsvPatientTimelines(Map<String, List<PatientNight>> nights, Map<String, List<TherapyEvent>> therapy) {
        this.nights = nights;
        this.therapy = therapy;
    }

    public static CsvPatientTimelines read(Path nightsFile, Path therapyFile) throws IOException, InputFormatException {
        return new CsvPatientTimelines(NightResultsCsv.read(nightsFile), TherapyRecordCsv.read(therapyFile));
    }

    @Override
    public List<String> patients() {
        TreeSet<String> all = new TreeSet<>(nights.keySet());
        all.addAll(therapy.keySet());
        return List.copyOf(all);
    }

    @Override
    public PatientTimeline timeline(String patient) {
        return new PatientTimeline(patient, nights.getOrDefault(patient, List.of()), therapy.getOrDefault(patient, List.of()));
    }
}
