package org.legwatch.host.report.html;

import org.legwatch.host.report.NightDetail;
import org.legwatch.host.report.PatientReport;

/**
 * The whole report as one self-contained HTML document: style sheet inline, charts as inline SVG,
 * no script, no external reference, so it opens offline and prints to A4 as it shows. The same
 * text is well-formed XML, which the PDF renderer reads.
 */
public final class ReportPage {
    private ReportPage() {
    }

    public static String html(PatientReport report) {
        Html h = new Html();
        h.raw("<!DOCTYPE html>\n");
        h.open("html", "lang", "en").open("head");
        h.raw("<meta charset=\"utf-8\"/>");
        h.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>");
        h.element("title", "legwatch report - patient " + report.patient().id());
        h.open("style").raw(ReportStyle.CSS).close("style");
        h.close("head").open("body");
        h.raw(ReportSections.summary(report));
        h.raw(ReportSections.trend(report));
        h.raw(ReportSections.infusions(report));
        h.raw(ReportSections.iron(report));
        h.raw(ReportSections.therapy(report));
        h.raw(ReportSections.quality(report));
        for (NightDetail night : report.details()) {
            h.raw(ReportSections.night(report, night));
        }
        h.raw(ReportSections.about(report));
        h.close("body").close("html");
        return h.toString();
    }
}
