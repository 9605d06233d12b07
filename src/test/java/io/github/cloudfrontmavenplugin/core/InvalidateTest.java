package io.github.cloudfrontmavenplugin.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontmavenplugin.RecordingProgress;
import io.github.cloudfrontmavenplugin.cloudfront.InvalidationInfo;
import io.github.cloudfrontmavenplugin.emulator.CloudFrontEmulator;
import io.github.cloudfrontmavenplugin.emulator.Fault;
import io.github.cloudfrontmavenplugin.emulator.RecordedRequest;
import io.github.cloudfrontmavenplugin.emulator.StoredInvalidation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

class InvalidateTest {
    private static final String DISTRIBUTION = CloudFrontEmulator.DISTRIBUTION_ID;

    @TempDir
    Path dir;

    private EmulatedCloudFront cloudFront;
    private CloudFrontEmulator emulator;
    private final RecordingProgress progress = new RecordingProgress();
    private final SplittableRandom random = new SplittableRandom(7);

    @BeforeEach
    void start() throws Exception {
        cloudFront = new EmulatedCloudFront(Duration.ofSeconds(10));
        emulator = cloudFront.emulator;
    }

    @AfterEach
    void stop() {
        cloudFront.close();
    }

    private Invalidate invalidate(Connector connector) {
        return new Invalidate(connector, cloudFront.time, random, Map.<String, String>of()::get, progress);
    }

    private Optional<InvalidationInfo> run(InvalidateRequest request) throws Exception {
        return invalidate(Connector.AWS_SDK).run(request);
    }

    private InvalidateRequest request(List<String> paths) {
        return new InvalidateRequest(
                DISTRIBUTION,
                paths,
                Optional.empty(),
                Optional.empty(),
                "site",
                WaitSettings.NO_WAIT,
                Duration.ofSeconds(300),
                false,
                Optional.empty(),
                cloudFront.connection);
    }

    private static InvalidateRequest with(InvalidateRequest r, WaitSettings waiting) {
        return new InvalidateRequest(
                r.distributionId(),
                r.paths(),
                r.batchFile(),
                r.callerReference(),
                r.referenceOrigin(),
                waiting,
                r.inProgressRetryTimeout(),
                r.dryRun(),
                r.outputFile(),
                r.connection());
    }

    private static final Connector NEVER = settings -> {
        throw new AssertionError("no connection to CloudFront was expected");
    };

    @Test
    void createsOneInvalidationOfTheNormalisedPaths() throws Exception {
        InvalidationInfo created = run(request(List.of("index.html", "/caf\u00e9 menu.html", "/index.html", "/img/*")))
                .orElseThrow();

        List<StoredInvalidation> stored = emulator.invalidations();
        assertEquals(1, stored.size());
        assertEquals(
                List.of("/index.html", "/caf%C3%A9%20menu.html", "/img/*"),
                stored.get(0).paths());
        assertEquals(stored.get(0).id(), created.id());
        assertTrue(
                stored.get(0).callerReference().startsWith("mvn-site-20261120T100000Z-"),
                stored.get(0).callerReference());
        assertEquals(
                List.of(
                        "Created invalidation " + created.id() + " on distribution " + DISTRIBUTION
                                + " for 3 paths (InProgress)",
                        "Location: " + emulator.endpoint() + "/2020-05-31/distribution/" + DISTRIBUTION
                                + "/invalidation/" + created.id()),
                progress.info);
    }

    @Test
    void everyRetryOfTheRequestSendsTheSameCallerReference() throws Exception {
        emulator.inject("CreateInvalidation", Fault.throttling(), Fault.serverError(503));

        run(request(List.of("/a")));

        List<RecordedRequest> requests = emulator.requests("CreateInvalidation");
        assertEquals(
                List.of(400, 503, 201),
                requests.stream().map(RecordedRequest::status).toList());
        assertEquals(1, requests.stream().map(RecordedRequest::body).distinct().count());
        assertEquals(1, emulator.invalidations().size());
    }

