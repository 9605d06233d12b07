package io.github.cloudfrontmavenplugin.cloudfront;

import java.time.Duration;

/**
 * How the SDK retries throttling, 5xx and I/O errors: exponential backoff with full jitter between {@code baseDelay}
 * and {@code maxDelay}, up to {@code maxAttempts} attempts in all.
 */
public record Retries(int maxAttempts, Duration baseDelay, Duration maxDelay) {
    /** About a minute of patience, where the SDK's default gives up after 4 attempts. */
    public static final Retries DEFAULT = new Retries(8, Duration.ofMillis(500), Duration.ofSeconds(20));

    public Retries {
        if (maxAttempts < 1 || baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("invalid retries: " + maxAttempts + ", " + baseDelay + ", " + maxDelay);
        }
    }
}
