package org.mingze.library;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * Hostile inputs, and a check of HTML as a browser would parse it: what in it could run script or restyle the page.
 */
public final class XssCheck {

    /** Markdown and HTML payloads, each of which would run script or inject style if it reached a browser. */
    public static final List<String> PAYLOADS = List.of(
            "<script>alert(1)</script>",
            "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
            "<img src=x onerror=alert(1)>",
            "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">",
            "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
            "<a href=\"&#106;avascript:alert(1)\">x</a>",
            "<a href=\" javascript:alert(1)\">x</a>",
            "[x](javascript:alert(1))",
            "[x](JaVaScRiPt:alert(1))",
            "[x](vbscript:msgbox(1))",
            "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "<p style=\"position:fixed;top:0;left:0;width:100%;height:100%\">overlay</p>",
            "<span style=\"background:url(javascript:alert(1))\">s</span>",
            "<style>body{display:none}</style>",
            "<svg onload=alert(1)><circle r=1></svg>",
            "<svg><script>alert(1)</script></svg>",
            "<iframe src=\"javascript:alert(1)\"></iframe>",
            "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
            "<object data=\"javascript:alert(1)\"></object>",
            "<embed src=\"javascript:alert(1)\">",
            "<form action=\"javascript:alert(1)\"><button>go</button></form>",
            "<div onclick=\"alert(1)\" onmouseover=alert(1)>div</div>",
            "<body onload=alert(1)>",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
            "<link rel=stylesheet href=//evil.example/x.css>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
            "<details open ontoggle=alert(1)>",
            "<h2 id=x onfocus=alert(1) tabindex=1>h</h2>",
            "<base href=\"javascript:alert(1)//\">",
            "\"><script>alert(1)</script>");

    private XssCheck() {
    }

    /** What in this HTML (parsed as a browser would) could run script, load active content or inject style. */
    public static List<String> dangers(String html) {
        return dangers(html, false);
    }

    /**
     * The same for a whole view's server-side HTML, where Vaadin's own layouts carry the style attribute the server
     * gave them (VerticalLayout's width:100%). Content can never create those elements: text is escaped, and HTML
     * from a material goes through an {@code Html} component whose inner HTML is checked with {@link #dangers}.
     */
    public static List<String> dangersInView(String html) {
        return dangers(html, true);
    }

    private static List<String> dangers(String html, boolean vaadinStyles) {
        List<String> found = new ArrayList<>();
        for (Element e : Jsoup.parse(html).getAllElements()) {
            String tag = e.normalName();
            if (List.of("script", "iframe", "frame", "object", "embed", "style", "link", "meta", "base", "svg",
                    "math", "form", "applet").contains(tag)) {
                found.add("<" + tag + ">");
            }
            for (Attribute a : e.attributes()) {
                String name = a.getKey().toLowerCase(Locale.ROOT);
                String value = a.getValue().toLowerCase(Locale.ROOT).replaceAll("[\\s\\u0000-\\u001f]", "");
                if (name.startsWith("on")) {
                    found.add(tag + "[" + name + "]");
                }
                if (name.equals("style") && vaadinStyles && tag.startsWith("vaadin-")) {
                    continue;
                }
                if (name.equals("style") || name.equals("srcdoc") || name.equals("formaction")) {
                    found.add(tag + "[" + name + "]");
                }
                if ((name.equals("href") || name.equals("src") || name.equals("action") || name.equals("data")
                        || name.equals("xlink:href")) && (value.startsWith("javascript:")
                        || value.startsWith("vbscript:") || value.startsWith("data:"))) {
                    found.add(tag + "[" + name + "=" + value + "]");
                }
            }
        }
        return found;
    }
}
