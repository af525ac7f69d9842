package org.mingze.duty.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.mingze.duty.DutyService;
import org.mingze.duty.SessionDraft;
import org.mingze.org.DemoSeeding;
import org.mingze.org.MemberFilter;
import org.mingze.org.MemberRow;
import org.mingze.org.MemberService;
import org.mingze.org.UnitNode;
import org.mingze.quiz.QuestionsChanged;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

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

    private final DutyService duty;
    private final MemberService members;
    private final DemoSeeding seeding;
    private final JdbcClient jdbc;
    private final Clock clock;

    DutyDemoData(DutyService duty, MemberService members, DemoSeeding seeding, JdbcClient jdbc, Clock clock) {
        this.duty = duty;
        this.members = members;
        this.seeding = seeding;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The bank is loaded after start-up (its QuestionsChanged event): the draw and the test need its questions. */
    @TransactionalEventListener(fallbackExecution = true)
    void questionsChanged(QuestionsChanged e) {
        seeding.inBranchInOwnTransaction("zhouxy", "Demo duty-report session", this::run);
    }

    /** Loads the demo data once; false when it is there already. */
    synchronized boolean run(UnitNode branch) {
        if (jdbc.sql("SELECT COUNT(*) FROM duty_session").query(Long.class).single() > 0) {
            return false;
        }
        List<MemberRow> leaders = members.search(new MemberFilter(null, branch.id(), true, true), 0, 50)
                .getContent().stream().filter(m -> m.unitId() == branch.id())
                .filter(m -> !"王振华".equals(m.name()))
                .sorted(Comparator.comparingInt(DutyDemoData::rank)).limit(3).toList();
        if (leaders.size() < 3) {
            throw new IllegalStateException("fewer than three leaders besides 王振华 in " + branch.name());
        }
        LocalDate today = LocalDate.now(clock);
        duty.create(new SessionDraft(today.getYear() + "年度述职述廉述学暨民主评议（城关）", today.getYear(),
                branch.id(), today.plusDays(7), leaders.stream().map(MemberRow::id).toList(),
                List.of("主体责任基础知识", "责任清单与责任书"), List.of(), SessionDraft.DEFAULT_PER_REPORTER, 10, 120,
                true));
        return true;
    }

    /** 所长 first, then the secretary, then the deputies. */
    private static int rank(MemberRow m) {
        String post = m.post() == null ? "" : m.post();
        return post.contains("所长") && !post.contains("副") ? 0 : post.contains("书记") ? 1 : 2;
    }
}
