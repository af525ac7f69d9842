package org.mingze.library.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.mingze.base.validation.Problem;
import org.mingze.base.validation.ValidationException;

/**
 * Text out of an uploaded .md, .txt, .docx or .pdf, as a Markdown body. Word headings become {@code ##} (Heading 1)
 * and {@code ###} (Heading 2); in plain text and PDF a short line numbered like an official document ("一、", "（一）")
 * becomes one. Encrypted, unreadable and empty files are refused with a {@link ValidationException} (field "file").
 */
public final class UploadText {

    public static final int MAX_BYTES = 20 * 1024 * 1024;
    public static final List<String> EXTENSIONS = List.of(".md", ".txt", ".docx", ".pdf");

    private static final Pattern LEVEL_1 = Pattern.compile("^[一二三四五六七八九十百]+[、.．].*");
    private static final Pattern LEVEL_2 = Pattern.compile("^[（(][一二三四五六七八九十百]+[）)].*");
    private static final int MAX_HEADING = 40;
    private static final char PARAGRAPH = '\u2029';

    private UploadText() {
    }

    /**
     * @param title  a suggested title (from the file's own metadata or name), never blank
     * @param fields an uploaded .md file's own front matter, or null
     */
    public record Extracted(String body, String title, FrontMatter.Fields fields) {
    }

    public static Extracted extract(String fileName, byte[] data) {
        String name = fileName == null ? "" : fileName.strip();
        String lower = name.toLowerCase(Locale.ROOT);
        String ext = EXTENSIONS.stream().filter(lower::endsWith).findFirst()
                .orElseThrow(() -> refuse("library.upload.error.type", name));
        if (data.length > MAX_BYTES) {
            throw refuse("library.upload.error.too-large", name, MAX_BYTES / 1024 / 1024);
        }
        if (data.length == 0) {
            throw refuse("library.upload.error.empty", name);
        }
        String baseName = name.substring(0, name.length() - ext.length()).strip();
        Extracted e = switch (ext) {
            case ".md" -> markdown(name, data);
            case ".txt" -> new Extracted(plainToMarkdown(text(name, data)), null, null);
            case ".docx" -> docx(name, data);
            default -> pdf(name, data);
        };
        if (e.body().isBlank()) {
            throw refuse("library.upload.error.empty", name);
        }
        String title = e.title() == null || e.title().isBlank() ? baseName : e.title().strip();
        if (title.isEmpty()) {
            title = name;
        }
        return new Extracted(e.body().strip() + "\n", cut(title, FrontMatter.MAX_TITLE), e.fields());
    }

