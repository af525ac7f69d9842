package org.mingze.quiz.exam.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.mingze.quiz.exam.AttemptStatus;
import org.mingze.quiz.exam.CountedAttempt;

/** Which of a person's attempts is their result: among the GRADED ones, by the test's rule. */
public final class Counting {

    private Counting() {
    }

    public static Optional<StoredAttempt> counted(List<StoredAttempt> attempts, CountedAttempt rule) {
        List<StoredAttempt> graded = attempts.stream().filter(a -> a.getStatus() == AttemptStatus.GRADED).toList();
        Comparator<StoredAttempt> byNo = Comparator.comparingInt(StoredAttempt::getAttemptNo);
        return switch (rule) {
            case FIRST -> graded.stream().min(byNo);
            case LAST -> graded.stream().max(byNo);
            // the highest score; of equal scores the earliest
            case HIGHEST -> graded.stream().max(Comparator.comparing(StoredAttempt::getScore).thenComparing(byNo.reversed()));
        };
    }
}
