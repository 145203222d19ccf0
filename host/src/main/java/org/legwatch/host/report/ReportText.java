package org.legwatch.host.report;

import java.util.Locale;
import org.legwatch.analysis.response.InfusionResponse;
import org.legwatch.analysis.response.OutcomeComparison;

/** Numbers and calls in the words and formats the report prints them in. */
public final class ReportText {
    /** What stands in a table for a number that is not defined. */
    public static final String NONE = "-";

    private ReportText() {
    }

    /** A rate or level to one decimal, e.g. "23.4"; {@link #NONE} when undefined. */
    public static String decimal(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.1f", value) : NONE;
    }

    /** A share from 0 to 1 to two decimals, e.g. "0.83" (the periodicity index). */
    public static String fraction(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.2f", value) : NONE;
    }

    /** A signed change to one decimal, e.g. "-12.3". */
    public static String signed(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%+.1f", value) : NONE;
    }

    /** A signed percentage, e.g. "-57 %". */
    public static String percent(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%+.0f %%", value) : NONE;
    }

    /** A confidence interval, e.g. "[-25.1, -17.0]". */
    public static String interval(double low, double high) {
        return Double.isFinite(low) && Double.isFinite(high)
                ? String.format(Locale.ROOT, "[%.1f, %.1f]", low, high) : NONE;
    }

    public static String pValue(double p) {
        if (!Double.isFinite(p)) {
            return NONE;
        }
        return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    /** A course as a short label, e.g. "IV 1: ferric carboxymaltose 1000 mg". */
    public static String courseLabel(InfusionResponse infusion) {
        double dose = infusion.course().totalDoseMg();
        return "IV " + infusion.course().number() + ": " + infusion.course().product()
                + (Double.isFinite(dose) ? String.format(Locale.ROOT, " %.0f mg", dose) : "");
    }

    /** The responder rule's call on a course, in words. */
    public static String call(InfusionResponse infusion) {
        OutcomeComparison plmi = infusion.plmi();
        if (infusion.responder() == null) {
            return String.format(Locale.ROOT, "undecided: too few valid nights (baseline %d, response %d)",
                    plmi.baseline().size(), plmi.response().size());
        }
        if (infusion.responder()) {
            return "responder";
        }
        return infusion.significantFall() ? "significant fall, below the responder threshold" : "no response";
    }

    /**
     * The severity band of a PLM index, as polysomnography reports commonly grade the PLMS index
     * (the classes the detector's validation checks agreement on).
     */
    public static String severity(double plmi) {
        if (!Double.isFinite(plmi)) {
            return "not known";
        }
        if (plmi < 15) {
            return "below 15 per hour (usual range)";
        }
        if (plmi < 30) {
            return "15-30 per hour (mild)";
        }
        if (plmi < 50) {
            return "30-50 per hour (moderate)";
        }
        return "50 or more per hour (severe)";
    }
}
