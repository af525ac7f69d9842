package org.mingze.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;
import org.mingze.library.IndexableMaterial;

/** Turns a material into one search document per section (see {@link SearchFields}). */
public final class MaterialDocuments {

    /**
     * The body's only indexed view (format 5): overlapping bigrams and single characters with positions and offsets.
     * Query words are matched here as phrases of their bigrams; the highlighter marks the stored text from these
     * offsets. The body text itself ({@code text}) is stored only, not segmented into words at index time: smartcn
     * over every body was most of the build (see decision 0007, "Update (format 5)").
     */
    static final FieldType TEXT_OFFSETS;
    /** The body's dictionary terms (format 6), with offsets for the highlighter; no length norms (see 0007). */
    static final FieldType TEXT_TERMS;

    static {
        TEXT_OFFSETS = new FieldType(TextField.TYPE_NOT_STORED);
        TEXT_OFFSETS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        TEXT_OFFSETS.freeze();
        TEXT_TERMS = new FieldType(TEXT_OFFSETS);
        TEXT_TERMS.setOmitNorms(true);
        TEXT_TERMS.freeze();
    }

    private MaterialDocuments() {
    }

    /** Facet dimensions: category, tag (several per document), year, type. */
    public static FacetsConfig facetsConfig() {
        FacetsConfig config = new FacetsConfig();
        config.setMultiValued(SearchFields.TAG, true);
        return config;
    }

    /** The document id shown and linked: {@code materialId#anchor}, or the material id for the part before any heading. */
    public static String documentId(String materialId, String anchor) {
        return anchor == null || anchor.isEmpty() ? materialId : materialId + "#" + anchor;
    }

    public static List<Document> documents(IndexableMaterial m, FacetsConfig config) {
        String fingerprint = fingerprint(m);
        List<IndexableMaterial.Section> sections = new ArrayList<>();
        if (m.sections() != null) {
            for (IndexableMaterial.Section s : m.sections()) {
                if (!blank(s.text()) || !blank(s.heading())) {
                    sections.add(s);
                }
            }
        }
        if (sections.isEmpty()) {
            sections.add(new IndexableMaterial.Section("", "", 0, m.summary() == null ? "" : m.summary()));
        }
        List<Document> docs = new ArrayList<>(sections.size());
        for (IndexableMaterial.Section s : sections) {
            docs.add(document(m, s, fingerprint, config));
        }
        return docs;
    }