    @Test
    void lostResponseCreatesExactlyOneInvalidation() throws Exception {
        emulator.inject("CreateInvalidation", Fault.dropConnectionAfterCommit(), Fault.dropConnectionAfterCommit());

        InvalidationInfo created = run(request(List.of("/a", "/b"))).orElseThrow();

        assertEquals(
                List.of(0, 0, 201),
                emulator.requests("CreateInvalidation").stream()
                        .map(RecordedRequest::status)
                        .toList());
        assertEquals(
                List.of(created.id()),
                emulator.invalidations().stream().map(StoredInvalidation::id).toList());
    }

    @Test
    void twoRunsWithTheSamePathsCreateTwoInvalidations() throws Exception {
        Invalidate first = new Invalidate(
                Connector.AWS_SDK,
                cloudFront.time,
                java.util.random.RandomGenerator.getDefault(),
                Map.<String, String>of()::get,
                progress);
        String a = first.run(request(List.of("/a"))).orElseThrow().id();
        String b = first.run(request(List.of("/a"))).orElseThrow().id();

        assertNotEquals(a, b);
        assertEquals(2, emulator.invalidations().size());
    }

    @Test
    void aGivenCallerReferenceIsSentAsIs() throws Exception {
        InvalidateRequest r = request(List.of("/a"));
        run(new InvalidateRequest(
                DISTRIBUTION,
                r.paths(),
                Optional.empty(),
                Optional.of(" release-42 "),
                "site",
                r.waiting(),
                r.inProgressRetryTimeout(),
                false,
                Optional.empty(),
                r.connection()));

        assertEquals("release-42", emulator.invalidations().get(0).callerReference());
    }

    @Test
    void dryRunPrintsTheExactBatchAndSendsNothing() throws Exception {
        InvalidateRequest r = request(List.of("/a b", "/c"));
        InvalidateRequest dryRun = new InvalidateRequest(
                DISTRIBUTION,
                r.paths(),
                Optional.empty(),
                Optional.of("ref-7"),
                "site",
                r.waiting(),
                r.inProgressRetryTimeout(),
                true,
                Optional.empty(),
                r.connection());

        assertEquals(Optional.empty(), invalidate(NEVER).run(dryRun));

        assertTrue(emulator.requests().isEmpty());
        String printed = String.join("\n", progress.info);
        assertTrue(printed.startsWith("Dry run: would invalidate 2 paths on distribution " + DISTRIBUTION), printed);
        String json = printed.substring(printed.indexOf('\n') + 1);
        JsonNode batch = JsonNode.parser().parse(json);
        assertEquals(
                "2",
                batch.field("Paths")
                        .orElseThrow()
                        .field("Quantity")
                        .orElseThrow()
                        .asNumber());
        assertEquals(
                List.of("/a%20b", "/c"),
                batch.field("Paths").orElseThrow().field("Items").orElseThrow().asArray().stream()
                        .map(JsonNode::asString)
                        .toList());
        assertEquals("ref-7", batch.field("CallerReference").orElseThrow().asString());
    }

    @Test
    void nothingToInvalidateSucceedsWithoutCallingCloudFront() throws Exception {
        assertEquals(Optional.empty(), invalidate(NEVER).run(request(List.of(" ", ""))));

        assertEquals(
                List.of("Nothing to invalidate on distribution " + DISTRIBUTION + ": no paths were given."),
                progress.info);
    }

