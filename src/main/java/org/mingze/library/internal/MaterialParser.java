package org.mingze.library.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** One material file to a {@link Material}, or to the problems that reject it. No I/O, no Spring. */
public final class MaterialParser {

    /** Reading speed for the default expected time: characters per minute of careful study reading. */
    static final int CHARS_PER_MINUTE = 300;
    static final int SUMMARY_CHARS = 120;

    private MaterialParser() {
    }

    /** Either a material or at least one problem. */
    public record Result(Material material, List<LoadProblem> problems) {
        public boolean ok() {
            return material != null;
        }
    }

    /**
     * @param relPath path under content/materials with "/" separators, e.g. "zhuti/diyi-zeren.md"
     * @param file    the path to show in messages, e.g. "content/materials/zhuti/diyi-zeren.md"
     */
    public static Result parse(String relPath, String file, byte[] bytes) {
        List<LoadProblem> problems = new ArrayList<>();
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new Result(null, List.of(LoadProblem.of(file, 1, "library.error.encoding")));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        FrontMatter.Split split = FrontMatter.split(text, file, problems);
        if (split == null) {
            return new Result(null, problems);
        }
        FrontMatter.Fields f = FrontMatter.read(split, file, problems);
        String id = f == null || f.id() == null ? defaultId(relPath) : f.id();
        if (f != null && f.id() == null && !FrontMatter.validId(id)) {
            problems.add(LoadProblem.of(file, 1, "library.error.path-id", id));
        }
        if (!problems.isEmpty()) {
            return new Result(null, problems);
        }
        MarkdownRenderer.Rendered r = MarkdownRenderer.render(split.body(), id, relPath);
        String summary = f.summary() != null ? f.summary() : shorten(r.firstParagraph());
        int minutes = f.minutes() != null ? f.minutes()
                : Math.max(1, (r.textLength() + CHARS_PER_MINUTE - 1) / CHARS_PER_MINUTE);
        Material m = new Material(id, relPath, file, f.title(), f.category(), f.tags(), f.source(), f.date(), summary,
                minutes, r.html(), r.toc(), r.sections(), sha256(relPath, bytes));
        return new Result(m, List.of());
    }

    /** The path under materials/ without ".md". */
    public static String defaultId(String relPath) {
        return relPath.toLowerCase(java.util.Locale.ROOT).endsWith(".md") ? relPath.substring(0, relPath.length() - 3)
                : relPath;
    }

    private static String shorten(String paragraph) {
        if (paragraph == null) {
            return null;
        }
        String p = paragraph.replaceAll("\\s+", " ").strip();
        return p.length() <= SUMMARY_CHARS ? p : p.substring(0, SUMMARY_CHARS - 1) + "…";
    }

    private static String sha256(String relPath, byte[] bytes) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(relPath.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(bytes);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
