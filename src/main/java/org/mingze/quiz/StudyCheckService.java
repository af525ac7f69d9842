package org.mingze.quiz;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mingze.base.audit.AuditLog;
import org.mingze.base.security.CurrentUser;
import org.mingze.base.security.Role;
import org.mingze.library.StudyCheckProvider;
import org.mingze.library.StudyHow;
import org.mingze.library.StudyService;
import org.mingze.quiz.internal.PracticeQuestions;
import org.mingze.quiz.internal.PracticeStore;
import org.mingze.quiz.internal.QuestionStore;
import org.mingze.quiz.internal.SourceLinks;
import org.mingze.quiz.internal.WrongAnswerBook;
import org.mingze.quiz.internal.grading.Grader;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Study checks: credit for understanding a material, not for minutes spent on it. A material whose source questions
 * include at least {@value #MIN_QUESTIONS} auto-graded ones has a check of {@value #MIN_QUESTIONS}-{@value
 * #MAX_QUESTIONS} of them, drawn at random each time and answered on one page. Reaching
 * {@value StudyCheckResult#PASS_PERCENT}% of the points marks the material studied for the person
 * ({@link StudyService#markStudied} with {@link StudyHow#QUIZ}); passes and fails are in the audit log
 * (STUDY_CHECK_PASSED / STUDY_CHECK_FAILED). A failed check can be taken again; its wrong answers go into the
 * wrong-answer book like those of a practice.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class StudyCheckService implements StudyCheckProvider {

    public static final int MIN_QUESTIONS = 3;
    public static final int MAX_QUESTIONS = 5;

    private final PracticeQuestions questions;
    private final PracticeStore checks;
    private final WrongAnswerBook book;
    private final QuestionStore versions;
    private final SourceLinks links;
    private final StudyService study;
    private final AuditLog audit;
    private final TransactionTemplate tx;

    StudyCheckService(PracticeQuestions questions, PracticeStore checks, WrongAnswerBook book, QuestionStore versions,
                      SourceLinks links, StudyService study, AuditLog audit, PlatformTransactionManager txm) {
        this.questions = questions;
        this.checks = checks;
        this.book = book;
        this.versions = versions;
        this.links = links;
        this.study = study;
        this.audit = audit;
        this.tx = new TransactionTemplate(txm);
    }

    /** Whether the material is one the person may read and has enough questions for a check. */
    @Override
    public boolean hasCheck(String materialId) {
        return title(materialId).isPresent() && questions.countOfMaterial(materialId) >= MIN_QUESTIONS;
    }

    /** A new check on the material for the signed-in person, or empty when the material has none. */
    public Optional<StudyCheck> start(String materialId) {
        long member = PracticeService.member();
        Optional<String> title = title(materialId);
        if (title.isEmpty() || questions.countOfMaterial(materialId) < MIN_QUESTIONS) {
            return Optional.empty();
        }
        List<Question> drawn = questions.drawOfMaterial(materialId, MAX_QUESTIONS);
        if (drawn.size() < MIN_QUESTIONS) {
            return Optional.empty();
        }
        PracticeStore.Session s = checks.open(member, PracticeStore.Kind.CHECK, materialId,
                drawn.stream().map(q -> new PracticeStore.Given(q.id(), q.version())).toList());
        BigDecimal max = drawn.stream().map(q -> q.points().setScale(Grader.SCALE, RoundingMode.HALF_UP))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return Optional.of(new StudyCheck(s.id(), materialId, title.get(),
                drawn.stream().map(ShownQuestion::of).toList(), max, needed(max)));
    }

    /**
     * Grades the whole check (a question left out counts as unanswered), records every answer in the wrong-answer
     * book, and on a pass marks the material studied; all in one transaction, with the audit entry.
     *
     * @param responses the answers by question id
     * @throws AccessDeniedException the check is someone else's
     * @throws org.mingze.base.validation.ValidationException the check is unknown, expired or was submitted already
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED) // one transaction of its own, inside the book's lock
    public StudyCheckResult submit(String checkId, Map<String, Response> responses) {
        long member = PracticeService.member();
        PracticeStore.Session s = checks.find(checkId).filter(x -> x.kind() == PracticeStore.Kind.CHECK)
                .orElseThrow(() -> PracticeService.invalid("check", "quiz.check.error.gone",
                        PracticeStore.IDLE_EXPIRY.toHours()));
        if (s.memberId() != member) {
            throw new AccessDeniedException("check " + checkId + " belongs to someone else");
        }
        synchronized (s) {
            if (s.closed()) {
                throw PracticeService.invalid("check", "quiz.check.error.submitted");
            }
            List<Question> shown = new ArrayList<>();
            for (PracticeStore.Given g : s.questions()) {
                shown.add(versions.version(g.questionId(), g.version())
                        .orElseThrow(() -> PracticeService.invalid("check", "quiz.check.error.gone",
                                PracticeStore.IDLE_EXPIRY.toHours())));
            }
            List<Grade> grades = new ArrayList<>();
            BigDecimal points = BigDecimal.ZERO;
            BigDecimal max = BigDecimal.ZERO;
            StringBuilder detail = new StringBuilder();
            for (Question q : shown) {
                Response r = responses == null ? null : responses.get(q.id());
                Grade g = Grader.grade(q, r, q.points(), PracticeService.POLICY);
                grades.add(g);
                points = points.add(g.points());
                max = max.add(g.max());
                detail.append(", ").append(q.id()).append(' ').append(g.outcome().name().toLowerCase(java.util.Locale.ROOT));
            }
            BigDecimal needed = needed(max);
            boolean passed = points.compareTo(needed) >= 0;
            String material = s.subject();
            String summary = plain(points) + "/" + plain(max) + " (" + plain(needed) + " needed)" + detail;
            List<WrongAnswerBook.Change> changes = new ArrayList<>();
            Boolean newly;
            synchronized (book.lock(member)) {
                newly = tx.execute(status -> {
                    changes.clear();
                    for (int i = 0; i < shown.size(); i++) {
                        changes.add(book.record(member, shown.get(i).id(), grades.get(i).outcome()));
                    }
                    boolean marked = passed && study.markStudied(member, material, StudyHow.QUIZ);
                    audit.record(passed ? "STUDY_CHECK_PASSED" : "STUDY_CHECK_FAILED", "material", material,
                            summary);
                    return marked;
                });
            }
            for (int i = 0; i < shown.size(); i++) {
                s.answer(shown.get(i).id(), grades.get(i), changes.get(i));
            }
            s.close();
            List<StudyCheckResult.Item> items = new ArrayList<>();
            for (int i = 0; i < shown.size(); i++) {
                items.add(new StudyCheckResult.Item(shown.get(i).id(), links.feedback(shown.get(i), grades.get(i))));
            }
            return new StudyCheckResult(passed, points, max, needed, items, Boolean.TRUE.equals(newly));
        }
    }

    /** The title of the material if the signed-in person may read it (archived ones: administrators only). */
    private Optional<String> title(String materialId) {
        return links.title(materialId, CurrentUser.has(Role.ADMIN));
    }

    /** The points that pass: 80% of max, rounded up to the cent. */
    static BigDecimal needed(BigDecimal max) {
        return max.multiply(BigDecimal.valueOf(StudyCheckResult.PASS_PERCENT))
                .divide(BigDecimal.valueOf(100), Grader.SCALE, RoundingMode.CEILING);
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }
}
