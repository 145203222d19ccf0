package org.legwatch.host.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.legwatch.analysis.response.Confounder;
import org.legwatch.analysis.response.FerritinReading;
import org.legwatch.analysis.response.InfusionResponse;
import org.legwatch.analysis.response.IronGuideline;
import org.legwatch.analysis.response.OutcomeComparison;
import org.legwatch.analysis.response.PatientResponse;
import org.legwatch.analysis.response.ResponseSettings;
import org.legwatch.analysis.response.ResponseTiming;
import org.legwatch.host.store.NightRow;
import org.legwatch.host.store.Store;
import org.legwatch.host.store.TherapyEvent;

/**
 * {@code /patients/{patient}}: the PLM index night by night against the iron therapy, what each
 * infusion did, the therapy record and every night with its quality.
 */
final class PatientPage {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private final Store store;
    private final ResponseSettings settings;
    private final ZoneId zone;

    PatientPage(Store store, ResponseSettings settings, ZoneId zone) {
        this.store = store;
        this.settings = settings;
        this.zone = zone;
    }

    Response render(Request request) throws Exception {
        request.allowOnly();
        PatientRecord record = PatientRecord.load(store, request.path("patient"), settings);
        String id = record.patient().id();
        StringBuilder main = new StringBuilder();
        main.append("<h1>Patient ").append(Html.escape(id));
        if (!record.patient().name().isEmpty()) {
            main.append(" <span class=\"name\">").append(Html.escape(record.patient().name())).append("</span>");
        }
        main.append("</h1>\n");
        main.append(overview(record));
        main.append(infusions(record.response()));
        main.append(therapy(record.therapy()));
        main.append(nights(record));
        return Response.html(Layout.page("Patient " + id, List.of(), main.toString(), request.authenticated()));
    }

    private String overview(PatientRecord record) {
        PatientResponse response = record.response();
        RecentPlmi recent = RecentPlmi.of(record.nights());
        FigureList figures = new FigureList()
                .add("Nights recorded", Integer.toString(response.nights()))
                .add("Valid nights", Integer.toString(response.validNights()))
                .add("Period", response.firstNight() == null ? "no nights" : response.firstNight() + " to " + response.lastNight());
        if (recent.nights() > 0) {
            figures.add("Recent PLMI", recent.median(), 1, "/h in bed")
                    .add("behind it", recent.nights() + " valid nights, " + recent.from() + " to " + recent.to());
        }
        IronGuideline.Check guideline = response.latestGuideline();
        if (guideline != null) {
            figures.add("Latest ferritin", Math.round(guideline.ferritin()) + " ug/L"
                    + (Double.isNaN(guideline.tsat()) ? "" : ", TSAT " + Math.round(guideline.tsat()) + " %"))
                    .add("Iron guideline", guideline.reason());
            if (guideline.unreliable()) {
                figures.warn("Caution", "drawn within 4 weeks of IV iron: reads falsely high");
            }
        }
        return "<section class=\"overview\">\n<h2>PLM index night by night</h2>\n"
                + "<p class=\"lead\">The PLM index (PLMI) counts periodic limb movements per hour in bed. "
                + "Below 15 /h is usually taken as normal for adults. Invalid nights (too little time in bed, too many "
                + "lost samples) are not used in any figure.</p>\n"
                + "<div class=\"panel\">" + figures.html() + "</div>\n</section>\n";
    }

    private String infusions(PatientResponse response) {
        StringBuilder html = new StringBuilder("<section class=\"infusions\">\n<h2>Response to IV iron</h2>\n");
        if (response.infusions().isEmpty()) {
            return html.append("<p>No IV iron infusion in the therapy record.</p>\n</section>\n").toString();
        }
        html.append("<p class=\"lead\">Responder rule: ").append(Html.escape(settings.ruleText())).append("</p>\n");
        for (InfusionResponse infusion : response.infusions()) {
            html.append(infusion(infusion));
        }
        return html.append("</section>\n").toString();
    }

