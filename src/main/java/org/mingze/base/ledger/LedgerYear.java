package org.mingze.base.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Set;
import java.util.TreeSet;
import org.mingze.base.time.DbInstants;

/**
 * One calendar year of the ledger in the bureau's zone (the clock's zone, {@code mingze.zone}), as the bounds that
 * providers' queries need: days in [first, next) and instants in [from, to). Instant columns are read and bound
 * through {@link DbInstants} (decision 0017), so the JVM's zone plays no part.
 */
public record LedgerYear(int year, ZoneId zone) {

    public LocalDate first() {
        return LocalDate.of(year, 1, 1);
    }

    /** The first day of the next year (excluded). */
    public LocalDate next() {
        return first().plusYears(1);
    }

    public Instant from() {
        return first().atStartOfDay(zone).toInstant();
    }

    public Instant to() {
        return next().atStartOfDay(zone).toInstant();
    }

    /** {@link #from()} as a JDBC parameter for an instant column. */
    public OffsetDateTime fromParam() {
        return DbInstants.param(from());
    }

    /** {@link #to()} as a JDBC parameter for an instant column. */
    public OffsetDateTime toParam() {
        return DbInstants.param(to());
    }

    /** The day of an instant in this zone (null stays null). */
    public LocalDate day(Instant t) {
        return t == null ? null : LocalDate.ofInstant(t, zone);
    }

    /** The day in this zone of the instant in a column of a result row (SQL NULL is null). */
    public LocalDate day(ResultSet rs, String column) throws SQLException {
        return day(DbInstants.get(rs, column));
    }

    /** The years from the first day's to the last day's, both included (empty when either is null). */
    public static Set<Integer> between(LocalDate first, LocalDate last) {
        Set<Integer> years = new TreeSet<>();
        if (first != null && last != null) {
            for (int i = first.getYear(); i <= last.getYear(); i++) {
                years.add(i);
            }
        }
        return years;
    }

    /**
     * {@link #between} for the first and last instants in two columns of a result row (typically MIN and MAX of an
     * instant column), their days taken in a zone.
     */
    public static Set<Integer> between(ResultSet rs, String first, String last, ZoneId zone) throws SQLException {
        Instant a = DbInstants.get(rs, first);
        Instant b = DbInstants.get(rs, last);
        return between(a == null ? null : LocalDate.ofInstant(a, zone),
                b == null ? null : LocalDate.ofInstant(b, zone));
    }
}
