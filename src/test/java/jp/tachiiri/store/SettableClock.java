package jp.tachiiri.store;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A fixed clock that a test can move to another fixed instant. */
final class SettableClock extends Clock {
    private Instant now;
    private Runnable beforeNextRead;

    SettableClock(Instant now) {
        this.now = now;
    }

    void set(Instant instant) {
        now = instant;
    }

    /** Runs {@code action} once, when the time is next read: something happening meanwhile. */
    void beforeNextRead(Runnable action) {
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
