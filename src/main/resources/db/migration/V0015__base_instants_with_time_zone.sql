-- Decision 0017: every column that holds an instant becomes TIMESTAMP WITH TIME ZONE, so that what is stored is the
-- instant itself and not a wall-clock time whose zone nobody wrote down.
--
-- Until now both Hibernate (Instant as an OffsetDateTime at UTC, which H2 converts into a TIMESTAMP column in the
-- session's zone) and the JDBC stores (Timestamp.from) stored the wall-clock time of the JVM's default zone. H2
-- converts a TIMESTAMP into TIMESTAMP WITH TIME ZONE in the session's zone, which is the JVM's zone: run this upgrade
-- in the time zone the server ran in before (it is the zone the rows were written in), e.g. Asia/Shanghai on the
-- bureau's servers. The instants, and so the audit log's hashes, stay exactly what they were. One known exception:
-- wrong-answer book rows last written by the exam's batch grading held UTC wall-clock times; on a server that did
-- not run in UTC their times come out early by the zone's offset (they only date the book's entries).
--
-- schedule_session.starts_at is not an instant (a local date and time in the bureau's zone) and stays TIMESTAMP.

ALTER TABLE base_audit_entry ALTER COLUMN occurred_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;

ALTER TABLE base_notification ALTER COLUMN created_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE base_notification ALTER COLUMN read_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;

ALTER TABLE org_member ALTER COLUMN created_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;

ALTER TABLE org_account ALTER COLUMN locked_until SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE org_account ALTER COLUMN last_login_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE org_account ALTER COLUMN created_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;

ALTER TABLE library_material_state ALTER COLUMN changed_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;

ALTER TABLE library_study_time ALTER COLUMN updated_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;

ALTER TABLE library_study_completion ALTER COLUMN completed_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;

ALTER TABLE quiz_question ALTER COLUMN created_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE quiz_question ALTER COLUMN updated_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;

ALTER TABLE quiz_question_version ALTER COLUMN created_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;

ALTER TABLE quiz_wrong_answer ALTER COLUMN first_wrong_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE quiz_wrong_answer ALTER COLUMN last_wrong_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE quiz_wrong_answer ALTER COLUMN last_answered_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE quiz_wrong_answer ALTER COLUMN mastered_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;

ALTER TABLE quiz_paper ALTER COLUMN created_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE quiz_paper ALTER COLUMN updated_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;

ALTER TABLE quiz_exam ALTER COLUMN opens_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE quiz_exam ALTER COLUMN closes_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE quiz_exam ALTER COLUMN created_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE quiz_exam ALTER COLUMN published_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE quiz_exam ALTER COLUMN updated_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;

ALTER TABLE quiz_exam_exception ALTER COLUMN closes_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE quiz_exam_exception ALTER COLUMN granted_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;

ALTER TABLE quiz_attempt ALTER COLUMN started_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE quiz_attempt ALTER COLUMN deadline SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE quiz_attempt ALTER COLUMN closed_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE quiz_attempt ALTER COLUMN graded_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;

ALTER TABLE quiz_attempt_item ALTER COLUMN saved_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE quiz_attempt_item ALTER COLUMN graded_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;

ALTER TABLE schedule_session ALTER COLUMN created_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE schedule_session ALTER COLUMN updated_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;

ALTER TABLE schedule_attendee ALTER COLUMN marked_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;

ALTER TABLE schedule_leave ALTER COLUMN requested_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE schedule_leave ALTER COLUMN decided_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;

ALTER TABLE schedule_makeup ALTER COLUMN created_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE schedule_makeup ALTER COLUMN done_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE schedule_makeup ALTER COLUMN last_nudged_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;

ALTER TABLE schedule_reminder ALTER COLUMN sent_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;

ALTER TABLE schedule_feed ALTER COLUMN created_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE schedule_feed ALTER COLUMN revoked_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;

ALTER TABLE schedule_quiz_result ALTER COLUMN graded_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;

ALTER TABLE schedule_photo ALTER COLUMN uploaded_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;

ALTER TABLE review_batch ALTER COLUMN created_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;

ALTER TABLE review_candidate ALTER COLUMN makeup_done_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE review_candidate ALTER COLUMN resit_granted_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE review_candidate ALTER COLUMN decided_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;

ALTER TABLE review_sheet ALTER COLUMN issued_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;

ALTER TABLE review_reminder ALTER COLUMN sent_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;

ALTER TABLE duty_session ALTER COLUMN created_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;

ALTER TABLE duty_draw ALTER COLUMN drawn_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE duty_draw ALTER COLUMN timer_started_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE duty_draw ALTER COLUMN marked_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE duty_draw ALTER COLUMN revealed_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;

ALTER TABLE api_token ALTER COLUMN created_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE api_token ALTER COLUMN revoked_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE api_token ALTER COLUMN last_used_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
