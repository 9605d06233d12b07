package io.github.cloudfrontmavenplugin.lock;

import io.github.cloudfrontmavenplugin.base.TimeSource;
import java.time.Duration;

/**
 * The clocks and rhythms of a lock.
 *
 * @param time what a waiting deploy and the lease's times are measured on
 * @param renewals what the holder's renewal thread sleeps on: the same clock in production; tests that move {@code
 *     time} by sleeping on it keep the renewals on a clock of their own
 * @param poll how often a waiting deploy reads the lock again
 * @param report how often a waiting deploy says who holds the lock
 */
public record LockTiming(TimeSource time, TimeSource renewals, Duration poll, Duration report) {
    public static final Duration POLL = Duration.ofSeconds(5);
    public static final Duration REPORT = Duration.ofSeconds(15);

    public static LockTiming of(TimeSource time) {
        return new LockTiming(time, time, POLL, REPORT);
    }
}
