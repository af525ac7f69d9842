package org.mingze.schedule.internal;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.mingze.base.audit.AuditLog;
import org.mingze.library.StudyService;
import org.springframework.stereotype.Component;

/**
 * Decides whether a make-up (补学) is done: every material of its session marked studied for the person (passing
 * the material's study check) and, when the session has a quiz, a passed attempt at it (as {@link QuizResults}
 * recorded it from the exam module's {@code AttemptGraded}). Marks it done, audited, the first time it is.
 */
@Component
public class MakeupProgress {

    private final SessionStore store;
    private final StudyService study;
    private final AuditLog audit;
    private final Clock clock;

    MakeupProgress(SessionStore store, StudyService study, AuditLog audit, Clock clock) {
        this.store = store;
        this.study = study;
        this.audit = audit;
        this.clock = clock;
    }

    /** The make-up as it stands now, marked done if its conditions are met. */
    public SessionStore.Makeup refresh(SessionStore.Makeup m) {
        if (m.doneAt() != null) {
            return m;
        }
        SessionStore.Session s = store.session(m.sessionId()).orElseThrow();
        List<String> mats = store.materials(s.id());
        Set<String> studied = study.studiedMaterials(m.memberId());
        boolean quizPassed = s.examId() == null || store.passedQuiz(s.examId(), m.memberId());
        if (quizPassed && studied.containsAll(mats)) {
            store.makeupDone(m.id(), clock.instant());
            audit.record("SCHEDULE_MAKEUP_DONE", "session", s.id(), "member " + m.memberId());
            return store.makeup(m.id()).orElseThrow();
        }
        return m;
    }
}
