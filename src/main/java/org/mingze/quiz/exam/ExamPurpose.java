package org.mingze.quiz.exam;

/** What a test is for; reviews and theme days (issues 6, 7) read results by purpose. */
public enum ExamPurpose {
    /** 学习检验. */
    STUDY_CHECK,
    /** 主题党日知识竞答. */
    THEME_DAY,
    /** 任前考察 / 干部考核. */
    APPOINTMENT_REVIEW,
    /** 述责述廉. */
    DUTY_REPORT,
    /** 一般测试. */
    GENERAL;

    public String labelKey() {
        return "exam.purpose." + name();
    }
}
