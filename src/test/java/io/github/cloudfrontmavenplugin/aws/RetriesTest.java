package io.github.cloudfrontmavenplugin.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;

/** The retries the README promises, read from the SDK strategy the plugin builds, not from its own constants. */
class RetriesTest {
    private static final AwsServiceException SERVICE_UNAVAILABLE =
            AwsServiceException.builder().statusCode(503).build();
    private static final int CHAINS = 300;

    private static Duration cap(int retry) {
        Duration exponential = Retries.DEFAULT.baseDelay().multipliedBy(1L << (retry - 1));
        return exponential.compareTo(Retries.DEFAULT.maxDelay()) < 0 ? exponential : Retries.DEFAULT.maxDelay();
    }

    @Test
    void defaultIsEightAttemptsWithFullJitterDoublingFromHalfASecondUpToTwentySeconds() {
        RetryStrategy strategy = Retries.DEFAULT.strategy();
        assertEquals(8, strategy.maxAttempts());
        Duration[] longest = new Duration[8];
        for (int chain = 0; chain < CHAINS; chain++) {
            RetryToken token = strategy.acquireInitialToken(AcquireInitialTokenRequest.create("retries-test"))
                    .token();
            for (int retry = 1; retry <= 7; retry++) {
                var refreshed = strategy.refreshRetryToken(RefreshRetryTokenRequest.builder()
                        .token(token)
                        .failure(SERVICE_UNAVAILABLE)
                        .build());
                Duration delay = refreshed.delay();
                assertTrue(!delay.isNegative() && delay.compareTo(cap(retry)) <= 0, "retry " + retry + ": " + delay);
                longest[retry] = longest[retry] == null || delay.compareTo(longest[retry]) > 0 ? delay : longest[retry];
                token = refreshed.token();
            }
            RetryToken spent = token;
            assertThrows(
                    TokenAcquisitionFailedException.class,
                    () -> strategy.refreshRetryToken(RefreshRetryTokenRequest.builder()
                            .token(spent)
                            .failure(SERVICE_UNAVAILABLE)
                            .build()),
                    "no ninth attempt");
        }
        for (int retry = 1; retry <= 7; retry++) {
            // Full jitter spreads delays over the whole range: in 300 draws, one lands in its upper half
            // (all missing it has a chance of 2^-300).
            assertTrue(
                    longest[retry].compareTo(cap(retry).dividedBy(2)) >= 0,
                    "retry " + retry + " never waited past half of " + cap(retry) + ": " + longest[retry]);
        }
        assertEquals(Duration.ofSeconds(20), cap(7));
    }
}