    @Test
    void badInputFailsBeforeAnyCall() {
        List<InvalidateRequest> bad = List.of(
                request(List.of("/a*b")),
                request(IntStream.range(0, 3001).mapToObj(i -> "/p" + i).toList()),
                new InvalidateRequest(
                        " ",
                        List.of("/a"),
                        Optional.empty(),
                        Optional.empty(),
                        "site",
                        WaitSettings.NO_WAIT,
                        Duration.ZERO,
                        false,
                        Optional.empty(),
                        cloudFront.connection),
                new InvalidateRequest(
                        "www.example.com",
                        List.of("/a"),
                        Optional.empty(),
                        Optional.empty(),
                        "site",
                        WaitSettings.NO_WAIT,
                        Duration.ZERO,
                        false,
                        Optional.empty(),
                        cloudFront.connection),
                new InvalidateRequest(
                        DISTRIBUTION,
                        List.of("/a"),
                        Optional.empty(),
                        Optional.empty(),
                        "site",
                        WaitSettings.NO_WAIT,
                        Duration.ofSeconds(-1),
                        false,
                        Optional.empty(),
                        cloudFront.connection));
        List<String> expected = List.of(
                "Invalid path in <paths> (cloudfront.paths)",
                "3001 distinct paths",
                "<distributionId> (cloudfront.distributionId) is not set",
                "looks like a domain name",
                "<inProgressRetryTimeout>");
        for (int i = 0; i < bad.size(); i++) {
            InvalidateRequest request = bad.get(i);
            UserFixableException e = assertThrows(
                    UserFixableException.class, () -> invalidate(NEVER).run(request));
            assertTrue(e.getMessage().contains(expected.get(i)), e.getMessage());
        }
        assertTrue(emulator.requests().isEmpty());
    }

    @Test
    void readsTheAwsCliBatchFile() throws Exception {
        Path file = dir.resolve("inv-batch.json");
        Files.writeString(
                file,
                "{\"Paths\": {\"Quantity\": 2, \"Items\": [\"/index.html\", \"/error.html\"]},"
                        + " \"CallerReference\": \"my-invalidation-2015-09-01\"}");
        InvalidateRequest r = request(List.of());

        run(new InvalidateRequest(
                DISTRIBUTION,
                List.of(),
                Optional.of(file),
                Optional.empty(),
                "site",
                r.waiting(),
                r.inProgressRetryTimeout(),
                false,
                Optional.empty(),
                r.connection()));

        StoredInvalidation stored = emulator.invalidations().get(0);
        assertEquals(List.of("/index.html", "/error.html"), stored.paths());
        assertEquals("my-invalidation-2015-09-01", stored.callerReference());
    }

    @Test
    void batchFileAndPathsTogetherAreAConfigurationError() throws Exception {
        Path file = dir.resolve("inv-batch.json");
        Files.writeString(file, "{\"Paths\": {\"Quantity\": 1, \"Items\": [\"/a\"]}}");
        InvalidateRequest both = new InvalidateRequest(
                DISTRIBUTION,
                List.of("/b"),
                Optional.of(file),
                Optional.empty(),
                "site",
                WaitSettings.NO_WAIT,
                Duration.ZERO,
                false,
                Optional.empty(),
                cloudFront.connection);

        UserFixableException e =
                assertThrows(UserFixableException.class, () -> invalidate(NEVER).run(both));
        assertTrue(e.getMessage().contains("Both <paths> (cloudfront.paths) and <invalidationBatch>"), e.getMessage());
    }

    @Test
    void aCallerReferenceThatContradictsTheBatchFileIsAConfigurationError() throws Exception {
        Path file = dir.resolve("inv-batch.json");
        Files.writeString(file, "{\"Paths\": {\"Quantity\": 1, \"Items\": [\"/a\"]}, \"CallerReference\": \"x\"}");
        InvalidateRequest both = new InvalidateRequest(
                DISTRIBUTION,
                List.of(),
                Optional.of(file),
                Optional.of("y"),
                "site",
                WaitSettings.NO_WAIT,
                Duration.ZERO,
                false,
                Optional.empty(),
                cloudFront.connection);

        UserFixableException e =
                assertThrows(UserFixableException.class, () -> invalidate(NEVER).run(both));
        assertTrue(e.getMessage().contains("remove one of them"), e.getMessage());
    }

