package org.mingze.search.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.mingze.search.internal.Analyzers;

/**
 * A fixed mix of queries as people type them: single terms (3 in 10), "quoted phrases" (2 in 10), two-term (1 in
 * 4) and three-term AND queries (1 in 4). Terms come from the domain dictionary ({@code content/search/
 * dictionary.txt}) and from the words of the text; the terms of one multi-term query come from the same material,
 * as a person looking for something would combine them. Phrases are runs of 4 to 8 Han characters cut from a
 * sentence.
 */
final class BenchQueries {

    enum Kind { TERM, PHRASE, TWO_TERMS, THREE_TERMS }

    /**
     * @param text      what is typed into the search box
     * @param likeTerms what the naive baseline looks for, each as {@code LIKE '%term%'}, all required
     */
    record Query(Kind kind, String text, List<String> likeTerms) {
    }

    /** Question words a person types but that carry nothing (the engine drops them too). */
    private static final Set<String> FILLER = Set.of("什么", "怎么", "怎样", "如何", "哪些", "哪个", "一个", "有关", "关于");

    private BenchQueries() {
    }

    static List<Query> generate(BenchCorpus corpus, Path dictionaryFile, Analyzer words, int count, long seed) {
        Random random = new Random(seed);
        List<String> dictionary = dictionary(dictionaryFile);
        List<String> textWords = new ArrayList<>(words(corpus.allSentences(), words));
        List<List<String>> perSource = new ArrayList<>();
        for (BenchCorpus.Source s : corpus.sources()) {
            Set<String> terms = new LinkedHashSet<>();
            String text = String.join("", s.sentences());
            dictionary.stream().filter(text::contains).forEach(terms::add);
            terms.addAll(words(s.sentences(), words));
            if (terms.size() >= 3) {
                perSource.add(List.copyOf(terms));
            }
        }
        List<Query> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int roll = random.nextInt(20);
            if (roll < 6) {
                String term = random.nextInt(5) < 3 ? pick(random, dictionary) : pick(random, textWords);
                out.add(new Query(Kind.TERM, term, List.of(term)));
            } else if (roll < 10) {
                String phrase = phrase(random, corpus.allSentences());
                out.add(new Query(Kind.PHRASE, "\"" + phrase + "\"", List.of(phrase)));
            } else {
                int n = roll < 15 ? 2 : 3;
                List<String> pool = pick(random, perSource);
                Set<String> terms = new LinkedHashSet<>();
                while (terms.size() < n) {
                    terms.add(pick(random, pool));
                }
                out.add(new Query(n == 2 ? Kind.TWO_TERMS : Kind.THREE_TERMS, String.join(" ", terms),
                        List.copyOf(terms)));
            }
        }
        return out;
    }

    private static List<String> dictionary(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).map(l -> l.split("\\s+")[0]).distinct().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Words of two or more Han characters as the index segments them. */
    private static Set<String> words(List<String> sentences, Analyzer words) {
        Set<String> out = new LinkedHashSet<>();
        for (String s : sentences) {
            for (String w : Analyzers.terms(words, s)) {
                if (w.length() >= 2 && w.codePoints().allMatch(BenchQueries::han) && !FILLER.contains(w)) {
                    out.add(w);
                }
            }
        }
        return out;
    }

    private static String phrase(Random random, List<String> sentences) {
        while (true) {
            String s = pick(random, sentences);
            int length = 4 + random.nextInt(5);
            int start = random.nextInt(Math.max(1, s.length() - length));
            if (start + length <= s.length()) {
                String cut = s.substring(start, start + length);
                if (cut.codePoints().allMatch(BenchQueries::han)) {
                    return cut;
                }
            }
        }
    }

    private static boolean han(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }

    private static <T> T pick(Random random, List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
