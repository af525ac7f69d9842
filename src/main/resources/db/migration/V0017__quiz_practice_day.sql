-- quiz: practice answers per person and day (decision 0010, "Practice on the ledger"). Practices themselves still
-- live in memory; this tally is what the ledger (考核台帐) shows of them besides the wrong-answer book, so that
-- practice without a mistake is on it too. A day is the bureau's (mingze.zone).
CREATE TABLE quiz_practice_day (
    member_id  BIGINT NOT NULL REFERENCES org_member (id),
    practice_day DATE NOT NULL,
    answered   INT    NOT NULL,
    correct    INT    NOT NULL,
    CONSTRAINT quiz_practice_day_pk PRIMARY KEY (member_id, practice_day)
);
