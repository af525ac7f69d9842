package org.mingze.quiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mingze.MingzeTest;
import org.mingze.TestData;
import org.mingze.base.audit.AuditLog;
import org.mingze.base.audit.AuditQuery;
import org.mingze.base.audit.AuditRecord;
import org.mingze.base.security.Role;
import org.mingze.base.validation.Problem;
import org.mingze.base.validation.ValidationException;
import org.mingze.library.StudyHow;
import org.mingze.library.StudyOverview;
import org.mingze.library.StudyService;
import org.mingze.quiz.internal.QuestionStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Study checks on the real library and bank: 3-5 questions on a material; passing marks it studied (as QUIZ). */
@MingzeTest
class StudyCheckTest {

    private static final String MATERIAL = "zhuti/diyi-zeren";

    @Autowired
    StudyCheckService checks;
    @Autowired
    PracticeService practice;
    @Autowired
    StudyService study;
    @Autowired
    QuestionStore store;
    @Autowired
    AuditLog audit;
    @Autowired
    TestData data;

    @AfterEach
    void signOut() {
        data.signOut();
    }

    private String learner() {
        String name = data.account(data.branch(), Role.LEARNER).getUsername();
        data.signIn(name);
        return name;
    }

    private Question shown(ShownQuestion s) {
        return store.version(s.id(), s.version()).orElseThrow();
    }

    private Map<String, Response> answers(StudyCheck c, Function<Question, Response> how) {
        Map<String, Response> out = new LinkedHashMap<>();
        c.questions().forEach(s -> out.put(s.id(), how.apply(shown(s))));
        return out;
    }

    private StudyHow studiedHow(String material) {
        StudyOverview mine = study.myStudy();
        return mine.materials().stream().filter(m -> m.materialId().equals(material)).findFirst()
                .map(StudyOverview.MaterialStudy::studiedHow).orElse(null);
    }

    private List<AuditRecord> audited(String action, String actor) {
        String who = org.mingze.base.security.CurrentUser.actor();
        data.signIn("admin");
        List<AuditRecord> found = audit.search(new AuditQuery(actor, action, null, MATERIAL, null, null), 0, 50)
                .getContent();
        data.signIn(who);
        return found;
    }

    @Test
    void a_check_has_three_to_five_auto_graded_questions_on_the_material_and_no_answers() {
        learner();
        assertThat(checks.hasCheck(MATERIAL)).isTrue();
        StudyCheck c = checks.start(MATERIAL).orElseThrow();

        assertThat(c.materialTitle()).isEqualTo("党委书记如何履行“第一责任人”职责");
        assertThat(c.questions()).hasSizeBetween(StudyCheckService.MIN_QUESTIONS, StudyCheckService.MAX_QUESTIONS)
                .extracting(ShownQuestion::id).doesNotHaveDuplicates();
        assertThat(c.questions()).allSatisfy(s -> {
            assertThat(s.type()).isNotEqualTo(QuestionType.ESSAY);
            assertThat(shown(s).sourceMaterial()).isEqualTo(MATERIAL);
        });
        BigDecimal max = c.questions().stream().map(ShownQuestion::points).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(c.max()).isEqualByComparingTo(max);
        assertThat(c.needed()).isEqualByComparingTo(max.multiply(new BigDecimal("0.8")));
        assertThat(c.questions()).map(this::shown).filteredOn(Answers::explanationIsNotInTheQuestion)
                .allSatisfy(q -> assertThat(c.toString()).doesNotContain(q.explanation()));
    }

    @Test
    void passing_marks_the_material_studied_as_quiz_and_is_audited() {
        String me = learner();
        assertThat(studiedHow(MATERIAL)).isNull();
        StudyCheck c = checks.start(MATERIAL).orElseThrow();

        StudyCheckResult r = checks.submit(c.id(), answers(c, Answers::right));

        assertThat(r.passed()).isTrue();
        assertThat(r.newlyStudied()).isTrue();
        assertThat(r.points()).isEqualByComparingTo(r.max());
        assertThat(r.items()).extracting(StudyCheckResult.Item::questionId)
                .containsExactlyElementsOf(c.questions().stream().map(ShownQuestion::id).toList());
        assertThat(r.items()).allSatisfy(i -> {
            assertThat(i.feedback().grade().correct()).isTrue();
            assertThat(i.feedback().sourceUrl()).startsWith("library/read/" + MATERIAL);
        });
        assertThat(studiedHow(MATERIAL)).isEqualTo(StudyHow.QUIZ);
        assertThat(audited("STUDY_CHECK_PASSED", me)).singleElement()
                .satisfies(a -> assertThat(a.detail()).startsWith(r.max().stripTrailingZeros().toPlainString() + "/"));
        assertThat(audited("STUDY_CHECK_FAILED", me)).isEmpty();
        assertThat(practice.wrongBook().questions()).isZero();
    }

