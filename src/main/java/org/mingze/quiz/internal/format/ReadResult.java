package org.mingze.quiz.internal.format;

import java.util.List;
import org.mingze.base.validation.Problem;

/**
 * What a reader found in a file: the questions it could read, and every problem of the file's structure, each with
 * its row or line ({@link Problem#row()}, 0 for the file as a whole), its field ({@link Fields}) and an i18n key whose
 * Chinese text says what is wrong and how to fix it. The questions are not yet checked by the validator.
 */
public record ReadResult(List<ReadQuestion> questions, List<Problem> problems) {

    public ReadResult {
        questions = List.copyOf(questions);
        problems = List.copyOf(problems);
    }

    public static ReadResult failed(Problem problem) {
        return new ReadResult(List.of(), List.of(problem));
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
