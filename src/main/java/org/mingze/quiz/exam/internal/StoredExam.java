package org.mingze.quiz.exam.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import org.mingze.quiz.MultiplePolicy;
import org.mingze.quiz.exam.CountedAttempt;
import org.mingze.quiz.exam.ExamPurpose;
import org.mingze.quiz.exam.ExamSettings;
import org.mingze.quiz.exam.ExamStatus;
import org.mingze.quiz.exam.Navigation;
import org.mingze.quiz.exam.ReviewLevel;
import org.mingze.quiz.exam.ReviewPolicy;
import org.mingze.quiz.exam.TabLeaveAction;
import org.mingze.quiz.exam.TabLeavePolicy;

/** A test's settings and status; its audience is in rows of its own ({@link ExamJdbc}). */
@Entity
@Table(name = "quiz_exam")
public class StoredExam {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private String title;
    @Column(nullable = false)
    private String description;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ExamPurpose purpose;
    @Column(name = "paper_id", nullable = false)
    private long paperId;
    @Column(name = "owner_unit_id", nullable = false)
    private long ownerUnitId;
    @Column(name = "opens_at", nullable = false)
    private Instant opensAt;
    @Column(name = "closes_at", nullable = false)
    private Instant closesAt;
    @Column(name = "time_limit_minutes")
    private Integer timeLimitMinutes;
    @Column(name = "attempts_allowed", nullable = false)
    private int attemptsAllowed;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CountedAttempt counted;
    @Column(name = "pass_percent", nullable = false)
    private int passPercent;
    @Column(name = "shuffle_questions", nullable = false)
    private boolean shuffleQuestions;
    @Column(name = "shuffle_options", nullable = false)
    private boolean shuffleOptions;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Navigation navigation;
    @Enumerated(EnumType.STRING)
    @Column(name = "review_level", nullable = false)
    private ReviewLevel reviewLevel;
    @Column(name = "review_after_close", nullable = false)
    private boolean reviewAfterClose;
    @Enumerated(EnumType.STRING)
    @Column(name = "multiple_policy", nullable = false)
    private MultiplePolicy multiplePolicy;
    @Enumerated(EnumType.STRING)
    @Column(name = "tab_action", nullable = false)
    private TabLeaveAction tabAction;
    @Column(name = "tab_limit", nullable = false)
    private int tabLimit;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ExamStatus status;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;
    @Column(name = "published_at")
    private Instant publishedAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Column(name = "updated_by", nullable = false)
    private String updatedBy;
    @Version
    private long version;

    protected StoredExam() {
    }

    public StoredExam(Instant now, String actor) {
        this.createdAt = now;
        this.createdBy = actor;
        this.status = ExamStatus.DRAFT;
    }

    /** Takes the settings (audience aside). */
    public void apply(ExamSettings s, Instant now, String actor) {
        title = s.title().trim();
        description = s.description() == null ? "" : s.description().trim();
        purpose = s.purpose();
        paperId = s.paperId();
        ownerUnitId = s.ownerUnitId();
        opensAt = s.opensAt();
        closesAt = s.closesAt();
        timeLimitMinutes = s.timeLimitMinutes();
        attemptsAllowed = s.attemptsAllowed();
        counted = s.counted();
        passPercent = s.passPercent();
        shuffleQuestions = s.shuffleQuestions();
        shuffleOptions = s.shuffleOptions();
        navigation = s.navigation();
        reviewLevel = s.review().level();
        reviewAfterClose = s.review().onlyAfterClose();
        multiplePolicy = s.multiplePolicy();
        tabAction = s.tabLeave().action();
        tabLimit = s.tabLeave().action() == TabLeaveAction.SUBMIT_AFTER ? s.tabLeave().limit() : 0;
        updatedAt = now;
        updatedBy = actor;
    }

    public ExamSettings settings(List<Long> units, List<Long> members) {
        return new ExamSettings(title, description, purpose, paperId, ownerUnitId, opensAt, closesAt,
                timeLimitMinutes, attemptsAllowed, counted, passPercent, shuffleQuestions, shuffleOptions, navigation,
                review(), multiplePolicy, tabLeave(), units, members);
    }

    public ReviewPolicy review() {
        return new ReviewPolicy(reviewLevel, reviewAfterClose);
    }

    public TabLeavePolicy tabLeave() {
        return new TabLeavePolicy(tabAction, tabLimit);
    }

    /** The status with CLOSED derived from the clock. */
    public ExamStatus effectiveStatus(Instant now) {
        return status == ExamStatus.PUBLISHED && !now.isBefore(closesAt) ? ExamStatus.CLOSED : status;
    }

    public void publish(Instant now, String actor) {
        status = ExamStatus.PUBLISHED;
        publishedAt = now;
        updatedAt = now;
        updatedBy = actor;
    }

    public void archive(Instant now, String actor) {
        status = ExamStatus.ARCHIVED;
        updatedAt = now;
        updatedBy = actor;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public ExamPurpose getPurpose() {
        return purpose;
    }

    public long getPaperId() {
        return paperId;
    }

    public long getOwnerUnitId() {
        return ownerUnitId;
    }

    public Instant getOpensAt() {
        return opensAt;
    }

    public Instant getClosesAt() {
        return closesAt;
    }

    public Integer getTimeLimitMinutes() {
        return timeLimitMinutes;
    }

    public int getAttemptsAllowed() {
        return attemptsAllowed;
    }

    public CountedAttempt getCounted() {
        return counted;
    }

    public int getPassPercent() {
        return passPercent;
    }

    public boolean isShuffleQuestions() {
        return shuffleQuestions;
    }

    public boolean isShuffleOptions() {
        return shuffleOptions;
    }

    public Navigation getNavigation() {
        return navigation;
    }

    public MultiplePolicy getMultiplePolicy() {
        return multiplePolicy;
    }

    public ExamStatus getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }
}
