package io.github.cloudfrontmavenplugin.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontmavenplugin.RecordingProgress;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.cloudfront.CloudFrontInvalidations;
import io.github.cloudfrontmavenplugin.cloudfront.InvalidationInfo;
import io.github.cloudfrontmavenplugin.emulator.CloudFrontEmulator;
import io.github.cloudfrontmavenplugin.emulator.StoredInvalidation;
import io.github.cloudfrontmavenplugin.lock.LockSettings;
import io.github.cloudfrontmavenplugin.plan.Budget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cache tags and distribution tenants through {@link Deploy} and {@link GetInvalidation}, against the emulator. */
class TagsAndTenantsTest {
    private static final String DISTRIBUTION = CloudFrontEmulator.DISTRIBUTION_ID;
    private static final String MULTI = "EMULTITENANT1";
    private static final String TENANT_1 = "dt_2wjDZi3hD1ivOXf6rpZJOSNE1AB";
    private static final String TENANT_2 = "dt_3xkEAj4iE2jwPYg7sqaKPTOF2BC";
    private static final String TENANT_3 = "dt_4ylFBk5jF3kxQZh8trbLQUPG3CD";
    private static final Connector NEVER = settings -> {
        throw new AssertionError("no connection to CloudFront was expected");
    };

    @TempDir
    Path dir;

    private EmulatedCloudFront cloudFront;
    private CloudFrontEmulator emulator;
    private final RecordingProgress progress = new RecordingProgress();

    @BeforeEach
    void start() throws Exception {
        cloudFront = new EmulatedCloudFront(Duration.ofSeconds(10));
        emulator = cloudFront
                .emulator
                .addMultiTenantDistribution(MULTI)
                .addTenant(TENANT_1, MULTI, "www.customer1.com")
                .addTenant(TENANT_2, MULTI, "www.customer2.com")
                .addTenant(TENANT_3, MULTI, "www.customer3.com");
    }

    @AfterEach
    void stop() {
        cloudFront.close();
    }

    private InvalidateRequest request(
            String target,
            List<String> paths,
            List<String> tags,
            boolean allTenants,
            Budget budget,
            boolean dryRun,
            WaitSettings waiting,
            Optional<Path> outputFile) {
        return new InvalidateRequest(
                List.of(target),
                paths,
                Optional.empty(),
                Optional.empty(),
                "site",
                waiting,
                Duration.ofSeconds(300),
                dryRun,
                outputFile,
                cloudFront.connection,
                Optional.empty(),
                budget,
                tags,
                allTenants,
                LockSettings.DEFAULT);
    }

    private InvalidateRequest request(String target, List<String> paths, List<String> tags) {
        return request(target, paths, tags, false, new Budget(100, 15), false, WaitSettings.NO_WAIT, Optional.empty());
    }

    private List<InvalidationInfo> run(InvalidateRequest request) throws Exception {
        return invalidate(Connector.CLOUDFRONT).run(request);
    }

    private Deploy invalidate(Connector connector) {
        return new Deploy(connector, cloudFront.time, new SplittableRandom(7), Map.<String, String>of()::get, progress);
    }

    private UserFixableException failure(InvalidateRequest request) {
        return assertThrows(UserFixableException.class, () -> run(request));
    }

    private UserFixableException offlineFailure(InvalidateRequest request) {
        return assertThrows(UserFixableException.class, () -> invalidate(NEVER).run(request));
    }

    @Test
    void tagsFromTheParameterAreSentVerbatimBesideThePaths() throws Exception {
        run(request(DISTRIBUTION, List.of("/index.html", "#From-Paths"), List.of("product:tv", " release/42 ")));

        assertEquals(
                List.of("#From-Paths", "#product:tv", "#release/42", "/index.html"),
                emulator.invalidations().get(0).paths());
        String body = emulator.requests("CreateInvalidation").get(0).body();
        assertTrue(body.contains("<Path>#release/42</Path>"), body);
    }

