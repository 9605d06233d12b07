package io.github.cloudfrontmavenplugin.emulator.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontmavenplugin.emulator.CloudFrontEmulator;
import io.github.cloudfrontmavenplugin.emulator.EmulatorClients;
import io.github.cloudfrontmavenplugin.emulator.Fault;
import io.github.cloudfrontmavenplugin.emulator.RecordedRequest;
import io.github.cloudfrontmavenplugin.emulator.StoredInvalidation;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.AccessDeniedException;
import software.amazon.awssdk.services.cloudfront.model.CloudFrontException;
import software.amazon.awssdk.services.cloudfront.model.CreateInvalidationResponse;
import software.amazon.awssdk.services.cloudfront.model.DistributionSummary;
import software.amazon.awssdk.services.cloudfront.model.GetDistributionResponse;
import software.amazon.awssdk.services.cloudfront.model.InvalidArgumentException;
import software.amazon.awssdk.services.cloudfront.model.Invalidation;
import software.amazon.awssdk.services.cloudfront.model.InvalidationSummary;
import software.amazon.awssdk.services.cloudfront.model.ListInvalidationsResponse;
import software.amazon.awssdk.services.cloudfront.model.NoSuchDistributionException;
import software.amazon.awssdk.services.cloudfront.model.NoSuchInvalidationException;
import software.amazon.awssdk.services.cloudfront.model.TooManyInvalidationsInProgressException;

class CloudFrontEmulatorTest {
    private static final String DISTRIBUTION = CloudFrontEmulator.DISTRIBUTION_ID;

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-20T10:00:00Z"));
    private CloudFrontEmulator emulator;
    private CloudFrontClient client;

    @BeforeEach
    void start() throws IOException {
        emulator = CloudFrontEmulator.start(0, Duration.ofSeconds(30), now::get);
        client = EmulatorClients.cloudFront(emulator);
    }

    @AfterEach
    void stop() {
        client.close();
        emulator.close();
    }

    private CreateInvalidationResponse create(String reference, String... paths) {
        return client.createInvalidation(r -> r.distributionId(DISTRIBUTION)
                .invalidationBatch(b -> b.callerReference(reference)
                        .paths(p -> p.quantity(paths.length).items(paths))));
    }

    @Test
    void aRequestHeldUntilReleasedIsHandledOnlyOnceReleased() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        emulator.inject("CreateInvalidation", Fault.holdUntil(release));
        CompletableFuture<CreateInvalidationResponse> held = CompletableFuture.supplyAsync(() -> create("held", "/a"));

        emulator.awaitHeld("CreateInvalidation", 1);
        assertEquals(List.of(), emulator.invalidations(), "nothing is created while the request is held");
        assertFalse(held.isDone());
        release.countDown();

