package org.legwatch.host.report.chart;

import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Reads a chart's SVG back as XML and counts its data items by series (from JFreeChart's element hints). */
public record SvgItems(Document document, Map<String, Integer> itemsBySeries) {
    private static final String JFREESVG = "http://www.jfree.org/jfreesvg/svg";
    private static final Pattern ITEM = Pattern.compile("\\{\"seriesKey\": \"(.*)\", \"itemIndex\": (\\d+)}");

    /** Parses {@code svg} as a namespace-aware XML document: fails the test if it is not well-formed. */
    public static SvgItems parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
        Map<String, Integer> counts = new HashMap<>();
        NodeList groups = document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element group = (Element) groups.item(i);
            Matcher item = ITEM.matcher(group.getAttributeNS(JFREESVG, "ref"));
            if (item.matches()) {
                counts.merge(item.group(1), 1, Integer::sum);
            }
        }
        return new SvgItems(document, counts);
    }

    public int items(String series) {
        return itemsBySeries.getOrDefault(series, 0);
    }

    /** All text drawn in the chart, joined by spaces. */
    public String text() {
        NodeList texts = document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < texts.getLength(); i++) {
            all.append(texts.item(i).getTextContent()).append(' ');
        }
        return all.toString();
    }
}
