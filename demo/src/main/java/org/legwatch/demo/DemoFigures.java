package org.legwatch.demo;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.legwatch.analysis.response.Confounder;
import org.legwatch.analysis.response.DaySeries;
import org.legwatch.analysis.response.FerritinReading;
import org.legwatch.analysis.response.InfusionResponse;
import org.legwatch.analysis.response.OutcomeComparison;
import org.legwatch.analysis.response.ResponseTiming;
import org.legwatch.host.report.ReportText;

/**
 * The key figures of a demo run, printed for a clinician: the nights (recorded, sent, stored; valid
 * or why not; how close the device came to the truth), then per infusion the analysis of the stored
 * nights beside the same analysis of the simulation's own nights and the course the story set.
 */
final class DemoFigures {
    private final PrintWriter out;

    DemoFigures(PrintWriter out) {
        this.out = out;
    }

    void print(EndToEndDemo.Outcome outcome, PatientStory story, DemoFolder folder) {
        List<EndToEndDemo.NightResult> nights = outcome.nights();
        out.println();
        out.printf(Locale.ROOT, "%d nights recorded on the device, %d sent and acknowledged, %d committed to the store, "
                        + "which holds %d; %d left on the device%n", nights.size(), outcome.sent(), outcome.committed(),
                outcome.storedRows(), outcome.unsentLeft());
        printNights(nights);
        List<InfusionResponse> measured = outcome.measured().infusions();
        List<InfusionResponse> truth = outcome.truth().infusions();
        if (!measured.isEmpty()) {
            out.println();
            out.println("rule: " + measured.get(0).rule());
        }
        for (int i = 0; i < measured.size(); i++) {
            PatientStory.Infusion designed = story.infusions().get(i);
            int followUpEnd = i + 1 < story.infusions().size() ? story.infusions().get(i + 1).day() : story.nights();
            printInfusion(measured.get(i), i < truth.size() ? truth.get(i) : null, designed, followUpEnd - designed.day());
        }
        if (outcome.measured().latestGuideline() != null) {
            out.printf(Locale.ROOT, "%nlatest reliable ferritin: %s%n", outcome.measured().latestGuideline().reason());
        }
        out.println();
        out.println("report:   " + folder.report() + "  (open it in a browser; ./legwatch report --patient " + EndToEndDemo.PATIENT
                + " --store " + folder.storeUrl() + " --out FILE --pdf for the PDF)");
        out.println("analysis: " + folder.analysis() + ", every night: " + folder.nights());
        out.println("store:    " + folder.store() + "  (e.g. ./legwatch export nights --patient " + EndToEndDemo.PATIENT
                + " --store " + folder.storeUrl() + ")");
        out.flush();
    }

    private void printNights(List<EndToEndDemo.NightResult> nights) {
        int valid = 0;
        int close = 0;
        double difference = 0;
        List<String> invalid = new ArrayList<>();
        for (EndToEndDemo.NightResult n : nights) {
            if (!n.valid()) {
                invalid.add(n.evening() + " (" + String.join("; ", n.invalidReasons()) + ")");
                continue;
            }
            valid++;
            double error = n.measuredPlmi() - n.truePlmi();
            difference += error;
            if (Math.abs(error) <= Math.max(2, 0.1 * n.truePlmi())) {
                close++;
            }
        }
        out.printf(Locale.ROOT, "%d valid nights: device PLMI minus true PLMI %+.2f/h on average, within max(2/h, 10 %%) "
                + "of the truth on %d of them%n", valid, valid == 0 ? Double.NaN : difference / valid, close);
        for (String night : invalid) {
            out.println("not valid, left out of the analysis: " + night);
        }
    }

