package org.mingze.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.mingze.search.SearchMessage;

/**
 * Builds the Lucene query for a {@link UserQuery}.
 *
 * <p>A word is analyzed into words at query time (domain dictionary first, then smartcn, with synonyms); every word
 * must match, in at least one of these ways: the exact word in title and heading ({@code head}, {@value #HEAD_WORD}),
 * or its characters in sequence, as a phrase of its bigrams, in the body ({@code text_cjk}, {@value #TEXT_BIGRAM} plus the former word weight, see
 * {@link #bodyWeight})
 * or in title and heading ({@code head_cjk}, {@value #HEAD_BIGRAM}). The body has no word field (index format 5:
 * segmenting every body with smartcn was most of the build): the query's segmentation decides what a word is, and
 * the bigram phrase finds its characters as one unbroken sequence, which a loose match of its characters apart
 * never is. The scores add up, so a word found whole in title or heading ranks above one found only as characters;
 * a match in the section's own heading ({@code sectionHead} {@value #SECTION_WORD}, {@code sectionHead_cjk}
 * {@value #SECTION_BIGRAM}) adds to the title-and-heading match, so that the section about a word ranks above its
 * siblings that only share the material's title; a synonym counts {@value #SYNONYM} of the word typed. A phrase
 * must occur as typed, character by character (bigram phrase), with a bonus when it also aligns with the words of
 * title or heading. Exclusions remove any hit that contains their characters.
 */
final class QueryFactory {

    static final float HEAD_WORD = 6f;
    static final float TEXT_BIGRAM = 1f;
    /**
     * What the body's word field weighed before format 5. Its share is put onto the body's bigram phrase, spread over
     * the phrase's bigrams (see {@link #bodyWeight}), so that the body weighs against title and heading as before.
     */
    static final float TEXT_WORD = 3f;
    static final float HEAD_BIGRAM = 2f;
    static final float SECTION_WORD = 3f;
    static final float SECTION_BIGRAM = 1f;
    static final float SYNONYM = 0.8f;
    /**
     * A body term of the term field (format 6) weighs this many times the bigram phrase it replaces. Measured on the
     * judged queries ({@code ContentRelevanceTest}, recall@10 / nDCG@10; format 5 with phrases: 0.936 / 0.943):
     * 1 gives 0.932 / 0.936, 1.5 0.936 / 0.937, 2 0.936 / 0.943, 2.5 0.926 / 0.939, 3 0.926 / 0.934 (MRR 0.988);
     * the number of the term's bigrams (3 for four characters) put other materials' sections above the material
     * about 责任清单 (recall 0.25 for that query).
     */
    static final float BODY_TERM = 2f;
    /** At most this many words in one query (each adds up to a dozen clauses). */
    static final int MAX_WORDS = 32;

    /** Function words that a query drops (they are still indexed, and phrases keep them). */
    static final Set<String> STOPWORDS = Set.of("的", "地", "得", "了", "着", "过", "是", "在", "和", "与", "及", "或",
            "也", "都", "就", "而", "之", "等", "把", "被", "对", "于", "以", "为", "这", "那", "啊", "吗", "呢", "吧", "呀",
            "么", "什么", "怎么", "怎样", "如何", "哪些", "哪个", "有", "中", "个", "一个", "有关", "关于", "a", "an",
            "the", "of", "and", "or", "to", "in", "on", "for", "is", "are");

    /** The query, a looser variant for when it finds nothing (or null), notices, or the reason there is none. */
    record Built(Query query, Query relaxed, List<SearchMessage> notices, SearchMessage problem) {
    }

    private record Token(String term, int position, boolean original) {
    }

    private final Analyzers analyzers;

    QueryFactory(Analyzers analyzers) {
        this.analyzers = analyzers;
    }