    @Test
    void aTagGivenInBothPlacesInAnotherCaseIsSentOnceAsFirstSpelled() throws Exception {
        run(request(DISTRIBUTION, List.of("#Product:TV"), List.of("product:tv", "PRODUCT:TV")));

        assertEquals(List.of("#Product:TV"), emulator.invalidations().get(0).paths());
    }

    @Test
    void aBadTagFailsBeforeAnyCallNamingTheItemTheParameterAndTheRule() {
        UserFixableException e = offlineFailure(request(DISTRIBUTION, List.of("/a"), List.of("ok", "a,b")));

        assertEquals(
                "Invalid cache tag in <tags> (cloudfront.tags): cache tag '#a,b' contains a comma, which separates tags"
                        + " in the tag header; give each tag as its own item.",
                e.getMessage());
    }

    @Test
    void aTagWrittenWithItsHashInTagsIsRefused() {
        UserFixableException e = offlineFailure(request(DISTRIBUTION, List.of(), List.of("#product")));

        assertTrue(e.getMessage().contains("write the tag without it"), e.getMessage());
    }

    @Test
    void tagsBeyondMaxPathsFailWhenTheRequestIsChecked() {
        InvalidateRequest request = request(
                DISTRIBUTION,
                List.of("/a"),
                List.of("a", "b", "c"),
                false,
                new Budget(3, 15),
                false,
                WaitSettings.NO_WAIT,
                Optional.empty());

        UserFixableException e =
                assertThrows(UserFixableException.class, () -> invalidate(NEVER).check(request));
        assertTrue(e.getMessage().contains("Raise <maxPaths> to at least 4"), e.getMessage());
    }

    @Test
    void dryRunShowsTheTagsInTheBatchThePlanAndTheCost() throws Exception {
        invalidate(NEVER)
                .run(request(
                        DISTRIBUTION,
                        List.of("/index.html"),
                        List.of("product:tv"),
                        false,
                        new Budget(100, 15),
                        true,
                        WaitSettings.NO_WAIT,
                        Optional.empty()));

        String log = progress.all();
        assertTrue(log.contains("Invalidation plan: 2 paths (0 wildcards, 1 cache tag) for 2 paths"), log);
        assertTrue(log.contains("  #product:tv  cache tag, sent as written"), log);
        assertTrue(log.contains("Cost estimate: 2 paths at USD 0.005 each"), log);
        assertTrue(log.contains("\"#product:tv\","), log);
    }

    @Test
    void aTenantIdIsInvalidatedThroughTheTenantsAction() throws Exception {
        Path output = dir.resolve("invalidation.json");
        InvalidationInfo created = run(request(
                        TENANT_1,
                        List.of("/index.html"),
                        List.of("product:tv"),
                        false,
                        new Budget(100, 15),
                        false,
                        WaitSettings.NO_WAIT,
                        Optional.of(output)))
                .get(0);

        assertEquals(List.of(), emulator.requests("CreateInvalidation"));
        assertEquals(
                1, emulator.requests("CreateInvalidationForDistributionTenant").size());
        assertEquals(
                List.of("#product:tv", "/index.html"),
                emulator.invalidations(TENANT_1).get(0).paths());
        assertTrue(
                progress.info.contains("Created invalidation " + created.id() + " on distribution tenant " + TENANT_1
                        + " for 2 paths (InProgress)"),
                progress.all());
        String json = Files.readString(output);
        assertTrue(
                json.contains("/2020-05-31/distribution-tenant/" + TENANT_1 + "/invalidation/" + created.id()), json);
        assertTrue(json.contains("\"#product:tv\""), json);
    }

    @Test
    void aTenantsDomainIsFoundAfterTheDistributions() throws Exception {
        run(request("www.customer2.com", List.of("/index.html"), List.of()));

        assertTrue(
                progress.info.contains(
                        "www.customer2.com is distribution tenant " + TENANT_2 + " of distribution " + MULTI),
                progress.all());
        assertEquals(1, emulator.requests("ListDistributions").size());
        assertEquals(1, emulator.requests("GetDistributionTenantByDomain").size());
        assertEquals(1, emulator.invalidations(TENANT_2).size());
    }