    @Test
    void a_failed_check_marks_nothing_fills_the_book_and_can_be_taken_again() {
        String me = learner();
        StudyCheck c = checks.start(MATERIAL).orElseThrow();

        StudyCheckResult r = checks.submit(c.id(), answers(c, Answers::wrong));

        assertThat(r.passed()).isFalse();
        assertThat(r.newlyStudied()).isFalse();
        assertThat(r.points()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(studiedHow(MATERIAL)).isNull();
        assertThat(audited("STUDY_CHECK_FAILED", me)).hasSize(1);
        assertThat(audited("STUDY_CHECK_PASSED", me)).isEmpty();
        assertThat(practice.wrongBook().questions()).isEqualTo(c.questions().size());

        assertThatThrownBy(() -> checks.submit(c.id(), answers(c, Answers::right)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(Problem::key).containsExactly("quiz.check.error.submitted"));
        StudyCheck retry = checks.start(MATERIAL).orElseThrow();
        assertThat(retry.id()).isNotEqualTo(c.id());
        assertThat(checks.submit(retry.id(), answers(retry, Answers::right)).passed()).isTrue();
        assertThat(studiedHow(MATERIAL)).isEqualTo(StudyHow.QUIZ);
    }

    @Test
    void eighty_percent_of_the_points_pass_and_less_does_not() {
        learner();
        StudyCheck c = checks.start(MATERIAL).orElseThrow();
        // miss only the cheapest question: passes exactly when what is left reaches 80%
        ShownQuestion cheapest = c.questions().stream().min(Comparator.comparing(ShownQuestion::points)).orElseThrow();
        Map<String, Response> responses = answers(c, Answers::right);
        responses.put(cheapest.id(), Answers.wrong(shown(cheapest)));
        BigDecimal left = c.max().subtract(cheapest.points());
        boolean expected = left.multiply(BigDecimal.valueOf(100))
                .compareTo(c.max().multiply(BigDecimal.valueOf(80))) >= 0;

        StudyCheckResult r = checks.submit(c.id(), responses);

        assertThat(r.points()).isEqualByComparingTo(left);
        assertThat(r.passed()).isEqualTo(expected);
        assertThat(studiedHow(MATERIAL)).isEqualTo(expected ? StudyHow.QUIZ : null);
        assertThat(StudyCheckService.needed(new BigDecimal("5"))).isEqualByComparingTo("4");
        assertThat(StudyCheckService.needed(new BigDecimal("3"))).isEqualByComparingTo("2.4");
        assertThat(StudyCheckService.needed(new BigDecimal("7"))).isEqualByComparingTo("5.6");
    }

    @Test
    void an_unanswered_question_counts_as_wrong() {
        learner();
        StudyCheck c = checks.start(MATERIAL).orElseThrow();
        Map<String, Response> responses = answers(c, Answers::right);
        String skipped = c.questions().get(0).id();
        responses.remove(skipped);

        StudyCheckResult r = checks.submit(c.id(), responses);

        assertThat(r.items()).filteredOn(i -> i.questionId().equals(skipped)).singleElement()
                .satisfies(i -> assertThat(i.feedback().grade().outcome()).isEqualTo(Grade.Outcome.UNANSWERED));
        assertThat(practice.wrongBook().groups().stream().flatMap(g -> g.entries().stream())
                .map(WrongBook.Entry::questionId)).containsOnly(skipped);
    }

    @Test
    void an_unknown_material_has_no_check_and_another_person_cannot_hand_in_my_check() {
        learner();
        assertThat(checks.hasCheck("no/such-material")).isFalse();
        assertThat(checks.start("no/such-material")).isEmpty();
        StudyCheck mine = checks.start(MATERIAL).orElseThrow();

        learner();
        assertThatThrownBy(() -> checks.submit(mine.id(), Map.of())).isInstanceOf(AccessDeniedException.class);
        assertThat(studiedHow(MATERIAL)).isNull();
    }
}
