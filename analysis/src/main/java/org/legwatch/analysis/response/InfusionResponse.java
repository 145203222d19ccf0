package org.legwatch.analysis.response;

import java.time.LocalDate;
import java.util.List;

/**
 * What one infusion course did to the PLM index (and the periodicity index), with everything a
 * reader needs to judge it.
 *
 * @param baselineFrom          first day of the baseline window
 * @param baselineTo            last day of the baseline window
 * @param responseFrom          first day of the response window
 * @param responseTo            last day of the response window actually used (earlier when the next course cut it short;
 *                              {@code null} when the next course began before the response window)
 * @param nextCourse            the next course's date when it begins before this course's response window ends, else {@code null}
 * @param baselineAfterCourse   an earlier course whose response period (day 0 to the response window's end) reaches
 *                              into this baseline window, else {@code null}: the baseline is then on treatment
 * @param plmi                  the PLM index compared
 * @param periodicity           the periodicity index compared (the second outcome)
 * @param responder             the responder rule's call; {@code null} when the windows were too thin
 * @param significantFall       the interval of the PLMI change lies wholly below 0
 * @param ferritinBefore        the latest ferritin on or before the infusion date, or {@code null}
 * @param ferritinAfter         ferritin readings after the infusion, before the next course
 * @param ferritinDecay         {@code null} with fewer than 2 readings after
 * @param plmiVsDaysSince       Spearman correlation of PLMI with days since the infusion over the follow-up
 * @param notes                 flags in words: thin windows, truncation, overlapping courses
 */
public record InfusionResponse(InfusionCourse course,
                               LocalDate baselineFrom, LocalDate baselineTo, LocalDate responseFrom, LocalDate responseTo,
                               LocalDate nextCourse, LocalDate baselineAfterCourse,
                               OutcomeComparison plmi, OutcomeComparison periodicity,
                               Boolean responder, boolean significantFall, String rule,
                               ResponseTiming timing,
                               FerritinReading ferritinBefore, List<FerritinReading> ferritinAfter, FerritinDecay ferritinDecay,
                               RankCorrelation plmiVsDaysSince,
                               List<Confounder> confounders, List<String> notes) {
}