    private static ValidationException refuse(String key, Object... args) {
        return new ValidationException(Problem.of("file", key, args));
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    // --- .md and .txt ---------------------------------------------------------------------------------------

    private static Extracted markdown(String name, byte[] data) {
        String text = text(name, data);
        List<LoadProblem> problems = new ArrayList<>();
        if (text.startsWith("---")) {
            FrontMatter.Split split = FrontMatter.split(text, name, problems);
            if (split != null) {
                FrontMatter.Fields f = FrontMatter.read(split, name, problems);
                return new Extracted(split.body(), f == null ? null : f.title(), f);
            }
        }
        String title = text.lines().filter(l -> l.startsWith("# ")).map(l -> l.substring(2).strip()).findFirst()
                .orElse(null);
        return new Extracted(text, title, null);
    }

    /** UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (Notepad on Chinese Windows). */
    static String text(String name, byte[] data) {
        String text;
        if (data.length >= 2 && (data[0] & 0xff) == 0xff && (data[1] & 0xff) == 0xfe) {
            text = new String(data, 2, data.length - 2, StandardCharsets.UTF_16LE);
        } else if (data.length >= 2 && (data[0] & 0xff) == 0xfe && (data[1] & 0xff) == 0xff) {
            text = new String(data, 2, data.length - 2, StandardCharsets.UTF_16BE);
        } else {
            text = decode(data, StandardCharsets.UTF_8);
            if (text == null) {
                text = decode(data, Charset.forName("GB18030"));
            }
            if (text == null) {
                throw refuse("library.upload.error.unreadable", name);
            }
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.indexOf('\u0000') >= 0) {
            throw refuse("library.upload.error.unreadable", name);
        }
        return text;
    }

    private static String decode(byte[] data, Charset cs) {
        try {
            return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(data)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Each non-blank line is a paragraph; numbered short lines become headings. */
    static String plainToMarkdown(String text) {
        List<String> blocks = new ArrayList<>();
        for (String line : text.split("\r\n|\r|\n|" + PARAGRAPH)) {
            String l = strip(line);
            if (!l.isEmpty()) {
                blocks.add(block(l));
            }
        }
        return String.join("\n\n", blocks);
    }

    private static String block(String paragraph) {
        if (paragraph.length() <= MAX_HEADING && LEVEL_1.matcher(paragraph).matches()) {
            return "## " + escape(paragraph);
        }
        if (paragraph.length() <= MAX_HEADING && LEVEL_2.matcher(paragraph).matches()) {
            return "### " + escape(paragraph);
        }
        return escape(paragraph);
    }

    /** Strips white space including the full-width indentation (　　) of Chinese documents. */
    private static String strip(String s) {
        return s.replace('\u3000', ' ').replace('\u00a0', ' ').strip();
    }

    /** Backslash-escapes what Markdown would read as markup, so that extracted text stays text. */
    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("\\`*_[]<>#|~&".indexOf(c) >= 0 || (i == 0 && "-+=".indexOf(c) >= 0)) {
                sb.append('\\');
            } else if ((c == '.' || c == ')') && i > 0 && allDigits(text, i)) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    private static boolean allDigits(String text, int end) {
        for (int i = 0; i < end; i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    // --- .docx ----------------------------------------------------------------------------------------------

    private static Extracted docx(String name, byte[] data) {
        FileMagic magic;
        try {
            magic = FileMagic.valueOf(data);
        } catch (RuntimeException e) {
            throw refuse("library.upload.error.unreadable", name);
        }
        if (magic == FileMagic.OLE2) {
            // an encrypted .docx is an OLE2 container holding the encrypted package; otherwise an old .doc
            try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(data))) {
                if (fs.getRoot().hasEntryCaseInsensitive("EncryptionInfo")
                        || fs.getRoot().hasEntryCaseInsensitive("EncryptedPackage")) {
                    throw refuse("library.upload.error.encrypted", name);
                }
            } catch (IOException e) {
                throw refuse("library.upload.error.unreadable", name);
            }
            throw refuse("library.upload.error.old-doc", name);
        }
        if (magic != FileMagic.OOXML) {
            throw refuse("library.upload.error.unreadable", name);
        }
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(data))) {
            XWPFStyles styles = doc.getStyles();
            String title = null;
            // A document without the Title style whose first paragraph is its only Heading 1 uses that heading as
            // its title (a headline styled as a heading): it becomes the title, and the headings below move up.
            XWPFParagraph headline = headline(doc, styles);
            int shift = headline == null ? 0 : 1;
            if (headline != null) {
                title = strip(headline.getText());
            }
            List<String> blocks = new ArrayList<>();
            for (IBodyElement el : doc.getBodyElements()) {
                if (el == headline) {
                    continue;
                }
                if (el instanceof XWPFParagraph p) {
                    String text = strip(p.getText());
                    if (text.isEmpty()) {
                        continue;
                    }
                    int level = headingLevel(p, styles);
                    if (level > 1) {
                        level -= shift;
                    }
                    if (level == 0 && title == null && blocks.isEmpty()) {
                        title = text; // the Title style, before any content
                    } else if (level == 0 || level == 1) {
                        blocks.add("## " + escape(text));
                    } else if (level == 2) {
                        blocks.add("### " + escape(text));
                    } else if (level > 2) {
                        blocks.add("#### " + escape(text));
                    } else if (p.getNumID() != null) {
                        blocks.add("- " + escape(text));
                    } else {
                        blocks.add(block(text));
                    }
                } else if (el instanceof XWPFTable t) {
                    String table = table(t);
                    if (!table.isEmpty()) {
                        blocks.add(table);
                    }
                }
            }
            if (title == null && doc.getProperties() != null && doc.getProperties().getCoreProperties() != null) {
                title = doc.getProperties().getCoreProperties().getTitle();
            }
            // list items follow each other without blank lines so that they form one list
            String body = String.join("\n\n", blocks).replaceAll("(?m)^(- .*)\n\n(?=- )", "$1\n");
            return new Extracted(body, title, null);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ValidationException v) {
                throw v;
            }
            throw refuse("library.upload.error.unreadable", name);
        }
    }