    private String infusion(InfusionResponse r) {
        OutcomeComparison plmi = r.plmi();
        String title = String.format(Locale.ROOT, "Infusion %d: %s, %s, %.0f mg", r.course().number(), r.course().date(),
                r.course().product(), r.course().totalDoseMg());
        FigureList figures = new FigureList()
                .add("Baseline", window(r.baselineFrom(), r.baselineTo(), plmi.baseline().size(), plmi.baselineMedian()))
                .add("Response", r.responseTo() == null ? "no response window: the next course came first"
                        : window(r.responseFrom(), r.responseTo(), plmi.response().size(), plmi.responseMedian()));
        if (plmi.comparable()) {
            figures.add("Change of median", plmi.changePercent(), 0, "%")
                    .add("Shift (Hodges-Lehmann)", String.format(Locale.ROOT, "%+.1f /h, %.0f %% CI %.1f to %.1f, p %s",
                            plmi.shift().shift(), 100 * settings.confidence(), plmi.shift().ciLow(), plmi.shift().ciHigh(),
                            pText(plmi.shift().pValue())));
        }
        String call = r.responder() == null ? "undecided: too few valid nights"
                : r.responder() ? "responder" : r.significantFall() ? "significant fall, below the responder threshold"
                : "no response";
        if (Boolean.TRUE.equals(r.responder())) {
            figures.add("Call", call);
        } else {
            figures.warn("Call", call);
        }
        ResponseTiming timing = r.timing();
        if (timing.onsetDay() != null) {
            figures.add("Onset", "day " + timing.onsetDay() + " (" + timing.onsetDate() + ")");
            figures.add("Lost", timing.lossDay() == null ? "not by the last night" : "day " + timing.lossDay() + " (" + timing.lossDate() + ")");
        }
        if (timing.reviewDate() != null) {
            figures.add("Review re-dosing", timing.reviewDate().toString());
        }
        figures.add("Basis", timing.reviewBasis());
        if (r.ferritinBefore() != null) {
            figures.add("Ferritin before", ferritin(r.ferritinBefore()));
        }
        for (FerritinReading after : r.ferritinAfter()) {
            figures.add("Ferritin after", ferritin(after));
        }
        StringBuilder html = new StringBuilder("<article class=\"infusion\">\n<h3>").append(Html.escape(title)).append("</h3>\n")
                .append("<div class=\"panel\">").append(figures.html()).append("</div>\n");
        if (!r.notes().isEmpty() || !r.confounders().isEmpty()) {
            html.append("<ul class=\"notes\">");
            for (String note : r.notes()) {
                html.append("<li>").append(Html.escape(note)).append("</li>");
            }
            for (Confounder c : r.confounders()) {
                html.append("<li>").append(Html.escape(confounder(c))).append("</li>");
            }
            html.append("</ul>\n");
        }
        return html.append("</article>\n").toString();
    }

    private static String window(java.time.LocalDate from, java.time.LocalDate to, int validNights, double median) {
        return String.format(Locale.ROOT, "%s to %s: median %s over %d valid nights", from, to,
                Double.isFinite(median) ? String.format(Locale.ROOT, "%.1f /h", median) : "not defined", validNights);
    }

    private static String ferritin(FerritinReading reading) {
        return reading.date() + ": " + Math.round(reading.ferritin()) + " ug/L"
                + (Double.isNaN(reading.tsat()) ? "" : ", TSAT " + Math.round(reading.tsat()) + " %")
                + (reading.unreliable() ? " (within 4 weeks of IV iron: falsely high)" : "");
    }

    private static String confounder(Confounder c) {
        String what = switch (c.kind()) {
            case Confounder.ORAL_IRON -> "oral iron " + c.detail();
            case Confounder.MEDICATION -> "medication change: " + c.detail();
            case Confounder.IV_IRON -> "another IV iron course";
            default -> c.kind() + " " + c.detail();
        };
        String when = c.from() == null ? "before the record" : c.from().toString();
        if (c.to() != null && !c.to().equals(c.from())) {
            when += " to " + c.to();
        }
        return "Confounder: " + what + " (" + when + "), in the " + String.join(", ", c.windows()).replace('_', ' ')
                + " window";
    }

    private static String pText(double p) {
        return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    private static String therapy(List<TherapyEvent> events) {
        StringBuilder html = new StringBuilder("<section class=\"therapy\">\n<h2>Therapy record</h2>\n");
        if (events.isEmpty()) {
            return html.append("<p>No therapy recorded.</p>\n</section>\n").toString();
        }
        Table table = new Table("", "Date", "Kind", "Detail", "Value");
        for (TherapyEvent event : events) {
            table.row(event.date(), event.kind().code().replace('_', ' '), event.detail(),
                    event.value().isPresent() ? event.describeValue() : "");
        }
        return html.append(table.html()).append("\n</section>\n").toString();
    }

    private String nights(PatientRecord record) {
        StringBuilder html = new StringBuilder("<section class=\"nights\">\n<h2>Nights</h2>\n");
        if (record.nights().isEmpty()) {
            return html.append("<p>No nights stored.</p>\n</section>\n").toString();
        }
        html.append("<p class=\"lead\">Start times in ").append(Html.escape(zone.getId()))
                .append(". Open a night for its movements across the night.</p>\n");
        Table table = new Table("", "Evening", "Start", "Device", "Time in bed (h)", "PLMI (/h)", "PLMs", "Leg movements",
                "Periodicity index", "Lost samples (%)", "Quality");
        List<NightRow> newestFirst = record.nights().reversed();
        for (NightRow night : newestFirst) {
            String start = CLOCK.format(Instant.ofEpochMilli(night.wallClockStartMs()).atZone(zone))
                    + (night.wallClockSynced() ? "" : " (clock not synchronised)");
            table.row(Table.link(Links.night(night.patientId(), night.deviceId(), night.deviceNightId()),
                            night.eveningDate().toString()), start, night.deviceId(), Table.number(night.timeInBedH(), 1),
                    Table.number(night.plmi(), 1), night.plmCount(), night.lmCount(), Table.number(night.periodicityIndex(), 2),
                    Table.number(100 * night.lostFraction(), 1), night.valid() ? "valid" : Table.warn("invalid"));
        }
        return html.append(table.html()).append("\n</section>\n").toString();
    }
}
