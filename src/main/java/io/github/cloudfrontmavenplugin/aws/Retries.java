package io.github.cloudfrontmavenplugin.aws;

import java.time.Duration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

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

    /** The SDK retry strategy these settings describe. */
    public RetryStrategy strategy() {
        BackoffStrategy backoff = BackoffStrategy.exponentialDelay(baseDelay(), maxDelay());
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(maxAttempts())
                .backoffStrategy(backoff)
                .throttlingBackoffStrategy(backoff)
                // A build makes a handful of calls; the circuit breaker only makes it give up early.
                .circuitBreakerEnabled(false)
                .build();
    }
}