    /** @param followUpDays days from this infusion to the next one or the end of the story */
    private void printInfusion(InfusionResponse m, InfusionResponse t, PatientStory.Infusion designed, int followUpDays) {
        out.println();
        out.printf(Locale.ROOT, "infusion %d: %s %s %.0f mg          measured (device > link > store)   truth (simulated nights)%n",
                m.course().number(), m.course().date(), m.course().product(), m.course().totalDoseMg());
        OutcomeComparison mp = m.plmi();
        OutcomeComparison tp = t == null ? null : t.plmi();
        row("baseline PLMI, median", median(mp.baseline(), m, true), tp == null ? "" : median(tp.baseline(), t, false));
        row("response PLMI, median", m.responseTo() == null ? "no response window (next infusion came first)"
                : median(mp.response(), m, true), tp == null || t.responseTo() == null ? "" : median(tp.response(), t, false));
        row("change (Hodges-Lehmann)", change(mp), change(tp));
        row("change of the median", percent(mp), percent(tp));
        row("responder", call(m), t == null ? "" : call(t));
        ResponseTiming mt = m.timing();
        ResponseTiming tt = t == null ? null : t.timing();
        String designedOnset = String.format(Locale.ROOT, "   (set: half the fall on day %.0f)", designed.onsetDays());
        row("time to response", mt.onsetDay() == null ? "none" : "day " + mt.onsetDay() + " (" + mt.onsetDate() + ")",
                (tt == null || tt.onsetDay() == null ? "none" : "day " + tt.onsetDay()) + designedOnset);
        String designedLoss = designed.lossDays() < followUpDays
                ? String.format(Locale.ROOT, "   (set: half the fall regained on day %.0f)", designed.lossDays())
                : "   (set: lasts past the follow-up)";
        row("loss of response", loss(mt), (tt == null ? "" : loss(tt)) + designedLoss);
        row("review re-dosing", mt.reviewDate() == null ? "-" : mt.reviewDate() + ": " + mt.reviewBasis(), "");
        out.println("  ferritin                 " + ferritin(m));
        for (Confounder c : m.confounders()) {
            out.printf(Locale.ROOT, "  also changed             %s %s %s%s (%s)%n", c.kind().replace('_', ' '), c.detail(), c.from(),
                    c.to() == null || c.to().equals(c.from()) ? "" : " to " + c.to(), String.join(", ", c.windows()));
        }
        for (String note : m.notes()) {
            out.println("  note                     " + note);
        }
    }

    private void row(String label, String measured, String truth) {
        out.println(String.format(Locale.ROOT, "  %-24s %-34s %s", label, measured, truth).stripTrailing());
    }

    /** A window's median PLMI and its valid nights, with the dates of its first and last night when asked. */
    private static String median(DaySeries window, InfusionResponse r, boolean dates) {
        if (window.isEmpty()) {
            return "no valid nights";
        }
        String span = !dates ? "" : ", " + r.course().date().plusDays(window.days()[0]) + " to "
                + r.course().date().plusDays(window.days()[window.size() - 1]);
        return String.format(Locale.ROOT, "%.1f/h (%d nights%s)", window.median(), window.size(), span);
    }

    private static String change(OutcomeComparison p) {
        if (p == null || !p.comparable()) {
            return p == null ? "" : "too few valid nights";
        }
        return String.format(Locale.ROOT, "%+.1f/h [%.1f, %.1f], p %s", p.shift().shift(), p.shift().ciLow(), p.shift().ciHigh(),
                ReportText.pValue(p.shift().pValue()));
    }

    private static String percent(OutcomeComparison p) {
        return p == null || !p.comparable() ? "" : String.format(Locale.ROOT, "%+.0f %%", p.changePercent());
    }

    private static String call(InfusionResponse r) {
        if (r.responder() == null) {
            return "undecided (too few valid nights)";
        }
        return r.responder() ? "yes" : r.significantFall() ? "no (significant fall, below the threshold)" : "no";
    }

    private static String loss(ResponseTiming t) {
        if (t.onsetDay() == null) {
            return "-";
        }
        if (t.lossDay() != null) {
            return "day " + t.lossDay() + " (" + t.lossDate() + ")";
        }
        return "none seen (" + t.durationDays() + "+ days)";
    }

    private static String ferritin(InfusionResponse m) {
        StringBuilder s = new StringBuilder();
        if (m.ferritinBefore() != null) {
            s.append(String.format(Locale.ROOT, "%.0f ug/L before", m.ferritinBefore().ferritin()));
        }
        for (FerritinReading r : m.ferritinAfter()) {
            s.append(s.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%.0f on day %d%s", r.ferritin(), r.daysSinceIv(),
                    r.unreliable() ? " (too soon after IV, reads high)" : ""));
        }
        if (m.ferritinDecay() != null) {
            s.append(String.format(Locale.ROOT, "; falling %.1f ug/L a week", -m.ferritinDecay().ratePerWeek()));
            if (m.ferritinDecay().projectedBelowTarget() != null) {
                s.append(", below ").append(Math.round(m.ferritinDecay().target())).append(" by ")
                        .append(m.ferritinDecay().projectedBelowTarget());
            }
        }
        return s.isEmpty() ? "none recorded" : s.toString();
    }
}
