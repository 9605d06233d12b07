package io.github.cloudfrontmavenplugin.cloudfront;

import io.github.cloudfrontmavenplugin.aws.CannedHttpClient;
import io.github.cloudfrontmavenplugin.aws.OneSilentAttempt;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.utils.Logger;

/**
 * Runs the plugin's CloudFront code once, answered in memory, for the build-start warm-up: one CreateInvalidation is
 * written, signed with made-up keys by the SDK's signer and read from a canned answer. Nothing leaves the JVM. Its
 * worth is the classes it loads and the call sites it links (signer, XML writer and reader), which the real call then
 * finds done. It logs nothing at any level: a line about its request would show, in a {@code -X} log, a request that
 * was never sent; so its {@link CloudFrontApi} is a silent one, with a retry strategy of one attempt that logs nothing
 * either (the SDK's logs each token it hands out).
 */
public final class CloudFrontWarmUp {
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
    public static boolean once() {
        if (!STARTED.compareAndSet(false, true)) {
            return false;
        }
        return run(new CannedHttpClient(CloudFrontWarmUp::answer));
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

    /** A created invalidation, whatever was asked. */
    static CannedHttpClient.Answer answer(SdkHttpRequest request) {
        return new CannedHttpClient.Answer(
                201,
                Map.of(
                        "Content-Type",
                        "text/xml",
                        "Location",
                        "https://cloudfront.amazonaws.com/2020-05-31/distribution/EWARMUP/invalidation/IWARMUP"),
                INVALIDATION.getBytes(StandardCharsets.UTF_8));
    }
}