    @Test
    void waitingOnATenantPollsTheTenantsInvalidation() throws Exception {
        InvalidationInfo last = run(request(
                        TENANT_1,
                        List.of("/a"),
                        List.of(),
                        false,
                        new Budget(100, 15),
                        false,
                        WaitSettings.of(true, 60, true),
                        Optional.empty()))
                .get(0);

        assertEquals("Completed", last.status());
        assertTrue(emulator.requests("GetInvalidationForDistributionTenant").size() >= 1);
        assertEquals(List.of(), emulator.requests("GetInvalidation"));
    }

    @Test
    void allTenantsInvalidatesEveryTenantAndOneFailureFailsAfterTheOthers() throws Exception {
        emulator.deny("CreateInvalidationForDistributionTenant", TENANT_2);
        InvalidateRequest request = request(
                MULTI,
                List.of("/index.html"),
                List.of(),
                true,
                new Budget(100, 15),
                false,
                WaitSettings.NO_WAIT,
                Optional.empty());

        UserFixableException e = failure(request);

        assertEquals(1, emulator.invalidations(TENANT_1).size());
        assertEquals(1, emulator.invalidations(TENANT_3).size());
        assertEquals(List.of(), emulator.invalidations(TENANT_2));
        assertTrue(e.getMessage().startsWith("The invalidation failed on 1 of 3 distribution tenants"), e.getMessage());
        assertTrue(
                e.getMessage()
                        .contains("Allow the IAM action cloudfront:CreateInvalidationForDistributionTenant on"
                                + " arn:aws:cloudfront::<account-id>:distribution-tenant/" + TENANT_2),
                e.getMessage());
        assertTrue(
                progress.info.contains("Distribution " + MULTI + " has 3 distribution tenants: " + TENANT_1 + ", "
                        + TENANT_2 + ", " + TENANT_3),
                progress.all());
        String body = emulator.requests("ListDistributionTenants").get(0).body();
        assertTrue(body.contains("<DistributionId>" + MULTI + "</DistributionId>"), body);
    }

    @Test
    void tenantsAreListedOverEveryPage() throws Exception {
        emulator.addMultiTenantDistribution("EMANY");
        IntStream.range(0, 250).forEach(i -> emulator.addTenant("dt_many" + i, "EMANY", "t" + i + ".example"));
        try (CloudFrontInvalidations api = CloudFrontInvalidations.connect(cloudFront.connection)) {
            assertEquals(250, api.tenantsOf("EMANY").size());
        }
        assertEquals(3, emulator.requests("ListDistributionTenants").size());
    }

    @Test
    void allTenantsWithATenantIdFailsBeforeAnyCall() {
        UserFixableException e = offlineFailure(request(
                TENANT_1,
                List.of("/a"),
                List.of(),
                true,
                new Budget(100, 15),
                false,
                WaitSettings.NO_WAIT,
                Optional.empty()));

        assertTrue(e.getMessage().contains("is a distribution tenant"), e.getMessage());
    }

    @Test
    void aMultiTenantDistributionWithoutAllTenantsSaysHowItsTenantsAreInvalidated() {
        UserFixableException e = failure(request(MULTI, List.of("/a"), List.of()));

        assertTrue(
                e.getMessage().startsWith("Distribution " + MULTI + " is a multi-tenant distribution"), e.getMessage());
        assertTrue(e.getMessage().contains("<allTenants>true</allTenants>"), e.getMessage());
        assertTrue(e.getMessage().contains("(such as " + TENANT_1 + ")"), e.getMessage());
    }

    @Test
    void anUnknownTenantIsNamedWithHowToListTenants() {
        UserFixableException e = failure(request("dt_nosuchtenant", List.of("/a"), List.of()));

        assertTrue(
                e.getMessage().startsWith("CloudFront has no distribution tenant 'dt_nosuchtenant' (EntityNotFound"),
                e.getMessage());
        assertTrue(
                e.getMessage().contains("aws cloudfront list-distribution-tenants --association-filter"),
                e.getMessage());
    }

