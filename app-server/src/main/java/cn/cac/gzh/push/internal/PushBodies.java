package cn.cac.gzh.push.internal;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Policy texts are rich text from the console's editor: only structure and formatting survive
 * (jsoup's relaxed safelist — headings, lists, tables, links, images over http(s)); scripts, styles,
 * event handlers and other URL schemes are removed. Links open outside the page.
 */
final class PushBodies {

    private static final Safelist ALLOWED = Safelist.relaxed()
            .addEnforcedAttribute("a", "rel", "noopener noreferrer nofollow")
            .removeProtocols("img", "src", "http");

    private PushBodies() {
    }

    static String sanitise(String html) {
        Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);
        return Jsoup.clean(html, "", ALLOWED, output).strip();
    }
}
