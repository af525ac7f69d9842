package org.mingze.quiz.exam;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.mingze.quiz.AnswerKey;
import org.mingze.quiz.Grade;
import org.mingze.quiz.Question;
import org.mingze.quiz.exam.internal.AttemptEngine;
import org.mingze.quiz.exam.internal.AttemptRepository;
import org.mingze.quiz.exam.internal.AttemptViews;
import org.mingze.quiz.exam.internal.ExamAccess;
import org.mingze.quiz.exam.internal.ExamJdbc;
import org.mingze.quiz.exam.internal.ExamRepository;
import org.mingze.quiz.exam.internal.ItemRow;
import org.mingze.quiz.exam.internal.People;
import org.mingze.quiz.exam.internal.QuestionVersions;
import org.mingze.quiz.exam.internal.StoredAttempt;
import org.mingze.quiz.exam.internal.StoredExam;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The essay grading queue (阅卷): organisers grade the essays of tests of their scope, administrators all; auditors
 * read the queue. When an attempt's last essay is graded it becomes GRADED and {@link AttemptGraded} is published.
 * Each grade is audited (EXAM_GRADE).
 */
@Service
@Transactional(readOnly = true)
public class GradingService {

    private final ExamRepository exams;
    private final AttemptRepository attempts;
    private final ExamJdbc jdbc;
    private final AttemptEngine engine;
    private final AttemptViews views;
    private final QuestionVersions questions;
    private final People people;
    private final ExamAccess access;

    GradingService(ExamRepository exams, AttemptRepository attempts, ExamJdbc jdbc, AttemptEngine engine,
                   AttemptViews views, QuestionVersions questions, People people, ExamAccess access) {
        this.exams = exams;
        this.attempts = attempts;
        this.jdbc = jdbc;
        this.engine = engine;
        this.views = views;
        this.questions = questions;
        this.people = people;
        this.access = access;
    }

    /**
     * Essays of closed attempts still waiting for a grade, oldest submission first; of one test, or (examId null) of
     * every test the caller may read.
     * <p>Who: organisers (their scope), administrators, auditors.
     *
     * @throws org.springframework.security.access.AccessDeniedException the test is outside the caller's scope
     */
    @PreAuthorize(PaperService.READ)
    public List<GradingItem> queue(Long examId) {
        List<StoredExam> list;
        if (examId != null) {
            StoredExam e = exams.findById(examId).orElseThrow(() -> ExamAccess.invalid("exam", "exam.error.missing"));
            access.requireRead(e.getOwnerUnitId());
            list = List.of(e);
        } else {
            list = exams.findAll().stream().filter(e -> access.canRead(e.getOwnerUnitId())).toList();
        }
        // one statement for every waiting essay of these tests, one for the people
        Map<Long, StoredExam> byId = new java.util.HashMap<>();
        list.forEach(e -> byId.put(e.getId(), e));
        List<ExamJdbc.WaitingEssay> waiting = byId.isEmpty() ? List.of() : jdbc.waitingEssays(byId.keySet());
        Map<Long, People.Person> names = people.people(waiting.stream().map(ExamJdbc.WaitingEssay::memberId)
                .distinct().toList());
        List<GradingItem> out = new ArrayList<>();
        for (ExamJdbc.WaitingEssay w : waiting) {
            ItemRow i = w.item();
            StoredExam e = byId.get(w.examId());
            People.Person p = names.get(w.memberId());
            Question q = questions.get(i.questionId(), i.version());
            String reference = q.answer() instanceof AnswerKey.Reference r ? r.text() : "";
            out.add(new GradingItem(i.attemptId(), i.position(), e.getId(), e.getTitle(), w.memberId(),
                    p == null ? "" : p.name(), p == null ? "" : p.unitName(), views.shown(i),
                    i.response().text(), reference, i.points(), w.closedAt(), null, i.comment()));
        }
        out.sort(Comparator.comparing(GradingItem::submittedAt).thenComparing(GradingItem::attemptId)
                .thenComparing(GradingItem::position));
        return out;
    }

    /**
     * Grades one essay (0 .. its points, two decimals) with an optional comment; grading it again replaces the
     * grade. Returns the attempt's status afterwards (GRADED once no essay waits).
     * <p>Who: organisers of the test's owner unit, administrators.
     *
     * @throws org.springframework.security.access.AccessDeniedException outside the caller's scope
     * @throws org.mingze.base.validation.ValidationException unknown attempt or position, not an essay, attempt still
     *         in progress, points out of range (the message names the maximum)
     */
    @PreAuthorize(PaperService.MANAGE)
    @Transactional(propagation = Propagation.NOT_SUPPORTED) // the engine grades in a transaction of its own
    public AttemptStatus grade(long attemptId, int position, BigDecimal points, String comment) {
        StoredAttempt a = attempts.findById(attemptId)
                .orElseThrow(() -> ExamAccess.invalid("attempt", "exam.error.attempt-missing"));
        StoredExam e = exams.findById(a.getExamId()).orElseThrow();
        access.requireManage(e.getOwnerUnitId());
        if (a.getStatus() == AttemptStatus.IN_PROGRESS) {
            throw ExamAccess.invalid("attempt", "exam.error.in-progress");
        }
        ItemRow item = jdbc.items(attemptId).stream().filter(i -> i.position() == position).findFirst()
                .orElseThrow(() -> ExamAccess.invalid("position", "exam.error.position", a.getQuestionCount()));
        Question q = questions.get(item.questionId(), item.version());
        if (q.type() != org.mingze.quiz.QuestionType.ESSAY) {
            throw ExamAccess.invalid("position", "exam.grade.error.not-essay");
        }
        if (points == null || points.signum() < 0 || points.compareTo(item.points()) > 0 || points.scale() > 2
                && points.setScale(2, RoundingMode.DOWN).compareTo(points) != 0) {
            throw ExamAccess.invalid("points", "exam.grade.error.points",
                    item.points().stripTrailingZeros().toPlainString());
        }
        String c = comment == null ? null : comment.trim();
        if (c != null && c.length() > 2000) {
            throw ExamAccess.invalid("comment", "exam.grade.error.comment");
        }
        return engine.gradeEssay(attemptId, position, points.setScale(2, RoundingMode.HALF_UP), c);
    }
}