    @Test
    void getInvalidationReadsATenantsInvalidation() throws Exception {
        String id = run(request(TENANT_3, List.of("/a"), List.of("t"))).get(0).id();

        InvalidationInfo read = new GetInvalidation(
                        Connector.CLOUDFRONT, cloudFront.time, new SplittableRandom(1), progress)
                .run(new GetInvalidation.Request(
                        TENANT_3, id, WaitSettings.of(true, 60, true), Optional.empty(), cloudFront.connection));

        assertEquals("Completed", read.status());
        assertEquals(List.of("#t", "/a"), read.paths());
        assertTrue(emulator.requests("GetInvalidationForDistributionTenant").size() >= 2);
        assertEquals(List.of(), emulator.requests("GetInvalidation"));
    }

    @Test
    void storedUnderTheTenantNotTheDistribution() throws Exception {
        run(request(TENANT_1, List.of("/a"), List.of()));
        List<StoredInvalidation> stored = emulator.invalidations();
        assertEquals(
                List.of(TENANT_1),
                stored.stream().map(StoredInvalidation::distributionId).toList());
    }

    @Test
    void modulesMergedAtTheEndShareOneBatchWithTheirTagsOnce() throws Exception {
        invalidate(Connector.CLOUDFRONT)
                .run(List.of(
                        request(DISTRIBUTION, List.of("/www/index.html"), List.of("layout")),
                        request(DISTRIBUTION, List.of("/docs/index.html", "#Layout"), List.of("docs"))));

        assertEquals(1, emulator.invalidations().size());
        assertEquals(
                List.of("#layout", "#docs", "/www/index.html", "/docs/index.html"),
                emulator.invalidations().get(0).paths());
    }

    @Test
    void aTenantAndADistributionTogetherGetTheSameBatch() throws Exception {
        InvalidateRequest request = new InvalidateRequest(
                List.of(DISTRIBUTION, TENANT_2),
                List.of("/index.html"),
                Optional.empty(),
                Optional.of("release-9"),
                "site",
                WaitSettings.NO_WAIT,
                Duration.ofSeconds(300),
                false,
                Optional.empty(),
                cloudFront.connection,
                Optional.empty(),
                new Budget(100, 15),
                List.of("product:tv"),
                false,
                LockSettings.DEFAULT);

        run(request);

        assertEquals(
                List.of("#product:tv", "/index.html"),
                emulator.invalidations(DISTRIBUTION).get(0).paths());
        assertEquals(
                List.of("#product:tv", "/index.html"),
                emulator.invalidations(TENANT_2).get(0).paths());
        assertEquals("release-9", emulator.invalidations(TENANT_2).get(0).callerReference());
    }

    @Test
    void aTenantWithoutRoomUnderTheSharedLimitsIsRetriedThenExplained() throws Exception {
        emulator.completionDelay(Duration.ofMinutes(10));
        run(request(
                TENANT_1, IntStream.range(0, 15).mapToObj(i -> "/w" + i + "/*").toList(), List.of()));
        InvalidateRequest oneMore = new InvalidateRequest(
                List.of(TENANT_2),
                List.of("/one-more/*"),
                Optional.empty(),
                Optional.empty(),
                "site",
                WaitSettings.NO_WAIT,
                Duration.ofSeconds(60),
                false,
                Optional.empty(),
                cloudFront.connection,
                Optional.empty(),
                new Budget(100, 15),
                List.of(),
                false,
                LockSettings.DEFAULT);

        UserFixableException e = failure(oneMore);

        assertTrue(
                e.getMessage()
                        .startsWith("Distribution tenant " + TENANT_2 + " has too many invalidations in progress"),
                e.getMessage());
        assertTrue(
                e.getMessage().contains("aws cloudfront list-invalidations-for-distribution-tenant --id " + TENANT_2),
                e.getMessage());
        assertTrue(emulator.requests("CreateInvalidationForDistributionTenant").size() > 2);
        assertTrue(progress.info.stream()
                .anyMatch(line -> line.startsWith("Distribution tenant " + TENANT_2 + " has too many invalidations in"
                        + " progress; trying again in")));
    }
}
