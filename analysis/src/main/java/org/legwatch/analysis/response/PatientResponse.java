package org.legwatch.analysis.response;

import java.time.LocalDate;
import java.util.List;

/**
 * The response analysis of one patient.
 *
 * @param latestGuideline the guideline check on the latest reliable ferritin, or {@code null}
 * @param plmiVsFerritin  Spearman correlation of reliable ferritin values with the median PLMI of the valid nights
 *                        around each draw, or {@code null} with fewer than 3 such pairs
 */
public record PatientResponse(String patient, int nights, int validNights, LocalDate firstNight, LocalDate lastNight,
                              List<InfusionResponse> infusions, List<FerritinReading> ferritin,
                              IronGuideline.Check latestGuideline, RankCorrelation plmiVsFerritin) {
}
