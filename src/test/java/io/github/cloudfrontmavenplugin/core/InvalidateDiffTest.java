package io.github.cloudfrontmavenplugin.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontmavenplugin.RecordingProgress;
import io.github.cloudfrontmavenplugin.aws.ConnectionSettings;
import io.github.cloudfrontmavenplugin.aws.CredentialSource;
import io.github.cloudfrontmavenplugin.aws.Retries;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.diff.AntPatterns;
import io.github.cloudfrontmavenplugin.diff.DiffSettings;
import io.github.cloudfrontmavenplugin.diff.OnMissingManifest;
import io.github.cloudfrontmavenplugin.diff.SiteUrls;
import io.github.cloudfrontmavenplugin.emulator.CloudFrontEmulator;
import io.github.cloudfrontmavenplugin.emulator.S3Emulator;
import io.github.cloudfrontmavenplugin.emulator.StoredInvalidation;
import io.github.cloudfrontmavenplugin.lock.LockSettings;
import io.github.cloudfrontmavenplugin.plan.Budget;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The resource diff end to end: a site on disk, a manifest in a file or in S3, CloudFront over HTTP. */
class InvalidateDiffTest {
    private static final String DISTRIBUTION = CloudFrontEmulator.DISTRIBUTION_ID;

    @TempDir
    Path dir;

    private EmulatedCloudFront cloudFront;
    private S3Emulator s3;
    private Path site;
    private Path manifest;
    private final RecordingProgress progress = new RecordingProgress();
    private final SplittableRandom random = new SplittableRandom(11);

    @BeforeEach
    void start() throws Exception {
        cloudFront = new EmulatedCloudFront(Duration.ofSeconds(5));
        s3 = S3Emulator.start().createBucket("deploys");
        site = dir.resolve("site");
        manifest = dir.resolve("state/manifest.txt");
        write("index.html", "home");
        write("about.html", "about");
        write("docs/index.html", "docs");
        write("docs/guide.html", "guide");
        write("css/site.css", "body{}");
    }

    @AfterEach
    void stop() {
        cloudFront.close();
        s3.close();
    }

