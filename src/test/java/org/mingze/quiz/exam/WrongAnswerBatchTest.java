package org.mingze.quiz.exam;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mingze.MingzeTest;
import org.mingze.TestData;
import org.mingze.library.MutableClock;
import org.mingze.quiz.Grade;
import org.mingze.quiz.Question;
import org.mingze.quiz.internal.WrongAnswer;
import org.mingze.quiz.internal.WrongAnswerBook;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The test engine records an attempt's answers in the wrong-answer book in one batch; that batch must leave each
 * person's book exactly as answering the same questions one by one does.
 */
@MingzeTest
@ExamTest
class WrongAnswerBatchTest {

    @Autowired
    WrongAnswerBook book;
    @Autowired
    ExamFixture fx;
    @Autowired
    TestData data;
    @Autowired
    MutableClock clock;

    @AfterEach
    void reset() {
        clock.reset();
    }

    private static final Grade.Outcome[] OUTCOMES = {Grade.Outcome.CORRECT, Grade.Outcome.CORRECT,
            Grade.Outcome.WRONG, Grade.Outcome.PARTIAL, Grade.Outcome.UNANSWERED, Grade.Outcome.MANUAL};

    @Test
    void a_batch_of_test_answers_leaves_the_book_as_the_same_answers_one_by_one() {
        List<Question> qs = fx.singles(fx.bankName(), 6);
        long one = data.member(data.branch()).getId();
        long batched = data.member(data.branch()).getId();
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        int entered = 0;
        int left = 0;
        for (int attempt = 0; attempt < 30; attempt++) {
            clock.set(t = t.plus(Duration.ofMinutes(1)));
            List<WrongAnswerBook.TestAnswer> answers = new ArrayList<>();
            for (Question q : qs) {
                if (random.nextInt(5) > 0) {
                    answers.add(new WrongAnswerBook.TestAnswer(q.id(), OUTCOMES[random.nextInt(OUTCOMES.length)]));
                }
            }
            if (random.nextBoolean() && !answers.isEmpty()) {
                // the same question twice in one batch: applied in order
                answers.add(new WrongAnswerBook.TestAnswer(answers.get(0).questionId(),
                        OUTCOMES[random.nextInt(OUTCOMES.length)]));
            }
            for (WrongAnswerBook.TestAnswer a : answers) {
                WrongAnswerBook.Change c = book.recordTestAnswer(one, a.questionId(), a.outcome());
                entered += c == WrongAnswerBook.Change.ENTERED ? 1 : 0;
                left += c == WrongAnswerBook.Change.LEFT ? 1 : 0;
            }
            book.recordTestAnswers(batched, answers);
            for (Question q : qs) {
                assertThat(state(batched, q.id())).as("question %s after attempt %d (seed %d)", q.id(), attempt, seed)
                        .isEqualTo(state(one, q.id()));
            }
        }
        // the random run did exercise entering and leaving the book
        assertThat(entered).as("seed %d", seed).isPositive();
        assertThat(left).as("seed %d", seed).isPositive();
    }

    @Test
    void one_batch_over_many_people_leaves_each_book_as_their_answers_one_by_one() {
        List<Question> qs = fx.singles(fx.bankName(), 5);
        int people = 4;
        long[] one = new long[people];
        long[] batched = new long[people];
        for (int p = 0; p < people; p++) {
            one[p] = data.member(data.branch()).getId();
            batched[p] = data.member(data.branch()).getId();
        }
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (int round = 0; round < 12; round++) {
            clock.set(t = t.plus(Duration.ofMinutes(1)));
            java.util.Map<Long, List<WrongAnswerBook.TestAnswer>> all = new java.util.LinkedHashMap<>();
            for (int p = 0; p < people; p++) {
                List<WrongAnswerBook.TestAnswer> answers = new ArrayList<>();
                // sometimes two attempts of one person in the batch: their answers one after the other
                int attempts = 1 + random.nextInt(2);
                for (int a = 0; a < attempts; a++) {
                    for (Question q : qs) {
                        if (random.nextInt(4) > 0) {
                            answers.add(new WrongAnswerBook.TestAnswer(q.id(),
                                    OUTCOMES[random.nextInt(OUTCOMES.length)]));
                        }
                    }
                }
                for (WrongAnswerBook.TestAnswer a : answers) {
                    book.recordTestAnswer(one[p], a.questionId(), a.outcome());
                }
                all.put(batched[p], answers);
            }
            book.recordTestAnswers(all);
            for (int p = 0; p < people; p++) {
                for (Question q : qs) {
                    assertThat(state(batched[p], q.id())).as("person %d, question %s, round %d (seed %d)", p, q.id(),
                            round, seed).isEqualTo(state(one[p], q.id()));
                }
            }
        }
    }

    /** Everything a book row holds, or "none". */
    private String state(long member, String questionId) {
        return book.entry(member, questionId).map(WrongAnswerBatchTest::state).orElse("none");
    }

    private static String state(WrongAnswer w) {
        return "wrong " + w.getTimesWrong() + ", in a row " + w.getConsecutiveCorrect() + ", in book " + w.isInBook()
                + ", first " + w.getFirstWrongAt() + ", last wrong " + w.getLastWrongAt() + ", last answered "
                + w.getLastAnsweredAt() + ", mastered " + w.getMasteredAt();
    }
}
