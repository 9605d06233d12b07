package io.github.cloudfrontmavenplugin.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontmavenplugin.LeftBehind;
import io.github.cloudfrontmavenplugin.RecordingProgress;
import io.github.cloudfrontmavenplugin.SteppedTime;
import io.github.cloudfrontmavenplugin.aws.ConnectionSettings;
import io.github.cloudfrontmavenplugin.aws.Retries;
import io.github.cloudfrontmavenplugin.base.TimeSource;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.diff.AntPatterns;
import io.github.cloudfrontmavenplugin.diff.DiffSettings;
import io.github.cloudfrontmavenplugin.diff.OnMissingManifest;
import io.github.cloudfrontmavenplugin.diff.SiteUrls;
import io.github.cloudfrontmavenplugin.emulator.CloudFrontEmulator;
import io.github.cloudfrontmavenplugin.emulator.Fault;
import io.github.cloudfrontmavenplugin.emulator.S3Emulator;
import io.github.cloudfrontmavenplugin.lock.LockSettings;
import io.github.cloudfrontmavenplugin.lock.LockTiming;
import io.github.cloudfrontmavenplugin.plan.Budget;
import io.github.cloudfrontmavenplugin.publish.HeaderRules;
import io.github.cloudfrontmavenplugin.publish.PublishSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lock as a step of the deploy: taken before the manifest or the bucket is read, one per manifest in sorted order,
 * removed at the end (on failure too), none in a dry run; a deploy that lost it stops before its next write. The site
 * is hashed while the lock is taken, and a missing site fails before it.
 */
class DeployLockFlowTest {
    private static final String OTHERS_LOCK = "cloudfront-maven-plugin lock 1\nid=thief-1\nhost=elsewhere\nuser=eve\n"
            + "project=g:other:2\ntaken=2026-12-06T10:00:00Z\nexpires=2999-01-01T00:00:00Z\n";

    @TempDir
    Path dir;

    private EmulatedCloudFront cloudFront;
    private S3Emulator s3;
    private Path site;
    private final RecordingProgress progress = new RecordingProgress();
    private final SteppedTime renewals = new SteppedTime(Instant.parse("2026-12-06T10:00:00Z"));

    @BeforeEach
    void start() throws Exception {
        cloudFront = new EmulatedCloudFront(Duration.ofSeconds(5));
        s3 = S3Emulator.start().createBucket("deploys").createBucket("www");
        site = Files.createDirectories(dir.resolve("site"));
        Files.writeString(site.resolve("index.html"), "home");
        Files.writeString(site.resolve("site.css"), "body {}");
    }

    @AfterEach
    void stop() {
        cloudFront.close();
        s3.close();
    }

    private ConnectionSettings s3Settings() throws UserFixableException {
        return ConnectionSettings.forS3(null, s3.endpoint(), null)
                .withRetries(new Retries(2, Duration.ofMillis(1), Duration.ofMillis(5)));
    }

    private SyncRequest sync(String manifest, String prefix, boolean dryRun) throws UserFixableException {
        return sync(manifest, prefix, dryRun, 0);
    }

    /** @param lockTimeout how many seconds the deploy waits for a lock another holds */
    private SyncRequest sync(String manifest, String prefix, boolean dryRun, int lockTimeout)
            throws UserFixableException {
        DiffSettings diff = new DiffSettings(
                site,
                SiteUrls.of("/", "index.html"),
                AntPatterns.of(List.of(), List.of()),
                manifest,
                OnMissingManifest.ALL,
                s3Settings());
        InvalidateRequest invalidation = new InvalidateRequest(
                List.of(CloudFrontEmulator.DISTRIBUTION_ID),
                List.of(),
                Optional.empty(),
                Optional.empty(),
                "site",
                WaitSettings.NO_WAIT,
                Duration.ZERO,
                dryRun,
                Optional.empty(),
                cloudFront.connection,
                Optional.of(diff),
                new Budget(100, 15),
                List.of(),
                false,
                LockSettings.of(60, lockTimeout, "it.example:site:1.0"));
        return new SyncRequest(
                invalidation,
                PublishSettings.of(
                        "s3://www/" + prefix,
                        HeaderRules.of(List.of(), "cache-tag"),
                        true,
                        100,
                        4,
                        false,
                        s3Settings()));
    }

