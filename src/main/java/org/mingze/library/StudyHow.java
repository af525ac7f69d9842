package org.mingze.library;

/** How a person showed they studied a material: passed its check quiz, or read it (confirmed elsewhere). */
public enum StudyHow {
    QUIZ,
    READ
}
