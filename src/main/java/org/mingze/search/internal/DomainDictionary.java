package org.mingze.search.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The domain vocabulary: terms the tokenizer keeps whole (一岗双责, 三会一课 ...) and synonym rules in Solr format
 * that widen a query (两个责任 => 主体责任, 监督责任). Built-in defaults ship in the jar ({@code search/} on the
 * class path) and are merged with {@code <content-dir>/search/dictionary.txt} and {@code synonyms.txt}; a missing
 * file counts as empty. Every term of a synonym rule is also a dictionary term, so that each side of a rule is one
 * token.
 */
public final class DomainDictionary {

    private static final Logger log = LoggerFactory.getLogger(DomainDictionary.class);
    static final String DICTIONARY = "dictionary.txt";
    static final String SYNONYMS = "synonyms.txt";
    /** Longer terms are ignored: they are sentences, not terms. */
    static final int MAX_TERM_LENGTH = 16;

    private final Set<String> terms;
    private final List<String> synonymRules;

    private DomainDictionary(Set<String> terms, List<String> synonymRules) {
        this.terms = terms;
        this.synonymRules = synonymRules;
    }

    /** A dictionary from explicit terms and rules (tests, benchmarks); terms of the rules are added. */
    public static DomainDictionary of(Collection<String> terms, List<String> synonymRules) {
        Set<String> folded = new TreeSet<>();
        for (String t : terms) {
            addTerm(folded, t);
        }
        List<String> rules = new ArrayList<>();
        for (String rule : synonymRules) {
            String r = cleanRule(rule);
            if (r != null) {
                rules.add(r);
                for (String t : ruleTerms(r)) {
                    addTerm(folded, t);
                }
            }
        }
        return new DomainDictionary(java.util.Collections.unmodifiableSet(folded), List.copyOf(rules));
    }

    /** The built-in vocabulary only. */
    public static DomainDictionary builtIn() {
        return load(null);
    }

    /** The built-in vocabulary merged with {@code contentSearchDir/dictionary.txt} and {@code synonyms.txt}. */
    public static DomainDictionary load(Path contentSearchDir) {
        List<String> terms = new ArrayList<>(classpathLines(DICTIONARY));
        List<String> rules = new ArrayList<>(classpathLines(SYNONYMS));
        if (contentSearchDir != null) {
            terms.addAll(fileLines(contentSearchDir.resolve(DICTIONARY)));
            rules.addAll(fileLines(contentSearchDir.resolve(SYNONYMS)));
        }
        List<String> dictTerms = new ArrayList<>();
        for (String line : terms) {
            // tolerate "term 3 n" (jieba style): the term is the first field
            String term = line.strip().split("\\s+")[0];
            dictTerms.add(term);
        }
        DomainDictionary d = of(dictTerms, rules);
        log.info("Search vocabulary: {} terms, {} synonym rules", d.terms.size(), d.synonymRules.size());
        return d;
    }

    /** Folded terms (simplified, half-width, lower case), at least two characters each. */
    public Set<String> terms() {
        return terms;
    }

    public List<String> synonymRules() {
        return synonymRules;
    }

    /** A short hash of the terms: the index must be rebuilt when it changes (the rules are used at query time only). */
    public String termsFingerprint() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String t : terms) {
                sha.update(t.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** All terms that a rule mentions (both sides), as written. */
    static List<String> ruleTerms(String rule) {
        List<String> out = new ArrayList<>();
        for (String side : rule.split("=>")) {
            for (String t : side.split("(?<!\\\\),")) {
                String term = t.strip().replace("\\,", ",");
                if (!term.isEmpty()) {
                    out.add(term);
                }
            }
        }
        return out;
    }

    private static String cleanRule(String line) {
        String r = line.strip();
        if (r.isEmpty() || r.startsWith("#")) {
            return null;
        }
        if (ruleTerms(r).isEmpty()) {
            return null;
        }
        return r;
    }

    private static void addTerm(Set<String> into, String raw) {
        if (raw == null) {
            return;
        }
        String t = raw.strip();
        if (t.isEmpty() || t.startsWith("#") || t.chars().anyMatch(Character::isWhitespace)) {
            return;
        }
        String folded = ChineseFolding.fold(t);
        int length = folded.codePointCount(0, folded.length());
        if (length >= 2 && length <= MAX_TERM_LENGTH) {
            into.add(folded);
        }
    }

    private static List<String> classpathLines(String name) {
        try (InputStream in = DomainDictionary.class.getResourceAsStream("/search/" + name)) {
            if (in == null) {
                log.warn("Built-in search/{} is missing from the class path", name);
                return List.of();
            }
            return readLines(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            log.warn("Cannot read built-in search/{}: {}", name, e.toString());
            return List.of();
        }
    }

    private static List<String> fileLines(Path file) {
        if (!Files.isRegularFile(file)) {
            log.info("No {} (the built-in search vocabulary is used alone)", file);
            return List.of();
        }
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return readLines(r);
        } catch (IOException e) {
            log.warn("Cannot read {}: {} (ignored)", file, e.toString());
            return List.of();
        }
    }

    private static List<String> readLines(BufferedReader r) throws IOException {
        Set<String> lines = new LinkedHashSet<>();
        String line;
        while ((line = r.readLine()) != null) {
            String s = line.replace("\uFEFF", "").strip();
            if (!s.isEmpty() && !s.startsWith("#")) {
                lines.add(s);
            }
        }
        return new ArrayList<>(lines);
    }
}
