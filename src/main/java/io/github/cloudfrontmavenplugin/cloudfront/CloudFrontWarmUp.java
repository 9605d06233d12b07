package io.github.cloudfrontmavenplugin.cloudfront;

import io.github.cloudfrontmavenplugin.aws.Retries;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.utils.IoUtils;
import software.amazon.awssdk.utils.Logger;

/**
 * Runs the AWS SDK's CloudFront code once, answered in memory: a client is built and one CreateInvalidation is
 * marshalled, signed with made-up keys and unmarshalled from a canned answer. Nothing leaves the JVM. Its worth is the
 * classes it loads and the call sites it links, about a second of one thread on a CI runner, which the real client
 * then finds done. (The SDK's own {@code SdkWarmUp} also calls {@code sts.<region>.amazonaws.com}, so it is not used.)
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
            LOG.debug(() -> "The AWS SDK's CloudFront code was loaded earlier in this class realm.");
            return false;
        }
        return run(new CannedAnswer());
    }

    /** @return whether the canned answer was unmarshalled as a created invalidation */
    static boolean run(SdkHttpClient canned) {
        LOG.debug(() -> "Loading the AWS SDK's CloudFront code on a background thread: one CreateInvalidation,"
                + " answered in memory; nothing is sent.");
        try (CloudFrontClient client = CloudFrontClient.builder()
                .region(Region.AWS_GLOBAL)
                .httpClient(canned)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDWARMUP", "warm-up")))
                .overrideConfiguration(o -> o.retryStrategy(Retries.DEFAULT.strategy()))
                .build()) {
            String id = client.createInvalidation(r -> r.distributionId("EWARMUP")
                            .invalidationBatch(b -> b.callerReference("warm-up")
                                    .paths(p -> p.quantity(1).items("/"))))
                    .invalidation()
                    .id();
            return "IWARMUP".equals(id);
        } catch (RuntimeException e) {
            LOG.debug(() -> "The warm-up of the AWS SDK failed; the plugin goes on without it.", e);
            return false;
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
