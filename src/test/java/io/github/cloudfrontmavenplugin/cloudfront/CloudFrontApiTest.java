package io.github.cloudfrontmavenplugin.cloudfront;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontmavenplugin.aws.Retries;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;

/**
 * What {@link CloudFrontApi} does beyond one request and its answer (which {@link CloudFrontApiConformanceTest} holds
 * to the SDK's): a small skew left alone, the endpoint's path, an interrupted backoff.
 */
class CloudFrontApiTest {
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret"));
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private static final String CREATED = "<?xml version=\"1.0\"?>"
            + "<Invalidation xmlns=\"http://cloudfront.amazonaws.com/doc/2020-05-31/\"><Id>I1</Id>"
            + "<Status>InProgress</Status><CreateTime>2026-12-01T00:00:00Z</CreateTime><InvalidationBatch>"
            + "<Paths><Quantity>1</Quantity><Items><Path>/a</Path></Items></Paths>"
            + "<CallerReference>r1</CallerReference></InvalidationBatch></Invalidation>";

    /** Answers each request by the next function in line, given the request; records what was sent. */
    private static final class Scripted implements SdkHttpClient {
        final List<SdkHttpRequest> sent = new ArrayList<>();
        final Deque<Function<SdkHttpRequest, Canned>> answers;

        @SafeVarargs
        Scripted(Function<SdkHttpRequest, Canned>... answers) {
            this.answers = new ArrayDeque<>(List.of(answers));
        }

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() {
                    sent.add(request.httpRequest());
                    Canned canned = answers.removeFirst().apply(request.httpRequest());
                    SdkHttpResponse.Builder response = SdkHttpResponse.builder().statusCode(canned.status);
                    canned.headers.forEach(h -> response.putHeader(h[0], h[1]));
                    byte[] body = canned.body.getBytes(StandardCharsets.UTF_8);
                    return HttpExecuteResponse.builder()
                            .response(response.putHeader("Content-Length", Integer.toString(body.length))
                                    .build())
                            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)))
                            .build();
                }

                @Override
                public void abort() {}
            };
        }

        @Override
        public void close() {}
    }

    private record Canned(int status, List<String[]> headers, String body) {}

    private static Function<SdkHttpRequest, Canned> created() {
        return request -> new Canned(201, List.of(), CREATED);
    }

    /** CloudFront refusing a signature 20 minutes behind its clock, and saying in Date what its clock says. */
    private static Function<SdkHttpRequest, Canned> signatureExpired(Instant awsNow) {
        return request -> new Canned(
                403,
                List.<String[]>of(
                        new String[] {"Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(awsNow.atZone(ZoneOffset.UTC))
                        }),
                "<ErrorResponse xmlns=\"http://cloudfront.amazonaws.com/doc/2020-05-31/\"><Error><Type>Sender</Type>"
                        + "<Code>SignatureDoesNotMatch</Code><Message>Signature expired: is now earlier than ...</Message>"
                        + "</Error><RequestId>req-1</RequestId></ErrorResponse>");
    }

    private static Instant signedAt(SdkHttpRequest request) {
        return AMZ_DATE.parse(request.firstMatchingHeader("X-Amz-Date").orElseThrow(), Instant::from);
    }

    private static final Retries QUICK = new Retries(3, Duration.ofMillis(1), Duration.ofMillis(1));

    @Test
    void aSignatureRefusedWithinAFewSecondsOfCloudFrontsClockIsNotRetried() {
        // CloudFront's Date 30 s after the signing time: not a skew the SDK corrects, so the refusal stands at once.
        Function<SdkHttpRequest, Canned> refusal =
                request -> signatureExpired(signedAt(request).plusSeconds(30)).apply(request);
        Scripted ours = new Scripted(refusal, refusal, refusal);
        CloudFrontApi api = new CloudFrontApi(
                ours, CREDENTIALS, URI.create("https://cloudfront.amazonaws.com"), "us-east-1", QUICK);

        SdkException refused = assertThrows(
                SdkException.class, () -> api.createInvalidation(Target.distribution("E1"), List.of("/a"), "r1"));

        assertTrue(refused.getMessage().contains("Signature expired"), refused.getMessage());
        assertEquals(1, ours.sent.size(), "attempts");
    }

    @Test
    void requestsGoBelowThePathOfTheEndpointAsTheSdksDo() {
        Scripted ours = new Scripted(created());
        Scripted sdks = new Scripted(created());
        URI endpoint = URI.create("http://localhost:4566/cloudfront/");

        new CloudFrontApi(ours, CREDENTIALS, endpoint, "us-east-1", QUICK)
                .createInvalidation(Target.distribution("E1"), List.of("/a"), "r1");
        try (CloudFrontClient sdk = CloudFrontClient.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(endpoint)
                .httpClient(sdks)
                .credentialsProvider(CREDENTIALS)
                .build()) {
            sdk.createInvalidation(r -> r.distributionId("E1")
                    .invalidationBatch(b ->
                            b.callerReference("r1").paths(p -> p.quantity(1).items("/a"))));
        }

        assertEquals(
                "/cloudfront/2020-05-31/distribution/E1/invalidation",
                ours.sent.get(0).encodedPath());
        assertEquals(sdks.sent.get(0).encodedPath(), ours.sent.get(0).encodedPath());
        assertEquals(sdks.sent.get(0).port(), ours.sent.get(0).port());
    }

    @Test
    void anInterruptDuringTheBackoffEndsTheCallWithoutAnotherAttempt() {
        Scripted ours = new Scripted(
                request -> new Canned(
                        503,
                        List.of(),
                        "<ErrorResponse><Error><Code>ServiceUnavailable</Code><Message>try again</Message></Error></ErrorResponse>"));
        CloudFrontApi api = new CloudFrontApi(
                ours,
                CREDENTIALS,
                URI.create("https://cloudfront.amazonaws.com"),
                "us-east-1",
                new Retries(3, Duration.ofSeconds(30), Duration.ofSeconds(30)));

        Thread.currentThread().interrupt();
        try {
            assertThrows(
                    AbortedException.class,
                    () -> api.createInvalidation(Target.distribution("E1"), List.of("/a"), "r1"));
            assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
        } finally {
            Thread.interrupted();
        }
        assertEquals(1, ours.sent.size());
    }
}
