package org.mingze.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.mingze.quiz.IndexableQuestion;
import org.mingze.quiz.Question;

/**
 * Turns a question into one search document (see {@link SearchFields}): the body is the stem and the options
 * (labelled A, B, ...), title and heading match the bank and the tags. {@link IndexableQuestion} carries no answer
 * and no explanation, so neither can be found, highlighted or shown. Questions add nothing to the suggestions, which
 * everyone sees.
 */
public final class QuestionDocuments {

    /** The title of a question hit is its stem cut to this many characters. */
    static final int TITLE_LENGTH = 40;

    private QuestionDocuments() {
    }

    public static List<Document> documents(IndexableQuestion q, FacetsConfig config) {
        return List.of(document(q, fingerprint(q), config));
    }

    private static Document document(IndexableQuestion q, String fingerprint, FacetsConfig config) {
        String stem = q.stem() == null ? "" : q.stem().strip();
        String bank = q.bank() == null ? "" : q.bank().strip();
        Set<String> tags = new LinkedHashSet<>();
        for (String t : q.tags()) {
            if (!blank(t)) {
                tags.add(t.strip());
            }
        }
        Document d = new Document();
        d.add(new StringField(SearchFields.KEY, SearchFields.TYPE_QUESTION + "|" + q.id(), Field.Store.YES));
        d.add(new StringField(SearchFields.TYPE, SearchFields.TYPE_QUESTION, Field.Store.YES));
        d.add(new StringField(SearchFields.SOURCE, SearchFields.TYPE_QUESTION + "|" + q.id(), Field.Store.NO));
        d.add(new StoredField(SearchFields.ID, q.id()));
        d.add(new StoredField(SearchFields.SOURCE_ID, q.id()));
        d.add(new StoredField(SearchFields.ANCHOR, ""));
        d.add(new StoredField(SearchFields.TITLE, title(stem)));
        d.add(new StoredField(SearchFields.HEADING, bank));
        if (q.type() != null) {
            d.add(new StoredField(SearchFields.QUESTION_TYPE, q.type().code()));
        }
        String text = text(stem, q.options());
        MaterialDocuments.body(d, text);
        String head = tags.isEmpty() ? bank : bank + "\n" + String.join("\n", tags);
        if (!head.isBlank()) {
            d.add(new TextField(SearchFields.HEAD, head, Field.Store.NO));
            d.add(new TextField(SearchFields.HEAD + Analyzers.BIGRAM_SUFFIX, head, Field.Store.NO));
        }
        d.add(new SortedSetDocValuesFacetField(SearchFields.TYPE, SearchFields.TYPE_QUESTION));
        if (!blank(q.category())) {
            String category = q.category().strip();
            d.add(new StringField(SearchFields.CATEGORY, category, Field.Store.YES));
            d.add(new SortedSetDocValuesFacetField(SearchFields.CATEGORY, category));
        }
        for (String t : tags) {
            d.add(new StringField(SearchFields.TAG, t, Field.Store.YES));
            d.add(new SortedSetDocValuesFacetField(SearchFields.TAG, t));
        }
        if (q.updated() != null) {
            long day = q.updated().toEpochDay();
            d.add(new LongPoint(SearchFields.DAY, day));
            d.add(new NumericDocValuesField(SearchFields.DAY, day));
            d.add(new StoredField(SearchFields.DATE, q.updated().toString()));
            d.add(new SortedSetDocValuesFacetField(SearchFields.YEAR, String.valueOf(q.updated().getYear())));
        }
        // a retired question is "archived": administrators only, like an archived material
        d.add(new StringField(SearchFields.ARCHIVED, String.valueOf(q.retired()), Field.Store.YES));
        d.add(new StoredField(SearchFields.FINGERPRINT, fingerprint));
        try {
            HitFields.add(d);
            return config.build(d);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stem on one line, cut to {@value #TITLE_LENGTH} characters (with … when cut). */
    static String title(String stem) {
        String line = stem.replaceAll("\\s+", " ").strip();
        if (line.codePointCount(0, line.length()) <= TITLE_LENGTH) {
            return line;
        }
        return line.substring(0, line.offsetByCodePoints(0, TITLE_LENGTH - 1)) + "…";
    }

    /** The stem, then each option on a line of its own: {@code A. 甲}. */
    static String text(String stem, List<String> options) {
        StringBuilder sb = new StringBuilder(stem);
        for (int i = 0; i < options.size(); i++) {
            sb.append('\n').append(Question.letter(i)).append(". ")
                    .append(options.get(i) == null ? "" : options.get(i).strip());
        }
        return sb.toString();
    }

    /** A hash of everything indexed about a question. */
    public static String fingerprint(IndexableQuestion q) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            update(sha, q.id());
            update(sha, String.valueOf(q.version()));
            update(sha, q.bank());
            update(sha, q.category());
            update(sha, String.join("\u0001", q.tags()));
            update(sha, q.type() == null ? "" : q.type().code());
            update(sha, q.stem());
            update(sha, String.join("\u0001", q.options()));
            update(sha, q.source());
            update(sha, String.valueOf(q.difficulty()));
            update(sha, String.valueOf(q.retired()));
            update(sha, q.updated() == null ? "" : q.updated().toString());
            return HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest sha, String s) {
        sha.update((s == null ? "" : s).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
