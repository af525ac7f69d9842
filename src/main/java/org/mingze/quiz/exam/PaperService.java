package org.mingze.quiz.exam;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.mingze.base.audit.AuditLog;
import org.mingze.base.security.CurrentUser;
import org.mingze.base.security.Roles;
import org.mingze.base.validation.Problem;
import org.mingze.base.validation.ValidationException;
import org.mingze.quiz.Question;
import org.mingze.quiz.exam.internal.AttemptRepository;
import org.mingze.quiz.exam.internal.Drawing;
import org.mingze.quiz.exam.internal.ExamAccess;
import org.mingze.quiz.exam.internal.ExamJdbc;
import org.mingze.quiz.exam.internal.ExamRepository;
import org.mingze.quiz.exam.internal.PaperRepository;
import org.mingze.quiz.exam.internal.People;
import org.mingze.quiz.exam.internal.QuestionVersions;
import org.mingze.quiz.exam.internal.StoredPaper;
import org.mingze.quiz.internal.QuestionStore;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Papers (试卷) for organisers: fixed (chosen questions, versions pinned) or drawn by sections. Organisers manage the
 * papers of units in their scope, administrators all; auditors read. Learners never get a paper (they get
 * {@link AttemptView}s). Every change is in the audit log (PAPER_CREATE, PAPER_UPDATE).
 */
@Service
@Transactional(readOnly = true)
public class PaperService {

    static final String MANAGE = "hasAnyRole('" + Roles.ORGANIZER + "','" + Roles.ADMIN + "')";
    static final String READ = "hasAnyRole('" + Roles.ORGANIZER + "','" + Roles.ADMIN + "','" + Roles.AUDITOR + "')";
    static final BigDecimal MAX_POINTS = BigDecimal.valueOf(100);
    static final int MAX_COUNT = 200;

    private final PaperRepository papers;
    private final ExamRepository exams;
    private final AttemptRepository attempts;
    private final ExamJdbc jdbc;
    private final Drawing drawing;
    private final QuestionStore store;
    private final QuestionVersions versions;
    private final ExamAccess access;
    private final People people;
    private final AuditLog audit;
    private final java.time.Clock clock;

