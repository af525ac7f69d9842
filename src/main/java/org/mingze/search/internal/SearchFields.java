package org.mingze.search.internal;

import java.util.List;

/**
 * The fields of a search document. One document per searchable unit: a section of a material, or a question.
 * {@link #TYPE} tells them apart; {@link #KEY} ({@code type|id}) is unique; {@link #SOURCE}
 * ({@code type|source id}) groups the documents that come from one source (the sections of a material) so that
 * they are replaced together.
 */
public final class SearchFields {

    /** Unique key: {@code material|zhuti/diyi-zeren#anchor}. Stored. */
    public static final String KEY = "key";
    /** {@code material} or {@code question}: a filter, a facet and stored. */
    public static final String TYPE = "type";
    /** {@code material|zhuti/diyi-zeren}: every document from one source. Not stored. */
    public static final String SOURCE = "source";
    /** The id shown to users and linked: {@code zhuti/diyi-zeren#anchor}, or the question id. Stored. */
    public static final String ID = "id";
    /** The source's own id (material id, question id). Stored. */
    public static final String SOURCE_ID = "sourceId";
    public static final String ANCHOR = "anchor";
    /** A material's title; a question's stem, shortened. */
    public static final String TITLE = "title";
    /** A section's heading; a question's bank. */
    public static final String HEADING = "heading";
    /** A question's type code ({@code single}, {@code judge}, ...). Stored; questions only. */
    public static final String QUESTION_TYPE = "questionType";
    /**
     * Body text, stored only (for snippets); {@code text_cjk} indexes it as bigrams (and single characters) with
     * offsets, and query words match there as bigram phrases (index format 5: no word segmentation of bodies at
     * index time). A section's text, or a question's stem and options (never its answer or explanation).
     */
    public static final String TEXT = "text";
    /**
     * Title and heading for matching: words; {@code head_cjk} holds the bigrams. For a question: its bank and tags.
     */
    public static final String HEAD = "head";
    /**
     * The section's own heading again, without the title: words; {@code sectionHead_cjk} holds the bigrams. Every
     * section of a material shares the title, so a match here tells the section that is about a term from its
     * siblings that only inherit the title.
     */
    public static final String SECTION_HEAD = "sectionHead";
    public static final String CATEGORY = "category";
    public static final String TAG = "tag";
    public static final String YEAR = "year";
    /** Days since 1970-01-01: a point for ranges, doc values for sorting by date; stored as ISO text in DATE. */
    public static final String DAY = "day";
    public static final String DATE = "date";
    /** "true" or "false": an archived material or a retired question, for administrators only. */
    public static final String ARCHIVED = "archived";
    /** What a hit shows, once more in one binary doc value (see {@code HitFields}). */
    public static final String SHOWN = "shown";
    /** A hash of the source as indexed, to find changes without re-indexing everything. */
    public static final String FINGERPRINT = "fingerprint";

    public static final String TYPE_MATERIAL = "material";
    public static final String TYPE_QUESTION = "question";
    /** Every type of document in the index. */
    public static final List<String> TYPES = List.of(TYPE_MATERIAL, TYPE_QUESTION);

    private SearchFields() {
    }
}
