package io.github.cloudfrontmavenplugin.aws;

import java.time.Duration;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.AcquireInitialTokenResponse;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RecordSuccessResponse;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;

/**
 * One attempt, no retry, and no log line, for the warm-ups' calls answered in memory: the SDK's strategies log every
 * token they hand out, which in a {@code -X} log would show a request that was never sent.
 */
public final class OneSilentAttempt implements RetryStrategy {
    private static final RetryToken TOKEN = new RetryToken() {};

    @Override
    public AcquireInitialTokenResponse acquireInitialToken(AcquireInitialTokenRequest request) {
        return AcquireInitialTokenResponse.create(TOKEN, Duration.ZERO);
    }

    @Override
    public RefreshRetryTokenResponse refreshRetryToken(RefreshRetryTokenRequest request) {
        throw new TokenAcquisitionFailedException("the warm-up makes one attempt", TOKEN, request.failure());
    }

    @Override
    public RecordSuccessResponse recordSuccess(RecordSuccessRequest request) {
        return RecordSuccessResponse.create(request.token());
    }

    @Override
    public int maxAttempts() {
        return 1;
    }

    @Override
    public Builder<?, ?> toBuilder() {
        throw new UnsupportedOperationException("the warm-up's strategy is not configurable");
    }
}
