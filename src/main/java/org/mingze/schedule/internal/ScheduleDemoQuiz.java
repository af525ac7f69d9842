package org.mingze.schedule.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.mingze.base.security.CurrentUser;
import org.mingze.org.OrgService;
import org.mingze.org.UnitNode;
import org.mingze.quiz.QuestionType;
import org.mingze.quiz.exam.CountedAttempt;
import org.mingze.quiz.exam.DrawMode;
import org.mingze.quiz.exam.DrawSection;
import org.mingze.quiz.exam.Exam;
import org.mingze.quiz.exam.ExamPurpose;
import org.mingze.quiz.exam.ExamService;
import org.mingze.quiz.exam.ExamSettings;
import org.mingze.quiz.exam.Paper;
import org.mingze.quiz.exam.PaperDraft;
import org.mingze.quiz.exam.PaperService;
import org.mingze.quiz.exam.ReviewLevel;
import org.mingze.quiz.exam.ReviewPolicy;
import org.mingze.schedule.ScheduleService;
import org.mingze.schedule.SessionDetail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Demo only: once the question bank is loaded, 城关派出所党支部's secretary (lihm) makes a small theme-day quiz
 * (主题党日知识竞答, five single choices drawn per attempt, three attempts, 60% to pass) through the exam services and
 * links it to next month's demo theme day, so that leave, make-up reading and quiz can be tried end to end.
 */
@Component
@ConditionalOnProperty(name = "mingze.demo.enabled", havingValue = "true")
class ScheduleDemoQuiz {

    static final String TITLE = "主题党日知识竞答（演示）";
    static final String TOPIC = "主题党日：压力传导，防止逐级弱化";
    private static final Logger log = LoggerFactory.getLogger(ScheduleDemoQuiz.class);

    private final ScheduleService schedule;
    private final ExamService exams;
    private final PaperService papers;
    private final OrgService org;
    private final UserDetailsService users;
    private final JdbcClient jdbc;
    private final Clock clock;

    ScheduleDemoQuiz(ScheduleService schedule, ExamService exams, PaperService papers, OrgService org,
                     UserDetailsService users, JdbcClient jdbc, Clock clock) {
        this.schedule = schedule;
        this.exams = exams;
        this.papers = papers;
        this.org = org;
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The bank is loaded after start-up, and the exam module's own demo test must come first (it is made only while
     * there is no test at all): so look now and then, not on the bank's event, until it is done (then one query).
     */
    @Scheduled(initialDelayString = "${mingze.schedule.demo-quiz-delay:PT20S}",
            fixedDelayString = "${mingze.schedule.demo-quiz-delay:PT20S}")
    synchronized void ensure() {
        List<Long> sessions = jdbc.sql("SELECT id FROM schedule_session WHERE topic = ? AND status = 'PLANNED' "
                + "AND exam_id IS NULL").param(TOPIC).query(Long.class).list();
        if (sessions.isEmpty()) {
            return;
        }
        var secretary = users.loadUserByUsername("lihm");
        // may run after the commit of someone's bank import, on their thread: put their context back afterwards
        SecurityContext previous = CurrentUser.actAs(secretary);
        try {
            List<String> titles = exams.list(null).stream().map(r -> r.title()).toList();
            if (titles.isEmpty() || titles.contains(TITLE)) {
                return; // no demo test of the exam module yet; or made before (the secretary may have unlinked it)
            }
            UnitNode branch = org.manageableUnits().stream().filter(u -> u.name().equals("城关派出所党支部"))
                    .findFirst().orElse(null);
            DrawSection singles = DrawSection.of("单选题", List.of(), List.of(), List.of(QuestionType.SINGLE), 5,
                    BigDecimal.valueOf(20));
            if (branch == null || papers.available(singles) < 5) {
                return; // the bank is not loaded yet
            }
            SessionDetail session = schedule.detail(sessions.get(0));
            Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
            Instant closes = session.card().startsAt().plusDays(45).atZone(clock.getZone()).toInstant();
            Paper paper = papers.create(branch.id(), PaperDraft.drawn(TITLE, DrawMode.PER_ATTEMPT, List.of(singles)));
            Exam quiz = exams.publish(exams.create(ExamSettings.defaults(TITLE, paper.id(), branch.id(), now,
                            closes.isAfter(now) ? closes : now.plus(Duration.ofDays(45)))
                    .withDescription("主题党日知识竞答：五道单选题，每次随机抽题，限时 15 分钟，可作答 3 次，60% 及格。"
                            + "请假或缺席的同志补学时须学完本次资料并通过本测试。")
                    .withPurpose(ExamPurpose.THEME_DAY).withTimeLimit(15).withAttempts(3, CountedAttempt.HIGHEST)
                    .withReview(new ReviewPolicy(ReviewLevel.EXPLANATIONS, false))).id());
            schedule.save(session.draft().withExam(quiz.id()));
            log.info("Demo theme-day quiz linked to {}", TOPIC);
        } catch (RuntimeException e) {
            log.warn("demo theme-day quiz not made: {}", e.getMessage());
        } finally {
            CurrentUser.restore(previous);
        }
    }
}
