package org.mingze.review.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.mingze.org.DemoSeeding;
import org.mingze.org.MemberFilter;
import org.mingze.org.MemberRow;
import org.mingze.org.MemberService;
import org.mingze.org.UnitNode;
import org.mingze.quiz.QuestionsChanged;
import org.mingze.review.BatchDraft;
import org.mingze.review.CandidateDraft;
import org.mingze.review.ReviewService;
import org.mingze.review.ReviewType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

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

    private final ReviewService reviews;
    private final MemberService members;
    private final DemoSeeding seeding;
    private final JdbcClient jdbc;
    private final Clock clock;

    ReviewDemoData(ReviewService reviews, MemberService members, DemoSeeding seeding, JdbcClient jdbc, Clock clock) {
        this.reviews = reviews;
        this.members = members;
        this.seeding = seeding;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The bank is loaded after start-up (its QuestionsChanged event): the batch's paper needs its questions. */
    @TransactionalEventListener(fallbackExecution = true)
    void questionsChanged(QuestionsChanged e) {
        seeding.inBranchInOwnTransaction("zhouxy", "Demo review batch", this::run);
    }

    /** Loads the demo data once; false when it is there already. */
    synchronized boolean run(UnitNode branch) {
        if (jdbc.sql("SELECT COUNT(*) FROM review_batch").query(Long.class).single() > 0) {
            return false;
        }
        List<MemberRow> people = new ArrayList<>(members.search(new MemberFilter(null, branch.id(), true, null),
                0, 100).getContent().stream().filter(MemberRow::hasAccount)
                .filter(m -> !"李红梅".equals(m.name())).toList());
        people.sort((a, b) -> Boolean.compare(!"王振华".equals(a.name()), !"王振华".equals(b.name())));
        if (people.size() < 3) {
            throw new IllegalStateException("fewer than three members with accounts in " + branch.name());
        }
        List<String> proposed = List.of("城关派出所所长", "城关派出所副所长", "城关派出所社区警务队队长");
        List<CandidateDraft> cs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            cs.add(new CandidateDraft(people.get(i).id(), null, proposed.get(i)));
        }
        reviews.create(BatchDraft.of(ReviewType.PRE_APPOINTMENT, LocalDate.now(clock).getYear()
                + "年第4批任前考察（城关）", branch.id(), LocalDate.now(clock).plusDays(10), cs));
        return true;
    }
}