    @Test
    void waitsUntilCompletedAndNoticesItPromptly() throws Exception {
        InvalidationInfo last = run(with(request(List.of("/a")), WaitSettings.of(true, 900, true)))
                .orElseThrow();

        assertEquals("Completed", last.status());
        StoredInvalidation stored = emulator.invalidations().get(0);
        Instant noticed = emulator.firstReportedCompleted(stored.id()).orElseThrow();
        Duration late = Duration.between(stored.completesAt(), noticed);
        assertFalse(late.isNegative());
        assertTrue(late.compareTo(Duration.ofMillis(2200)) <= 0, "noticed " + late + " late");
        assertTrue(
                progress.info.contains("Invalidation " + stored.id() + " completed after "
                        + Math.round(cloudFront.time.elapsed().toMillis() / 1000.0) + " s"),
                progress.all());
        assertTrue(
                emulator.requests("GetInvalidation").size() <= 10,
                emulator.requests("GetInvalidation").size() + " polls");
    }

    @Test
    void waitTimeoutFailsNamingTheInvalidationAndHowToCheckItLater() throws Exception {
        emulator.completionDelay(Duration.ofMinutes(20));

        UserFixableException e = assertThrows(
                UserFixableException.class, () -> run(with(request(List.of("/a")), WaitSettings.of(true, 60, true))));

        String id = emulator.invalidations().get(0).id();
        assertTrue(
                e.getMessage()
                        .startsWith("Invalidation " + id + " on distribution " + DISTRIBUTION
                                + " is still InProgress after 60 s"),
                e.getMessage());
        assertTrue(
                e.getMessage()
                        .contains("mvn cloudfront:get-invalidation -Dcloudfront.distributionId=" + DISTRIBUTION
                                + " -Dcloudfront.invalidationId=" + id),
                e.getMessage());
        assertEquals(Duration.ofSeconds(60), cloudFront.time.elapsed());
    }

    @Test
    void waitTimeoutOnlyWarnsWhenFailOnTimeoutIsOff() throws Exception {
        emulator.completionDelay(Duration.ofMinutes(20));

        InvalidationInfo last = run(with(request(List.of("/a")), WaitSettings.of(true, 60, false)))
                .orElseThrow();

        assertEquals("InProgress", last.status());
        assertEquals(1, progress.warnings.size());
        assertTrue(progress.warnings.get(0).contains("is still InProgress after 60 s"), progress.warnings.get(0));
    }

    @Test
    void reportsProgressWhileWaiting() throws Exception {
        emulator.completionDelay(Duration.ofMinutes(2));

        run(with(request(List.of("/a")), WaitSettings.of(true, 900, true)));

        long progressLines = progress.info.stream()
                .filter(l -> l.contains("is InProgress ("))
                .count();
        assertTrue(progressLines >= 4 && progressLines <= 9, progress.all());
        assertTrue(progress.debug.stream().anyMatch(l -> l.startsWith("Poll 1: invalidation ")), progress.all());
    }

    @Test
    void writesTheResultInTheAwsCliShape() throws Exception {
        Path output = dir.resolve("out/invalidation.json");
        InvalidateRequest r = with(request(List.of("/a", "/b c")), WaitSettings.of(true, 900, true));
        run(new InvalidateRequest(
                DISTRIBUTION,
                r.paths(),
                Optional.empty(),
                Optional.of("ref-9"),
                "site",
                r.waiting(),
                r.inProgressRetryTimeout(),
                false,
                Optional.of(output),
                r.connection()));

        JsonNode json = JsonNode.parser().parse(Files.readString(output));
        StoredInvalidation stored = emulator.invalidations().get(0);
        assertEquals(
                emulator.endpoint() + "/2020-05-31/distribution/" + DISTRIBUTION + "/invalidation/" + stored.id(),
                json.field("Location").orElseThrow().asString());
        JsonNode invalidation = json.field("Invalidation").orElseThrow();
        assertEquals(stored.id(), invalidation.field("Id").orElseThrow().asString());
        assertEquals("Completed", invalidation.field("Status").orElseThrow().asString());
        assertEquals(
                "2026-11-20T10:00:00.000Z",
                invalidation.field("CreateTime").orElseThrow().asString());
        JsonNode batch = invalidation.field("InvalidationBatch").orElseThrow();
        assertEquals("ref-9", batch.field("CallerReference").orElseThrow().asString());
        assertEquals(
                "2",
                batch.field("Paths")
                        .orElseThrow()
                        .field("Quantity")
                        .orElseThrow()
                        .asNumber());
        assertEquals(
                List.of("/a", "/b%20c"),
                batch.field("Paths").orElseThrow().field("Items").orElseThrow().asArray().stream()
                        .map(JsonNode::asString)
                        .toList());
    }

