package org.mingze.duty.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.mingze.base.security.CurrentUser;
import org.mingze.duty.DutyService;
import org.mingze.duty.SessionDraft;
import org.mingze.org.MemberFilter;
import org.mingze.org.MemberRow;
import org.mingze.org.MemberService;
import org.mingze.org.OrgService;
import org.mingze.org.UnitNode;
import org.mingze.quiz.QuestionsChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A demo duty-report session, created through the real services as the political department's organiser (zhouxy)
 * would: this year's 述职评议 of 城关派出所党支部 in a week, its three leaders besides 王振华 (所长, 教导员 李红梅,
 * 副所长) reporting, 3 questions of 10 points each from the main-responsibility banks, a 2-minute timer and a
 * written test. lihm (the branch's organiser) can run it too; wangzh and the branch's members can rate. Off in
 * tests ({@code mingze.demo.duty} unset).
 */
@Component
@ConditionalOnProperty(name = {"mingze.demo.enabled", "mingze.demo.duty"}, havingValue = "true")
class DutyDemoData {

    private static final Logger log = LoggerFactory.getLogger(DutyDemoData.class);
    static final String BRANCH = "城关派出所党支部";

    private final DutyService duty;
    private final OrgService org;
    private final MemberService members;
    private final UserDetailsService users;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate tx;

    DutyDemoData(DutyService duty, OrgService org, MemberService members, UserDetailsService users, JdbcClient jdbc,
                 Clock clock, PlatformTransactionManager txm) {
        this.tx = new TransactionTemplate(txm);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.duty = duty;
        this.org = org;
        this.members = members;
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The bank is loaded after start-up (its QuestionsChanged event): the draw and the test need its questions. */
    @TransactionalEventListener(fallbackExecution = true)
    void questionsChanged(QuestionsChanged e) {
        tx.executeWithoutResult(status -> run());
    }

    synchronized void run() {
        if (jdbc.sql("SELECT COUNT(*) FROM duty_session").query(Long.class).single() > 0) {
            return;
        }
        var organiser = users.loadUserByUsername("zhouxy");
        var previous = CurrentUser.actAs(organiser);
        try {
            UnitNode branch = org.manageableUnits().stream().filter(u -> u.name().equals(BRANCH)).findFirst()
                    .orElse(null);
            if (branch == null) {
                return;
            }
            List<MemberRow> leaders = members.search(new MemberFilter(null, branch.id(), true, true), 0, 50)
                    .getContent().stream().filter(m -> m.unitId() == branch.id())
                    .filter(m -> !"王振华".equals(m.name()))
                    .sorted(Comparator.comparingInt(DutyDemoData::rank)).limit(3).toList();
            if (leaders.size() < 3) {
                return;
            }
            LocalDate today = LocalDate.now(clock);
            duty.create(new SessionDraft(today.getYear() + "年度述职述廉述学暨民主评议（城关）", today.getYear(),
                    branch.id(), today.plusDays(7), leaders.stream().map(MemberRow::id).toList(),
                    List.of("主体责任基础知识", "责任清单与责任书"), List.of(), SessionDraft.DEFAULT_PER_REPORTER, 10, 120,
                    true));
            log.info("Demo duty-report session loaded for {}", BRANCH);
        } catch (RuntimeException e) {
            log.warn("demo duty-report session not loaded: {}", e.getMessage());
        } finally {
            CurrentUser.restore(previous);
        }
    }

    /** 所长 first, then the secretary, then the deputies. */
    private static int rank(MemberRow m) {
        String post = m.post() == null ? "" : m.post();
        return post.contains("所长") && !post.contains("副") ? 0 : post.contains("书记") ? 1 : 2;
    }
}
