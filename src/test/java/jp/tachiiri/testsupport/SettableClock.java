package jp.tachiiri.testsupport;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A fixed clock that a test can move to another fixed instant. */
public final class SettableClock extends Clock {
    private Instant now;
    private Runnable beforeNextRead;

    public SettableClock(Instant now) {
        this.now = now;
    }

    public void set(Instant instant) {
        now = instant;
    }

    /** Runs {@code action} once, when the time is next read: something happening meanwhile. */
    public void beforeNextRead(Runnable action) {
        beforeNextRead = action;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        Runnable action = beforeNextRead;
        beforeNextRead = null;
        if (action != null) {
            action.run();
        }
        return now;
    }
}
