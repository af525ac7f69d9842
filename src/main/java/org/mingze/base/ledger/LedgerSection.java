package org.mingze.base.ledger;

/** The parts of an official's ledger (考核台帐), in the order the ledger page shows them. */
public enum LedgerSection {
    /** study time and materials studied (学习) */
    STUDY,
    /** study checks passed (学习检测) */
    STUDY_CHECK,
    /** practice rounds (练习) */
    PRACTICE,
    /** test attempts: purpose, score, outcome (考试) */
    TEST,
    /** appointment reviews and their outcomes (干部任免考核) */
    REVIEW,
    /** duty-report knowledge Q&A and democratic appraisal (述职评议) */
    DUTY_REPORT,
    /** theme-day and 三会一课 attendance, leave and make-up study (组织生活) */
    THEME_DAY,
    /** reminders received and how they were closed (提醒) */
    REMINDER
}
