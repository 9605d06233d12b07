package io.github.cloudfrontmavenplugin.cloudfront;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * A delay that starts short and grows geometrically to a cap, with jitter so that many builds waiting on one
 * distribution do not call CloudFront in lock step.
 *
 * @param first the delay before the first retry or poll
 * @param factor how much each delay grows over the one before
 * @param cap the longest delay
 * @param jitter the fraction by which a delay may randomly differ from its nominal value, in [0, 1)
 */
public record GrowingDelay(Duration first, double factor, Duration cap, double jitter) {
    /**
     * Polling an invalidation: a 10-second invalidation is seen done about 1 to 2 seconds after it is, and a long one
     * is polled every 20 seconds (about 40 calls for 10 minutes, where a fixed 20 s delay makes 30).
     */
    public static final GrowingDelay POLL = new GrowingDelay(Duration.ofSeconds(1), 1.25, Duration.ofSeconds(20), 0.1);

    /** Waiting for CloudFront to make room for one more invalidation (TooManyInvalidationsInProgress). */
    public static final GrowingDelay IN_PROGRESS_LIMIT =
            new GrowingDelay(Duration.ofSeconds(5), 1.5, Duration.ofSeconds(30), 0.2);

    public GrowingDelay {
        if (first.isNegative() || cap.compareTo(first) < 0 || factor < 1 || jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("invalid delay schedule " + first + " x" + factor + " to " + cap);
        }
    }

    /** The delay before attempt {@code n + 1}, counting from 0. */
    public Duration delay(int n, RandomGenerator random) {
        double nominal = Math.min(cap.toNanos(), first.toNanos() * Math.pow(factor, n));
        double jittered = nominal * (1 - jitter + 2 * jitter * random.nextDouble());
        return Duration.ofNanos((long) Math.min(cap.toNanos(), jittered));
    }
}