    private Deploy deploy() {
        return new Deploy(
                Connector.CLOUDFRONT,
                TimeSource.SYSTEM,
                new SplittableRandom(3),
                Map.<String, String>of()::get,
                progress,
                new LockTiming(TimeSource.SYSTEM, renewals, LockTiming.POLL, LockTiming.REPORT));
    }

    private int indexOf(String operation, String key) {
        List<S3Emulator.S3Call> calls = s3.calls();
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).operation().equals(operation) && calls.get(i).key().equals(key)) {
                return i;
            }
        }
        throw new AssertionError(operation + " " + key + " never came: " + calls);
    }

    /**
     * Runs {@code request} with the first {@code operation} on the lock held until the site, given a file named
     * {@code marker}, is hashed; the hashing's directory must then be gone, and its threads ended.
     *
     * @return how the deploy ended: its result, or its failure as an {@link ExecutionException}
     */
    private Future<?> runHashingWhileTheLockIsHeld(String operation, DeployRequest request) throws Exception {
        String marker = "marker-" + UUID.randomUUID() + ".html";
        Files.writeString(site.resolve(marker), "marker");
        CountDownLatch release = new CountDownLatch(1);
        s3.hold(operation, key -> key.equals("www/manifest.txt.lock"), Fault.holdUntil(release));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> running = pool.submit(() -> deploy().run(request));
            s3.awaitHeld(operation, 1);
            Path hashed = awaitHashed(marker);
            release.countDown();
            try {
                running.get();
            } catch (ExecutionException e) {
                // the caller looks at how it ended
            }
            assertFalse(Files.exists(hashed), "the hashed site outlived the deploy");
            assertEquals(0, LeftBehind.threadsNamed("cloudfront-hash"), "a hashing thread outlived the deploy");
            return running;
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    /** The temporary directory where the site with {@code marker} was hashed, once the hashing wrote it whole. */
    private static Path awaitHashed(String marker) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (System.nanoTime() < deadline) {
            for (Path directory : LeftBehind.temporaryDirectories("cloudfront-hashed")) {
                try {
                    if (Files.readString(directory.resolve("site.hashed")).contains(marker)) {
                        return directory;
                    }
                } catch (IOException e) {
                    // not written yet, or another build's
                }
            }
            Thread.sleep(2);
        }
        throw new AssertionError("The site was not hashed while the lock was taken");
    }

    @Test
    void theSiteIsHashedWhileTheLockIsTaken() throws Exception {
        runHashingWhileTheLockIsHeld("PutObject", sync("s3://deploys/www/manifest.txt", "", false))
                .get();

        assertEquals(3, s3.keys("www").size(), s3.keys("www").toString());
        assertTrue(
                progress.info.contains("No manifest at s3://deploys/www/manifest.txt yet (first deploy):"
                        + " onMissingManifest is all"),
                progress.all());
    }

    @Test
    void aDryRunHashesTheSiteWhileItLooksAtTheLock() throws Exception {
        runHashingWhileTheLockIsHeld("GetObject", sync("s3://deploys/www/manifest.txt", "", true))
                .get();

        assertEquals(List.of(), s3.keys("www"));
    }

    @Test
    void aDeployThatCannotTakeTheLockStopsTheHashingAndDeletesItsFile() throws Exception {
        s3.putObject("deploys", "www/manifest.txt.lock", OTHERS_LOCK.getBytes(StandardCharsets.UTF_8));

        Future<?> ended = runHashingWhileTheLockIsHeld("PutObject", sync("s3://deploys/www/manifest.txt", "", false));

        ExecutionException failure = assertThrows(ExecutionException.class, ended::get);
        UserFixableException e = assertInstanceOf(UserFixableException.class, failure.getCause());
        assertTrue(e.getMessage().contains("g:other:2"), e.getMessage());
        assertEquals(List.of(), s3.keys("www"));
    }

    @Test
    void aDeployInterruptedWhileItWaitsForTheLockStopsTheHashingAndDeletesItsFile() throws Exception {
        s3.putObject("deploys", "www/manifest.txt.lock", OTHERS_LOCK.getBytes(StandardCharsets.UTF_8));
        String marker = "marker-" + UUID.randomUUID() + ".html";
        Files.writeString(site.resolve(marker), "marker");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> running = pool.submit(() -> deploy().run(sync("s3://deploys/www/manifest.txt", "", false, 600)));
            progress.awaitInfo("Waiting for the deploy lock s3://deploys/www/manifest.txt.lock held by g:other:2", 1);
            Path hashed = awaitHashed(marker);

            pool.shutdownNow();

            ExecutionException failure = assertThrows(ExecutionException.class, running::get);
            assertInstanceOf(InterruptedException.class, failure.getCause());
            assertFalse(Files.exists(hashed), "the hashed site outlived the deploy");
            assertEquals(0, LeftBehind.threadsNamed("cloudfront-hash"), "a hashing thread outlived the deploy");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(), s3.keys("www"));
    }

    @Test
    void aMissingSiteFailsBeforeAnyCall() throws Exception {
        site = dir.resolve("target/site");
        SyncRequest sync = sync("s3://deploys/www/manifest.txt", "", false);

        for (DeployRequest request : List.of(sync, sync.invalidation())) {
            UserFixableException e = assertThrows(UserFixableException.class, () -> deploy().run(request));
            assertEquals(
                    "<directory> (cloudfront.directory) " + site + " is not a directory. Point it at the built site,"
                            + " such as target/site, and run the goal after the phase that builds it.",
                    e.getMessage());
        }

        assertEquals(List.of(), s3.calls());
        assertEquals(List.of(), cloudFront.emulator.requests());
    }

    @Test
    void theLockIsTakenBeforeTheManifestAndTheBucketAreReadAndRemovedAtTheEnd() throws Exception {
        deploy().run(sync("s3://deploys/www/manifest.txt", "", false));

        int lock = indexOf("PutObject", "www/manifest.txt.lock");
        assertTrue(lock < indexOf("GetObject", "www/manifest.txt"), s3.calls().toString());
        assertTrue(lock < indexOf("ListObjectsV2", ""), s3.calls().toString());
        assertTrue(indexOf("PutObject", "www/manifest.txt") < indexOf("DeleteObject", "www/manifest.txt.lock"));
        assertTrue(
                indexOf("PutObject", "www/manifest.txt.history") < indexOf("DeleteObject", "www/manifest.txt.lock"),
                "the history is written under the lock");
        assertEquals(
                List.of("www/manifest.txt", "www/manifest.txt.history", "www/manifest.txt.objects"),
                s3.keys("deploys"));
        assertEquals(List.of("index.html", "site.css"), s3.keys("www"));
    }

    @Test
    void aReactorLocksEachManifestInSortedOrder() throws Exception {
        deploy().run(List.of(
                sync("s3://deploys/www/manifest.txt", "www/", false),
                sync("s3://deploys/blog/manifest.txt", "blog/", false)));

        int blog = indexOf("PutObject", "blog/manifest.txt.lock");
        int www = indexOf("PutObject", "www/manifest.txt.lock");
        assertTrue(blog < www, s3.calls().toString());
        assertTrue(www < indexOf("GetObject", "blog/manifest.txt"), s3.calls().toString());
        assertEquals(
                List.of(),
                s3.keys("deploys").stream().filter(k -> k.endsWith(".lock")).toList());
    }

    @Test
    void aDeployThatLostItsLockStopsBeforeItsFirstUpload() throws Exception {
        CountDownLatch listing = new CountDownLatch(1);
        s3.hold("ListObjectsV2", prefix -> true, Fault.holdUntil(listing));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> running = pool.submit(() -> deploy().run(sync("s3://deploys/www/manifest.txt", "", false)));
            s3.awaitHeld("ListObjectsV2", 1);
            // Another deploy takes the lock over while this one reads the bucket; the next renewal finds out.
            s3.putObject("deploys", "www/manifest.txt.lock", OTHERS_LOCK.getBytes(StandardCharsets.UTF_8));
            renewals.awaitSleepers(1);
            renewals.step(Duration.ofSeconds(20));
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            while (progress.warnings.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
            listing.countDown();

            ExecutionException failure =
                    org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, running::get);
            UserFixableException e = assertInstanceOf(UserFixableException.class, failure.getCause());
            assertTrue(
                    e.getMessage()
                            .startsWith("Stopped before uploading to s3://www/: this deploy no longer holds the"
                                    + " deploy lock s3://deploys/www/manifest.txt.lock (another deploy took it over"),
                    e.getMessage());
        } finally {
            listing.countDown();
            pool.shutdownNow();
        }
        assertEquals(List.of(), s3.keys("www"));
        assertEquals(List.of(), cloudFront.emulator.invalidations());
        assertEquals(List.of("www/manifest.txt.lock"), s3.keys("deploys"));
        assertEquals(
                OTHERS_LOCK,
                new String(s3.object("deploys", "www/manifest.txt.lock").orElseThrow()));
    }

    @Test
    void aFailedDeployRemovesItsLock() throws Exception {
        s3.failKeys("PutObject", key -> key.equals("index.html"), 403, "AccessDenied");

        org.junit.jupiter.api.Assertions.assertThrows(
                UserFixableException.class, () -> deploy().run(sync("s3://deploys/www/manifest.txt", "", false)));

        assertEquals(1, s3.count("DeleteObject", 204), s3.calls().toString());
        assertEquals(
                List.of(),
                s3.keys("deploys").stream().filter(k -> k.endsWith(".lock")).toList());
    }

    @Test
    void aDryRunTakesNoLockButSaysWhoHoldsIt() throws Exception {
        s3.putObject("deploys", "www/manifest.txt.lock", OTHERS_LOCK.getBytes(StandardCharsets.UTF_8));

        deploy().run(sync("s3://deploys/www/manifest.txt", "", true));

        assertTrue(
                progress.info.contains("Dry run: the deploy lock s3://deploys/www/manifest.txt.lock is held by"
                        + " g:other:2 on elsewhere by eve since 2026-12-06T10:00:00Z (lock ID thief-1); a deploy"
                        + " would wait for it. A dry run takes no lock."),
                progress.all());
        assertEquals(0, s3.count("PutObject", 200) + s3.count("PutObject", 412));
    }

    @Test
    void aDeployThatFindsTheLockHeldSaysSoInItsReport() throws Exception {
        s3.putObject("deploys", "www/manifest.txt.lock", OTHERS_LOCK.getBytes(StandardCharsets.UTF_8));
        Path summary = dir.resolve("summary.md");
        Deploy reporting = new Deploy(
                Connector.CLOUDFRONT,
                TimeSource.SYSTEM,
                new SplittableRandom(3),
                Map.<String, String>of()::get,
                progress,
                new LockTiming(TimeSource.SYSTEM, renewals, LockTiming.POLL, LockTiming.REPORT),
                new ReportFiles(Optional.of(summary), Optional.empty()));

        UserFixableException e = assertThrows(
                UserFixableException.class, () -> reporting.run(sync("s3://deploys/www/manifest.txt", "", false)));

        String report = Files.readString(summary, StandardCharsets.UTF_8);
        assertTrue(report.startsWith("### cloudfront:sync: failed\n"), report);
        assertTrue(e.getMessage().contains("g:other:2"), e.getMessage());
        assertTrue(report.contains("g:other:2"), "the holder is named: " + report);
        assertEquals(List.of(), s3.keys("www"), "nothing was published");
    }
}
