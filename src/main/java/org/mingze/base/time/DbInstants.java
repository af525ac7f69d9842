package org.mingze.base.time;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The one way plain JDBC (JdbcTemplate, JdbcClient) writes and reads an instant (decision 0017). Every column that
 * holds an instant is {@code TIMESTAMP WITH TIME ZONE}, as Hibernate maps {@link Instant}; an instant goes in as an
 * {@link OffsetDateTime} at UTC and comes out as the same instant, whatever the JVM's time zone. Never use
 * {@code Timestamp.from} or {@code getTimestamp().toInstant()} for such a column in a store: the first converts
 * through the JVM's zone and would break as soon as a column is not what this helper expects.
 * <p>
 * A session's start ({@code schedule_session.starts_at}) is a local date and time in the bureau's zone, not an
 * instant; it stays a plain {@code TIMESTAMP} read and written as {@link java.time.LocalDateTime}.
 */
public final class DbInstants {

    private DbInstants() {
    }

    /** The JDBC parameter for an instant column (null stays null). */
    public static OffsetDateTime param(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }

    /** The instant in a column of a result row (SQL NULL is null). */
    public static Instant get(ResultSet rs, int column) throws SQLException {
        return instant(rs.getObject(column, OffsetDateTime.class));
    }

    /** The instant in a named column of a result row (SQL NULL is null). */
    public static Instant get(ResultSet rs, String column) throws SQLException {
        return instant(rs.getObject(column, OffsetDateTime.class));
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
