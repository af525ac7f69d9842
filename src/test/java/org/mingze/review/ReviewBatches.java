package org.mingze.review;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.mingze.TestData;
import org.mingze.base.security.Role;
import org.mingze.org.internal.Account;
import org.mingze.org.internal.Unit;
import org.mingze.quiz.exam.AttemptService;
import org.mingze.quiz.exam.AttemptView;

/** Builds review batches for tests: a fresh branch, its organiser, candidates with accounts, the batch. */
public final class ReviewBatches {

    private ReviewBatches() {
    }

    /** A batch and the people in it; the organiser is signed out when it is returned. */
    public record Setup(Unit unit, String organiser, List<Account> accounts, BatchRow batch) {
        public List<String> learners() {
            return accounts.stream().map(Account::getUsername).toList();
        }

        public List<Long> memberIds() {
            return accounts.stream().map(Account::getMemberId).toList();
        }
    }

    /** A 任前考察 batch of {@code size} candidates (proposed post 城关派出所所长), deadline in ten days. */
    public static Setup create(TestData data, ReviewService reviews, Clock clock, int size) {
        Unit u = data.branch();
        String organiser = data.account(u, Role.ORGANIZER).getUsername();
        List<Account> ls = java.util.stream.IntStream.range(0, size).mapToObj(i -> data.account(u)).toList();
        data.signIn(organiser);
        BatchRow b = reviews.create(BatchDraft.of(ReviewType.PRE_APPOINTMENT, "2026年第" + TestData.next() + "批任前考察",
                u.getId(), LocalDate.now(clock).plusDays(10), ls.stream()
                        .map(a -> new CandidateDraft(a.getMemberId(), null, "城关派出所所长")).toList()));
        data.signOut();
        return new Setup(u, organiser, ls, b);
    }

    /** Starts the test as the learner and submits it with nothing answered: a fail. */
    public static void failOnce(TestData data, AttemptService attempts, String learner, long examId) {
        data.signIn(learner);
        AttemptView v = attempts.startOrResume(examId);
        attempts.submit(v.attemptId(), v.holderToken());
        data.signOut();
    }
}
