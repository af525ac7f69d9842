package org.mingze.quiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mingze.MingzeTest;
import org.mingze.TestData;
import org.mingze.base.security.Role;
import org.mingze.base.validation.Problem;
import org.mingze.base.validation.ValidationException;
import org.mingze.quiz.internal.QuestionStore;
import org.mingze.quiz.internal.WrongAnswerBook;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

/**
 * Practice and the wrong-answer book, on the real bank of content/questions (the default content folder) plus small
 * banks each test makes for itself with known answers.
 */
@MingzeTest
class PracticeServiceTest {

    private static final String TAG = "一岗双责";
    private static final String SOURCE = "zhuti/diyi-zeren#一什么是第一责任人";

    @Autowired
    PracticeService practice;
    @Autowired
    QuestionService questions;
    @Autowired
    QuestionStore store;
    @Autowired
    WrongAnswerBook book;
    @Autowired
    TestData data;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired
    java.time.Clock clock;

    @AfterEach
    void signOut() {
        data.signOut();
    }

    /** A new learner, signed in. */
    private String learner() {
        String name = data.account(data.branch(), Role.LEARNER).getUsername();
        data.signIn(name);
        return name;
    }

    /** The version of a question that a practice showed. */
    private Question shown(ShownQuestion s) {
        return store.version(s.id(), s.version()).orElseThrow();
    }

    /** A bank of its own: one question of each type, tagged as given (tags per question, in order). */
    private Map<QuestionType, Question> ownBank(String bank, List<List<String>> tags) {
        String who = org.mingze.base.security.CurrentUser.actor();
        data.signIn("admin");
        String prefix = "pt-" + TestData.next();
        List<Questions> builders = List.of(Questions.single(), Questions.multiple(), Questions.judge(),
                Questions.fill(), Questions.essay());
        Map<QuestionType, Question> saved = new java.util.EnumMap<>(QuestionType.class);
        for (int i = 0; i < builders.size(); i++) {
            Question q = questions.save(builders.get(i).id(prefix + "-" + (i + 1)).bank(bank).source(SOURCE)
                    .tags(tags.get(i).toArray(String[]::new)).build());
            saved.put(q.type(), q);
        }
        if (who.equals(org.mingze.base.security.CurrentUser.SYSTEM)) {
            data.signOut();
        } else {
            data.signIn(who);
        }
        return saved;
    }

    private static String unique(String prefix) {
        return prefix + TestData.next();
    }

