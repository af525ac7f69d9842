package org.mingze.library.internal;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.mingze.library.IndexableMaterial;
import org.mingze.library.TocEntry;

/**
 * Markdown body to safe HTML, table of contents and plain-text sections. CommonMark plus GFM tables; raw HTML in the
 * Markdown is dropped (its text content stays); top-level {@code ##}/{@code ###} headings get {@link Anchors}; the
 * result passes {@link HtmlSanitizer} before anyone sees it. A soft line break between two Chinese characters joins
 * them without the space a browser would otherwise show.
 */
public final class MarkdownRenderer {

    /** Where the reader lives; links inside a material point here. */
    public static final String READ_ROUTE = "library/read/";

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final TextContentRenderer TEXT = TextContentRenderer.builder().extensions(EXTENSIONS)
            .nodeRendererFactory(ctx -> new PlainRaw(ctx.getWriter())).build();

    private MarkdownRenderer() {
    }

    /** What rendering a body yields. {@code firstParagraph} is null when there is none. */
    public record Rendered(String html, List<TocEntry> toc, List<IndexableMaterial.Section> sections,
                           String firstParagraph, int textLength) {
    }

    /**
     * @param materialId the material's id, for in-page links ({@code #anchor})
     * @param relPath    the file's path under materials/, to resolve links to other {@code .md} files
     */
    public static Rendered render(String body, String materialId, String relPath) {
        Node doc = PARSER.parse(body == null ? "" : body);
        Anchors anchors = new Anchors();
        Map<Node, String> ids = new IdentityHashMap<>();
        List<TocEntry> toc = new ArrayList<>();
        List<IndexableMaterial.Section> sections = new ArrayList<>();
        String firstParagraph = null;
        int length = 0;

        String anchor = "";
        String heading = "";
        int level = 0;
        StringBuilder text = new StringBuilder();
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Heading h && (h.getLevel() == 2 || h.getLevel() == 3)) {
                addSection(sections, anchor, heading, level, text);
                heading = TEXT.render(h).strip();
                anchor = anchors.next(heading);
                level = h.getLevel();
                ids.put(h, anchor);
                toc.add(new TocEntry(anchor, heading, level));
                length += heading.length();
                text.setLength(0);
            } else {
                String t = TEXT.render(n).strip();
                if (!t.isEmpty()) {
                    text.append(t).append('\n');
                    length += t.length();
                    if (firstParagraph == null && n instanceof Paragraph) {
                        firstParagraph = t;
                    }
                }
            }
        }
        addSection(sections, anchor, heading, level, text);

        HtmlRenderer html = HtmlRenderer.builder().extensions(EXTENSIONS).sanitizeUrls(true)
                .nodeRendererFactory(ctx -> new HtmlRaw(ctx.getWriter()))
                .attributeProviderFactory(ctx -> (node, tag, attrs) -> {
                    String id = ids.get(node);
                    if (id != null) {
                        attrs.put("id", id);
                    }
                    if (node instanceof Link && attrs.containsKey("href")) {
                        attrs.put("href", rewriteLink(attrs.get("href"), materialId, relPath));
                    }
                }).build();
        return new Rendered(HtmlSanitizer.clean(html.render(doc)), List.copyOf(toc), List.copyOf(sections),
                firstParagraph, length);
    }

    private static void addSection(List<IndexableMaterial.Section> sections, String anchor, String heading, int level,
                                   StringBuilder text) {
        String body = text.toString().strip();
        // the text before the first heading is a section only when there is some
        if (!anchor.isEmpty() || !body.isEmpty()) {
            sections.add(new IndexableMaterial.Section(anchor, heading, level, body));
        }
    }

    /**
     * {@code #anchor} becomes a link to the same material's section; a relative link to another {@code .md} file
     * becomes a link to that material in the reader. Everything else is left to the sanitiser.
     */
    static String rewriteLink(String href, String materialId, String relPath) {
        if (href.startsWith("#")) {
            return READ_ROUTE + encode(materialId) + href;
        }
        if (href.contains(":") || href.startsWith("/") || href.startsWith("//")) {
            return href;
        }
        int hash = href.indexOf('#');
        String path = hash < 0 ? href : href.substring(0, hash);
        String fragment = hash < 0 ? "" : href.substring(hash);
        if (!path.endsWith(".md")) {
            return href;
        }
        List<String> parts = new ArrayList<>(List.of(relPath.split("/")));
        parts.remove(parts.size() - 1);
        for (String seg : path.substring(0, path.length() - 3).split("/")) {
            if (seg.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
            } else if (!seg.isEmpty() && !seg.equals(".")) {
                parts.add(seg);
            }
        }
        return READ_ROUTE + encode(String.join("/", parts)) + fragment;
    }

    private static String encode(String id) {
        return id.replace(" ", "%20");
    }

    static boolean cjk(int cp) {
        Character.UnicodeBlock block = Character.UnicodeBlock.of(cp);
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN
                || block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS;
    }

    /** True when a soft break sits between two Chinese characters (and should vanish). */
    static boolean joinsChinese(Node softBreak) {
        if (softBreak.getPrevious() instanceof Text before && softBreak.getNext() instanceof Text after) {
            String a = before.getLiteral();
            String b = after.getLiteral();
            return !a.isEmpty() && !b.isEmpty() && cjk(a.codePointBefore(a.length())) && cjk(b.codePointAt(0));
        }
        return false;
    }

    /** HTML: raw HTML from the Markdown is dropped; soft breaks between Chinese characters join them. */
    private record HtmlRaw(org.commonmark.renderer.html.HtmlWriter out) implements NodeRenderer {
        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(HtmlBlock.class, HtmlInline.class, SoftLineBreak.class);
        }

        @Override
        public void render(Node node) {
            if (node instanceof SoftLineBreak && !joinsChinese(node)) {
                out.raw("\n");
            }
        }
    }

    /** Plain text: the same rules as {@link HtmlRaw}. */
    private record PlainRaw(org.commonmark.renderer.text.TextContentWriter out) implements NodeRenderer {
        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(HtmlBlock.class, HtmlInline.class, SoftLineBreak.class);
        }

        @Override
        public void render(Node node) {
            if (node instanceof SoftLineBreak && !joinsChinese(node)) {
                out.whitespace();
            }
        }
    }
}
