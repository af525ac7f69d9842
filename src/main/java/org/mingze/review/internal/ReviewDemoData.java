package org.mingze.review.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.mingze.base.security.CurrentUser;
import org.mingze.org.MemberFilter;
import org.mingze.org.MemberRow;
import org.mingze.org.MemberService;
import org.mingze.org.OrgService;
import org.mingze.org.UnitNode;
import org.mingze.quiz.QuestionsChanged;
import org.mingze.review.BatchDraft;
import org.mingze.review.CandidateDraft;
import org.mingze.review.ReviewService;
import org.mingze.review.ReviewType;
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
 * A demo review batch, opened through the real services as the political department's organiser (zhouxy) would: a
 * 任前考察 of three candidates of 城关派出所党支部 with accounts (王振华 first), deadline in ten days, all still to take
 * the test, so that the whole story (pass; fail, make-up, re-sit; no-show) can be tried. Off in tests
 * ({@code mingze.demo.reviews=false}), whose fixtures make their own batches.
 */
@Component
@ConditionalOnProperty(name = {"mingze.demo.enabled", "mingze.demo.reviews"}, havingValue = "true",
        matchIfMissing = false)
class ReviewDemoData {

    private static final Logger log = LoggerFactory.getLogger(ReviewDemoData.class);
    static final String BRANCH = "城关派出所党支部";

    private final ReviewService reviews;
    private final OrgService org;
    private final MemberService members;
    private final UserDetailsService users;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate tx;

    ReviewDemoData(ReviewService reviews, OrgService org, MemberService members, UserDetailsService users,
                   JdbcClient jdbc, Clock clock,
                   PlatformTransactionManager txm) {
        this.tx = new TransactionTemplate(txm);
        // called after another transaction's commit: always a transaction of its own
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.reviews = reviews;
        this.org = org;
        this.members = members;
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The bank is loaded after start-up (its QuestionsChanged event): the batch's paper needs its questions. */
    @TransactionalEventListener(fallbackExecution = true)
    void questionsChanged(QuestionsChanged e) {
        tx.executeWithoutResult(status -> run());
    }

    synchronized void run() {
        if (jdbc.sql("SELECT COUNT(*) FROM review_batch").query(Long.class).single() > 0) {
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
            List<MemberRow> people = new ArrayList<>(members.search(new MemberFilter(null, branch.id(), true, null),
                    0, 100).getContent().stream().filter(MemberRow::hasAccount)
                    .filter(m -> !"李红梅".equals(m.name())).toList());
            people.sort((a, b) -> Boolean.compare(!"王振华".equals(a.name()), !"王振华".equals(b.name())));
            if (people.size() < 3) {
                return;
            }
            List<String> proposed = List.of("城关派出所所长", "城关派出所副所长", "城关派出所社区警务队队长");
            List<CandidateDraft> cs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                cs.add(new CandidateDraft(people.get(i).id(), null, proposed.get(i)));
            }
            reviews.create(BatchDraft.of(ReviewType.PRE_APPOINTMENT, LocalDate.now(clock).getYear()
                    + "年第4批任前考察（城关）", branch.id(), LocalDate.now(clock).plusDays(10), cs));
            log.info("Demo review batch loaded for {}", BRANCH);
        } catch (RuntimeException e) {
            log.warn("demo review batch not loaded: {}", e.getMessage());
        } finally {
            CurrentUser.restore(previous);
        }
    }
}
