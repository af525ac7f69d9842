-- schedule: which reminders went out, so each is sent once: to an attendee 3 days and 1 day before a session
-- (kind D3, D1), and about an overdue make-up to the person, the branch secretary and the committee's organiser
-- (kind M1, M2, M3; session_id and member_id of the make-up).
CREATE TABLE schedule_reminder (
    session_id BIGINT      NOT NULL REFERENCES schedule_session (id),
    member_id  BIGINT      NOT NULL REFERENCES org_member (id),
    kind       VARCHAR(4)  NOT NULL,
    sent_at    TIMESTAMP   NOT NULL,
    PRIMARY KEY (session_id, member_id, kind)
);
