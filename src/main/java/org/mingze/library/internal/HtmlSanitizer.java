package org.mingze.library.internal;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * The last gate before HTML reaches a browser: jsoup's relaxed safelist (text formatting, lists, tables, links and
 * images over http(s)) plus heading ids for anchors. Scripts, event handlers, {@code style}, frames, SVG,
 * {@code javascript:} and {@code data:} URLs do not pass.
 */
public final class HtmlSanitizer {

    /** Relative links are resolved against this only to check their protocol; they stay relative. */
    private static final String BASE = "https://mingze.invalid/";

    private static final Safelist SAFELIST = Safelist.relaxed()
            .addTags("hr", "del", "s")
            .addAttributes("h2", "id")
            .addAttributes("h3", "id")
            .addAttributes("th", "align")
            .addAttributes("td", "align")
            .removeProtocols("a", "href", "ftp")
            .addEnforcedAttribute("a", "rel", "noopener noreferrer")
            .preserveRelativeLinks(true);

    private HtmlSanitizer() {
    }

    public static String clean(String html) {
        Document.OutputSettings out = new Document.OutputSettings().prettyPrint(false);
        return Jsoup.clean(html == null ? "" : html, BASE, SAFELIST, out);
    }
}