        assertEquals(
                "/a",
                held.get(1, TimeUnit.MINUTES)
                        .invalidation()
                        .invalidationBatch()
                        .paths()
                        .items()
                        .get(0));
        assertEquals(1, emulator.invalidations().size());
        assertThrows(
                IllegalArgumentException.class,
                () -> emulator.inject("CreateInvalidation", Fault.holdThenDrop(new CountDownLatch(1))));
    }

    @Test
    void createAnswers201WithLocationAndTheBatch() {
        CreateInvalidationResponse response = create("ref-1", "/index.html", "/img/*");

        Invalidation invalidation = response.invalidation();
        assertEquals("InProgress", invalidation.status());
        assertEquals(
                List.of("/index.html", "/img/*"),
                invalidation.invalidationBatch().paths().items());
        assertEquals("ref-1", invalidation.invalidationBatch().callerReference());
        assertEquals(now.get(), invalidation.createTime());
        assertTrue(invalidation.id().matches("I[A-Z0-9]{13}"), invalidation.id());
        assertEquals(
                emulator.endpoint() + "/2020-05-31/distribution/" + DISTRIBUTION + "/invalidation/" + invalidation.id(),
                response.location());
        assertEquals(201, emulator.requests("CreateInvalidation").get(0).status());
    }

    @Test
    void invalidationTurnsCompletedAfterTheDelay() {
        String id = create("ref-1", "/a").invalidation().id();

        now.set(now.get().plusSeconds(29));
        assertEquals("InProgress", get(id).status());
        now.set(now.get().plusSeconds(1));
        assertEquals("Completed", get(id).status());
        assertEquals(now.get(), emulator.firstReportedCompleted(id).orElseThrow());
    }

    private Invalidation get(String id) {
        return client.getInvalidation(r -> r.distributionId(DISTRIBUTION).id(id))
                .invalidation();
    }

    @Test
    void sameCallerReferenceAndPathsReturnsTheSameInvalidation() {
        String first = create("ref-1", "/a", "/b").invalidation().id();
        String second = create("ref-1", "/a", "/b").invalidation().id();

        assertEquals(first, second);
        assertEquals(1, emulator.invalidations().size());
    }

    @Test
    void sameCallerReferenceWithOtherPathsIsInvalidArgument() {
        create("ref-1", "/a");

        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> create("ref-1", "/b"));
        assertTrue(e.awsErrorDetails().errorMessage().contains("caller reference"), e.getMessage());
        assertEquals(400, e.statusCode());
    }

    @Test
    void newCallerReferenceCreatesANewInvalidation() {
        assertNotEquals(
                create("ref-1", "/a").invalidation().id(),
                create("ref-2", "/a").invalidation().id());
    }

    @Test
    void unknownDistributionIsNoSuchDistribution() {
        NoSuchDistributionException e = assertThrows(
                NoSuchDistributionException.class,
                () -> client.createInvalidation(r -> r.distributionId("EUNKNOWN")
                        .invalidationBatch(b ->
                                b.callerReference("r").paths(p -> p.quantity(1).items("/a")))));
        assertEquals(404, e.statusCode());
        assertEquals("NoSuchDistribution", e.awsErrorDetails().errorCode());
    }

    @Test
    void unknownInvalidationIsNoSuchInvalidation() {
        assertThrows(NoSuchInvalidationException.class, () -> get("INOPE"));
    }

    @Test
    void invalidPathsAreInvalidArgument() {
        for (String bad : List.of("no-slash", "/a*/b", "/with space", "/caf\u00e9", "/" + "a".repeat(4000))) {
            InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> create("r-" + bad, bad));
            assertTrue(e.getMessage().contains("invalid invalidation paths"), e.getMessage());
        }
        assertTrue(emulator.invalidations().isEmpty());
    }

    @Test
    void moreThanFifteenWildcardsInProgressIsRefused() {
        create("r1", IntStream.range(0, 15).mapToObj(i -> "/w" + i + "/*").toArray(String[]::new));

        assertThrows(TooManyInvalidationsInProgressException.class, () -> create("r2", "/one-more/*"));
        create("r3", "/named.html");
        now.set(now.get().plusSeconds(30));
        create("r4", "/one-more/*");
    }

    @Test
    void moreThan3000NamedPathsInProgressIsRefused() {
        create("r1", IntStream.range(0, 2000).mapToObj(i -> "/p" + i).toArray(String[]::new));

        assertThrows(
                TooManyInvalidationsInProgressException.class,
                () -> create(
                        "r2", IntStream.range(0, 1001).mapToObj(i -> "/q" + i).toArray(String[]::new)));
        create("r3", IntStream.range(0, 1000).mapToObj(i -> "/q" + i).toArray(String[]::new));
    }

    @Test
    void batchOfMoreThan3000PathsIsTooLarge() {
        CloudFrontException e = assertThrows(
                CloudFrontException.class,
                () -> create(
                        "r1", IntStream.range(0, 3001).mapToObj(i -> "/p" + i).toArray(String[]::new)));
        assertEquals("BatchTooLarge", e.awsErrorDetails().errorCode());
        assertEquals(413, e.statusCode());
    }

    @Test
    void listInvalidationsPagesNewestFirst() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(create("r" + i, "/p" + i).invalidation().id());
            now.set(now.get().plusSeconds(1));
        }

        List<String> listed = new ArrayList<>();
        String marker = null;
        int pages = 0;
        do {
            String m = marker;
            ListInvalidationsResponse page = client.listInvalidations(
                    r -> r.distributionId(DISTRIBUTION).maxItems("2").marker(m));
            page.invalidationList().items().stream()
                    .map(InvalidationSummary::id)
                    .forEach(listed::add);
            marker = page.invalidationList().isTruncated()
                    ? page.invalidationList().nextMarker()
                    : null;
            pages++;
        } while (marker != null);

        assertEquals(3, pages);
        assertEquals(List.of(created.get(4), created.get(3), created.get(2), created.get(1), created.get(0)), listed);
    }

    @Test
    void listsAndGetsDistributions() {
        emulator.addDistribution("E2SECOND", "docs.example.com");

        List<DistributionSummary> all = new ArrayList<>();
        String marker = null;
        do {
            String m = marker;
            var page = client.listDistributions(r -> r.maxItems("1").marker(m)).distributionList();
            all.addAll(page.items());
            marker = page.isTruncated() ? page.nextMarker() : null;
        } while (marker != null);

        assertEquals(
                List.of(DISTRIBUTION, "E2SECOND"),
                all.stream().map(DistributionSummary::id).toList());
        assertEquals(List.of("docs.example.com"), all.get(1).aliases().items());
        assertTrue(all.get(0).domainName().endsWith(".cloudfront.net"));

        create("r1", "/a");
        GetDistributionResponse distribution = client.getDistribution(r -> r.id(DISTRIBUTION));
        assertEquals(1, distribution.distribution().inProgressInvalidationBatches());
        assertFalse(distribution.eTag().isEmpty());
    }

    @Test
    void deniedActionIsAccessDenied() {
        emulator.deny("CreateInvalidation");

        AccessDeniedException e = assertThrows(AccessDeniedException.class, () -> create("r1", "/a"));
        assertEquals(403, e.statusCode());
        assertTrue(e.getMessage().contains("cloudfront:CreateInvalidation"), e.getMessage());
    }

    @Test
    void wrongSecretIsSignatureDoesNotMatch() {
        try (CloudFrontClient wrong = EmulatorClients.cloudFront(emulator, CloudFrontEmulator.ACCESS_KEY_ID, "nope")) {
            CloudFrontException e = assertThrows(
                    CloudFrontException.class,
                    () -> wrong.getInvalidation(
                            r -> r.distributionId(DISTRIBUTION).id("I1")));
            assertEquals("SignatureDoesNotMatch", e.awsErrorDetails().errorCode());
        }
    }

    @Test
    void unknownAccessKeyIsInvalidClientTokenId() {
        try (CloudFrontClient unknown = EmulatorClients.cloudFront(emulator, "AKIAUNKNOWN", "secret")) {
            CloudFrontException e = assertThrows(
                    CloudFrontException.class,
                    () -> unknown.getInvalidation(
                            r -> r.distributionId(DISTRIBUTION).id("I1")));
            assertEquals("InvalidClientTokenId", e.awsErrorDetails().errorCode());
        }
        assertEquals("AKIAUNKNOWN", emulator.requests().get(0).accessKeyId().orElseThrow());
    }

    @Test
    void signatureForAnotherRegionIsRefused() {
        emulator.signingRegion("cn-northwest-1");

        CloudFrontException e =
                assertThrows(CloudFrontException.class, () -> client.getDistribution(r -> r.id(DISTRIBUTION)));

        assertEquals("SignatureDoesNotMatch", e.awsErrorDetails().errorCode());
        assertTrue(e.getMessage().contains("'us-east-1'"), e.getMessage());
    }

    @Test
    void signatureMadeMoreThanFifteenMinutesBeforeTheServiceClockHasExpired() {
        emulator.clockOffBy(Duration.ofMinutes(20));

        CloudFrontException e =
                assertThrows(CloudFrontException.class, () -> client.getDistribution(r -> r.id(DISTRIBUTION)));

        assertEquals(403, e.statusCode());
        assertEquals("SignatureDoesNotMatch", e.awsErrorDetails().errorCode());
        assertTrue(e.awsErrorDetails().errorMessage().startsWith("Signature expired: "), e.getMessage());
    }

    @Test
    void signatureWithinFifteenMinutesOfTheServiceClockIsAccepted() {
        emulator.clockOffBy(Duration.ofMinutes(-14));

        assertEquals(
                DISTRIBUTION,
                client.getDistribution(r -> r.id(DISTRIBUTION)).distribution().id());
    }

    @Test
    void anyModelledErrorCodeCanBeInjectedWithItsStatus() {
        emulator.inject(
                "CreateInvalidation",
                Fault.error("InvalidationBatchAlreadyExists", "The batch already exists with other paths."));

        CloudFrontException e = assertThrows(CloudFrontException.class, () -> create("ref-1", "/a"));

        assertEquals(409, e.statusCode());
        assertEquals("InvalidationBatchAlreadyExists", e.awsErrorDetails().errorCode());
        assertTrue(emulator.invalidations().isEmpty());
    }

    @Test
    void unsignedRequestIsRefused() throws Exception {
        HttpResponse<String> response = raw("GET", "/2020-05-31/distribution/" + DISTRIBUTION, null);

        assertEquals(403, response.statusCode());
        assertTrue(response.body().contains("<Code>MissingAuthenticationToken</Code>"), response.body());
        assertTrue(response.body().startsWith("<?xml"), response.body());
        assertTrue(
                response.body().contains("<ErrorResponse xmlns=\"http://cloudfront.amazonaws.com/doc/2020-05-31/\">"));
    }

    @Test
    void requestSignedForAnotherServiceIsRefused() throws Exception {
        HttpResponse<String> response = raw(
                "GET",
                "/2020-05-31/distribution/" + DISTRIBUTION,
                "AWS4-HMAC-SHA256 Credential=" + CloudFrontEmulator.ACCESS_KEY_ID
                        + "/20261120/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature="
                        + "0".repeat(64));

        assertEquals(403, response.statusCode());
        assertTrue(response.body().contains("correct service: 'cloudfront'"), response.body());
    }

    private HttpResponse<String> raw(String method, String path, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.endpoint() + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("X-Amz-Date", "20261120T100000Z");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRetryOfAHeldRequestIsNotCountedAsOneMoreInFlight() throws Exception {
        // A client that gave up on a held request resends it with the same SDK invocation ID: still one request, so
        // the hold for two is not released by it, and one is in flight. The short timeout only ends the test.
        emulator.inject(
                "CreateInvalidation",
                new Fault.HoldUntilInFlight(2, Duration.ofSeconds(2)),
                new Fault.HoldUntilInFlight(2, Duration.ofSeconds(2)));
        CompletableFuture<HttpResponse<String>> first = sendAsInvocation("invocation-1");
        while (emulator.mostInFlight("CreateInvalidation") == 0) {
            Thread.sleep(10);
        }

        sendAsInvocation("invocation-1").get();
        first.get();

        assertEquals(1, emulator.mostInFlight("CreateInvalidation"));
    }

    private CompletableFuture<HttpResponse<String>> sendAsInvocation(String invocationId) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(emulator.endpoint() + "/2020-05-31/distribution/" + DISTRIBUTION + "/invalidation"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .header("amz-sdk-invocation-id", invocationId)
                .build();
        return HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void throttlingIsRetriedByTheSdk() {
        emulator.inject("CreateInvalidation", Fault.throttling());

        create("r1", "/a");

        List<RecordedRequest> requests = emulator.requests("CreateInvalidation");
        assertEquals(2, requests.size());
        assertEquals("Throttling", requests.get(0).errorCode().orElseThrow());
        assertEquals(400, requests.get(0).status());
        assertEquals(
                List.of(1, 2), requests.stream().map(RecordedRequest::attempt).toList());
        assertEquals(1, emulator.invalidations().size());
    }

    @Test
    void serverErrorsAreRetriedByTheSdk() {
        emulator.inject("GetInvalidation", Fault.serverError(503), Fault.serverError(500));
        String id = create("r1", "/a").invalidation().id();

        assertEquals(id, get(id).id());
        assertEquals(
                List.of(503, 500, 200),
                emulator.requests("GetInvalidation").stream()
                        .map(RecordedRequest::status)
                        .toList());
    }

    @Test
    void droppedConnectionAfterCommitLeavesOneInvalidationWhenTheRetryReusesTheReference() {
        emulator.inject("CreateInvalidation", Fault.dropConnectionAfterCommit());

        String id = create("r1", "/a").invalidation().id();

        List<RecordedRequest> requests = emulator.requests("CreateInvalidation");
        assertEquals(
                List.of(0, 201), requests.stream().map(RecordedRequest::status).toList());
        assertEquals(
                List.of(id),
                emulator.invalidations().stream().map(StoredInvalidation::id).toList());
    }

    @Test
    void droppedConnectionFailsTheCallWhenRetriesRunOut() {
        emulator.inject(
                "GetInvalidation",
                Fault.dropConnectionBeforeCommit(),
                Fault.dropConnectionBeforeCommit(),
                Fault.dropConnectionBeforeCommit());
        try (CloudFrontClient once = CloudFrontClient.builder()
                .region(software.amazon.awssdk.regions.Region.AWS_GLOBAL)
                .endpointOverride(URI.create(emulator.endpoint()))
                .credentialsProvider(() -> software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(
                        CloudFrontEmulator.ACCESS_KEY_ID, CloudFrontEmulator.SECRET_ACCESS_KEY))
                .overrideConfiguration(o -> o.retryStrategy(s -> s.maxAttempts(1)))
                .build()) {
            assertThrows(
                    SdkClientException.class,
                    () -> once.getInvalidation(
                            r -> r.distributionId(DISTRIBUTION).id("I1")));
        }
    }

    @Test
    void delayFaultDelaysTheAnswer() {
        emulator.inject("GetInvalidation", Fault.delay(Duration.ofMillis(300)));
        String id = create("r1", "/a").invalidation().id();

        long start = System.nanoTime();
        get(id);
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(300).toNanos());
    }

    @Test
    void mismatchedQuantityIsInconsistentQuantities() throws Exception {
        HttpResponse<String> response = signedRaw(
                "POST",
                "/2020-05-31/distribution/" + DISTRIBUTION + "/invalidation",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><InvalidationBatch xmlns=\"http://cloudfront.amazonaws.com/doc/2020-05-31/\">"
                        + "<Paths><Quantity>2</Quantity><Items><Path>/a</Path></Items></Paths>"
                        + "<CallerReference>r</CallerReference></InvalidationBatch>");

        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("<Code>InconsistentQuantities</Code>"), response.body());
    }

    @Test
    void emptyBodyIsMissingBody() throws Exception {
        HttpResponse<String> response =
                signedRaw("POST", "/2020-05-31/distribution/" + DISTRIBUTION + "/invalidation", "");

        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("<Code>MissingBody</Code>"), response.body());
    }

    /** Signs a hand-made request with the emulator's own verifier rules, via the SDK's signer. */
    private HttpResponse<String> signedRaw(String method, String path, String body) throws Exception {
        software.amazon.awssdk.http.SdkHttpFullRequest unsigned =
                software.amazon.awssdk.http.SdkHttpFullRequest.builder()
                        .method(software.amazon.awssdk.http.SdkHttpMethod.fromValue(method))
                        .uri(URI.create(emulator.endpoint() + path))
                        .putHeader("Content-Type", "application/xml")
                        .contentStreamProvider(() -> new java.io.ByteArrayInputStream(
                                body.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .build();
        var signed = software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner.create()
                .sign(r -> r.identity(software.amazon.awssdk.identity.spi.AwsCredentialsIdentity.create(
                                CloudFrontEmulator.ACCESS_KEY_ID, CloudFrontEmulator.SECRET_ACCESS_KEY))
                        .request(unsigned)
                        .payload(unsigned.contentStreamProvider().orElseThrow())
                        .putProperty(
                                software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner.SERVICE_SIGNING_NAME,
                                "cloudfront")
                        .putProperty(
                                software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner.REGION_NAME, "us-east-1"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.endpoint() + path))
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        signed.request().headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(v -> request.header(name, v));
            }
        });
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
