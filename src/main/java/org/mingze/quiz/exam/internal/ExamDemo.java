package org.mingze.quiz.exam.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.mingze.base.audit.AuditLog;
import org.mingze.base.security.CurrentUser;
import org.mingze.quiz.MultiplePolicy;
import org.mingze.quiz.QuestionType;
import org.mingze.quiz.QuestionsChanged;
import org.mingze.quiz.exam.CountedAttempt;
import org.mingze.quiz.exam.DrawMode;
import org.mingze.quiz.exam.DrawSection;
import org.mingze.quiz.exam.ExamPurpose;
import org.mingze.quiz.exam.ExamSettings;
import org.mingze.quiz.exam.Navigation;
import org.mingze.quiz.exam.PaperKind;
import org.mingze.quiz.exam.ReviewLevel;
import org.mingze.quiz.exam.ReviewPolicy;
import org.mingze.quiz.exam.TabLeaveAction;
import org.mingze.quiz.exam.TabLeavePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo only (the demo profile): when the database has no test yet and the bank has questions, publishes one rule-drawn
 * test for 城关派出所党支部 (30 minutes, open for 30 days), so that a new user can try the exam engine at once.
 */
@Component
@ConditionalOnProperty(name = "mingze.demo.enabled", havingValue = "true")
class ExamDemo {

    static final String UNIT = "城关派出所党支部";
    private static final Logger LOG = LoggerFactory.getLogger(ExamDemo.class);

    private final JdbcTemplate jdbc;
    private final Drawing drawing;
    private final PaperRepository papers;
    private final ExamRepository exams;
    private final ExamJdbc rows;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate tx;

    ExamDemo(JdbcTemplate jdbc, Drawing drawing, PaperRepository papers, ExamRepository exams, ExamJdbc rows,
             AuditLog audit, Clock clock, PlatformTransactionManager txm) {
        this.jdbc = jdbc;
        this.drawing = drawing;
        this.papers = papers;
        this.exams = exams;
        this.rows = rows;
        this.audit = audit;
        this.clock = clock;
        this.tx = new TransactionTemplate(txm);
        // called after another transaction's commit too: always a transaction of its own
        this.tx.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        ensure();
    }

    /** The bank is loaded after start-up: try again once it has questions. */
    @TransactionalEventListener(fallbackExecution = true)
    void questionsChanged(QuestionsChanged e) {
        ensure();
    }

    synchronized void ensure() {
        try {
            if (exams.count() > 0) {
                return;
            }
            List<Long> unit = jdbc.queryForList("SELECT id FROM org_unit WHERE name = ?", Long.class, UNIT);
            if (unit.isEmpty()) {
                return;
            }
            List<DrawSection> wanted = List.of(
                    DrawSection.of("一、单选题", List.of(), List.of(), List.of(QuestionType.SINGLE), 10, BigDecimal.valueOf(2)),
                    DrawSection.of("二、多选题", List.of(), List.of(), List.of(QuestionType.MULTIPLE), 5, BigDecimal.valueOf(4)),
                    DrawSection.of("三、判断题", List.of(), List.of(), List.of(QuestionType.JUDGE), 5, BigDecimal.valueOf(2)),
                    DrawSection.of("四、简答题", List.of(), List.of(), List.of(QuestionType.ESSAY), 1, BigDecimal.TEN));
            List<DrawSection> sections = new ArrayList<>();
            int[] available = drawing.available(wanted);
            for (int i = 0; i < wanted.size(); i++) {
                DrawSection s = wanted.get(i);
                int n = Math.min(s.count(), available[i]);
                if (n > 0) {
                    sections.add(new DrawSection(s.title(), s.banks(), s.tags(), s.types(), 1, 5, n, s.pointsEach()));
                }
            }
            if (sections.stream().mapToInt(DrawSection::count).sum() < 5) {
                return; // the bank is not loaded yet
            }
            long unitId = unit.get(0);
            Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
            tx.executeWithoutResult(status -> {
                StoredPaper p = new StoredPaper(unitId, now, CurrentUser.SYSTEM);
                BigDecimal max = sections.stream().map(DrawSection::maxPoints).reduce(BigDecimal.ZERO, BigDecimal::add);
                p.set("主体责任知识测试（演示）", PaperKind.DRAWN, DrawMode.PER_ATTEMPT, max.setScale(2),
                        sections.stream().mapToInt(DrawSection::count).sum(), now, CurrentUser.SYSTEM);
                p = papers.saveAndFlush(p);
                rows.replacePaperSections(p.getId(), sections);
                ExamSettings s = ExamSettings.defaults("主体责任知识测试（演示）", p.getId(), unitId, now,
                                now.plus(Duration.ofDays(30)))
                        .withDescription("演示考试：每人随机抽题，限时 30 分钟，可作答 2 次，取最高分；60% 及格。"
                                + "答案随答随存，刷新或换设备不会丢失；到时自动交卷。交卷后可查看分数、正确答案和解析。")
                        .withPurpose(ExamPurpose.STUDY_CHECK).withTimeLimit(30)
                        .withAttempts(2, CountedAttempt.HIGHEST).withNavigation(Navigation.FREE)
                        .withReview(new ReviewPolicy(ReviewLevel.EXPLANATIONS, false))
                        .withMultiplePolicy(MultiplePolicy.HALF_FOR_SUBSET)
                        .withTabLeave(new TabLeavePolicy(TabLeaveAction.WARN, 0));
                StoredExam e = new StoredExam(now, CurrentUser.SYSTEM);
                e.apply(s, now, CurrentUser.SYSTEM);
                e.publish(now, CurrentUser.SYSTEM);
                e = exams.saveAndFlush(e);
                rows.replaceAudience(e.getId(), List.of(unitId), List.of());
                audit.recordAs(CurrentUser.SYSTEM, "DEMO_DATA", "exam", e.getId(), "demo test for " + UNIT, null);
            });
            LOG.info("Demo test published for {}", UNIT);
        } catch (RuntimeException e) {
            LOG.warn("could not create the demo test", e);
        }
    }
}