    private static void assertRefused(Runnable call, String key) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.problems()).extracting(Problem::key).containsExactly(key));
    }

    // --- starting ----------------------------------------------------------------------------------------------

    @Test
    void practice_by_tag_returns_only_questions_with_that_tag_and_never_an_answer() {
        learner();
        Practice p = practice.start(PracticeRequest.tag(TAG, 10));

        assertThat(p.questions()).hasSize(10);
        assertThat(p.subject()).isEqualTo(TAG);
        assertThat(p.questions()).extracting(ShownQuestion::id).doesNotHaveDuplicates();
        assertThat(p.questions()).allSatisfy(s -> {
            assertThat(s.type()).isNotEqualTo(QuestionType.ESSAY);
            Question q = shown(s);
            assertThat(q.tags()).contains(TAG);
            assertThat(q.retired()).isFalse();
            assertThat(s.version()).isEqualTo(store.current(s.id()).orElseThrow().version());
        });
        // what reaches the browser: no answer, no explanation, in the record or anywhere in its text
        assertThat(Arrays.stream(ShownQuestion.class.getRecordComponents()).map(c -> c.getName()))
                .containsExactly("id", "version", "type", "stem", "options", "blanks", "points");
        String everything = p.toString();
        assertThat(p.questions()).map(this::shown).filteredOn(Answers::explanationIsNotInTheQuestion)
                .isNotEmpty().allSatisfy(q -> assertThat(everything).doesNotContain(q.explanation()));
    }

    @Test
    void a_large_count_gives_every_auto_graded_question_of_the_tag_and_no_essay() {
        data.signIn("admin");
        QuestionPage page = questions.search(QuestionFilter.all().withTag(TAG), 0, 1);
        long autoGraded = page.total() - page.byType().get(QuestionType.ESSAY);
        assertThat(page.byType().get(QuestionType.ESSAY)).as("the real bank has essays on 一岗双责").isPositive();
        learner();

        Practice p = practice.start(PracticeRequest.tag(TAG, PracticeRequest.MAX_COUNT));

        assertThat(p.questions()).hasSize((int) Math.min(autoGraded, PracticeRequest.MAX_COUNT));
        assertThat(practice.choices().tags()).filteredOn(c -> c.value().equals(TAG)).singleElement()
                .satisfies(c -> assertThat(c.questions()).isEqualTo(autoGraded));
    }

    @Test
    void practice_by_bank_or_material_draws_from_that_bank_or_material_only() {
        String bank = unique("练习题库");
        Map<QuestionType, Question> own = ownBank(bank, List.of(List.of("甲"), List.of("甲"), List.of("甲"),
                List.of("甲"), List.of("甲")));
        learner();

        Practice byBank = practice.start(PracticeRequest.bank(bank, 20));
        assertThat(byBank.questions()).extracting(ShownQuestion::id).containsExactlyInAnyOrder(
                own.get(QuestionType.SINGLE).id(), own.get(QuestionType.MULTIPLE).id(),
                own.get(QuestionType.JUDGE).id(), own.get(QuestionType.FILL).id());
        assertThat(practice.choices().banks()).filteredOn(c -> c.value().equals(bank)).singleElement()
                .satisfies(c -> assertThat(c.questions()).isEqualTo(4));

        Practice byMaterial = practice.start(PracticeRequest.material("zhuti/diyi-zeren", 20));
        assertThat(byMaterial.subject()).isEqualTo("党委书记如何履行“第一责任人”职责");
        assertThat(byMaterial.questions()).isNotEmpty()
                .allSatisfy(s -> assertThat(shown(s).sourceMaterial()).isEqualTo("zhuti/diyi-zeren"));
        assertThat(practice.choices().materials()).extracting(PracticeChoices.Choice::value)
                .contains("zhuti/diyi-zeren");
    }

    @Test
    void retired_questions_are_not_practised() {
        String bank = unique("停用题库");
        Map<QuestionType, Question> own = ownBank(bank, List.of(List.of("乙"), List.of("乙"), List.of("乙"),
                List.of("乙"), List.of("乙")));
        data.signIn("admin");
        questions.retire(own.get(QuestionType.JUDGE).id());
        learner();

        assertThat(practice.start(PracticeRequest.bank(bank, 20)).questions()).extracting(ShownQuestion::id)
                .hasSize(3).doesNotContain(own.get(QuestionType.JUDGE).id());
    }

    @Test
    void nothing_to_practise_a_bad_count_and_no_choice_are_refused_in_chinese_terms() {
        learner();
        assertRefused(() -> practice.start(PracticeRequest.tag("没有这个标签" + TestData.next(), 10)),
                "quiz.practice.error.none");
        assertRefused(() -> practice.start(PracticeRequest.tag(TAG, 0)), "quiz.practice.error.count");
        assertRefused(() -> practice.start(PracticeRequest.tag(TAG, PracticeRequest.MAX_COUNT + 1)),
                "quiz.practice.error.count");
        assertRefused(() -> practice.start(PracticeRequest.bank(" ", 10)), "quiz.practice.error.choose");
        assertRefused(() -> practice.start(PracticeRequest.wrongBook(null)), "quiz.practice.error.book-empty");
    }

    @Test
    void nobody_signed_in_can_practise() {
        data.signOut();
        assertThatThrownBy(() -> practice.start(PracticeRequest.tag(TAG, 5)))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> practice.wrongBook()).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    // --- feedback and grading ----------------------------------------------------------------------------------

    @Test
    void feedback_of_each_type_has_the_grade_the_answer_the_explanation_and_the_section() {
        String bank = unique("反馈题库");
        Map<QuestionType, Question> own = ownBank(bank, List.of(List.of("丙"), List.of("丙"), List.of("丙"),
                List.of("丙"), List.of("丙")));
        learner();
        Practice p = practice.start(PracticeRequest.bank(bank, 10));

        for (QuestionType type : List.of(QuestionType.SINGLE, QuestionType.JUDGE, QuestionType.FILL)) {
            Question q = own.get(type);
            Feedback f = practice.answer(p.id(), q.id(), Answers.right(q));
            assertThat(f.grade().outcome()).as(type.name()).isEqualTo(Grade.Outcome.CORRECT);
            assertThat(f.grade().points()).as(type.name()).isEqualByComparingTo(q.points());
            assertThat(f.answer()).as(type.name()).isEqualTo(q.answer());
            assertThat(f.explanation()).as(type.name()).isEqualTo(q.explanation());
            assertThat(f.sourceUrl()).isEqualTo("library/read/zhuti/diyi-zeren#一什么是第一责任人");
            assertThat(f.sourceTitle()).isEqualTo("党委书记如何履行“第一责任人”职责 · 一、什么是第一责任人");
        }
        Question multiple = own.get(QuestionType.MULTIPLE);
        Feedback wrong = practice.answer(p.id(), multiple.id(), Answers.wrong(multiple));
        assertThat(wrong.grade().outcome()).isEqualTo(Grade.Outcome.WRONG);
        assertThat(wrong.grade().points()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(wrong.answer()).isEqualTo(new AnswerKey.Choices(List.of(0, 1, 2)));

        PracticeSummary s = practice.summary(p.id());
        assertThat(s).isEqualTo(new PracticeSummary(4, 4, 3, 0, 1, 1, 0));
        long member = org.mingze.base.security.CurrentUser.require().memberId();
        assertThat(jdbc.sql("SELECT practice_day, answered, correct FROM quiz_practice_day WHERE member_id = ?").param(member)
                .query((rs, n) -> rs.getObject(1, java.time.LocalDate.class) + " " + rs.getInt(2) + "/" + rs.getInt(3))
                .list()).as("today's practice, for the ledger").containsExactly(java.time.LocalDate.now(clock) + " 4/3");
    }

    @Test
    void multiple_choice_with_only_some_correct_options_earns_half_and_with_a_wrong_one_nothing() {
        String bank = unique("多选题库");
        Question q = ownBank(bank, List.of(List.of("丁"), List.of("丁"), List.of("丁"), List.of("丁"),
                List.of("丁"))).get(QuestionType.MULTIPLE);
        assertThat(q.points()).isEqualByComparingTo("2");
        learner();

        Feedback half = practice.answer(practice.start(PracticeRequest.bank(bank, 10)).id(), q.id(),
                Answers.partial(q));
        assertThat(half.grade()).isEqualTo(new Grade(Grade.Outcome.PARTIAL, new BigDecimal("1.00"),
                new BigDecimal("2.00")));

        // all correct options plus a wrong one: nothing (错选不得分)
        Feedback none = practice.answer(practice.start(PracticeRequest.bank(bank, 10)).id(), q.id(),
                Response.choices(List.of(0, 1, 2, 3)));
        assertThat(none.grade().outcome()).isEqualTo(Grade.Outcome.WRONG);
        assertThat(none.grade().points()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(PracticeService.POLICY).isEqualTo(MultiplePolicy.HALF_FOR_SUBSET);
    }

    @Test
    void a_question_cannot_be_answered_twice_in_one_practice() {
        String bank = unique("两次题库");
        Question q = ownBank(bank, List.of(List.of("戊"), List.of("戊"), List.of("戊"), List.of("戊"),
                List.of("戊"))).get(QuestionType.SINGLE);
        learner();
        Practice p = practice.start(PracticeRequest.bank(bank, 10));
        practice.answer(p.id(), q.id(), Answers.wrong(q));

        assertRefused(() -> practice.answer(p.id(), q.id(), Answers.right(q)), "quiz.practice.error.answered");

        WrongBook.Entry e = practice.wrongBook().groups().get(0).entries().get(0);
        assertThat(e.timesWrong()).isEqualTo(1);
        assertThat(e.consecutiveCorrect()).isZero();
        assertThat(practice.summary(p.id()).answered()).isEqualTo(1);
    }

    @Test
    void an_empty_answer_or_a_question_from_elsewhere_is_refused_and_the_question_stays_open() {
        String bank = unique("空答题库");
        Question q = ownBank(bank, List.of(List.of("己"), List.of("己"), List.of("己"), List.of("己"),
                List.of("己"))).get(QuestionType.SINGLE);
        learner();
        Practice p = practice.start(PracticeRequest.bank(bank, 10));

        assertRefused(() -> practice.answer(p.id(), q.id(), Response.EMPTY), "quiz.practice.error.empty");
        assertRefused(() -> practice.answer(p.id(), "ztzr-001", Response.choices(List.of(0))),
                "quiz.practice.error.not-in-practice");
        assertRefused(() -> practice.answer("no-such-practice", q.id(), Answers.right(q)),
                "quiz.practice.error.gone");

        assertThat(practice.answer(p.id(), q.id(), Answers.right(q)).grade().correct()).isTrue();
        assertThat(practice.wrongBook().questions()).isZero();
    }

    // --- the wrong-answer book ---------------------------------------------------------------------------------

    @Test
    void wrong_and_partial_answers_enter_the_book_grouped_by_tag_with_counts() {
        String bank = unique("错题题库");
        String a = unique("标签甲");
        String b = unique("标签乙");
        Map<QuestionType, Question> own = ownBank(bank, List.of(List.of(a, b), List.of(b), List.of(a),
                List.of(a), List.of(a)));
        learner();
        Practice p = practice.start(PracticeRequest.bank(bank, 10));
        Question single = own.get(QuestionType.SINGLE);
        Question multiple = own.get(QuestionType.MULTIPLE);
        Question judge = own.get(QuestionType.JUDGE);
        Question fill = own.get(QuestionType.FILL);
        practice.answer(p.id(), single.id(), Answers.wrong(single));
        practice.answer(p.id(), multiple.id(), Answers.partial(multiple));
        practice.answer(p.id(), judge.id(), Answers.right(judge));
        practice.answer(p.id(), fill.id(), Answers.wrong(fill));

        WrongBook mine = practice.wrongBook();

        assertThat(mine.questions()).isEqualTo(3);
        Map<String, List<String>> groups = mine.groups().stream().collect(Collectors.toMap(WrongBook.Group::tag,
                g -> g.entries().stream().map(WrongBook.Entry::questionId).toList()));
        assertThat(groups).containsOnlyKeys(a, b);
        assertThat(groups.get(a)).containsExactlyInAnyOrder(single.id(), fill.id());
        assertThat(groups.get(b)).containsExactlyInAnyOrder(single.id(), multiple.id());
        assertThat(mine.groups()).allSatisfy(g -> assertThat(g.count()).isEqualTo(2));
        assertThat(mine.groups().stream().flatMap(g -> g.entries().stream()))
                .allSatisfy(e -> {
                    assertThat(e.timesWrong()).isEqualTo(1);
                    assertThat(e.consecutiveCorrect()).isZero();
                    assertThat(e.stem()).isNotBlank();
                });
        assertThat(practice.summary(p.id())).isEqualTo(new PracticeSummary(4, 4, 1, 1, 2, 3, 0));
    }

    @Test
    void the_largest_group_comes_first_and_a_tag_can_be_practised_from_the_book() {
        String bank = unique("分组题库");
        String a = unique("大组");
        String b = unique("小组");
        Map<QuestionType, Question> own = ownBank(bank, List.of(List.of(a), List.of(a, b), List.of(a),
                List.of(a), List.of(a)));
        learner();
        Practice p = practice.start(PracticeRequest.bank(bank, 10));
        p.questions().forEach(s -> practice.answer(p.id(), s.id(), Answers.wrong(shown(s))));

        WrongBook mine = practice.wrongBook();
        assertThat(mine.groups()).extracting(WrongBook.Group::tag, WrongBook.Group::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(a, 4), org.assertj.core.groups.Tuple.tuple(b, 1));

        Practice again = practice.start(mine.groups().get(1).practice());
        assertThat(again.questions()).extracting(ShownQuestion::id)
                .containsExactly(own.get(QuestionType.MULTIPLE).id());
        assertThat(again.subject()).isEqualTo(b);
        assertThat(practice.start(PracticeRequest.wrongBook(null)).questions()).hasSize(4);
    }

    @Test
    void two_correct_answers_in_a_row_take_a_question_out_and_a_wrong_one_in_between_starts_again() {
        String bank = unique("掌握题库");
        String tag = unique("掌握");
        Question q = ownBank(bank, List.of(List.of(tag), List.of(tag), List.of(tag), List.of(tag),
                List.of(tag))).get(QuestionType.JUDGE);
        learner();
        Function<Response, Grade> answerFromBank = r -> {
            Practice p = practice.start(PracticeRequest.wrongBook(tag));
            assertThat(p.questions()).extracting(ShownQuestion::id).contains(q.id());
            return practice.answer(p.id(), q.id(), r).grade();
        };
        Practice first = practice.start(PracticeRequest.bank(bank, 10));
        practice.answer(first.id(), q.id(), Answers.wrong(q));
        assertThat(entry(q.id())).isEqualTo(List.of(1, 0));

        answerFromBank.apply(Answers.right(q));
        assertThat(entry(q.id())).as("one right answer is not enough").isEqualTo(List.of(1, 1));

        answerFromBank.apply(Answers.wrong(q));
        assertThat(entry(q.id())).as("a wrong answer starts the run again").isEqualTo(List.of(2, 0));

        answerFromBank.apply(Answers.right(q));
        assertThat(entry(q.id())).isEqualTo(List.of(2, 1));

        // the second right answer in a row may come from any practice, not only the book
        Practice any = practice.start(PracticeRequest.bank(bank, 10));
        practice.answer(any.id(), q.id(), Answers.right(q));
        assertThat(entry(q.id())).as("out of the book").isEmpty();
        assertThat(practice.summary(any.id()).leftBook()).isEqualTo(1);

        // answered wrong once more, it is back, and remembers how often it was missed
        Practice later = practice.start(PracticeRequest.bank(bank, 10));
        practice.answer(later.id(), q.id(), Answers.wrong(q));
        assertThat(entry(q.id())).isEqualTo(List.of(3, 0));
    }

    /** [times wrong, consecutive correct] of the question in the signed-in person's book, or empty if not in it. */
    private List<Integer> entry(String questionId) {
        return practice.wrongBook().groups().stream().flatMap(g -> g.entries().stream())
                .filter(e -> e.questionId().equals(questionId)).findFirst()
                .map(e -> List.of(e.timesWrong(), e.consecutiveCorrect())).orElse(List.of());
    }

    @Test
    void a_retired_question_leaves_the_book_view_until_it_is_restored() {
        String bank = unique("停用错题");
        Question q = ownBank(bank, List.of(List.of("庚"), List.of("庚"), List.of("庚"), List.of("庚"),
                List.of("庚"))).get(QuestionType.FILL);
        String me = learner();
        Practice p = practice.start(PracticeRequest.bank(bank, 10));
        practice.answer(p.id(), q.id(), Answers.wrong(q));
        data.signIn("admin");
        questions.retire(q.id());
        data.signIn(me);
        assertThat(practice.wrongBook().questions()).isZero();
        data.signIn("admin");
        questions.restore(q.id());
        data.signIn(me);
        assertThat(practice.wrongBook().questions()).isEqualTo(1);
    }

    @Test
    void the_test_engine_seam_puts_a_wrong_test_answer_into_the_book() {
        String bank = unique("考试题库");
        Question q = ownBank(bank, List.of(List.of("辛"), List.of("辛"), List.of("辛"), List.of("辛"),
                List.of("辛"))).get(QuestionType.SINGLE);
        learner();
        long member = org.mingze.base.security.CurrentUser.require().memberId();

        assertThat(book.recordTestAnswer(member, q.id(), Grade.Outcome.UNANSWERED))
                .isEqualTo(WrongAnswerBook.Change.ENTERED);
        assertThat(book.recordTestAnswer(member, q.id(), Grade.Outcome.MANUAL)).isEqualTo(WrongAnswerBook.Change.NONE);

        assertThat(entry(q.id())).isEqualTo(List.of(1, 0));
    }

    // --- whose is what -----------------------------------------------------------------------------------------

    @Test
    void another_learner_cannot_answer_my_practice_or_see_my_book() {
        String bank = unique("私有题库");
        Question q = ownBank(bank, List.of(List.of("壬"), List.of("壬"), List.of("壬"), List.of("壬"),
                List.of("壬"))).get(QuestionType.SINGLE);
        String me = learner();
        Practice mine = practice.start(PracticeRequest.bank(bank, 10));
        practice.answer(mine.id(), q.id(), Answers.wrong(q));

        learner();
        assertThatThrownBy(() -> practice.answer(mine.id(), mine.questions().get(1).id(),
                Answers.right(shown(mine.questions().get(1))))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> practice.summary(mine.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(practice.wrongBook().questions()).as("the other learner's own, empty book").isZero();
        assertThatThrownBy(() -> practice.start(PracticeRequest.wrongBook(null)))
                .isInstanceOf(ValidationException.class);

        data.signIn(me);
        assertThat(practice.summary(mine.id()).answered()).as("nothing was answered for me").isEqualTo(1);
        Set<String> inMyBook = new HashSet<>(practice.wrongBook().groups().stream()
                .flatMap(g -> g.entries().stream()).map(WrongBook.Entry::questionId).toList());
        assertThat(inMyBook).containsExactly(q.id());
    }
}