    PaperService(PaperRepository papers, ExamRepository exams, AttemptRepository attempts, ExamJdbc jdbc,
                 Drawing drawing, QuestionStore store, QuestionVersions versions, ExamAccess access, People people,
                 AuditLog audit, java.time.Clock clock) {
        this.papers = papers;
        this.exams = exams;
        this.attempts = attempts;
        this.jdbc = jdbc;
        this.drawing = drawing;
        this.store = store;
        this.versions = versions;
        this.access = access;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Saves a new paper owned by a unit. Fixed: each question must exist and be in use (its current version is
     * pinned); drawn: each section must be fillable, after earlier sections took their questions.
     * <p>Who: organisers of the unit's scope, administrators.
     *
     * @throws org.springframework.security.access.AccessDeniedException the unit is outside the caller's scope
     * @throws org.mingze.base.validation.ValidationException bad title, no questions, unknown or retired question,
     *         bad points, or a section that cannot be filled (the Chinese message names the section and how many
     *         questions fit it)
     */
    @PreAuthorize(MANAGE)
    @Transactional
    public Paper create(long ownerUnitId, PaperDraft draft) {
        access.requireManage(ownerUnitId);
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        StoredPaper p = papers.saveAndFlush(fill(new StoredPaper(ownerUnitId, now, CurrentUser.actor()), draft,
                now));
        audit.record("PAPER_CREATE", "paper", p.getId(), p.getTitle() + " (" + p.getKind() + ", "
                + p.getQuestionCount() + " questions, " + p.getMaxPoints().stripTrailingZeros().toPlainString()
                + " points)");
        return paper(p);
    }

    /**
     * Changes a paper (a fixed paper re-pins the current versions of its questions).
     * <p>Who: organisers of the paper's unit, administrators.
     *
     * @throws org.springframework.security.access.AccessDeniedException the paper is outside the caller's scope
     * @throws org.mingze.base.validation.ValidationException as {@link #create}, or the paper is used by a test that
     *         has attempts (exam.paper.error.in-use), or it does not exist
     */
    @PreAuthorize(MANAGE)
    @Transactional
    public Paper update(long paperId, PaperDraft draft) {
        StoredPaper p = papers.findById(paperId)
                .orElseThrow(() -> ExamAccess.invalid("paper", "exam.paper.error.missing"));
        access.requireManage(p.getOwnerUnitId());
        if (attempts.countByPaper(paperId) > 0) {
            throw ExamAccess.invalid("paper", "exam.paper.error.in-use");
        }
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        fill(p, draft, now);
        papers.saveAndFlush(p);
        audit.record("PAPER_UPDATE", "paper", p.getId(), p.getTitle() + " (" + p.getKind() + ", "
                + p.getQuestionCount() + " questions, " + p.getMaxPoints().stripTrailingZeros().toPlainString()
                + " points)");
        return paper(p);
    }

    /**
     * A paper, if the caller may read it (empty when unknown or outside their scope).
     * <p>Who: organisers (their scope), administrators, auditors. Throws nothing else.
     */
    @PreAuthorize(READ)
    public Optional<Paper> get(long paperId) {
        return papers.findById(paperId).filter(p -> access.canRead(p.getOwnerUnitId())).map(this::paper);
    }

    /**
     * The papers the caller may read, newest first.
     * <p>Who: organisers (their scope), administrators, auditors.
     */
    @PreAuthorize(READ)
    public List<PaperRow> list() {
        return papers.findAllByOrderByIdDesc().stream().filter(p -> access.canRead(p.getOwnerUnitId()))
                .map(p -> new PaperRow(p.getId(), p.getTitle(), p.getKind(), p.getDrawMode(), p.getQuestionCount(),
                        p.getMaxPoints(), people.unitName(p.getOwnerUnitId()).orElse(""), exams.countByPaperId(p.getId()),
                        p.getUpdatedAt())).toList();
    }

    /**
     * How many questions in use fit a section on its own (for the form, before saving).
     * <p>Who: organisers, administrators. Throws nothing for odd filters (they match nothing).
     */
    @PreAuthorize(MANAGE)
    public long available(DrawSection section) {
        return section == null ? 0 : drawing.candidates(section).size();
    }

    /** Validates the draft and writes it into the paper and its rows; throws with every problem found. */
    private StoredPaper fill(StoredPaper p, PaperDraft d, Instant now) {
        List<Problem> problems = new ArrayList<>();
        String title = d == null || d.title() == null ? "" : d.title().trim();
        if (title.isEmpty() || title.length() > 200) {
            problems.add(Problem.of("title", "exam.paper.error.title"));
        }
        if (d == null || d.kind() == null) {
            problems.add(Problem.of("kind", "exam.paper.error.kind"));
            throw new ValidationException(problems);
        }
        List<ExamJdbc.Placed> items = new ArrayList<>();
        BigDecimal max = BigDecimal.ZERO;
        int count = 0;
        if (d.kind() == PaperKind.FIXED) {
            if (d.items().isEmpty()) {
                problems.add(Problem.of("items", "exam.paper.error.no-items"));
            }
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < d.items().size(); i++) {
                FixedItem it = d.items().get(i);
                Optional<Question> q = it == null ? Optional.empty() : store.current(it.questionId());
                if (q.isEmpty()) {
                    problems.add(Problem.of("items", "exam.paper.error.question", i + 1,
                            it == null ? "" : it.questionId()));
                    continue;
                }
                if (q.get().retired()) {
                    problems.add(Problem.of("items", "exam.paper.error.retired", i + 1, q.get().id()));
                }
                if (!seen.add(q.get().id())) {
                    problems.add(Problem.of("items", "exam.paper.error.duplicate", i + 1, q.get().id()));
                }
                BigDecimal points = it.points() == null ? q.get().points() : it.points();
                if (!validPoints(points)) {
                    problems.add(Problem.of("items", "exam.paper.error.points", i + 1));
                    continue;
                }
                points = points.setScale(2, RoundingMode.HALF_UP);
                items.add(new ExamJdbc.Placed(q.get().id(), q.get().version(), points));
                max = max.add(points);
            }
            count = items.size();
        } else {
            if (d.sections().isEmpty()) {
                problems.add(Problem.of("sections", "exam.paper.error.no-sections"));
            }
            for (int i = 0; i < d.sections().size(); i++) {
                DrawSection s = d.sections().get(i);
                if (s.count() < 1 || s.count() > MAX_COUNT) {
                    problems.add(Problem.of("sections", "exam.paper.error.count", i + 1, MAX_COUNT));
                }
                if (!validPoints(s.pointsEach())) {
                    problems.add(Problem.of("sections", "exam.paper.error.section-points", i + 1));
                } else {
                    max = max.add(s.pointsEach().setScale(2, RoundingMode.HALF_UP)
                            .multiply(BigDecimal.valueOf(Math.max(0, s.count()))));
                }
                if (s.minDifficulty() < 1 || s.maxDifficulty() > 5 || s.minDifficulty() > s.maxDifficulty()) {
                    problems.add(Problem.of("sections", "exam.paper.error.difficulty", i + 1));
                }
                count += Math.max(0, s.count());
            }
            if (problems.isEmpty()) {
                try {
                    drawing.check(d.sections());
                } catch (Drawing.Unfillable u) {
                    problems.add(Problem.of("sections", "exam.paper.error.unfillable", u.section + 1,
                            u.title == null || u.title.isBlank() ? "" : u.title, u.available, u.count));
                }
            }
        }
        if (problems.isEmpty() && max.compareTo(BigDecimal.valueOf(9999)) > 0) {
            problems.add(Problem.of("items", "exam.paper.error.too-many-points"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        p.set(title, d.kind(), d.drawMode(), max.setScale(2, RoundingMode.HALF_UP), count, now, CurrentUser.actor());
        papers.saveAndFlush(p);
        jdbc.replacePaperItems(p.getId(), items);
        jdbc.replacePaperSections(p.getId(), d.kind() == PaperKind.DRAWN ? d.sections() : List.of());
        return p;
    }

    private static boolean validPoints(BigDecimal points) {
        return points != null && points.compareTo(new BigDecimal("0.5")) >= 0 && points.compareTo(MAX_POINTS) <= 0;
    }

    Paper paper(StoredPaper p) {
        List<Paper.Item> items = jdbc.paperItems(p.getId()).stream().map(i -> {
            Question q = versions.get(i.questionId(), i.version());
            return new Paper.Item(i.questionId(), i.version(), q.type(), q.stem(), i.points());
        }).toList();
        return new Paper(p.getId(), p.getTitle(), p.getKind(), p.getDrawMode(), p.getOwnerUnitId(),
                people.unitName(p.getOwnerUnitId()).orElse(""), items, jdbc.paperSections(p.getId()),
                p.getMaxPoints(), p.getQuestionCount(), attempts.countByPaper(p.getId()) > 0, p.getUpdatedAt(),
                p.getUpdatedBy());
    }
}
