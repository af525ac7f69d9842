package org.mingze.review.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mingze.base.audit.AuditLog;
import org.mingze.base.notify.NotificationService;
import org.mingze.base.security.CurrentUser;
import org.mingze.org.MemberService;
import org.mingze.review.CandidateState;
import org.mingze.review.ReviewService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Review reminders, every ten minutes (like the schedule's): first the rules of time for every open candidate
 * (no-show, re-sit window passed, make-up done), then an in-app notice to each candidate who has not taken the test
 * 3 days and 1 day before their deadline (each once; no 3-day notice after the 1-day one), and the same before the
 * end of an opened re-sit. Notices are in Chinese, the bureau's language; each is audited.
 */
@Component
public class ReviewReminders {

    private static final Logger log = LoggerFactory.getLogger(ReviewReminders.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.CHINESE);

    private final ReviewStore store;
    private final ReviewService reviews;
    private final NotificationService notices;
    private final MemberService members;
    private final AuditLog audit;
    private final Clock clock;

    ReviewReminders(ReviewStore store, ReviewService reviews, NotificationService notices, MemberService members,
                    AuditLog audit, Clock clock) {
        this.store = store;
        this.reviews = reviews;
        this.notices = notices;
        this.members = members;
        this.audit = audit;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${mingze.review.reminders-delay:PT1M}",
            fixedDelayString = "${mingze.review.reminders-every:PT10M}")
    void scheduled() {
        try {
            int sent = sweep();
            if (sent > 0) {
                log.info("review reminders: {} sent", sent);
            }
        } catch (RuntimeException e) {
            log.error("review reminders failed", e);
        }
    }

    /** Applies the rules of time and sends the reminders due; returns how many notices went out. */
    @Transactional
    public int sweep() {
        reviews.sweepForSystem();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        int sent = 0;
        List<ReviewStore.Candidate> open = store.open();
        Map<Long, String> usernames = members.usernames(open.stream().map(ReviewStore.Candidate::memberId).toList());
        for (ReviewStore.Candidate c : open) {
            String user = usernames.get(c.memberId());
            boolean test = c.state() == CandidateState.PENDING;
            boolean resit = c.state() == CandidateState.DEFERRED && c.resitGrantedAt() != null
                    && c.resitAttemptId() == null;
            if (user == null || !test && !resit) {
                continue;
            }
            LocalDate due = test ? c.deadline() : c.resitCloses();
            long days = ChronoUnit.DAYS.between(today, due);
            if (days < 0 || days > 3) {
                continue;
            }
            String prefix = test ? "" : "R";
            String kind = prefix + (days > 1 ? "D3" : "D1");
            if (kind.endsWith("D3") && store.reminded(c.id(), prefix + "D1")) {
                continue;
            }
            if (!store.remember(c.id(), kind, now)) {
                continue;
            }
            ReviewStore.Batch b = store.batch(c.batchId()).orElseThrow();
            String what = test ? "主体责任知识测试" : "补考";
            notices.post(user, "考核提醒：" + b.name(), "您的" + what + "须在" + DAY.format(due) + "前完成（还有"
                    + days + "天），逾期将记为" + (test ? "未参加" : "不合格") + "。", "exams/start/" + b.examId());
            audit.recordAs(CurrentUser.SYSTEM, "REVIEW_REMINDER", "review-candidate", c.id(), kind + " " + due, null);
            sent++;
        }
        return sent;
    }
}
