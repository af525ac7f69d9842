package org.mingze.base.ledger;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZoneId;
import java.util.Set;
import java.util.TreeSet;

/**
 * One calendar year of the ledger in a zone, as the bounds that providers' queries need: days in [first, next) and
 * instants in [from, to).
 * <p>
 * Two kinds of timestamp columns exist: those written through JPA are stored as UTC wall time
 * ({@code hibernate.jdbc.time_zone=UTC}: library completions, attempts, the wrong-answer book, notices), those written
 * with {@code Timestamp.from} through JDBC in the JVM's zone (schedule, review). Use the {@code Utc} methods for the
 * first kind and the plain ones for the second.
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

    public Timestamp fromTimestamp() {
        return Timestamp.from(from());
    }

    public Timestamp toTimestamp() {
        return Timestamp.from(to());
    }

    /** The day of an instant in this zone (null stays null). */
    public LocalDate day(Instant t) {
        return t == null ? null : LocalDate.ofInstant(t, zone);
    }

    /** The day of a timestamp read from the database (null stays null). */
    public LocalDate day(Timestamp t) {
        return t == null ? null : day(t.toInstant());
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

    /** The day of a timestamp in a zone (null stays null). */
    public static LocalDate day(Timestamp t, ZoneId zone) {
        return t == null ? null : LocalDate.ofInstant(t.toInstant(), zone);
    }

    /** {@link #from()} as a UTC wall-time timestamp, for columns written through JPA. */
    public Timestamp fromUtc() {
        return Timestamp.valueOf(LocalDateTime.ofInstant(from(), ZoneOffset.UTC));
    }

    /** {@link #to()} as a UTC wall-time timestamp, for columns written through JPA. */
    public Timestamp toUtc() {
        return Timestamp.valueOf(LocalDateTime.ofInstant(to(), ZoneOffset.UTC));
    }

    /** The day (in this year's zone) of a UTC wall-time timestamp read from a JPA-written column. */
    public LocalDate dayUtc(Timestamp t) {
        return dayUtc(t, zone);
    }

    /** The day in a zone of a UTC wall-time timestamp read from a JPA-written column (null stays null). */
    public static LocalDate dayUtc(Timestamp t, ZoneId zone) {
        return t == null ? null : LocalDate.ofInstant(t.toLocalDateTime().toInstant(ZoneOffset.UTC), zone);
    }

    /** The instant of a UTC wall-time timestamp read from a JPA-written column (null stays null). */
    public static Instant instantUtc(Timestamp t) {
        return t == null ? null : t.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }

    /** {@link #between} for the first and last UTC wall-time timestamps of a JPA-written column, days in a zone. */
    public static Set<Integer> betweenUtc(Timestamp first, Timestamp last, ZoneId zone) {
        return between(dayUtc(first, zone), dayUtc(last, zone));
    }
}
