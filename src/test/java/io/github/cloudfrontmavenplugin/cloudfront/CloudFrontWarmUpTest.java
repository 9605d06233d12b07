package io.github.cloudfrontmavenplugin.cloudfront;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontmavenplugin.aws.CannedHttpClient;
import io.github.cloudfrontmavenplugin.aws.DebugLog;
import io.github.cloudfrontmavenplugin.aws.RecordingCannedClient;
import io.github.cloudfrontmavenplugin.aws.Retries;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpRequest;

class CloudFrontWarmUpTest {
    @Test
    void theWarmUpMarshalsSignsAndUnmarshalsOneCreateInvalidationInMemory() {
        RecordingCannedClient canned = new RecordingCannedClient(CloudFrontWarmUp::answer);

        assertTrue(CloudFrontWarmUp.run(canned), "the canned answer was not read as a created invalidation");

        assertEquals(1, canned.requests.size());
        SdkHttpRequest sent = canned.requests.get(0);
        assertEquals("POST", sent.method().name());
        assertEquals("/2020-05-31/distribution/EWARMUP/invalidation", sent.encodedPath());
        assertEquals("cloudfront.amazonaws.com", sent.host(), "the production endpoint, resolved but never reached");
        String authorization = sent.firstMatchingHeader("Authorization").orElse("");
        assertTrue(authorization.startsWith("AWS4-HMAC-SHA256 Credential=AKIDWARMUP/"), authorization);
        assertTrue(canned.bodies.get(0).contains("<Path>/</Path>"), canned.bodies.get(0));
    }

    @Test
    void theWarmUpLogsNothingWhileARealRequestIsLoggedAtDebugLevel() throws IOException {
        DebugLog log = DebugLog.mark();

        assertTrue(CloudFrontWarmUp.run(new CannedHttpClient(CloudFrontWarmUp::answer)));
        CloudFrontApi real = new CloudFrontApi(
                new CannedHttpClient(CloudFrontWarmUp::answer),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDREAL", "real")),
                URI.create("https://cloudfront.amazonaws.com"),
                "us-east-1",
                Retries.DEFAULT);
        real.createInvalidation(Target.distribution("EREAL"), List.of("/index.html"), "real");

        String written = log.written();
        assertTrue(
                written.contains(
                        "CloudFront request: POST https://cloudfront.amazonaws.com/2020-05-31/distribution/EREAL/invalidation (attempt 1)"),
                written);
        for (String warmUp : List.of("EWARMUP", "IWARMUP", "AKIDWARMUP", "warm-up")) {
            assertFalse(written.contains(warmUp), "the warm-up shows in the debug log: " + written);
        }
        assertEquals(1, DebugLog.count(written, "CloudFront request: "), written);
        assertEquals(1, DebugLog.count(written, "CloudFront answered HTTP "), written);
        assertEquals(
                1,
                DebugLog.count(written, "Request attempt 1 token acquired"),
                "the SDK's retry strategy, once: " + written);
    }
}
