package io.github.cloudfrontmavenplugin.core;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontmavenplugin.LeftBehind;
import io.github.cloudfrontmavenplugin.RecordingProgress;
import io.github.cloudfrontmavenplugin.base.TimeSource;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.diff.OnMissingManifest;
import io.github.cloudfrontmavenplugin.emulator.Fault;
import io.github.cloudfrontmavenplugin.emulator.S3Emulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cloudfront:sync} reads its bucket while it hashes the site: the listing is in flight while the diff runs,
 * fails the build as it did when it came after the diff, never outlives the run, and is never read for
 * {@code cloudfront:invalidate}.
 */
class SyncBucketReadingTest {
    @TempDir
    Path dir;

    private EmulatedCloudFront cloudFront;
    private S3Emulator s3;
    private Path site;
    private final RecordingProgress progress = new RecordingProgress();

    @BeforeEach
    void start() throws Exception {
        cloudFront = new EmulatedCloudFront(Duration.ofSeconds(5));
        s3 = S3Emulator.start().createBucket("deploys").createBucket("www");
        site = Files.createDirectories(dir.resolve("site"));
        Files.writeString(site.resolve("index.html"), "home");
        Files.createDirectories(site.resolve("docs"));
        Files.writeString(site.resolve("docs/index.html"), "docs");
    }

    @AfterEach
    void stop() {
        cloudFront.close();
        s3.close();
    }

    private DeployRequest request(boolean sync) throws UserFixableException {
        return SyncRequests.of(
                site, cloudFront, s3, OnMissingManifest.ALL, sync ? Optional.of("s3://www/site/") : Optional.empty());
    }

    private Deploy invalidate() {
        return invalidate(3);
    }

    /** @param seed a deploy's own, for a CallerReference of its own */
    private Deploy invalidate(long seed) {
        // The publish's progress meter ticks on the system clock.
        return new Deploy(
                Connector.CLOUDFRONT,
                TimeSource.SYSTEM,
                new SplittableRandom(seed),
                Map.<String, String>of()::get,
                progress);
    }

    /**
     * Runs {@code deploy}'s sync with the GetObject of {@code key} and every listing held until both are in flight at
     * once: had the listing waited for that GetObject, which is held, this would time out.
     */
    private void syncWithTheListingBesideTheGetOf(String key, Deploy deploy) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        s3.hold("GetObject", key::equals, Fault.holdUntil(release));
        s3.hold("ListObjectsV2", prefix -> true, Fault.holdUntil(release));
        ExecutorService build = Executors.newSingleThreadExecutor();
        try {
            Future<?> sync = build.submit(() -> deploy.run(request(true)));
            s3.awaitHeld("GetObject", 1);
            s3.awaitHeld("ListObjectsV2", 1);
            release.countDown();
            sync.get();
        } finally {
            release.countDown();
            build.shutdownNow();
        }
    }

    @Test
    void theBucketIsListedWhileTheDiffReadsTheLastDeploysManifest() throws Exception {
        syncWithTheListingBesideTheGetOf("manifest.txt", invalidate());

        assertEquals(List.of("site/docs/index.html", "site/index.html"), s3.keys("www"));
        assertEquals(1, cloudFront.emulator.invalidations().size());
    }

    @Test
    void theBucketIsListedWhileTheRecordOfTheLastSyncIsRead() throws Exception {
        invalidate(4).run(request(true));
        Files.writeString(site.resolve("index.html"), "home, changed");
        long listingsBefore = s3.calls().stream()
                .filter(c -> c.operation().equals("ListObjectsV2"))
                .count();
        syncWithTheListingBesideTheGetOf("manifest.txt.objects", invalidate());

        assertEquals(
                "home, changed", new String(s3.object("www", "site/index.html").orElseThrow(), UTF_8));
        assertEquals(
                listingsBefore + 1,
                s3.calls().stream()
                        .filter(c -> c.operation().equals("ListObjectsV2"))
                        .count(),
                "a bucket of two keys is one page: " + s3.calls());
    }

    @Test
    void aListingThatFailsFailsTheSyncWithItsMessageAndNothingIsSent() throws Exception {
        s3.failKeys("ListObjectsV2", prefix -> true, 403, "AccessDenied");

        UserFixableException e =
                assertThrows(UserFixableException.class, () -> invalidate().run(request(true)));

        assertEquals(
                "Cannot list s3://www/site/: HTTP 403 AccessDenied: AccessDenied (injected). Allow s3:ListBucket on"
                        + " arn:aws:s3:::www to the identity the build runs as.",
                e.getMessage());
        // Nothing but the deploy lock, taken before the listing and removed after the failure.
        assertEquals(
                List.of("manifest.txt.lock"),
                s3.calls().stream()
                        .filter(c -> c.operation().equals("PutObject") && c.status() == 200)
                        .map(S3Emulator.S3Call::key)
                        .toList(),
                s3.calls().toString());
        assertEquals(
                List.of(),
                s3.keys("deploys").stream().filter(k -> k.endsWith(".lock")).toList());
        assertEquals(List.of(), cloudFront.emulator.invalidations());
    }

    @Test
    void aDiffThatFailsStopsTheListingBeforeTheRunEnds() throws Exception {
        s3.putObject("deploys", "manifest.txt", "not a manifest".getBytes(StandardCharsets.UTF_8));
        CountDownLatch manifestRead = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        s3.hold("GetObject", key -> key.equals("manifest.txt"), Fault.holdUntil(manifestRead));
        s3.hold("ListObjectsV2", prefix -> true, Fault.holdUntil(never));
        ExecutorService build = Executors.newSingleThreadExecutor();
        try {
            Future<?> sync = build.submit(() -> invalidate().run(request(true)));
            s3.awaitHeld("ListObjectsV2", 1);
            manifestRead.countDown();

            Exception e = assertThrows(Exception.class, sync::get);

            assertTrue(e.getCause() instanceof UserFixableException, String.valueOf(e.getCause()));
            assertEquals(0, LeftBehind.threadsNamed("cloudfront-s3-list"), "a listing thread outlived the run");
        } finally {
            never.countDown();
            build.shutdownNow();
        }
        assertEquals(List.of(), s3.keys("www"));
    }

    @Test
    void anInvalidationWithADiffNeverReadsABucket() throws Exception {
        invalidate().run(request(false));

        assertEquals(1, cloudFront.emulator.invalidations().size());
        assertEquals(
                0,
                s3.calls().stream()
                        .filter(call -> call.operation().equals("ListObjectsV2"))
                        .count());
    }
}
