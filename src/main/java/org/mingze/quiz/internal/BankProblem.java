package org.mingze.quiz.internal;

import java.util.List;

/**
 * Why a bank file under content/questions was rejected: the file as people know it
 * ({@code content/questions/fagui.yaml}), the 1-based line, the question's id when the problem belongs to one (else
 * null), an i18n key ({@code quiz.error.*} or {@code quiz.bank.error.*}) and its arguments (texts).
 */
public record BankProblem(String file, int line, String questionId, String key, List<Object> args) {

    public BankProblem {
        args = List.copyOf(args);
    }

    public static BankProblem of(String file, int line, String questionId, String key, Object... args) {
        Object[] texts = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            texts[i] = args[i] instanceof Number n ? String.valueOf(n) : String.valueOf(args[i]);
        }
        return new BankProblem(file, line, questionId, key, List.of(texts));
    }
}
