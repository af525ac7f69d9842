package org.mingze.quiz.internal;

/** Where a question came from: a bank file under content/questions, or the in-app editor. */
public enum Origin {
    CONTENT, APP
}
