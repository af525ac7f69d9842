package org.mingze.schedule;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mingze.base.audit.AuditLog;
import org.mingze.base.security.CurrentUser;
import org.mingze.base.security.MingzeUser;
import org.mingze.base.security.Roles;
import org.mingze.base.time.DbInstants;
import org.mingze.base.validation.Problem;
import org.mingze.base.validation.ValidationException;
import org.mingze.org.OrgService;
import org.mingze.org.UnitNode;
import org.mingze.schedule.internal.ICalendar;
import org.mingze.schedule.internal.SessionStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * iCalendar feeds: a person subscribes their calendar app to their own sessions, an organiser to a unit's. The
 * address carries a random 256-bit token; only its SHA-256 is stored, and a revoked feed's address answers "not
 * found". A person has at most {@value #MAX_ACTIVE} active feeds.
 */
@Service
@Transactional(readOnly = true)
public class FeedService {

    static final int MAX_ACTIVE = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final SessionStore store;
    private final OrgService org;
    private final AuditLog audit;
    private final Clock clock;

    FeedService(JdbcClient jdbc, SessionStore store, OrgService org, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.org = org;
        this.audit = audit;
        this.clock = clock;
    }

    /** A feed of the signed-in member's own sessions. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public NewFeed createMine() {
        MingzeUser me = CurrentUser.require();
        if (me.memberId() == null) {
            throw new ValidationException(Problem.of("feed", "schedule.feed.error.no-member"));
        }
        return create(null, me.memberId());
    }

    /** A feed of a unit's sessions (sub-units included), for an organiser of that unit. */
    @PreAuthorize("hasAnyRole('" + Roles.ORGANIZER + "','" + Roles.ADMIN + "')")
    @Transactional
    public NewFeed createForUnit(long unitId) {
        org.requireManage(unitId);
        return create(unitId, null);
    }

    /** The feeds the signed-in person made, newest first. */
    @PreAuthorize("isAuthenticated()")
    public List<FeedRow> mine() {
        Map<Long, String> names = new java.util.HashMap<>();
        org.visibleUnits().forEach(u -> names.put(u.id(), u.name()));
        return jdbc.sql("SELECT id, unit_id, created_at, revoked_at FROM schedule_feed WHERE created_by = ? "
                        + "ORDER BY created_at DESC, id DESC")
                .param(CurrentUser.actor())
                .query((rs, n) -> {
                    Long unit = (Long) rs.getObject("unit_id", Long.class);
                    return new FeedRow(rs.getLong("id"), unit, unit == null ? null : names.get(unit),
                            DbInstants.get(rs, "created_at"), DbInstants.get(rs, "revoked_at"));
                }).list();
    }

    /** Revokes one of the signed-in person's feeds; its address stops working at once. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void revoke(long feedId) {
        int n = jdbc.sql("UPDATE schedule_feed SET revoked_at = ? WHERE id = ? AND created_by = ? "
                        + "AND revoked_at IS NULL")
                .params(DbInstants.param(clock.instant()), feedId, CurrentUser.actor()).update();
        if (n != 1) {
            throw new AccessDeniedException("feed " + feedId);
        }
        audit.record("SCHEDULE_FEED_REVOKE", "feed", feedId, "");
    }

    /**
     * The iCalendar text of the feed with this token: sessions from 90 days back to 400 days ahead; empty when the
     * token is unknown or revoked. Called by the feed endpoint, without a signed-in person.
     */
    public Optional<String> ics(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        record Feed(Long unitId, Long memberId) {
        }
        Optional<Feed> feed = jdbc.sql("SELECT unit_id, member_id FROM schedule_feed WHERE token_hash = ? "
                        + "AND revoked_at IS NULL")
                .param(hash(token))
                .query((rs, n) -> new Feed((Long) rs.getObject("unit_id", Long.class),
                        (Long) rs.getObject("member_id", Long.class))).optional();
        if (feed.isEmpty()) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(clock);
        var from = today.minusDays(90).atStartOfDay();
        var to = today.plusDays(400).atStartOfDay();
        List<SessionStore.Session> sessions;
        String name;
        if (feed.get().unitId() != null) {
            long unit = feed.get().unitId();
            sessions = store.sessions(org.subtreeIds(unit), from, to);
            name = org.unitForSystem(unit).map(UnitNode::name).orElse("明责") + "·会议";
        } else {
            sessions = store.sessionsOf(feed.get().memberId(), from, to);
            name = "明责·我的会议";
        }
        List<ICalendar.Event> events = new ArrayList<>();
        for (SessionStore.Session s : sessions) {
            events.add(new ICalendar.Event("session-" + s.id() + "@mingze", s.startsAt(), s.endsAt(),
                    TYPE_NAMES.getOrDefault(s.type(), s.type().name()) + "：" + s.topic(),
                    s.place() != null ? s.place() : s.onlineLink(), s.agenda(), null,
                    s.status() == SessionStatus.CANCELLED));
        }
        return Optional.of(ICalendar.write(name, events, clock.getZone(), clock.instant()));
    }

    private NewFeed create(Long unitId, Long memberId) {
        long active = jdbc.sql("SELECT COUNT(*) FROM schedule_feed WHERE created_by = ? AND revoked_at IS NULL")
                .param(CurrentUser.actor()).query(Long.class).single();
        if (active >= MAX_ACTIVE) {
            throw new ValidationException(Problem.of("feed", "schedule.feed.error.too-many", MAX_ACTIVE));
        }
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant now = clock.instant();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO schedule_feed (token_hash, unit_id, member_id, created_by, created_at) "
                        + "VALUES (?, ?, ?, ?, ?)")
                .params(hash(token), unitId, memberId, CurrentUser.actor(), DbInstants.param(now)).update(keys, "id");
        long id = keys.getKey().longValue();
        audit.record("SCHEDULE_FEED_CREATE", "feed", id, unitId == null ? "member " + memberId : "unit " + unitId);
        FeedRow row = mine().stream().filter(f -> f.id() == id).findFirst().orElseThrow();
        return new NewFeed(row, "ical/" + token + ".ics");
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Calendar apps show the feed in Chinese, the bureau's language. */
    private static final Map<SessionType, String> TYPE_NAMES = Map.of(
            SessionType.THEME_DAY, "主题党日", SessionType.GENERAL_MEETING, "支部党员大会",
            SessionType.COMMITTEE_MEETING, "支部委员会", SessionType.GROUP_MEETING, "党小组会",
            SessionType.PARTY_LECTURE, "党课", SessionType.DEMOCRATIC_LIFE, "民主生活会",
            SessionType.ORGANISATIONAL_LIFE, "组织生活会", SessionType.TOPIC_STUDY, "专题学习");
}
