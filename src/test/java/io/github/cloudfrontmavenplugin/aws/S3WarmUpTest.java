package io.github.cloudfrontmavenplugin.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpRequest;

class S3WarmUpTest {
    @Test
    void theWarmUpSendsSyncsCallsThroughThePluginsOwnClientAndReadsEachAnswer() {
        RecordingCannedClient canned = new RecordingCannedClient(S3WarmUp::answer);

        assertTrue(S3WarmUp.run(canned), "an answer was not read as S3's, or a call went to the generated client");

        assertEquals(
                List.of(
                        "PUT /index.html",
                        "GET /index.html",
                        "HEAD /index.html",
                        "GET ?delimiter=%2F&list-type=2&prefix=",
                        "POST ?delete",
                        "DELETE /manifest.txt.lock"),
                canned.requests.stream()
                        .map(r -> r.method() + " " + r.encodedPath()
                                + r.encodedQueryParameters().map(q -> "?" + q).orElse(""))
                        .toList());
        for (SdkHttpRequest sent : canned.requests) {
            assertEquals(
                    "cloudfront-warm-up.s3.us-east-1.amazonaws.com",
                    sent.host(),
                    "S3's endpoint from the SDK's rules, resolved but never reached");
            String authorization = sent.firstMatchingHeader("Authorization").orElse("");
            assertTrue(authorization.startsWith("AWS4-HMAC-SHA256 Credential=AKIDWARMUP/"), authorization);
        }
        SdkHttpRequest put = canned.requests.get(0);
        assertEquals("*", put.firstMatchingHeader("If-None-Match").orElse(""));
        assertEquals(
                "ND/HsnwblmtiOqSDyIAhDA==",
                put.firstMatchingHeader("Content-MD5").orElse(""));
        assertTrue(canned.requests.get(5).firstMatchingHeader("If-Match").isPresent());
    }

    @Test
    void theWarmUpLogsNothingWhileARealRequestIsLoggedAtDebugLevel() throws IOException {
        DebugLog log = DebugLog.mark();

        assertTrue(S3WarmUp.run(new CannedHttpClient(S3WarmUp::answer)));
        S3Api.Address address =
                new S3Api.Address(URI.create("https://real-bucket.s3.amazonaws.com"), "s3", "us-east-1");
        S3Api real = new S3Api(
                new CannedHttpClient(S3WarmUp::answer),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDREAL", "real")),
                S3Api.Addressing.fixed(address),
                "us-east-1",
                Retries.DEFAULT.strategy(),
                () -> {
                    throw new IllegalStateException("not in this test");
                });
        real.headObject(r -> r.bucket("real-bucket").key("real.html"));

        String written = log.written();
        assertTrue(
                written.contains("S3 request: HEAD https://real-bucket.s3.amazonaws.com/real.html (attempt 1)"),
                written);
        for (String warmUp : List.of("cloudfront-warm-up", "AKIDWARMUP", "warm-up")) {
            assertFalse(written.contains(warmUp), "the warm-up shows in the debug log: " + written);
        }
        assertEquals(1, DebugLog.count(written, "S3 request: "), written);
        assertEquals(1, DebugLog.count(written, "S3 answered HTTP "), written);
        assertEquals(
                1,
                DebugLog.count(written, "Request attempt 1 token acquired"),
                "the SDK's retry strategy, once: " + written);
    }
}
