package org.legwatch.host.report.pdf;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.util.JDKXRLogger;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRSimpleLogFormatter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.legwatch.host.io.TextFiles;

/**
 * The report's HTML printed to a PDF by openhtmltopdf (on PDFBox), with the inline SVG charts
 * drawn as vectors through Batik: the same document, paged by the page rules of its own style
 * sheet (A4, one major section per page, nothing cut across a break). Text is set in DejaVu Sans
 * when the system has it (Debian's fonts-dejavu-core), embedded, so any character of a patient's
 * name prints; otherwise in the PDF standard Helvetica.
 */
public final class ReportPdf {
    /** Where Debian keeps DejaVu Sans. */
    static final List<Path> FONT_DIRECTORIES = List.of(Path.of("/usr/share/fonts/truetype/dejavu"),
            Path.of("/usr/share/fonts/dejavu"), Path.of("/usr/local/share/fonts"));
    private static final String FAMILY = "DejaVu Sans";
    /**
     * PDFBox announces its font cache and standard-font substitutes as warnings, and the renderer
     * reports each stage at INFO: progress chatter on every run. The renderer's own warnings still
     * show; failures are exceptions either way. Held here because java.util.logging keeps loggers
     * only weakly, and a collected logger forgets its level.
     */
    private static final Logger PDFBOX = quieter("org.apache.pdfbox", Level.SEVERE);

    static {
        XRLog.setLoggerImpl(new JDKXRLogger(false, Level.WARNING, new ConsoleHandler(), new XRSimpleLogFormatter()));
    }

    private ReportPdf() {
    }

    /** The PDF of {@code html} (a well-formed document such as ReportPage writes). */
    public static byte[] render(String html) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        render(html, out);
        return out.toByteArray();
    }

    public static void render(String html, OutputStream out) throws IOException {
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useSVGDrawer(new BatikSVGDrawer());
        builder.withProducer("legwatch");
        registerFont(builder, "DejaVuSans.ttf", 400);
        registerFont(builder, "DejaVuSans-Bold.ttf", 700);
        // No base URI: the document references nothing outside itself, and nothing may be fetched.
        builder.withHtmlContent(html, null);
        builder.toStream(out);
        builder.run();
    }

    /** Writes the PDF to {@code target} through a temporary file, so a failure leaves no half a file. */
    public static void write(String html, Path target) throws IOException {
        TextFiles.replaceAtomically(target, temp -> {
            try (OutputStream out = Files.newOutputStream(temp)) {
                render(html, out);
            }
        });
    }

    private static Logger quieter(String name, Level level) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(level);
        return logger;
    }

    private static void registerFont(PdfRendererBuilder builder, String file, int weight) {
        for (Path directory : FONT_DIRECTORIES) {
            Path font = directory.resolve(file);
            if (Files.isReadable(font)) {
                builder.useFont(font.toFile(), FAMILY, weight, FontStyle.NORMAL, true);
                return;
            }
        }
    }
}
