package org.mingze.library;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.mingze.base.time.BureauZone;

/** A clock that follows the system clock until a test fixes it, then moves only when told. */
public class MutableClock extends Clock {

    private volatile Instant fixed;
    private final ZoneId zone = BureauZone.get();

    public void set(Instant instant) {
        fixed = instant;
    }

    public void advance(Duration d) {
        fixed = instant().plus(d);
    }

    /** Back to following the system clock. */
    public void reset() {
        fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        Instant f = fixed;
        return f != null ? f : Instant.now();
    }
}
