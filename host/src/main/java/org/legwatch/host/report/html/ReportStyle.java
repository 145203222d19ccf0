package org.legwatch.host.report.html;

/**
 * The report's style sheet, inlined into the page so the file opens offline. It lays the report
 * out for the screen and for A4 paper alike: page margins of 15 mm, each major section on a new
 * page, and no chart, table row or figure cut across a page break. It uses only CSS 2.1 (tables,
 * no flexbox or grid) so the PDF renderer draws the same layout as a browser.
 */
public final class ReportStyle {
    public static final String CSS = """
            @page { size: A4; margin: 15mm 15mm 16mm 15mm;
              @bottom-center { content: "legwatch report - page " counter(page) " of " counter(pages);
                font-family: sans-serif; font-size: 8pt; color: #666; } }
            html { background: #fff; }
            body { font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 10pt;
              line-height: 1.35; color: #222; max-width: 180mm; margin: 0 auto; padding: 0; }
            h1 { font-size: 17pt; margin: 0 0 2mm 0; }
            h2 { font-size: 13pt; margin: 6mm 0 2mm 0; border-bottom: 1px solid #bbb; padding-bottom: 1mm;
              page-break-after: avoid; }
            h3 { font-size: 11pt; margin: 4mm 0 1.5mm 0; page-break-after: avoid; }
            p { margin: 1.5mm 0; }
            section.page { page-break-before: always; }
            .figure { page-break-inside: avoid; margin: 2mm 0 3mm 0; }
            .figure svg { display: block; width: 100%; height: auto; }
            .caption { font-size: 8.5pt; color: #555; margin-top: 1mm; }
            table { border-collapse: collapse; width: 100%; margin: 2mm 0 3mm 0; font-size: 8.5pt; }
            th, td { border-bottom: 1px solid #ddd; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
            th { background: #f0f0f0; font-weight: bold; }
            tr { page-break-inside: avoid; }
            td.num, th.num { text-align: right; white-space: nowrap; }
            table.dated td:first-child, #infusion-table td:first-child + td { white-space: nowrap; }
            table.pair { border: none; margin: 0; }
            table.pair > tbody > tr > td { border: none; padding: 0; width: 50%; }
            table.facts th { width: 38%; background: none; font-weight: normal; color: #555; }
            .keyfigures { border: 1px solid #bbb; background: #f7f9fc; padding: 2mm 3mm; margin: 2mm 0; }
            .note { border-left: 3px solid #d95f02; background: #fdf6ee; padding: 1.5mm 3mm; margin: 2mm 0; }
            .rule { font-style: italic; }
            .invalid { color: #8a1c1c; }
            .muted { color: #666; }
            .course { page-break-inside: avoid; }
            ul { margin: 1mm 0 1mm 5mm; padding-left: 3mm; }
            li { margin: 0.5mm 0; }
            @media screen { body { padding: 8mm 0; } section.page { border-top: 2px solid #ddd; margin-top: 8mm; } }
            """;

    private ReportStyle() {
    }
}
