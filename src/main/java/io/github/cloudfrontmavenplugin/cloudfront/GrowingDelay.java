package io.github.cloudfrontmavenplugin.cloudfront;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * A delay that grows in proportion to the time already spent, between a floor and a cap, with jitter so that many
 * builds waiting on one distribution do not call CloudFront in lock step.
 *
 * <p>Growing with the elapsed time bounds how late a change is noticed to a fixed share of how long it took, while
 * the number of calls grows only with the logarithm of the wait until the cap is reached.
 *
 * @param floor the shortest delay, used while little time has passed
 * @param share the delay as a share of the time elapsed so far
 * @param cap the longest delay
 * @param jitter the fraction by which a delay may randomly differ from its nominal value, in [0, 1)
 */
public record GrowingDelay(Duration floor, double share, Duration cap, double jitter) {
    /**
     * Polling an invalidation: a 10-second invalidation is seen done at most about 2 seconds after it is, and a long
     * one is polled every 20 seconds (about 47 calls for 10 minutes, where the SDK waiter's fixed 20 s makes 30 and
     * notices a 10-second one up to 10 s late).
     */
    public static final GrowingDelay POLL = new GrowingDelay(Duration.ofSeconds(1), 0.2, Duration.ofSeconds(20), 0.1);

    /** Waiting for CloudFront to make room for one more invalidation (TooManyInvalidationsInProgress). */
    public static final GrowingDelay IN_PROGRESS_LIMIT =
            new GrowingDelay(Duration.ofSeconds(5), 0.5, Duration.ofSeconds(30), 0.2);

    public GrowingDelay {
        if (floor.isNegative() || cap.compareTo(floor) < 0 || share < 0 || jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("invalid delay schedule: " + floor + " or " + share + " of the elapsed"
                    + " time, up to " + cap + ", jitter " + jitter);
        }
    }

    /** The delay before the next attempt, once {@code elapsed} has passed since the first. */
    public Duration delay(Duration elapsed, RandomGenerator random) {
        double nominal = Math.max(floor.toNanos(), Math.min(cap.toNanos(), elapsed.toNanos() * share));
        double jittered = nominal * (1 - jitter + 2 * jitter * random.nextDouble());
        return Duration.ofNanos((long) Math.min(cap.toNanos(), jittered));
    }
}
