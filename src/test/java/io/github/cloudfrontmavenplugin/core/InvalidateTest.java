package io.github.cloudfrontmavenplugin.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontmavenplugin.RecordingProgress;
import io.github.cloudfrontmavenplugin.aws.ConnectionSettings;
import io.github.cloudfrontmavenplugin.base.Progress;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.cloudfront.InvalidationInfo;
import io.github.cloudfrontmavenplugin.diff.DiffSettings;
import io.github.cloudfrontmavenplugin.emulator.CloudFrontEmulator;
import io.github.cloudfrontmavenplugin.emulator.Fault;
import io.github.cloudfrontmavenplugin.emulator.RecordedRequest;
import io.github.cloudfrontmavenplugin.emulator.StoredInvalidation;
import io.github.cloudfrontmavenplugin.lock.LockSettings;
import io.github.cloudfrontmavenplugin.plan.Budget;
import java.io.IOException;
import java.io.UncheckedIOException;
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
    /** Fails the test if the plugin opens a connection. */
    private static final Connector NEVER = settings -> {
        throw new AssertionError("no connection to CloudFront was expected");
    };

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

    /** A request as the Mojo builds it with its defaults, pointed at the emulator. */
    private final class Request {
        private List<String> distributionIds = List.of(DISTRIBUTION);
        private List<String> paths = List.of();
        private Optional<Path> batchFile = Optional.empty();
        private Optional<String> callerReference = Optional.empty();
        private WaitSettings waiting = WaitSettings.NO_WAIT;
        private Duration inProgressRetryTimeout = Duration.ofSeconds(300);
        private boolean dryRun;
        private Optional<Path> outputFile = Optional.empty();
        private final ConnectionSettings connection = cloudFront.connection;
        private Optional<DiffSettings> diff = Optional.empty();
        private Budget budget = new Budget(100, 15);

        Request budget(int maxPaths, int maxWildcards) {
            budget = new Budget(maxPaths, maxWildcards);
            return this;
        }

        Request diff(DiffSettings settings) {
            diff = Optional.of(settings);
            return this;
        }

        Request distribution(String id) {
            distributionIds = List.of(id);
            return this;
        }

        Request distributions(String... ids) {
            distributionIds = List.of(ids);
            return this;
        }

        Request batchFile(Path file) {
            batchFile = Optional.of(file);
            return this;
        }

        Request callerReference(String reference) {
            callerReference = Optional.of(reference);
            return this;
        }

        Request waiting(int timeoutSeconds, boolean failOnTimeout) throws UserFixableException {
            waiting = WaitSettings.of(true, timeoutSeconds, failOnTimeout);
            return this;
        }

        Request inProgressRetryTimeout(Duration timeout) {
            inProgressRetryTimeout = timeout;
            return this;
        }

        Request dryRun() {
            dryRun = true;
            return this;
        }

        Request outputFile(Path file) {
            outputFile = Optional.of(file);
            return this;
        }

        InvalidateRequest build() {
            return new InvalidateRequest(
                    distributionIds,
                    paths,
                    batchFile,
                    callerReference,
                    "site",
                    waiting,
                    inProgressRetryTimeout,
                    dryRun,
                    outputFile,
                    connection,
                    diff,
                    budget,
                    List.of(),
                    false,
                    LockSettings.DEFAULT);
        }

        List<InvalidationInfo> runAll() throws Exception {
            return invalidate(Connector.CLOUDFRONT).run(build());
        }

        Optional<InvalidationInfo> run() throws Exception {
            return invalidate(Connector.CLOUDFRONT).run(build()).stream().findFirst();
        }

        /** Runs with a connector that fails the test if the plugin tries to reach CloudFront. */
        Optional<InvalidationInfo> runOffline() throws Exception {
            return invalidate(NEVER).run(build()).stream().findFirst();
        }

        UserFixableException failure() {
            return assertThrows(UserFixableException.class, this::run);
        }
    }

    private Request paths(String... paths) {
        Request request = new Request();
        request.paths = List.of(paths);
        return request;
    }

    private Deploy invalidate(Connector connector) {
        return new Deploy(connector, cloudFront.time, random, Map.<String, String>of()::get, progress);
    }

    /** The {@code Paths} of a batch in the AWS CLI's JSON shape: its Quantity agrees with its Items. */
    private static void assertBatchPaths(JsonNode batch, List<String> expected) {
        JsonNode paths = batch.field("Paths").orElseThrow();
        assertEquals(
                Integer.toString(expected.size()),
                paths.field("Quantity").orElseThrow().asNumber());
        assertEquals(
                expected,
                paths.field("Items").orElseThrow().asArray().stream()
                        .map(JsonNode::asString)
                        .toList());
    }

    private static String[] wildcards(int count) {
        return IntStream.range(0, count).mapToObj(i -> "/w" + i + "/*").toArray(String[]::new);
    }

    @Test
    void createsOneInvalidationOfTheNormalisedPaths() throws Exception {
        InvalidationInfo created = paths("index.html", "/caf\u00e9 menu.html", "/index.html", "/img/*")
                .run()
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

        paths("/a").run();

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

        InvalidationInfo created = paths("/a", "/b").run().orElseThrow();

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
        String a = paths("/a").run().orElseThrow().id();
        String b = paths("/a").run().orElseThrow().id();

        assertNotEquals(a, b);
        assertEquals(2, emulator.invalidations().size());
    }

    @Test
    void aGivenCallerReferenceIsSentAsIs() throws Exception {
        paths("/a").callerReference(" release-42 ").run();

        assertEquals("release-42", emulator.invalidations().get(0).callerReference());
    }

    @Test
    void dryRunPrintsTheExactBatchAndSendsNothing() throws Exception {
        assertEquals(
                Optional.empty(),
                paths("/a b", "/c").callerReference("ref-7").dryRun().runOffline());

        assertTrue(emulator.requests().isEmpty());
        String printed = String.join("\n", progress.info);
        printed = printed.substring(printed.indexOf("Dry run: "));
        assertTrue(printed.startsWith("Dry run: would invalidate 2 paths on distribution " + DISTRIBUTION), printed);
        JsonNode batch = JsonNode.parser().parse(printed.substring(printed.indexOf('\n') + 1));
        assertBatchPaths(batch, List.of("/a%20b", "/c"));
        assertEquals("ref-7", batch.field("CallerReference").orElseThrow().asString());
    }

    @Test
    void nothingToInvalidateSucceedsWithoutCallingCloudFront() throws Exception {
        assertEquals(Optional.empty(), paths(" ", "").runOffline());

        assertEquals(
                List.of("Nothing to invalidate on distribution " + DISTRIBUTION + ": no paths were given."),
                progress.info);
    }

    @Test
    void badInputFailsBeforeAnyCall() {
        Map<Request, String> bad = Map.of(
                paths("/a*b"), "Invalid path in <paths> (cloudfront.paths)",
                paths(wildcards(16)), "16 wildcards, more than <maxWildcards> (cloudfront.maxWildcards) 15",
                paths("/a").distribution(" "), "<distributionId> (cloudfront.distributionId) is not set",
                paths("/a").distribution("not a distribution!"), "neither a CloudFront distribution ID",
                paths("/a").inProgressRetryTimeout(Duration.ofSeconds(-1)), "<inProgressRetryTimeout>");
        bad.forEach((request, expected) -> {
            UserFixableException e = assertThrows(UserFixableException.class, request::runOffline);
            assertTrue(e.getMessage().contains(expected), e.getMessage());
        });
        assertTrue(emulator.requests().isEmpty());
    }

    @Test
    void tooManyPathsAreCollapsedIntoOneBatchWithinTheBudget() throws Exception {
        String[] many = IntStream.range(0, 3001)
                .mapToObj(i -> "/docs/" + (i % 3) + "/page-" + i + ".html")
                .toArray(String[]::new);

        InvalidationInfo created = paths(many).budget(10, 2).run().orElseThrow();

        assertEquals(List.of("/docs/*"), created.paths());
        assertTrue(
                progress.info.contains("Invalidation plan: 1 path (1 wildcard) for 3001 paths; unchanged objects could"
                        + " not be counted (no manifest), so the narrowest wildcards that fit were chosen"),
                progress.all());
        assertTrue(progress.info.stream().anyMatch(l -> l.startsWith("Cost estimate: 1 path at USD 0.005 each")));
    }

    @Test
    void readsTheAwsCliBatchFile() throws Exception {
        Path file = dir.resolve("inv-batch.json");
        Files.writeString(
                file,
                "{\"Paths\": {\"Quantity\": 2, \"Items\": [\"/index.html\", \"/error.html\"]},"
                        + " \"CallerReference\": \"my-invalidation-2015-09-01\"}");

        paths().batchFile(file).run();

        StoredInvalidation stored = emulator.invalidations().get(0);
        assertEquals(List.of("/index.html", "/error.html"), stored.paths());
        assertEquals("my-invalidation-2015-09-01", stored.callerReference());
    }

    @Test
    void batchFileAndPathsTogetherAreAConfigurationError() throws Exception {
        Path file = dir.resolve("inv-batch.json");
        Files.writeString(file, "{\"Paths\": {\"Quantity\": 1, \"Items\": [\"/a\"]}}");

        UserFixableException e = assertThrows(
                UserFixableException.class, () -> paths("/b").batchFile(file).runOffline());
        assertTrue(e.getMessage().contains("Both <paths> (cloudfront.paths) and <invalidationBatch>"), e.getMessage());
    }

    @Test
    void aCallerReferenceThatContradictsTheBatchFileIsAConfigurationError() throws Exception {
        Path file = dir.resolve("inv-batch.json");
        Files.writeString(file, "{\"Paths\": {\"Quantity\": 1, \"Items\": [\"/a\"]}, \"CallerReference\": \"x\"}");

        UserFixableException e = assertThrows(
                UserFixableException.class,
                () -> paths().batchFile(file).callerReference("y").runOffline());
        assertTrue(e.getMessage().contains("remove one of them"), e.getMessage());
    }

    @Test
    void waitsUntilCompletedAndNoticesItPromptly() throws Exception {
        InvalidationInfo last = paths("/a").waiting(900, true).run().orElseThrow();

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
        assertTrue(emulator.requests("GetInvalidation").size() <= 10);
    }

    @Test
    void waitTimeoutFailsNamingTheInvalidationAndHowToCheckItLater() throws Exception {
        emulator.completionDelay(Duration.ofMinutes(20));

        UserFixableException e = paths("/a").waiting(60, true).failure();

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

        InvalidationInfo last = paths("/a").waiting(60, false).run().orElseThrow();

        assertEquals("InProgress", last.status());
        assertEquals(1, progress.warnings.size());
        assertTrue(progress.warnings.get(0).contains("is still InProgress after 60 s"), progress.warnings.get(0));
    }

    @Test
    void reportsProgressWhileWaiting() throws Exception {
        emulator.completionDelay(Duration.ofMinutes(2));

        paths("/a").waiting(900, true).run();

        long progressLines = progress.info.stream()
                .filter(l -> l.contains("is InProgress ("))
                .count();
        assertTrue(progressLines >= 4 && progressLines <= 9, progress.all());
        assertTrue(progress.debug.stream().anyMatch(l -> l.startsWith("Poll 1: invalidation ")), progress.all());
    }

    @Test
    void writesTheResultInTheAwsCliShape() throws Exception {
        Path output = dir.resolve("out/invalidation.json");

        paths("/a", "/b c")
                .callerReference("ref-9")
                .waiting(900, true)
                .outputFile(output)
                .run();

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
        assertBatchPaths(batch, List.of("/a", "/b%20c"));
    }

    @Test
    void waitsForRoomWhenTooManyInvalidationsAreInProgress() throws Exception {
        emulator.completionDelay(Duration.ofSeconds(40));
        paths(wildcards(15)).run();
        progress.info.clear();

        InvalidationInfo created = paths("/one-more/*").run().orElseThrow();

        assertEquals(2, emulator.invalidations().size());
        assertEquals(created.id(), emulator.invalidations().get(1).id());
        List<RecordedRequest> retries =
                emulator.requests("CreateInvalidation").stream().skip(1).toList();
        assertTrue(retries.subList(0, retries.size() - 1).stream()
                .allMatch(r -> r.errorCode().orElse("").equals("TooManyInvalidationsInProgress")));
        assertEquals(1, retries.stream().map(RecordedRequest::body).distinct().count());
        assertTrue(
                progress.info
                        .get(0)
                        .matches("Distribution " + DISTRIBUTION + " has too many invalidations in progress;"
                                + " trying again in [4-6] s \\(waited 0 s of 300 s\\)"),
                progress.all());
        Duration waited = cloudFront.time.elapsed();
        assertTrue(
                waited.compareTo(Duration.ofSeconds(40)) >= 0 && waited.compareTo(Duration.ofSeconds(70)) <= 0,
                waited.toString());
    }

    @Test
    void givesUpWaitingForRoomAfterTheRetryTimeout() throws Exception {
        emulator.completionDelay(Duration.ofMinutes(10));
        paths(wildcards(15)).run();

        UserFixableException e = paths("/one-more/*")
                .inProgressRetryTimeout(Duration.ofSeconds(60))
                .failure();

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
        paths(wildcards(15)).run();

        paths("/one-more/*").inProgressRetryTimeout(Duration.ZERO).failure();

        assertEquals(Duration.ZERO, cloudFront.time.elapsed());
    }

    @Test
    void sendsTheSameBatchToEveryDistributionConcurrently() throws Exception {
        emulator.addDistribution("E2SECONDEXAMPLE", "docs.example.org");
        emulator.inject("CreateInvalidation", Fault.holdUntilInFlight(2), Fault.holdUntilInFlight(2));

        List<InvalidationInfo> created = paths("/index.html", "/docs/*")
                .distributions(DISTRIBUTION, "docs.example.org")
                .runAll();

        assertEquals(
                List.of(DISTRIBUTION, "E2SECONDEXAMPLE"),
                created.stream().map(InvalidationInfo::distributionId).toList());
        StoredInvalidation first = emulator.invalidations(DISTRIBUTION).get(0);
        StoredInvalidation second = emulator.invalidations("E2SECONDEXAMPLE").get(0);
        assertEquals(List.of("/index.html", "/docs/*"), first.paths());
        assertEquals(first.paths(), second.paths());
        assertEquals(first.callerReference(), second.callerReference());
        // The second request was sent while the first, held by the emulator until a second one came, was still open.
        assertEquals(2, emulator.mostInFlight("CreateInvalidation"));
        assertTrue(
                progress.info.contains("[docs.example.org] Distribution docs.example.org is E2SECONDEXAMPLE"),
                progress.all());
        assertTrue(
                progress.info.contains("[" + DISTRIBUTION + "] Created invalidation " + first.id() + " on distribution "
                        + DISTRIBUTION + " for 2 paths (InProgress)"),
                progress.all());
        assertTrue(progress.info.contains("Invalidations on 2 distributions:"), progress.all());
        assertTrue(progress.info.contains("  " + DISTRIBUTION + "   " + first.id() + "  InProgress"), progress.all());
        assertTrue(progress.info.contains("  docs.example.org  " + second.id() + "  InProgress"), progress.all());
    }

    @Test
    void waitsForEveryDistributionConcurrently() throws Exception {
        emulator.addDistribution("E2SECONDEXAMPLE");
        // Each distribution's first poll is held until the other's comes: a sequential waiter would show one at a time.
        emulator.inject("GetInvalidation", Fault.holdUntilInFlight(2), Fault.holdUntilInFlight(2));

        List<InvalidationInfo> last = paths("/a")
                .distributions(DISTRIBUTION, "E2SECONDEXAMPLE")
                .waiting(900, true)
                .runAll();

        assertEquals(
                List.of("Completed", "Completed"),
                last.stream().map(InvalidationInfo::status).toList());
        assertEquals(2, emulator.mostInFlight("GetInvalidation"));
        for (StoredInvalidation stored : emulator.invalidations()) {
            assertTrue(emulator.firstReportedCompleted(stored.id()).isPresent(), stored.toString());
        }
    }

    @Test
    void oneFailedDistributionFailsTheBuildAfterTheOthersFinished() throws Exception {
        UserFixableException e = paths("/a")
                .distributions("ENOSUCHEXAMPLE", DISTRIBUTION)
                .waiting(900, true)
                .failure();

        assertTrue(
                e.getMessage()
                        .startsWith("The invalidation failed on 1 of 2 distributions (the others finished as reported"
                                + " above):\n  ENOSUCHEXAMPLE: "),
                e.getMessage());
        assertTrue(e.getMessage().contains("NoSuchDistribution"), e.getMessage());
        StoredInvalidation other = emulator.invalidations().get(0);
        assertEquals(DISTRIBUTION, other.distributionId());
        assertTrue(emulator.firstReportedCompleted(other.id()).isPresent(), "the other distribution was waited for");
        assertTrue(progress.info.contains("  " + DISTRIBUTION + "  " + other.id() + "  Completed"), progress.all());
        assertTrue(
                progress.warnings.stream().anyMatch(w -> w.startsWith("  ENOSUCHEXAMPLE   failed: ")), progress.all());
    }

    @Test
    void theOutputFileListsOneInvalidationPerDistribution() throws Exception {
        emulator.addDistribution("E2SECONDEXAMPLE");
        Path output = dir.resolve("invalidations.json");

        paths("/a")
                .distributions(DISTRIBUTION, "E2SECONDEXAMPLE")
                .outputFile(output)
                .runAll();

        List<JsonNode> entries =
                JsonNode.parser().parse(Files.readString(output)).asArray();
        assertEquals(2, entries.size());
        assertEquals(
                List.of(
                        emulator.invalidations(DISTRIBUTION).get(0).id(),
                        emulator.invalidations("E2SECONDEXAMPLE").get(0).id()),
                entries.stream()
                        .map(entry -> entry.field("Invalidation")
                                .orElseThrow()
                                .field("Id")
                                .orElseThrow()
                                .asString())
                        .toList());
    }

    @Test
    void anOutputFileThatCannotBeCreatedIsAnErrorBeforeAnyCall() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("target"), "a file");

        UserFixableException underAFile = paths("/a")
                .outputFile(notADirectory.resolve("out/invalidation.json"))
                .failure();
        UserFixableException aDirectory = paths("/a").outputFile(dir).failure();

        assertTrue(
                underAFile
                        .getMessage()
                        .startsWith(
                                "<outputFile> (cloudfront.outputFile) " + notADirectory.resolve("out/invalidation.json")
                                        + " cannot be created: " + notADirectory + " is a file, not a directory."),
                underAFile.getMessage());
        assertTrue(
                aDirectory.getMessage().startsWith("<outputFile> (cloudfront.outputFile) " + dir + " is a directory;"),
                aDirectory.getMessage());
        assertEquals(List.of(), emulator.requests());
    }

    @Test
    void anOutputFileThatFailsAfterCreationFailsTheBuildOnlyAfterEveryDistributionFinished() throws Exception {
        emulator.addDistribution("E2SECONDEXAMPLE");
        Path outputDirectory = Files.createDirectory(dir.resolve("out"));
        // The directory turns into a file once CloudFront accepted the batch: past the check before the first call.
        Progress replacingTheDirectory = new Progress() {
            @Override
            public synchronized void info(String message) {
                progress.info(message);
                if (message.contains("Created invalidation") && Files.isDirectory(outputDirectory)) {
                    try {
                        Files.delete(outputDirectory);
                        Files.writeString(outputDirectory, "in the way");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }

            @Override
            public void warn(String message) {
                progress.warn(message);
            }

            @Override
            public void debug(String message) {
                progress.debug(message);
            }
        };
        InvalidateRequest request = paths("/a")
                .distributions(DISTRIBUTION, "E2SECONDEXAMPLE")
                .waiting(900, true)
                .outputFile(outputDirectory.resolve("invalidations.json"))
                .build();

        UserFixableException e = assertThrows(
                UserFixableException.class,
                () -> new Deploy(
                                Connector.CLOUDFRONT,
                                cloudFront.time,
                                random,
                                Map.<String, String>of()::get,
                                replacingTheDirectory)
                        .run(request));

        List<StoredInvalidation> stored = emulator.invalidations();
        assertEquals(2, stored.size());
        assertTrue(
                e.getMessage()
                        .startsWith("Invalidations " + stored.get(0).id() + ", "
                                + stored.get(1).id()
                                + " were created, but: Cannot write <outputFile> (cloudfront.outputFile) "),
                e.getMessage());
        for (StoredInvalidation invalidation : stored) {
            assertTrue(
                    emulator.firstReportedCompleted(invalidation.id()).isPresent(),
                    "waited for " + invalidation.distributionId());
        }
        assertTrue(progress.info.contains("Invalidations on 2 distributions:"), progress.all());
    }

    @Test
    void distributionIdAndDistributionIdsTogetherAreAConfigurationError() {
        UserFixableException e = assertThrows(
                UserFixableException.class, () -> DistributionIds.requireAll(DISTRIBUTION, List.of("E2SECONDEXAMPLE")));
        assertTrue(
                e.getMessage()
                        .startsWith("Both <distributionId> (cloudfront.distributionId) and"
                                + " <distributionIds> (cloudfront.distributionIds) are set"),
                e.getMessage());
    }

    @Test
    void distributionIdsAreCheckedAndListedOnce() throws Exception {
        assertEquals(
                List.of(DISTRIBUTION, "www.example.com"),
                DistributionIds.requireAll(" ", List.of(DISTRIBUTION, "WWW.example.com", " ", DISTRIBUTION)));
        UserFixableException e = assertThrows(
                UserFixableException.class, () -> DistributionIds.requireAll(null, List.of(DISTRIBUTION, "a b")));
        assertTrue(
                e.getMessage().startsWith("<distributionIds> (cloudfront.distributionIds) names 'a b'"),
                e.getMessage());
    }

    @Test
    void aDryRunNamesEveryDistribution() throws Exception {
        paths("/a").distributions(DISTRIBUTION, "E2SECONDEXAMPLE").dryRun().runOffline();

        assertTrue(
                progress.info.contains("Dry run: would invalidate 1 path on distributions " + DISTRIBUTION
                        + ", E2SECONDEXAMPLE; nothing is sent to CloudFront. The batch:"),
                progress.all());
        assertTrue(progress.info.stream().anyMatch(l -> l.startsWith("Cost estimate: 2 paths ")), progress.all());
    }
}
