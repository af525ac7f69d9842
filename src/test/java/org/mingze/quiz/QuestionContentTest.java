package org.mingze.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mingze.MingzeTest;
import org.mingze.TestData;
import org.mingze.library.IndexableMaterial;
import org.mingze.library.MaterialSource;
import org.mingze.quiz.internal.BankParser;
import org.mingze.quiz.internal.QuestionValidator;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The real starting bank in content/questions, read against the real library in content/materials (the default
 * content folder of {@code @MingzeTest}): every bank loads, every question is well-formed, every source names a
 * real section, and the bank is large and broad enough (issue 4).
 */
@MingzeTest
class QuestionContentTest {

    private static final Path BANKS = Path.of("content/questions");
    private static final List<Question> ALL = new ArrayList<>();
    private static final List<BankParser.Result> RESULTS = new ArrayList<>();

    @Autowired
    MaterialSource materials;
    @Autowired
    QuestionService service;
    @Autowired
    TestData data;

    @BeforeAll
    static void read() throws IOException {
        try (Stream<Path> files = Files.list(BANKS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                BankParser.Result r = BankParser.parse("content/questions/" + f.getFileName(), Files.readAllBytes(f));
                RESULTS.add(r);
                r.questions().forEach(p -> ALL.add(p.question()));
            }
        }
    }

    @AfterEach
    void signOut() {
        data.signOut();
    }

    @Test
    void every_bank_file_is_accepted_and_ids_are_unique_across_banks() {
        assertThat(RESULTS).hasSizeGreaterThanOrEqualTo(7);
        assertThat(RESULTS).allSatisfy(r -> assertThat(r.problems()).as(r.file()).isEmpty());
        Map<String, Long> ids = ALL.stream().collect(Collectors.groupingBy(Question::id, Collectors.counting()));
        assertThat(ids.entrySet()).filteredOn(e -> e.getValue() > 1).as("ids used twice").isEmpty();
    }

    @Test
    void every_question_is_well_formed() {
        assertThat(ALL).allSatisfy(q -> assertThat(QuestionValidator.validate(q)).as(q.id()).isEmpty());
        // what the validator allows but a careful bank never does
        assertThat(ALL).filteredOn(q -> q.type() == QuestionType.FILL)
                .allSatisfy(q -> assertThat(q.stem()).as(q.id()).doesNotContain("____"));
        assertThat(ALL).allSatisfy(q -> assertThat(q.stem()).as(q.id()).doesNotContain("根据上文", "以上都对",
                "以上都不对", "以上均"));
        assertThat(ALL).filteredOn(q -> q.type().hasOptions()).allSatisfy(q -> assertThat(q.options())
                .as(q.id()).noneMatch(o -> o.contains("以上都") || o.contains("以上均")));
    }

    @Test
    void there_are_at_least_two_hundred_questions_of_all_five_types() {
        assertThat(ALL).hasSizeGreaterThanOrEqualTo(200);
        Set<QuestionType> types = ALL.stream().map(Question::type)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(QuestionType.class)));
        assertThat(types).containsExactlyInAnyOrder(QuestionType.values());
        Map<QuestionType, Long> byType = ALL.stream()
                .collect(Collectors.groupingBy(Question::type, Collectors.counting()));
        assertThat(byType.values()).as("no type is a token").allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(20));
    }

    @Test
    void every_source_names_a_real_material_and_one_of_its_sections() {
        List<String> broken = new ArrayList<>();
        for (Question q : ALL) {
            if (q.source() == null) {
                broken.add(q.id() + ": no source");
                continue;
            }
            Optional<IndexableMaterial> m = materials.find(q.sourceMaterial());
            if (m.isEmpty()) {
                broken.add(q.id() + ": no material " + q.sourceMaterial());
            } else if (q.sourceAnchor() == null) {
                broken.add(q.id() + ": no section in " + q.source());
            } else if (m.get().sections().stream().noneMatch(s -> q.sourceAnchor().equals(s.anchor()))) {
                broken.add(q.id() + ": no section " + q.source());
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void every_material_of_the_library_has_enough_questions_for_a_study_check() {
        Map<String, Integer> perMaterial = new HashMap<>();
        ALL.forEach(q -> perMaterial.merge(q.sourceMaterial(), 1, Integer::sum));
        List<IndexableMaterial> library = materials.all();
        assertThat(library).hasSizeGreaterThanOrEqualTo(30);
        assertThat(library).allSatisfy(m -> assertThat(perMaterial.getOrDefault(m.id(), 0)).as(m.id())
                .isGreaterThanOrEqualTo(3));
    }

    @Test
    void the_app_imported_the_whole_bank_at_start_and_rejected_nothing() {
        data.signIn("admin");
        assertThat(service.rejectedBanks(Locale.CHINESE)).isEmpty();
        QuestionPage page = service.search(QuestionFilter.all(), 0, 10);
        Set<String> contentIds = new HashSet<>(ALL.stream().map(Question::id).toList());
        assertThat(page.total()).as("every content question, in use").isGreaterThanOrEqualTo(ALL.size());
        for (QuestionType t : QuestionType.values()) {
            assertThat(page.byType().get(t)).as(t.name())
                    .isGreaterThanOrEqualTo(ALL.stream().filter(q -> q.type() == t).count());
        }
        Question sample = ALL.get(ALL.size() / 2);
        assertThat(service.get(sample.id())).get().satisfies(q -> {
            assertThat(q.version()).isGreaterThanOrEqualTo(1);
            assertThat(contentIds).contains(q.id());
            assertThat(q.stem()).isEqualTo(sample.stem());
        });
        assertThat(service.banks()).extracting(BankSummary::name).containsAll(
                RESULTS.stream().map(BankParser.Result::bank).toList());
    }
}
