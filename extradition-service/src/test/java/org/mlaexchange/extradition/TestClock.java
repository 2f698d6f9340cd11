package org.mlaexchange.extradition;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Replaces the platform's system clock in tests: real time plus an offset a test moves, so a deadline passes at once. */
@Singleton
public class TestClock extends Clock {

    private volatile Duration ahead = Duration.ZERO;

    /** Moves the service's "now" forward. */
    public void advance(Duration by) {
        ahead = ahead.plus(by);
    }

    /** Back to real time (call after each test that moved the clock). */
    public void reset() {
        ahead = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(ahead);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the service keeps time in UTC");
    }
}
