package io.github.cloudfrontmavenplugin.cloudfront;

import io.github.cloudfrontmavenplugin.aws.Retries;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
import software.amazon.awssdk.utils.IoUtils;
import software.amazon.awssdk.utils.Logger;

/**
 * Runs the plugin's CloudFront code once, answered in memory: one CreateInvalidation is written, signed with made-up
 * keys by the SDK's signer, passed through its retry strategy and read from a canned answer. Nothing leaves the JVM.
 * Its worth is the classes it loads and the call sites it links (signer, retry strategy, XML reader), which the real
 * call then finds done.
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
            LOG.debug(() -> "The plugin's CloudFront code was loaded earlier in this class realm.");
            return false;
        }
        return run(new CannedAnswer());
    }

    /** @return whether the canned answer was unmarshalled as a created invalidation */
    static boolean run(SdkHttpClient canned) {
        LOG.debug(() -> "Loading the plugin's CloudFront code on a background thread: one CreateInvalidation,"
                + " answered in memory; nothing is sent.");
        try {
            CloudFrontApi api = new CloudFrontApi(
                    canned,
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDWARMUP", "warm-up")),
                    URI.create("https://cloudfront.amazonaws.com"),
                    "us-east-1",
                    Retries.DEFAULT);
            String id = api.createInvalidation(Target.distribution("EWARMUP"), List.of("/"), "warm-up")
                    .id();
            return "IWARMUP".equals(id);
        } catch (RuntimeException e) {
            LOG.debug(() -> "The warm-up of the CloudFront code failed; the plugin goes on without it.", e);
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