    Built build(UserQuery query) {
        List<SearchMessage> notices = new ArrayList<>(query.notices());
        Set<String> stopped = new LinkedHashSet<>();
        Map<String, Set<String>> synonymsUsed = new LinkedHashMap<>();
        int[] words = {0};
        boolean[] tooMany = {false};

        BooleanQuery.Builder top = new BooleanQuery.Builder();
        List<Query> units = new ArrayList<>(); // one per required word or phrase, for the relaxed variant
        boolean anyRequired = false;
        for (List<UserQuery.Operand> group : query.required()) {
            List<Query> alternatives = new ArrayList<>();
            List<Query> groupUnits = new ArrayList<>();
            for (UserQuery.Operand op : group) {
                List<Query> parts = op.phrase() ? phrase(op.text())
                        : words(op.text(), stopped, synonymsUsed, words, tooMany);
                if (!parts.isEmpty()) {
                    alternatives.add(and(parts));
                    groupUnits.addAll(parts);
                }
            }
            if (alternatives.isEmpty()) {
                continue;
            }
            anyRequired = true;
            Query q = alternatives.size() == 1 ? alternatives.get(0) : or(alternatives);
            top.add(q, Occur.MUST);
            if (group.size() == 1) {
                units.addAll(groupUnits);
            } else {
                units.add(q);
            }
        }
        boolean anyExcluded = false;
        for (UserQuery.Operand op : query.excluded()) {
            Query q = exclusion(op.text());
            if (q != null) {
                top.add(q, Occur.MUST_NOT);
                anyExcluded = true;
            }
        }
        if (tooMany[0]) {
            notices.add(SearchMessage.of(SearchMessage.TOO_MANY_TERMS, MAX_WORDS));
        }
        if (!anyRequired) {
            SearchMessage problem;
            if (query.isEmpty()) {
                problem = SearchMessage.of(SearchMessage.EMPTY);
            } else if (!stopped.isEmpty()) {
                problem = SearchMessage.of(SearchMessage.ONLY_STOPWORDS, String.join("、", stopped));
            } else if (anyExcluded) {
                problem = SearchMessage.of(SearchMessage.ONLY_EXCLUSIONS);
            } else {
                problem = SearchMessage.of(SearchMessage.NO_TERMS);
            }
            return new Built(null, null, notices, problem);
        }
        if (!stopped.isEmpty()) {
            notices.add(SearchMessage.of(SearchMessage.STOPWORDS_IGNORED, String.join("、", stopped)));
        }
        synonymsUsed.forEach((word, alts) -> notices.add(
                SearchMessage.of(SearchMessage.SYNONYMS_USED, word, String.join("、", alts))));

        Query relaxed = null;
        if (units.size() >= 3) {
            BooleanQuery.Builder loose = new BooleanQuery.Builder();
            units.forEach(u -> loose.add(u, Occur.SHOULD));
            loose.setMinimumNumberShouldMatch(Math.max(1, (int) Math.ceil(units.size() * 2 / 3.0)));
            BooleanQuery.Builder withExclusions = new BooleanQuery.Builder().add(loose.build(), Occur.MUST);
            for (UserQuery.Operand op : query.excluded()) {
                Query q = exclusion(op.text());
                if (q != null) {
                    withExclusions.add(q, Occur.MUST_NOT);
                }
            }
            relaxed = withExclusions.build();
        }
        return new Built(top.build(), relaxed, notices, null);
    }

    /** One clause per word of {@code text} (stop words dropped), each word with its synonyms. */
    private List<Query> words(String text, Set<String> stopped, Map<String, Set<String>> synonymsUsed, int[] count,
                              boolean[] tooMany) {
        String folded = ChineseFolding.fold(text);
        Map<Integer, List<Token>> slots = new LinkedHashMap<>();
        for (Token t : tokens(analyzers.queryWords(), text, folded)) {
            slots.computeIfAbsent(t.position, p -> new ArrayList<>()).add(t);
        }
        List<Query> out = new ArrayList<>();
        for (List<Token> slot : slots.values()) {
            String typed = slot.stream().filter(Token::original).map(Token::term).findFirst()
                    .orElse(slot.get(0).term);
            if (slot.size() == 1 && STOPWORDS.contains(typed)) {
                stopped.add(typed);
                continue;
            }
            if (count[0] >= MAX_WORDS) {
                tooMany[0] = true;
                break;
            }
            count[0]++;
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            Set<String> seen = new LinkedHashSet<>();
            for (Token t : slot) {
                if (!seen.add(t.term)) {
                    continue;
                }
                float w = t.original ? 1f : SYNONYM;
                if (!t.original) {
                    synonymsUsed.computeIfAbsent(typed, k -> new LinkedHashSet<>()).add(t.term);
                }
                b.add(boost(new TermQuery(new Term(SearchFields.HEAD, t.term)), HEAD_WORD * w), Occur.SHOULD);
                b.add(boost(new TermQuery(new Term(SearchFields.SECTION_HEAD, t.term)), SECTION_WORD * w),
                        Occur.SHOULD);
                List<Token> pairs = tokens(analyzers.bigramsQuery(), t.term, null);
                if (!pairs.isEmpty()) {
                    b.add(body(t.term, phraseOf(SearchFields.TEXT + Analyzers.BIGRAM_SUFFIX, pairs), 1, w),
                            Occur.SHOULD);
                    b.add(boost(phraseOf(SearchFields.HEAD + Analyzers.BIGRAM_SUFFIX, pairs), HEAD_BIGRAM * w),
                            Occur.SHOULD);
                    b.add(boost(phraseOf(SearchFields.SECTION_HEAD + Analyzers.BIGRAM_SUFFIX, pairs),
                            SECTION_BIGRAM * w), Occur.SHOULD);
                }
            }
            out.add(b.build());
        }
        return out;
    }

