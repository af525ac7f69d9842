package org.mingze.search.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.mingze.library.IndexableMaterial;

/**
 * Synthetic study materials made from the project's own content: the sentences of {@code content/materials/**.md}
 * recombined with a fixed seed. Each generated document has a "theme" (one real material, the first ones more
 * often, as a few subjects dominate a real library): most of its sentences, its category, most of its tags and a
 * heading for its title come from the theme, so that facets and tags agree with the text. Dates run from 2019 to
 * 2026, more of them recent.
 */
final class BenchCorpus {

    /** One real material, cut into sentences. */
    record Source(String id, String title, String category, List<String> tags, List<String> headings,
                  List<String> sentences) {
    }

    private static final Pattern SENTENCE = Pattern.compile("[^。！？；]+[。！？；]?");
    private static final Pattern NUMBERING = Pattern.compile("^[（(]?[一二三四五六七八九十0-9]+[、.）)]\\s*");
    private static final LocalDate FIRST_DAY = LocalDate.of(2019, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(2026, 11, 28);

    private final List<Source> sources;
    private final List<String> allSentences;
    private final List<String> allTags;

    private BenchCorpus(List<Source> sources) {
        this.sources = sources;
        this.allSentences = sources.stream().flatMap(s -> s.sentences().stream()).toList();
        Set<String> tags = new LinkedHashSet<>();
        sources.forEach(s -> tags.addAll(s.tags()));
        this.allTags = List.copyOf(tags);
    }

    static BenchCorpus load(Path materialsDir) {
        List<Source> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(materialsDir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                String id = materialsDir.relativize(p).toString().replace('\\', '/').replaceAll("\\.md$", "");
                sources.add(parse(id, Files.readString(p, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (sources.isEmpty()) {
            throw new IllegalStateException("no materials under " + materialsDir.toAbsolutePath());
        }
        return new BenchCorpus(sources);
    }

    List<Source> sources() {
        return sources;
    }

    List<String> allSentences() {
        return allSentences;
    }

    List<String> allTags() {
        return allTags;
    }

    /** {@code count} documents of about {@code chars} characters each, the same for the same seed. */
    List<IndexableMaterial> generate(int count, int chars, long seed) {
        Random random = new Random(seed);
        List<IndexableMaterial> out = new ArrayList<>(count);
        int days = (int) (LAST_DAY.toEpochDay() - FIRST_DAY.toEpochDay());
        for (int i = 0; i < count; i++) {
            Source theme = sources.get(skewed(random, sources.size()));
            String category = random.nextInt(10) == 0
                    ? sources.get(random.nextInt(sources.size())).category() : theme.category();
            Set<String> tags = new LinkedHashSet<>();
            for (String t : theme.tags()) {
                if (random.nextInt(4) != 0) {
                    tags.add(t);
                }
            }
            if (tags.isEmpty() || random.nextInt(3) == 0) {
                tags.add(allTags.get(random.nextInt(allTags.size())));
            }
            // later days more often: the larger of two uniform draws
            LocalDate date = FIRST_DAY.plusDays(Math.max(random.nextInt(days + 1), random.nextInt(days + 1)));
            String heading = theme.headings().isEmpty() ? theme.title()
                    : theme.headings().get(random.nextInt(theme.headings().size()));
            String title = heading + "（" + theme.title() + "·第" + (i + 1) + "篇）";
            String body = body(random, theme, chars);
            out.add(new IndexableMaterial(String.format("bench/d%05d", i + 1), title, category, List.copyOf(tags),
                    date, null, false, List.of(new IndexableMaterial.Section("", "", 0, body))));
        }
        return out;
    }

    /** Paragraphs of 2-6 sentences, three in four from the theme, until the length is reached. */
    private String body(Random random, Source theme, int chars) {
        StringBuilder b = new StringBuilder(chars + 200);
        int inParagraph = 0;
        int paragraph = 2 + random.nextInt(5);
        while (b.length() < chars) {
            List<String> pool = random.nextInt(4) != 0 && !theme.sentences().isEmpty() ? theme.sentences()
                    : allSentences;
            b.append(pool.get(random.nextInt(pool.size())));
            if (++inParagraph == paragraph) {
                b.append("\n\n");
                inParagraph = 0;
                paragraph = 2 + random.nextInt(5);
            }
        }
        return b.toString().strip();
    }

    /** 0..n-1, lower values more often (about Zipf-like). */
    private static int skewed(Random random, int n) {
        double u = random.nextDouble();
        return Math.min(n - 1, (int) (n * u * u));
    }

    private static Source parse(String id, String markdown) {
        String title = id;
        String category = "";
        List<String> tags = new ArrayList<>();
        List<String> headings = new ArrayList<>();
        List<String> sentences = new ArrayList<>();
        String[] lines = markdown.split("\\R");
        int i = 0;
        if (lines.length > 0 && lines[0].strip().equals("---")) {
            for (i = 1; i < lines.length && !lines[i].strip().equals("---"); i++) {
                String line = lines[i];
                if (line.startsWith("title:")) {
                    title = value(line);
                } else if (line.startsWith("category:")) {
                    category = value(line);
                } else if (line.startsWith("tags:")) {
                    String v = value(line).replace("[", "").replace("]", "");
                    Arrays.stream(v.split("[,，]")).map(String::strip).filter(t -> !t.isEmpty()).forEach(tags::add);
                }
            }
            i++;
        }
        for (; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("|---") || line.startsWith("---")) {
                continue;
            }
            if (line.startsWith("#")) {
                String h = NUMBERING.matcher(line.replaceFirst("^#+\\s*", "")).replaceFirst("").strip();
                if (h.length() >= 4) {
                    headings.add(h);
                }
                continue;
            }
            line = line.replaceFirst("^([-*>]|\\d+\\.)\\s*", "").replace("**", "");
            if (line.startsWith("|")) {
                // a table row: its cells as one clause
                line = String.join("，", Arrays.stream(line.split("\\|")).map(String::strip)
                        .filter(c -> !c.isEmpty()).toList()) + "。";
            }
            Matcher m = SENTENCE.matcher(line);
            while (m.find()) {
                String s = m.group().strip();
                if (s.codePointCount(0, s.length()) >= 8) {
                    sentences.add(s);
                }
            }
        }
        return new Source(id, title, category, List.copyOf(tags), List.copyOf(headings), List.copyOf(sentences));
    }

    private static String value(String line) {
        return line.substring(line.indexOf(':') + 1).strip().replaceAll("^\"|\"$", "");
    }
}