    private static Document document(IndexableMaterial m, IndexableMaterial.Section s, String fingerprint,
                                     FacetsConfig config) {
        String anchor = s.anchor() == null ? "" : s.anchor();
        String id = documentId(m.id(), anchor);
        String title = m.title() == null ? m.id() : m.title();
        String heading = s.heading() == null ? "" : s.heading();
        String text = s.text() == null ? "" : s.text();
        Document d = new Document();
        d.add(new StringField(SearchFields.KEY, SearchFields.TYPE_MATERIAL + "|" + id, Field.Store.YES));
        d.add(new StringField(SearchFields.TYPE, SearchFields.TYPE_MATERIAL, Field.Store.YES));
        d.add(new StringField(SearchFields.SOURCE, SearchFields.TYPE_MATERIAL + "|" + m.id(), Field.Store.NO));
        d.add(new StoredField(SearchFields.ID, id));
        d.add(new StoredField(SearchFields.SOURCE_ID, m.id()));
        d.add(new StoredField(SearchFields.ANCHOR, anchor));
        d.add(new StoredField(SearchFields.TITLE, title));
        d.add(new StoredField(SearchFields.HEADING, heading));
        body(d, text);
        String head = heading.isEmpty() ? title : title + "\n" + heading;
        d.add(new TextField(SearchFields.HEAD, head, Field.Store.NO));
        d.add(new TextField(SearchFields.HEAD + Analyzers.BIGRAM_SUFFIX, head, Field.Store.NO));
        if (!heading.isEmpty()) {
            d.add(new TextField(SearchFields.SECTION_HEAD, heading, Field.Store.NO));
            d.add(new TextField(SearchFields.SECTION_HEAD + Analyzers.BIGRAM_SUFFIX, heading, Field.Store.NO));
        }
        d.add(new SortedSetDocValuesFacetField(SearchFields.TYPE, SearchFields.TYPE_MATERIAL));
        if (!blank(m.category())) {
            String category = m.category().strip();
            d.add(new StringField(SearchFields.CATEGORY, category, Field.Store.YES));
            d.add(new SortedSetDocValuesFacetField(SearchFields.CATEGORY, category));
        }
        if (m.tags() != null) {
            Set<String> tags = new LinkedHashSet<>();
            for (String t : m.tags()) {
                if (!blank(t)) {
                    tags.add(t.strip());
                }
            }
            for (String t : tags) {
                d.add(new StringField(SearchFields.TAG, t, Field.Store.YES));
                d.add(new SortedSetDocValuesFacetField(SearchFields.TAG, t));
            }
        }
        if (m.date() != null) {
            long day = m.date().toEpochDay();
            d.add(new LongPoint(SearchFields.DAY, day));
            d.add(new NumericDocValuesField(SearchFields.DAY, day));
            d.add(new StoredField(SearchFields.DATE, m.date().toString()));
            d.add(new SortedSetDocValuesFacetField(SearchFields.YEAR, String.valueOf(m.date().getYear())));
        }
        d.add(new StringField(SearchFields.ARCHIVED, String.valueOf(m.archived()), Field.Store.YES));
        String suggest = m.archived() ? Suggester.SUGGEST_ARCHIVED : Suggester.SUGGEST;
        d.add(new SortedSetDocValuesField(suggest, new BytesRef(cut(title))));
        d.add(new StoredField(SearchFields.FINGERPRINT, fingerprint));
        try {
            HitFields.add(d);
            return config.build(d);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The body: kept as it is in binary doc values, as UTF-16 (format 6: Lucene stores them uncompressed, so reading
     * the ten texts of a page is a copy; from the compressed stored fields it was a third of a search; Chinese takes
     * two bytes a character in UTF-16 and three in UTF-8, and UTF-16 needs no decoding), indexed as bigrams
     * ({@link #TEXT_OFFSETS}) and as dictionary terms ({@link #TEXT_TERMS}).
     */
    static void body(Document d, String text) {
        d.add(new BinaryDocValuesField(SearchFields.TEXT, new BytesRef(text.getBytes(StandardCharsets.UTF_16LE))));
        d.add(new Field(SearchFields.TEXT + Analyzers.BIGRAM_SUFFIX, text, TEXT_OFFSETS));
        d.add(new Field(SearchFields.TEXT + Analyzers.TERM_SUFFIX, text, TEXT_TERMS));
    }

    /** The body text kept by {@link #body(Document, String)}, from its doc value. */
    static String body(BytesRef value) {
        char[] chars = new char[value.length / 2];
        ByteBuffer.wrap(value.bytes, value.offset, value.length).order(ByteOrder.LITTLE_ENDIAN).asCharBuffer()
                .get(chars);
        return new String(chars);
    }

    /** A hash of everything indexed about a material. */
    public static String fingerprint(IndexableMaterial m) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            update(sha, m.id());
            update(sha, m.title());
            update(sha, m.category());
            update(sha, m.tags() == null ? "" : String.join("\u0001", m.tags()));
            update(sha, m.date() == null ? "" : m.date().toString());
            update(sha, m.summary());
            update(sha, String.valueOf(m.archived()));
            if (m.sections() != null) {
                for (IndexableMaterial.Section s : m.sections()) {
                    update(sha, s.anchor());
                    update(sha, s.heading());
                    update(sha, String.valueOf(s.level()));
                    update(sha, s.text());
                }
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest sha, String s) {
        sha.update((s == null ? "" : s).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
    }

    private static String cut(String s) {
        String t = s.strip();
        return t.length() > 200 ? t.substring(0, 200) : t;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
