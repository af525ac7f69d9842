package org.mingze.base.time;

import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * The bureau's time zone ({@code mingze.zone}, default Asia/Shanghai; decision 0017): the zone in which a day, a
 * year of the ledger, "today" and every time shown to a person are taken. It is the zone of the application's
 * {@link java.time.Clock} bean, so services use {@code clock.getZone()}; this holder is for the few static helpers
 * (formatting) that have no clock. The JVM's own zone plays no part: instants are stored as instants
 * ({@link DbInstants}).
 */
public final class BureauZone {

    /** The default of {@code mingze.zone}: the bureau's servers and users are in China. */
    public static final String DEFAULT = "Asia/Shanghai";

    private static volatile ZoneId zone = ZoneId.of(DEFAULT);

    private BureauZone() {
    }

    public static ZoneId get() {
        return zone;
    }

    /**
     * The zone a setting names (blank means the JVM's zone); an unknown name is refused with a message saying how
     * to write one.
     */
    public static ZoneId parse(String setting) {
        if (setting == null || setting.isBlank()) {
            return ZoneId.systemDefault();
        }
        try {
            return ZoneId.of(setting.strip());
        } catch (DateTimeException e) {
            throw new IllegalStateException("mingze.zone=" + setting + " 不是有效的时区，请写成 IANA 时区名，"
                    + "例如 Asia/Shanghai（北京时间）。", e);
        }
    }

    /** Set once at startup from {@code mingze.zone}, with the clock. */
    public static void use(ZoneId z) {
        zone = z;
    }
}
