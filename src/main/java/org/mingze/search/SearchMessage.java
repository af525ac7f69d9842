package org.mingze.search;

import java.util.List;

/**
 * Something the search tells the person, as an i18n key with arguments: a notice next to the results ("the query
 * was shortened") or the reason why there are none ("only stop words").
 */
public record SearchMessage(String key, List<String> args) {

    public static final String TRUNCATED = "search.notice.truncated";
    public static final String UNBALANCED_QUOTE = "search.notice.unbalanced-quote";
    public static final String TOO_MANY_TERMS = "search.notice.too-many-terms";
    public static final String STOPWORDS_IGNORED = "search.notice.stopwords-ignored";
    public static final String SYNONYMS_USED = "search.notice.synonyms-used";
    public static final String RELAXED = "search.notice.relaxed";
    public static final String PAGE_LIMIT = "search.notice.page-limit";

    public static final String EMPTY = "search.problem.empty";
    public static final String ONLY_STOPWORDS = "search.problem.only-stopwords";
    public static final String ONLY_EXCLUSIONS = "search.problem.only-exclusions";
    public static final String NO_TERMS = "search.problem.no-terms";
    public static final String TOO_COMPLEX = "search.problem.too-complex";
    public static final String UNAVAILABLE = "search.problem.unavailable";

    public SearchMessage {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static SearchMessage of(String key, Object... args) {
        return new SearchMessage(key, java.util.Arrays.stream(args).map(String::valueOf).toList());
    }
}