    /** The first non-empty paragraph if it is the document's only Heading 1 and no paragraph has the Title style. */
    private static XWPFParagraph headline(XWPFDocument doc, XWPFStyles styles) {
        XWPFParagraph first = null;
        int level1 = 0;
        for (XWPFParagraph p : doc.getParagraphs()) {
            if (strip(p.getText()).isEmpty()) {
                continue;
            }
            int level = headingLevel(p, styles);
            if (level == 0) {
                return null;
            }
            if (first == null) {
                first = p;
            }
            if (level == 1) {
                level1++;
            }
        }
        if (first == null || level1 != 1 || headingLevel(first, styles) != 1) {
            return null;
        }
        // nothing (such as a table) may come before it
        for (IBodyElement el : doc.getBodyElements()) {
            if (el instanceof XWPFParagraph p && strip(p.getText()).isEmpty()) {
                continue;
            }
            return el == first ? first : null;
        }
        return null;
    }

    /** 1, 2, 3 ... for Heading 1, 2, 3; 0 for the Title style; -1 for body text. */
    static int headingLevel(XWPFParagraph p, XWPFStyles styles) {
        String id = p.getStyleID();
        XWPFStyle style = id == null || styles == null ? null : styles.getStyle(id);
        String styleName = style == null || style.getName() == null ? "" : style.getName().toLowerCase(Locale.ROOT);
        if (styleName.equals("title") || styleName.equals("标题")) {
            return 0;
        }
        var m = java.util.regex.Pattern.compile("^(heading|标题)\\s*(\\d)$").matcher(styleName);
        if (m.matches()) {
            return Integer.parseInt(m.group(2));
        }
        var ppr = p.getCTP().getPPr();
        if (ppr != null && ppr.getOutlineLvl() != null && ppr.getOutlineLvl().getVal() != null) {
            int lvl = ppr.getOutlineLvl().getVal().intValue();
            if (lvl < 9) {
                return lvl + 1;
            }
        }
        return -1;
    }

    private static String table(XWPFTable t) {
        List<XWPFTableRow> rows = t.getRows();
        if (rows.isEmpty()) {
            return "";
        }
        int cols = rows.stream().mapToInt(r -> r.getTableCells().size()).max().orElse(0);
        if (cols == 0) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            List<XWPFTableCell> cells = rows.get(r).getTableCells();
            sb.append('|');
            for (int c = 0; c < cols; c++) {
                String text = c < cells.size() ? strip(cells.get(c).getText().replaceAll("\\s*\\R\\s*", " ")) : "";
                sb.append(' ').append(escape(text)).append(" |");
            }
            sb.append('\n');
            if (r == 0) {
                sb.append('|').append(" --- |".repeat(cols)).append('\n');
            }
        }
        return sb.toString().strip();
    }

    // --- .pdf -----------------------------------------------------------------------------------------------

    private static Extracted pdf(String name, byte[] data) {
        try (PDDocument doc = Loader.loadPDF(data)) {
            if (doc.isEncrypted() && !doc.getCurrentAccessPermission().canExtractContent()) {
                throw refuse("library.upload.error.encrypted", name);
            }
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.setLineSeparator("\n");
            stripper.setParagraphStart(String.valueOf(PARAGRAPH));
            stripper.setPageEnd(String.valueOf(PARAGRAPH));
            String raw = stripper.getText(doc);
            List<String> paragraphs = new ArrayList<>();
            for (String para : raw.split(String.valueOf(PARAGRAPH))) {
                String joined = joinLines(para);
                if (!joined.isEmpty()) {
                    paragraphs.add(joined);
                }
            }
            String title = doc.getDocumentInformation() == null ? null : doc.getDocumentInformation().getTitle();
            return new Extracted(plainToMarkdown(String.join(String.valueOf(PARAGRAPH), paragraphs)), title, null);
        } catch (InvalidPasswordException e) {
            throw refuse("library.upload.error.encrypted", name);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ValidationException v) {
                throw v;
            }
            throw refuse("library.upload.error.unreadable", name);
        }
    }

    /** Joins the lines of one PDF paragraph: Chinese without a space, other text with one. */
    static String joinLines(String paragraph) {
        StringBuilder sb = new StringBuilder();
        for (String line : paragraph.split("\n")) {
            String l = strip(line);
            if (l.isEmpty()) {
                continue;
            }
            if (!sb.isEmpty()) {
                boolean cjk = MarkdownRenderer.cjk(sb.codePointBefore(sb.length())) || MarkdownRenderer.cjk(
                        l.codePointAt(0));
                if (!cjk) {
                    sb.append(' ');
                }
            }
            sb.append(l);
        }
        return sb.toString();
    }
}
