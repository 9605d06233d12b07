package io.github.cloudfrontmavenplugin.cloudfront;

import io.github.cloudfrontmavenplugin.base.TimeSource;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * When a loop that asks CloudFront again (a poll until {@code Completed}, a retry until there is room for one more
 * invalidation) asks next: {@code schedule}'s delay for the time spent so far, jittered by {@code random}, on the clock
 * of {@code time}.
 */
public record Pacing(TimeSource time, GrowingDelay schedule, RandomGenerator random) {
    /** The delay before the next attempt, once {@code elapsed} has passed since the first. */
    Duration delay(Duration elapsed) {
        return schedule.delay(elapsed, random);
    }
}