    /** The phrase character by character (bigram phrase), with a bonus for the same words in the same order. */
    private List<Query> phrase(String text) {
        List<Token> pairs = tokens(analyzers.bigramsQuery(), text, null);
        if (pairs.isEmpty()) {
            return List.of();
        }
        List<Token> words = tokens(analyzers.words(), text, null);
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(body(ChineseFolding.fold(text), phraseOf(SearchFields.TEXT + Analyzers.BIGRAM_SUFFIX, pairs),
                Math.max(1, words.size()), 1f), Occur.SHOULD);
        b.add(boost(phraseOf(SearchFields.HEAD + Analyzers.BIGRAM_SUFFIX, pairs), HEAD_BIGRAM), Occur.SHOULD);
        b.add(boost(phraseOf(SearchFields.SECTION_HEAD + Analyzers.BIGRAM_SUFFIX, pairs), SECTION_BIGRAM),
                Occur.SHOULD);
        if (!words.isEmpty()) {
            b.add(boost(phraseOf(SearchFields.HEAD, words), HEAD_WORD), Occur.SHOULD);
            b.add(boost(phraseOf(SearchFields.SECTION_HEAD, words), SECTION_WORD), Occur.SHOULD);
        }
        return List.of(b.build());
    }

    /**
     * The body clause for {@code term}: one lookup in the body's term field when the term is there (a dictionary term
     * of three or more Han characters, format 6), else the phrase of its bigrams; both find the same sections (the
     * unbroken run of its characters). BM25 gives a phrase the sum of its bigrams' idf and a term its own, which is
     * about half of that sum, so the term weighs {@value #BODY_TERM} times the phrase's weight (see there).
     */
    private Query body(String term, Query textBigrams, int words, float weight) {
        float w = bodyWeight(textBigrams, words) * weight;
        if (textBigrams instanceof PhraseQuery p && analyzers.inTermField(term)) {
            return boost(new TermQuery(new Term(SearchFields.TEXT + Analyzers.TERM_SUFFIX, term)), w * BODY_TERM);
        }
        return boost(textBigrams, w);
    }

    /**
     * The weight of the body's bigram phrase for {@code words} words: {@value #TEXT_BIGRAM}, plus the former word
     * clause's {@value #TEXT_WORD} per word spread over the phrase's bigrams. BM25 sums the idf of a phrase's terms,
     * so a phrase of n bigrams scores about n times a word of similar rarity; before format 5 a body match scored
     * word + bigram phrase, i.e. about (TEXT_WORD * words / n + TEXT_BIGRAM) times the phrase. A flat weight would
     * let long words in the body outweigh the same word in a title.
     */
    static float bodyWeight(Query bigramPhrase, int words) {
        int n = bigramPhrase instanceof PhraseQuery p ? p.getTerms().length : 1;
        return TEXT_BIGRAM + TEXT_WORD * Math.min(1f, words / (float) n);
    }

    /** Any hit with these characters (in body, title or heading) is removed. */
    private Query exclusion(String text) {
        List<Token> pairs = tokens(analyzers.bigramsQuery(), text, null);
        if (pairs.isEmpty()) {
            return null;
        }
        return or(List.of(phraseOf(SearchFields.TEXT + Analyzers.BIGRAM_SUFFIX, pairs),
                phraseOf(SearchFields.HEAD + Analyzers.BIGRAM_SUFFIX, pairs)));
    }

    /** The tokens on {@code field}: a term for one token, else a phrase; null if there are none. */
    private static Query phraseOf(String field, List<Token> tokens) {
        if (tokens.isEmpty()) {
            return null;
        }
        if (tokens.size() == 1) {
            return new TermQuery(new Term(field, tokens.get(0).term));
        }
        PhraseQuery.Builder p = new PhraseQuery.Builder();
        int first = tokens.get(0).position;
        for (Token t : tokens) {
            p.add(new Term(field, t.term), t.position - first);
        }
        return p.build();
    }

    /**
     * The tokens of a text with their positions. With {@code folded} given, a token is "original" when it spells
     * what was typed at its offsets (a synonym does not).
     */
    private static List<Token> tokens(Analyzer analyzer, String text, String folded) {
        List<Token> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("q", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            int pos = -1;
            while (ts.incrementToken()) {
                pos += inc.getPositionIncrement();
                String t = term.toString();
                boolean original = true;
                if (folded != null) {
                    String typed = offset.endOffset() <= text.length()
                            ? ChineseFolding.fold(text.substring(offset.startOffset(), offset.endOffset())) : "";
                    original = t.equals(typed);
                }
                out.add(new Token(t, pos, original));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // with a synonym listed before the original word, make sure the word typed comes first in its slot
        return out;
    }

    private static Query boost(Query q, float boost) {
        return boost == 1f ? q : new BoostQuery(q, boost);
    }

    private static Query and(List<Query> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        parts.forEach(p -> b.add(p, Occur.MUST));
        return b.build();
    }

    private static Query or(List<Query> parts) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        parts.forEach(p -> b.add(p, Occur.SHOULD));
        return b.build();
    }
}
