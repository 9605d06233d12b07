package io.github.cloudfrontmavenplugin.cloudfront;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.AcquireInitialTokenResponse;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RecordSuccessResponse;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;
import software.amazon.awssdk.utils.IoUtils;
import software.amazon.awssdk.utils.Logger;

/**
 * Runs the plugin's CloudFront code once, answered in memory, for {@link BuildStartWarmUp}: one CreateInvalidation is
 * written, signed with made-up keys by the SDK's signer and read from a canned answer. Nothing leaves the JVM. Its
 * worth is the classes it loads and the call sites it links (signer, XML writer and reader), which the real call then
 * finds done. It logs nothing at any level: a line about its request would show, in a {@code -X} log, a request that
 * was never sent; so its {@link CloudFrontApi} is a silent one, with a retry strategy of one attempt that logs nothing
 * either (the SDK's logs each token it hands out).
 */
final class CloudFrontWarmUp {
    private static final Logger LOG = Logger.loggerFor(CloudFrontWarmUp.class);

    /** Once per class realm: the classes stay loaded for the rest of the build. */
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private static final String INVALIDATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<Invalidation xmlns=\"http://cloudfront.amazonaws.com/doc/2020-05-31/\"><Id>IWARMUP</Id>"
            + "<Status>InProgress</Status><CreateTime>2026-01-01T00:00:00.000Z</CreateTime><InvalidationBatch>"
            + "<Paths><Quantity>1</Quantity><Items><Path>/</Path></Items></Paths>"
            + "<CallerReference>warm-up</CallerReference></InvalidationBatch></Invalidation>";

    private CloudFrontWarmUp() {}

    /**
     * Runs the warm-up unless it ran before in this realm; any failure is logged at debug level and ignored.
     *
     * @return whether it ran now
     */
    static boolean once() {
        if (!STARTED.compareAndSet(false, true)) {
            return false;
        }
        return run(new CannedAnswer());
    }

    /** @return whether the canned answer was unmarshalled as a created invalidation */
    static boolean run(SdkHttpClient canned) {
        try {
            CloudFrontApi api = new CloudFrontApi(
                    canned,
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDWARMUP", "warm-up")),
                    URI.create("https://cloudfront.amazonaws.com"),
                    "us-east-1",
                    new OneSilentAttempt(),
                    false);
            String id = api.createInvalidation(Target.distribution("EWARMUP"), List.of("/"), "warm-up")
                    .id();
            return "IWARMUP".equals(id);
        } catch (RuntimeException e) {
            LOG.debug(() -> "The warm-up of the CloudFront code failed; the goal loads it when it sends.", e);
            return false;
        }
    }

    /** One attempt, no retry, and no log line: the SDK's strategies log every token they hand out. */
    private static final class OneSilentAttempt implements RetryStrategy {
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

    /** Answers every request with a created invalidation, after reading its body as a real client would. */
    static class CannedAnswer implements SdkHttpClient {
        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() {
                    request.contentStreamProvider().ifPresent(body -> {
                        try (InputStream in = body.newStream()) {
                            IoUtils.drainInputStream(in);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                    byte[] answer = INVALIDATION.getBytes(StandardCharsets.UTF_8);
                    return HttpExecuteResponse.builder()
                            .response(SdkHttpResponse.builder()
                                    .statusCode(201)
                                    .putHeader("Content-Type", "text/xml")
                                    .putHeader("Content-Length", Integer.toString(answer.length))
                                    .putHeader(
                                            "Location",
                                            "https://cloudfront.amazonaws.com/2020-05-31/distribution/EWARMUP/"
                                                    + "invalidation/IWARMUP")
                                    .build())
                            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(answer)))
                            .build();
                }

                @Override
                public void abort() {}
            };
        }

        @Override
        public String clientName() {
            return "WarmUp";
        }

        @Override
        public void close() {}
    }
}
