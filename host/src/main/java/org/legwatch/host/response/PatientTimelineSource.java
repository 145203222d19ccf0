package org.legwatch.host.response;

import java.io.IOException;
import java.util.List;
import org.legwatch.analysis.response.PatientTimeline;

/**
 * Where the response analysis gets each patient's nights and therapy record: the two CSV files of
 * {@code legwatch analyze} ({@link CsvPatientTimelines}) or the host's store. One patient at a time,
 * so a store never has to hold a cohort in memory.
 */
public interface PatientTimelineSource {
    /** Every patient with nights or therapy entries, in id order. */
    List<String> patients() throws IOException;

    /** One patient's nights and therapy entries. */
    PatientTimeline timeline(String patient) throws IOException;
}
