package org.legwatch.host.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.legwatch.analysis.response.ResponseSettings;
import org.legwatch.host.io.TextFiles;
import org.legwatch.host.report.PatientReport;
import org.legwatch.host.report.PatientReportReader;
import org.legwatch.host.report.html.ReportPage;
import org.legwatch.host.report.pdf.ReportPdf;
import org.legwatch.host.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code legwatch report}: one patient's clinician report, as a self-contained HTML file and optionally a PDF. */
@Command(name = "report",
        mixinStandardHelpOptions = true,
        description = {"Writes a patient's report (docs/clinician-guide.md): the nightly PLM index with infusions, oral",
            "iron, medication changes and ferritin; the response to each IV iron course; the AASM 2024 iron check;",
            "nights with quality flags; and nights in detail. One HTML file that opens offline and prints to A4, and",
            "with --pdf the same as a PDF."})
public final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @Option(names = "--patient", required = true, paramLabel = "ID", description = "The patient.")
    String patient;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the report (HTML).")
    Path out;

    @Option(names = "--pdf", arity = "0..1", paramLabel = "FILE", fallbackValue = "",
            description = "Also write a PDF, to FILE or beside the HTML with the extension .pdf.")
    String pdf;

    @Option(names = "--night", paramLabel = "EVENING",
            description = "Show the night(s) of this evening (YYYY-MM-DD) in detail; repeatable. Default: the most recent valid night.")
    List<LocalDate> nights = new ArrayList<>();

    @Option(names = "--zone", paramLabel = "ZONE",
            description = "Time zone of the clock times, e.g. Europe/Berlin (default: this computer's, ${DEFAULT-VALUE}).")
    ZoneId zone = ZoneId.systemDefault();

    @Override
    public Integer call() throws IOException {
        PatientReport report;
        try (Store opened = store.open()) {
            report = PatientReportReader.read(opened, new PatientReportReader.Request(patient, ResponseSettings.DEFAULT,
                    nights, zone, Instant.now()));
        }
        String html = ReportPage.html(report);
        TextFiles.writeAtomically(out, w -> w.write(html));
        Path pdfFile = pdfTarget();
        if (pdfFile != null) {
            ReportPdf.write(html, pdfFile);
        }
        spec.commandLine().getOut().printf("report for %s: %d nights (%d valid), %d IV iron course(s), %d night(s) in detail -> %s%s%n",
                patient, report.nights().size(), report.validNights(), report.response().infusions().size(),
                report.details().size(), out, pdfFile == null ? "" : " and " + pdfFile);
        return 0;
    }

    private Path pdfTarget() {
        if (pdf == null) {
            return null;
        }
        if (!pdf.isEmpty()) {
            return Path.of(pdf);
        }
        String name = out.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return out.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".pdf");
    }
}
