package io.github.cloudfrontmavenplugin.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** One explanation of S3's failures, for the manifest's store and a sync's bucket alike. */
class S3FailuresTest {
    private final S3Failures failures = S3Failures.of("www", Optional.empty(), "<bucket> (cloudfront.bucket)");

    private static S3Exception answered(int status, String code, String message) {
        return (S3Exception) S3Exception.builder()
                .statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode(code)
                        .errorMessage(message)
                        .build())
                .build();
    }

    @Test
    void accessDeniedNamesThePermissionToAllow() {
        assertEquals(
                "HTTP 403 AccessDenied: Access Denied. Allow s3:ListBucket on arn:aws:s3:::www to the identity the"
                        + " build runs as.",
                failures.explain(answered(403, "AccessDenied", "Access Denied"), "s3:ListBucket on arn:aws:s3:::www"));
    }

    @Test
    void aMissingBucketNamesTheParameterThatNamedIt() {
        assertEquals(
                "the bucket 'www' does not exist (NoSuchBucket). Check <bucket> (cloudfront.bucket).",
                failures.explain(answered(404, "NoSuchBucket", "The specified bucket does not exist"), "x"));
    }

    @Test
    void aClockOffAndAProxyWantingCredentialsAreExplained() {
        assertTrue(failures.explain(answered(403, "RequestTimeTooSkewed", "The difference is too large"), "x")
                .startsWith("S3 refused the request because it was signed more than 15 minutes away"));
        assertTrue(failures.explain(answered(407, "", "Proxy Authentication Required"), "x")
                .startsWith("The proxy refused the connection to S3 (HTTP 407"));
    }

    @Test
    void tlsFailuresNameTheHost() {
        SdkClientException tls = SdkClientException.create(
                "Unable to execute HTTP request", new SSLHandshakeException("PKIX path building failed"));
        assertTrue(failures.explain(tls, "x").startsWith("TLS to www.s3.amazonaws.com failed"));
        assertTrue(S3Failures.of("www", Optional.of(URI.create("http://localhost:9000")), "p")
                .explain(tls, "x")
                .startsWith("TLS to localhost failed"));
    }

    @Test
    void anythingElseIsS3sAnswerInOneSentence() {
        assertEquals(
                "HTTP 500 InternalError: We encountered an internal error.",
                failures.explain(answered(500, "InternalError", "We encountered an internal error"), "x"));
        assertEquals("Connection refused.", failures.explain(new IOException("Connection refused"), "x"));
        assertEquals(
                "HTTP 403 AccessDenied: Access Denied",
                S3Failures.answer(answered(403, "AccessDenied", "Access Denied")));
    }
}
