package org.mingze.quiz.exam.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Read-only look-ups of members and units for the exam engine (names for monitor and results, audiences of
 * thousands, the learner's own unit on every start), without access checks: the org module's services check one
 * member at a time and would cost a round of queries per row. Reads the org tables and never writes them.
 */
@Component
public class People {

    public record Person(long memberId, String name, String employeeNo, long unitId, String unitName,
                         String unitPath, boolean active) {
    }

    private static final String SELECT = "SELECT m.id, m.name, m.employee_no, m.unit_id, u.name, u.path, m.active "
            + "FROM org_member m JOIN org_unit u ON u.id = m.unit_id ";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    People(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    public Optional<Person> person(long memberId) {
        return jdbc.query(SELECT + "WHERE m.id = ?", (rs, i) -> person(rs), memberId).stream().findFirst();
    }

    public Map<Long, Person> people(Collection<Long> ids) {
        Map<Long, Person> out = new HashMap<>();
        List<Long> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += 500) {
            named.query(SELECT + "WHERE m.id IN (:ids)", new MapSqlParameterSource("ids",
                    all.subList(from, Math.min(all.size(), from + 500))), (rs, i) -> person(rs))
                    .forEach(p -> out.put(p.memberId(), p));
        }
        return out;
    }

    public Optional<String> unitPath(long unitId) {
        return jdbc.queryForList("SELECT path FROM org_unit WHERE id = ?", String.class, unitId).stream().findFirst();
    }

    public Optional<String> unitName(long unitId) {
        return jdbc.queryForList("SELECT name FROM org_unit WHERE id = ?", String.class, unitId).stream().findFirst();
    }

    public boolean memberExists(long memberId) {
        return !jdbc.queryForList("SELECT id FROM org_member WHERE id = ?", Long.class, memberId).isEmpty();
    }

    /** The active members of these units' subtrees and the members named, by unit path and name. */
    public List<Person> audience(Collection<Long> unitIds, Collection<Long> memberIds) {
        Map<Long, Person> out = new LinkedHashMap<>();
        for (Long unit : unitIds) {
            unitPath(unit).ifPresent(path -> jdbc.query(SELECT + "WHERE m.active = TRUE AND u.path LIKE ? "
                    + "ORDER BY u.path, m.name", (rs, i) -> person(rs), path + "%")
                    .forEach(p -> out.putIfAbsent(p.memberId(), p)));
        }
        people(memberIds).values().forEach(p -> out.putIfAbsent(p.memberId(), p));
        return new ArrayList<>(out.values());
    }

    /** Whether the person belongs to the audience: their unit lies in one of the units' subtrees, or named. */
    public boolean inAudience(Person p, Collection<Long> unitIds, Collection<Long> memberIds) {
        if (memberIds.contains(p.memberId())) {
            return true;
        }
        for (Long unit : unitIds) {
            Optional<String> path = unitPath(unit);
            if (path.isPresent() && p.unitPath().startsWith(path.get())) {
                return true;
            }
        }
        return false;
    }

    private static Person person(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Person(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                rs.getString(6), rs.getBoolean(7));
    }
}