    private void write(String relative, String content) throws IOException {
        Path file = site.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private DiffSettings diff(String manifestLocation, OnMissingManifest onMissing) throws UserFixableException {
        return new DiffSettings(
                site,
                SiteUrls.of("/", "index.html"),
                AntPatterns.of(List.of(), List.of()),
                manifestLocation,
                onMissing,
                ConnectionSettings.forS3(null, s3.endpoint(), null)
                        .withRetries(new Retries(3, Duration.ofMillis(1), Duration.ofMillis(5))));
    }

    private InvalidateRequest request(
            List<String> distributions, DiffSettings diff, List<String> paths, boolean dryRun) {
        return request(distributions, diff, paths, dryRun, cloudFront.connection.credentials());
    }

    private InvalidateRequest request(
            List<String> distributions,
            DiffSettings diff,
            List<String> paths,
            boolean dryRun,
            CredentialSource credentials) {
        return new InvalidateRequest(
                distributions,
                paths,
                Optional.empty(),
                Optional.empty(),
                "site",
                WaitSettings.NO_WAIT,
                Duration.ZERO,
                dryRun,
                Optional.empty(),
                cloudFront.connection.withCredentials(credentials),
                Optional.of(diff),
                new Budget(100, 15),
                List.of(),
                false,
                LockSettings.DEFAULT);
    }

    private Deploy invalidate() {
        return new Deploy(Connector.CLOUDFRONT, cloudFront.time, random, Map.<String, String>of()::get, progress);
    }

    private Optional<StoredInvalidation> deploy(
            String distribution, DiffSettings diff, List<String> paths, boolean dryRun) throws Exception {
        int before = cloudFront.emulator.invalidations().size();
        invalidate().run(request(List.of(distribution), diff, paths, dryRun));
        List<StoredInvalidation> all = cloudFront.emulator.invalidations();
        return all.size() > before ? Optional.of(all.get(all.size() - 1)) : Optional.empty();
    }

    private Optional<StoredInvalidation> deploy(DiffSettings diff) throws Exception {
        return deploy(DISTRIBUTION, diff, List.of(), false);
    }

    private void changeTwoFilesAndDeleteOne() throws IOException {
        write("docs/index.html", "docs, second edition");
        write("css/site.css", "body{margin:0}");
        Files.delete(site.resolve("about.html"));
    }

    @Test
    void firstDeployWithoutManifestInvalidatesEverythingUnderThePrefix() throws Exception {
        StoredInvalidation first =
                deploy(diff(manifest.toString(), OnMissingManifest.ALL)).orElseThrow();

        assertEquals(List.of("/*"), first.paths());
        assertTrue(Files.exists(manifest));
        assertTrue(
                progress.info.contains("No manifest at " + manifest + " yet (first deploy): onMissingManifest is all"));
        assertTrue(progress.info.contains("Recorded this deploy in the manifest " + manifest));
    }

    @Test
    void firstDeployWithNoneInvalidatesNothingButStartsTheManifest() throws Exception {
        assertEquals(Optional.empty(), deploy(diff(manifest.toString(), OnMissingManifest.NONE)));

        assertTrue(Files.exists(manifest));
        assertTrue(cloudFront.emulator.requests().isEmpty());
    }

    @Test
    void firstDeployWithFailStopsBeforeAnything() {
        UserFixableException e = assertThrows(
                UserFixableException.class, () -> deploy(diff(manifest.toString(), OnMissingManifest.FAIL)));

        assertTrue(e.getMessage().startsWith("There is no manifest at " + manifest), e.getMessage());
        assertFalse(Files.exists(manifest));
        assertTrue(cloudFront.emulator.requests().isEmpty());
    }

    @Test
    void secondDeployInvalidatesExactlyTheChangesAndTheIndexAliases() throws Exception {
        deploy(diff(manifest.toString(), OnMissingManifest.ALL));
        changeTwoFilesAndDeleteOne();

        StoredInvalidation second =
                deploy(diff(manifest.toString(), OnMissingManifest.ALL)).orElseThrow();

        assertEquals(List.of("/about.html", "/css/site.css", "/docs/index.html", "/docs/", "/docs"), second.paths());
        assertTrue(
                progress.info.contains("Compared " + site + " with the manifest " + manifest
                        + ": 0 added, 2 modified, 1 deleted, 2 unchanged"),
                progress.all());
        assertEquals(Optional.empty(), deploy(diff(manifest.toString(), OnMissingManifest.ALL)));
        assertTrue(
                progress.info.contains("Nothing to invalidate on distribution " + DISTRIBUTION + ": nothing changed."));
    }

    @Test
    void aDeployThatChangedNothingConnectsToNothing() throws Exception {
        deploy(diff(manifest.toString(), OnMissingManifest.ALL));
        List<String> connectorCalls = new ArrayList<>();
        Connector counting = settings -> {
            connectorCalls.add("connect");
            return Connector.CLOUDFRONT.connect(settings);
        };
        Deploy invalidate = new Deploy(counting, cloudFront.time, random, Map.<String, String>of()::get, progress);

        invalidate.run(
                request(List.of(DISTRIBUTION), diff(manifest.toString(), OnMissingManifest.ALL), List.of(), false));
        assertEquals(List.of(), connectorCalls, "nothing changed, so nothing to connect to");

        write("about.html", "about, changed");
        invalidate.run(
                request(List.of(DISTRIBUTION), diff(manifest.toString(), OnMissingManifest.ALL), List.of(), false));
        assertEquals(List.of("connect"), connectorCalls);
    }

    @Test
    void explicitPathsAreAddedToTheChanges() throws Exception {
        deploy(diff(manifest.toString(), OnMissingManifest.ALL));
        write("index.html", "new home");

        StoredInvalidation second = deploy(
                        DISTRIBUTION,
                        diff(manifest.toString(), OnMissingManifest.ALL),
                        List.of("/api/status.json", "/index.html"),
                        false)
                .orElseThrow();

        assertEquals(List.of("/api/status.json", "/index.html", "/"), second.paths());
    }

    @Test
    void aFailedInvalidationLeavesTheManifestSoTheNextDeployTriesAgain() throws Exception {
        deploy(diff(manifest.toString(), OnMissingManifest.ALL));
        byte[] before = Files.readAllBytes(manifest);
        changeTwoFilesAndDeleteOne();

        UserFixableException e = assertThrows(
                UserFixableException.class,
                () -> deploy("ENOSUCHDIST", diff(manifest.toString(), OnMissingManifest.ALL), List.of(), false));

        assertTrue(e.getMessage().contains("NoSuchDistribution"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(manifest));
        assertEquals(
                5,
                deploy(diff(manifest.toString(), OnMissingManifest.ALL))
                        .orElseThrow()
                        .paths()
                        .size());
    }

    @Test
    void dryRunPrintsTheDiffAndChangesNothing() throws Exception {
        deploy(diff(manifest.toString(), OnMissingManifest.ALL));
        byte[] before = Files.readAllBytes(manifest);
        changeTwoFilesAndDeleteOne();
        progress.info.clear();

        assertEquals(
                Optional.empty(),
                deploy(DISTRIBUTION, diff(manifest.toString(), OnMissingManifest.ALL), List.of(), true));

        assertArrayEquals(before, Files.readAllBytes(manifest));
        assertEquals(1, cloudFront.emulator.invalidations().size());
        String printed = progress.all();
        assertTrue(printed.contains("0 added, 2 modified, 1 deleted, 2 unchanged"), printed);
        assertTrue(printed.contains("Dry run: would invalidate 5 paths"), printed);
        assertTrue(printed.contains("\"/docs/\""), printed);
    }

    @Test
    void aCorruptManifestIsAnErrorNamingIt() throws Exception {
        Files.createDirectories(manifest.getParent());
        Files.writeString(manifest, "{\"not\": \"a manifest\"}");

        UserFixableException e = assertThrows(
                UserFixableException.class, () -> deploy(diff(manifest.toString(), OnMissingManifest.ALL)));

        assertTrue(e.getMessage().startsWith("The manifest " + manifest + " does not start with"), e.getMessage());
        assertTrue(cloudFront.emulator.requests().isEmpty());
    }

    @Test
    void aManifestInS3IsSharedBetweenDeploys() throws Exception {
        String location = "s3://deploys/www/manifest.txt";
        assertEquals(
                List.of("/*"),
                deploy(diff(location, OnMissingManifest.ALL)).orElseThrow().paths());
        changeTwoFilesAndDeleteOne();

        assertEquals(
                5,
                deploy(diff(location, OnMissingManifest.ALL))
                        .orElseThrow()
                        .paths()
                        .size());
        assertTrue(new String(s3.object("deploys", "www/manifest.txt").orElseThrow(), StandardCharsets.UTF_8)
                .contains("\tcss/site.css\n"));
    }

    @Test
    void aManifestThatCannotBeRecordedStillLeavesTheWaitedForStatusInTheOutputFile() throws Exception {
        String location = "s3://deploys/www/manifest.txt";
        deploy(diff(location, OnMissingManifest.ALL));
        changeTwoFilesAndDeleteOne();
        s3.beforeNextPut(
                () -> s3.putObject("deploys", "www/manifest.txt", "another deploy".getBytes(StandardCharsets.UTF_8)));
        Path output = dir.resolve("invalidation.json");
        InvalidateRequest request = new InvalidateRequest(
                List.of(DISTRIBUTION),
                List.of(),
                Optional.empty(),
                Optional.empty(),
                "site",
                WaitSettings.of(true, 900, true),
                Duration.ZERO,
                false,
                Optional.of(output),
                cloudFront.connection,
                Optional.of(diff(location, OnMissingManifest.ALL)),
                new Budget(100, 15),
                List.of(),
                false,
                LockSettings.DEFAULT);

        UserFixableException e =
                assertThrows(UserFixableException.class, () -> invalidate().run(request));

        assertTrue(e.getMessage().contains("was changed by another deploy while this one ran"), e.getMessage());
        String id = cloudFront.emulator.invalidations().get(1).id();
        String written = Files.readString(output);
        assertTrue(written.contains("\"Id\": \"" + id + "\""), written);
        assertTrue(written.contains("\"Status\": \"Completed\""), written);
    }

    @Test
    void aRoleIsAssumedOnceForTheS3ManifestAndCloudFrontTogether() throws Exception {
        CloudFrontEmulator emulator = cloudFront.emulator;
        s3.sameAccountAs(emulator);
        CredentialSource role = CredentialSource.DEFAULT_CHAIN.assuming(new CredentialSource.RoleToAssume(
                "arn:aws:iam::123456789012:role/site-deployer",
                "deploy-7",
                Optional.empty(),
                Optional.of(URI.create(emulator.endpoint()))));
        DiffSettings diff = diff("s3://deploys/www/manifest.txt", OnMissingManifest.ALL);
        DiffSettings asTheRole = new DiffSettings(
                diff.directory(),
                diff.urls(),
                diff.filter(),
                diff.manifest(),
                diff.onMissing(),
                diff.s3().withCredentials(role));

        invalidate().run(request(List.of(DISTRIBUTION), asTheRole, List.of(), false, role));

        assertEquals(1, emulator.assumedRoles().size(), "one AssumeRole for S3 and CloudFront");
        String issued = emulator.assumedRoles().get(0).issuedAccessKeyId();
        assertEquals(
                Optional.of(issued),
                emulator.requests("CreateInvalidation").get(0).accessKeyId());
        assertTrue(s3.object("deploys", "www/manifest.txt").isPresent(), "the manifest was written as the role");
        assertEquals(
                List.of(Optional.of(issued)),
                s3.requests().stream()
                        .map(S3Emulator.S3Request::accessKeyId)
                        .distinct()
                        .toList());
    }

    @Test
    void theLoserOfTwoDeploysRacingOnOneS3ManifestFailsClearly() throws Exception {
        String location = "s3://deploys/www/manifest.txt";
        deploy(diff(location, OnMissingManifest.ALL));
        changeTwoFilesAndDeleteOne();
        byte[] othersManifest = "cloudfront-maven-plugin manifest 1\n".getBytes(StandardCharsets.UTF_8);
        s3.beforeNextPut(() -> s3.putObject("deploys", "www/manifest.txt", othersManifest));

        UserFixableException e =
                assertThrows(UserFixableException.class, () -> deploy(diff(location, OnMissingManifest.ALL)));

        assertTrue(e.getMessage().contains("was changed by another deploy while this one ran"), e.getMessage());
        assertEquals(2, cloudFront.emulator.invalidations().size(), "this deploy's invalidation was still created");
        assertTrue(
                e.getMessage()
                        .startsWith("Invalidation "
                                + cloudFront.emulator.invalidations().get(1).id() + " was created, but: "),
                e.getMessage());
        assertArrayEquals(
                othersManifest, s3.object("deploys", "www/manifest.txt").orElseThrow());
    }

    @Test
    void severalDistributionsRecordTheDeployOnlyWhenEveryOneAcceptedIt() throws Exception {
        cloudFront.emulator.addDistribution("E2SECONDEXAMPLE");
        deploy(diff(manifest.toString(), OnMissingManifest.ALL));
        byte[] before = Files.readAllBytes(manifest);
        changeTwoFilesAndDeleteOne();

        assertThrows(
                UserFixableException.class,
                () -> invalidate()
                        .run(request(
                                List.of("E2SECONDEXAMPLE", "ENOSUCHDIST"),
                                diff(manifest.toString(), OnMissingManifest.ALL),
                                List.of(),
                                false)));

        assertArrayEquals(before, Files.readAllBytes(manifest));
        assertTrue(
                progress.warnings.contains("Not every distribution accepted the invalidation, so the deploy is not"
                        + " recorded in any manifest: the next deploy invalidates the same changes again."),
                progress.all());

        invalidate()
                .run(request(
                        List.of(DISTRIBUTION, "E2SECONDEXAMPLE"),
                        diff(manifest.toString(), OnMissingManifest.ALL),
                        List.of(),
                        false));

        assertFalse(java.util.Arrays.equals(before, Files.readAllBytes(manifest)));
        assertEquals(
                cloudFront.emulator.invalidations(DISTRIBUTION).get(1).paths(),
                cloudFront.emulator.invalidations("E2SECONDEXAMPLE").get(1).paths());
        assertEquals(
                5,
                cloudFront.emulator.invalidations(DISTRIBUTION).get(1).paths().size());
    }

    @Test
    void theModulesOfOneBuildShareOneInvalidationAndEachRecordsItsManifest() throws Exception {
        Path docs = dir.resolve("docs-site");
        Files.createDirectories(docs.resolve("guide"));
        Files.writeString(docs.resolve("guide/index.html"), "guide");
        Files.writeString(docs.resolve("changes.html"), "changes");
        Path docsManifest = dir.resolve("state/docs-manifest.txt");
        DiffSettings docsDiff = new DiffSettings(
                docs,
                SiteUrls.of("/docs/", "index.html"),
                AntPatterns.of(List.of(), List.of()),
                docsManifest.toString(),
                OnMissingManifest.ALL,
                ConnectionSettings.forS3(null, s3.endpoint(), null));
        List<InvalidateRequest> modules = List.of(
                request(List.of(DISTRIBUTION), diff(manifest.toString(), OnMissingManifest.ALL), List.of(), false),
                request(List.of(DISTRIBUTION), docsDiff, List.of("/feed.xml"), false));
        invalidate().run(modules);
        assertEquals(1, cloudFront.emulator.invalidations().size());
        assertEquals(List.of("/*"), cloudFront.emulator.invalidations().get(0).paths());
        assertTrue(Files.exists(manifest));
        assertTrue(Files.exists(docsManifest));

        changeTwoFilesAndDeleteOne();
        Files.writeString(docs.resolve("changes.html"), "changes, again");
        invalidate().run(modules);

        assertEquals(2, cloudFront.emulator.invalidations().size());
        assertEquals(
                List.of(
                        "/about.html",
                        "/css/site.css",
                        "/docs",
                        "/docs/",
                        "/docs/changes.html",
                        "/docs/index.html",
                        "/feed.xml"),
                cloudFront.emulator.invalidations().get(1).paths().stream()
                        .sorted()
                        .toList());
    }

    @Test
    void twoModulesRecordingInOneManifestIsAnErrorBeforeAnything() {
        UserFixableException e = assertThrows(
                UserFixableException.class,
                () -> invalidate()
                        .run(List.of(
                                request(
                                        List.of(DISTRIBUTION),
                                        diff(manifest.toString(), OnMissingManifest.ALL),
                                        List.of(),
                                        false),
                                request(
                                        List.of(DISTRIBUTION),
                                        diff(manifest.toString(), OnMissingManifest.ALL),
                                        List.of(),
                                        false))));

        assertTrue(
                e.getMessage().startsWith("Two modules of this build record their deploys in the same <manifest> "),
                e.getMessage());
        assertEquals(0, cloudFront.emulator.requests().size());
        assertFalse(Files.exists(manifest));
    }
}
