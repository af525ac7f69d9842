package org.mingze.search.internal;

import com.ibm.icu.text.Normalizer2;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.icu.ICUNormalizer2CharFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that decides how text becomes terms, for indexing and for queries alike.
 *
 * <p>Every chain starts with the same folding, as char filters so that the tokenizer already sees folded text:
 * NFKC with case folding (ICU {@code nfkc_cf}: full-width to half-width, upper to lower case) and traditional to
 * simplified characters (ICU {@code Traditional-Simplified}, see {@link ChineseFolding}). Then two views of the same
 * text go into two fields:
 * <ul>
 *   <li>words ({@link #WORDS}): {@link DomainTokenizer}: dictionary terms kept whole, smartcn's HHMM segmentation
 *   between them; at query time a {@link SynonymGraphFilter} adds synonyms and expands abbreviations. Indexed for
 *   titles and headings only (short); bodies are not segmented at index time, a query's words match them as bigram
 *   phrases;</li>
 *   <li>bigrams ({@link #BIGRAMS}): {@link StandardTokenizer} + {@link CJKBigramFilter}, overlapping pairs of Han
 *   characters, and single characters too at index time. Whatever the segmenter does with an unknown word, its
 *   characters are here, so no hit is lost; queries match exact words in the word field with a higher weight.</li>
 * </ul>
 */
public final class Analyzers {

    private static final Logger log = LoggerFactory.getLogger(Analyzers.class);
    /** Field-name suffix of the bigram twin of a word field. */
    public static final String BIGRAM_SUFFIX = "_cjk";
    /** Field-name suffix of the body's dictionary-term field ({@link DictionaryTermTokenizer}, format 6). */
    public static final String TERM_SUFFIX = "_term";
    /** Dictionary terms shorter than this are not in the term field: two characters are one bigram already. */
    static final int MIN_TERM_FIELD_LENGTH = 3;
    public static final String WORDS = "words";
    public static final String BIGRAMS = "bigrams";

    private final DomainDictionary dictionary;
    private final TermTrie trie;
    private final Set<String> fieldTerms;
    private final TermTrie fieldTermTrie;
    private final SynonymMap synonyms;
    private final Analyzer words;
    private final Analyzer queryWords;
    private final Analyzer bigramsIndex;
    private final Analyzer bigramsQuery;
    private final Analyzer termsIndex;
    private final Analyzer index;

    public Analyzers(DomainDictionary dictionary) {
        this.dictionary = dictionary;
        this.trie = new TermTrie(dictionary.terms());
        this.fieldTerms = dictionary.terms().stream()
                .filter(t -> t.length() >= MIN_TERM_FIELD_LENGTH && t.chars().allMatch(c -> DictionaryTermTokenizer.isHan((char) c)))
                .collect(Collectors.toUnmodifiableSet());
        this.fieldTermTrie = new TermTrie(fieldTerms);
        this.termsIndex = new TermAnalyzer();
        this.words = new WordAnalyzer(null);
        this.synonyms = buildSynonyms(dictionary.synonymRules(), words);
        this.queryWords = new WordAnalyzer(synonyms);
        this.bigramsIndex = new BigramAnalyzer(true);
        this.bigramsQuery = new BigramAnalyzer(false);
        this.index = new PerFieldAnalyzerWrapper(words, Map.of(
                SearchFields.TEXT + BIGRAM_SUFFIX, bigramsIndex,
                SearchFields.TEXT + TERM_SUFFIX, termsIndex,
                SearchFields.HEAD + BIGRAM_SUFFIX, bigramsIndex,
                SearchFields.SECTION_HEAD + BIGRAM_SUFFIX, bigramsIndex));
    }

    /** For the IndexWriter: words for the word fields, bigrams with unigrams for the {@code _cjk} fields. */
    public Analyzer index() {
        return index;
    }

    /** Words as indexed (no synonyms). */
    public Analyzer words() {
        return words;
    }

    /** Words as searched: with synonyms and abbreviations expanded. */
    public Analyzer queryWords() {
        return queryWords;
    }

    /** Bigrams as indexed: single Han characters and overlapping pairs. */
    public Analyzer bigramsIndex() {
        return bigramsIndex;
    }

    /** Bigrams as searched: pairs only (a single character stays a single character). */
    public Analyzer bigramsQuery() {
        return bigramsQuery;
    }

    /** The body's term field: every occurrence of a dictionary term of three or more Han characters. */
    public Analyzer termsIndex() {
        return termsIndex;
    }

    /** Whether {@code term} (folded, as the analyzers make it) is a term of the body's term field. */
    public boolean inTermField(String term) {
        return fieldTerms.contains(term);
    }

    public DomainDictionary dictionary() {
        return dictionary;
    }

    public SynonymMap synonyms() {
        return synonyms;
    }

    /** The terms an analyzer makes of a text, in order; for tests and diagnostics. */
    public static List<String> terms(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static Reader fold(Reader reader) {
        return new TraditionalToSimplifiedCharFilter(
                new ICUNormalizer2CharFilter(reader, Normalizer2.getNFKCCasefoldInstance()));
    }

    private static SynonymMap buildSynonyms(List<String> rules, Analyzer analyzer) {
        SolrSynonymParser parser = new SolrSynonymParser(true, true, analyzer);
        for (String rule : rules) {
            try {
                parser.parse(new StringReader(rule));
            } catch (ParseException | IOException | IllegalArgumentException e) {
                log.warn("Synonym rule ignored: \"{}\" ({})", rule, e.getMessage());
            }
        }
        try {
            return parser.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final class WordAnalyzer extends Analyzer {
        private final SynonymMap synonymMap;

        WordAnalyzer(SynonymMap synonymMap) {
            this.synonymMap = synonymMap;
        }

        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return fold(reader);
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new DomainTokenizer(trie);
            TokenStream stream = tokenizer;
            if (synonymMap != null && synonymMap.fst != null) {
                stream = new SynonymGraphFilter(stream, synonymMap, true);
            }
            return new TokenStreamComponents(tokenizer, stream);
        }
    }

    private final class TermAnalyzer extends Analyzer {

        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return fold(reader);
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            return new TokenStreamComponents(new DictionaryTermTokenizer(fieldTermTrie));
        }
    }

    private static final class BigramAnalyzer extends Analyzer {
        private final boolean unigrams;

        BigramAnalyzer(boolean unigrams) {
            this.unigrams = unigrams;
        }

        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return fold(reader);
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new StandardTokenizer();
            TokenStream stream = new CJKBigramFilter(tokenizer, CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA
                    | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL, unigrams);
            return new TokenStreamComponents(tokenizer, stream);
        }
    }
}