    @Test
    void waitsForRoomWhenTooManyInvalidationsAreInProgress() throws Exception {
        emulator.completionDelay(Duration.ofSeconds(40));
        run(request(IntStream.range(0, 15).mapToObj(i -> "/w" + i + "/*").toList()));
        progress.info.clear();

        InvalidationInfo created = run(request(List.of("/one-more/*"))).orElseThrow();

        assertEquals(2, emulator.invalidations().size());
        assertEquals(created.id(), emulator.invalidations().get(1).id());
        List<RecordedRequest> creates = emulator.requests("CreateInvalidation");
        assertTrue(creates.stream()
                .skip(1)
                .limit(creates.size() - 2)
                .allMatch(r -> r.errorCode().orElse("").equals("TooManyInvalidationsInProgress")));
        assertEquals(
                1,
                creates.stream().skip(1).map(RecordedRequest::body).distinct().count());
        assertTrue(
                progress.info
                        .get(0)
                        .matches(
                                "Distribution " + DISTRIBUTION
                                        + " has too many invalidations in progress; trying again in [4-6] s \\(waited 0 s of 300 s\\)"),
                progress.all());
        Duration waited = cloudFront.time.elapsed();
        assertTrue(
                waited.compareTo(Duration.ofSeconds(40)) >= 0 && waited.compareTo(Duration.ofSeconds(70)) <= 0,
                waited.toString());
    }

    @Test
    void givesUpWaitingForRoomAfterTheRetryTimeout() throws Exception {
        emulator.completionDelay(Duration.ofMinutes(10));
        run(request(IntStream.range(0, 15).mapToObj(i -> "/w" + i + "/*").toList()));
        InvalidateRequest r = request(List.of("/one-more/*"));

        UserFixableException e = assertThrows(
                UserFixableException.class,
                () -> run(new InvalidateRequest(
                        DISTRIBUTION,
                        r.paths(),
                        Optional.empty(),
                        Optional.empty(),
                        "site",
                        r.waiting(),
                        Duration.ofSeconds(60),
                        false,
                        Optional.empty(),
                        r.connection())));

        assertTrue(
                e.getMessage().contains("too many invalidations in progress (TooManyInvalidationsInProgress"),
                e.getMessage());
        assertTrue(
                e.getMessage().contains("at most 3000 individually named paths and 15 wildcard paths"), e.getMessage());
        assertTrue(e.getMessage().contains("within 60 s"), e.getMessage());
        assertEquals(Duration.ofSeconds(60), cloudFront.time.elapsed());
        assertEquals(1, emulator.invalidations().size());
    }

    @Test
    void zeroRetryTimeoutFailsAtOnceWhenThereIsNoRoom() throws Exception {
        emulator.completionDelay(Duration.ofMinutes(10));
        run(request(IntStream.range(0, 15).mapToObj(i -> "/w" + i + "/*").toList()));
        InvalidateRequest r = request(List.of("/one-more/*"));

        assertThrows(
                UserFixableException.class,
                () -> run(new InvalidateRequest(
                        DISTRIBUTION,
                        r.paths(),
                        Optional.empty(),
                        Optional.empty(),
                        "site",
                        r.waiting(),
                        Duration.ZERO,
                        false,
                        Optional.empty(),
                        r.connection())));
        assertEquals(Duration.ZERO, cloudFront.time.elapsed());
    }
}
