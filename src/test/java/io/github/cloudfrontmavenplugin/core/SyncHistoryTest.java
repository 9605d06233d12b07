package io.github.cloudfrontmavenplugin.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontmavenplugin.RecordingProgress;
import io.github.cloudfrontmavenplugin.base.TimeSource;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.diff.OnMissingManifest;
import io.github.cloudfrontmavenplugin.emulator.Fault;
import io.github.cloudfrontmavenplugin.emulator.S3Emulator;
import io.github.cloudfrontmavenplugin.emulator.StoredInvalidation;
import io.github.cloudfrontmavenplugin.history.DeployHistory;
import io.github.cloudfrontmavenplugin.history.DeployRecord;
import io.github.cloudfrontmavenplugin.history.ObjectState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cloudfront:sync} records each deploy that changed the bucket in {@code <manifest>.history}, over real HTTP
 * against the emulators: what it did, who ran it from which commit, its invalidation, and every object's state.
 */
class SyncHistoryTest {
    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";
    private static final String HISTORY = "manifest.txt.history";

    @TempDir
    Path dir;

    private EmulatedCloudFront cloudFront;
    private S3Emulator s3;
    private Path site;
    private final RecordingProgress progress = new RecordingProgress();
    /** One for every deploy of a test: each gets a CallerReference of its own. */
    private final SplittableRandom random = new SplittableRandom(3);

    @BeforeEach
    void start() throws Exception {
        cloudFront = new EmulatedCloudFront(Duration.ofSeconds(5));
        s3 = S3Emulator.start().createBucket("deploys").createBucket("www");
        site = Files.createDirectories(dir.resolve("site"));
        Files.writeString(site.resolve("index.html"), "home");
        Files.writeString(site.resolve("app.css"), "body{}");
    }

    @AfterEach
    void stop() {
        cloudFront.close();
        s3.close();
    }

    private SyncRequest request(int keepDeploys) throws Exception {
        SyncRequest sync = (SyncRequest)
                SyncRequests.of(site, cloudFront, s3, OnMissingManifest.ALL, Optional.of("s3://www/site/"));
        return new SyncRequest(sync.invalidation(), sync.publish(), keepDeploys);
    }

    private void sync(int keepDeploys) throws Exception {
        new Deploy(
                        Connector.CLOUDFRONT,
                        TimeSource.SYSTEM,
                        random,
                        Map.of(
                                "HOSTNAME", "runner-7",
                                "GITHUB_SHA", COMMIT,
                                "GITHUB_REPOSITORY", "o/site",
                                "GITHUB_RUN_ID", "42")::get,
                        progress)
                .run(request(keepDeploys));
    }

    private DeployHistory history() throws Exception {
        Path copy = dir.resolve("copy.history");
        Files.write(copy, s3.object("deploys", HISTORY).orElseThrow());
        return DeployHistory.read(copy);
    }

    private long historyRequests() {
        return s3.calls().stream().filter(c -> c.key().equals(HISTORY)).count();
    }

    @Test
    void eachDeployThatChangedTheBucketIsRecordedNewestFirst() throws Exception {
        sync(20);
        Files.writeString(site.resolve("index.html"), "home, changed");
        Files.delete(site.resolve("app.css"));
        sync(20);

        List<DeployRecord> records = history().records();
        assertEquals(2, records.size());
        DeployRecord newest = records.get(0);
        DeployRecord first = records.get(1);
        assertTrue(first.id().compareTo(newest.id()) < 0, first.id() + " sorts before " + newest.id());
        assertEquals(new DeployRecord.Counts(2, 0, 0, 0, 10), first.counts());
        assertEquals(new DeployRecord.Counts(1, 0, 1, 0, 13), newest.counts());
        List<StoredInvalidation> sent = cloudFront.emulator.invalidations();
        assertEquals(List.of(sent.get(0).distributionId() + " " + sent.get(0).id()), first.invalidations());
        assertEquals(List.of(sent.get(1).distributionId() + " " + sent.get(1).id()), newest.invalidations());
        assertEquals("runner-7", newest.host());
        assertEquals(Optional.of("https://github.com/o/site/actions/runs/42"), newest.ciJob());
        assertEquals(Optional.of(COMMIT), newest.commit());
        assertEquals("(no project)", newest.project());
        assertEquals("s3://www/site/", newest.location());
        assertEquals(Optional.empty(), newest.rolledBackTo());
        assertTrue(!newest.ended().isBefore(newest.started()), newest.toString());

        assertEquals(List.of("site/index.html"), List.copyOf(newest.objects().keySet()));
        ObjectState index = newest.objects().get("site/index.html");
        String etag = s3.stored("www", "site/index.html").orElseThrow().etag().replace("\"", "");
        assertEquals(etag, index.etag());
        assertEquals(sha256("home, changed"), index.sha256());
        assertEquals(13, index.size());
        assertEquals(
                List.of("site/app.css", "site/index.html"),
                List.copyOf(first.objects().keySet()));
        assertEquals(sha256("home"), first.objects().get("site/index.html").sha256());
        assertTrue(progress.infoStartingWith(
                                "Recorded this deploy as " + newest.id() + " in the history s3://deploys/" + HISTORY)
                        .size()
                == 1);
    }

    @Test
    void aDeployThatChangesNothingRecordsNothingAndSendsNoRequestForTheHistory() throws Exception {
        sync(20);
        long before = historyRequests();
        DeployHistory recorded = history();

        sync(20);

        assertEquals(before, historyRequests(), "no GetObject or PutObject of " + HISTORY);
        assertEquals(recorded, history());
    }

    @Test
    void theHistoryKeepsTheNewestKeepDeploys() throws Exception {
        for (int i = 0; i < 3; i++) {
            Files.writeString(site.resolve("index.html"), "home " + i);
            sync(2);
        }
        List<DeployRecord> records = history().records();
        assertEquals(2, records.size());
        assertEquals(
                sha256("home 2"),
                records.get(0).objects().get("site/index.html").sha256());
        assertEquals(
                sha256("home 1"),
                records.get(1).objects().get("site/index.html").sha256());
    }

    @Test
    void aHistoryInTheSitesOwnBucketIsNeverDeletedAsAnExtraObject() throws Exception {
        for (int i = 0; i < 2; i++) {
            Files.writeString(site.resolve("index.html"), "home " + i);
            new Deploy(Connector.CLOUDFRONT, TimeSource.SYSTEM, random, Map.<String, String>of()::get, progress)
                    .run(SyncRequests.of(site, cloudFront, s3, OnMissingManifest.ALL, Optional.of("s3://deploys/")));
        }
        assertEquals(2, history().records().size());
        assertEquals(
                List.of("app.css", "index.html", "manifest.txt", HISTORY, "manifest.txt.objects"), s3.keys("deploys"));
    }

    @Test
    void aDryRunRecordsNothing() throws Exception {
        SyncRequest sync = request(20);
        InvalidateRequest i = sync.invalidation();
        InvalidateRequest dry = new InvalidateRequest(
                i.distributionIds(),
                i.paths(),
                i.batchFile(),
                i.callerReference(),
                i.referenceOrigin(),
                i.waiting(),
                i.inProgressRetryTimeout(),
                true,
                i.outputFile(),
                i.connection(),
                i.diff(),
                i.budget(),
                i.tags(),
                i.allTenants(),
                i.lock());

        new Deploy(
                        Connector.CLOUDFRONT,
                        TimeSource.SYSTEM,
                        new SplittableRandom(3),
                        Map.<String, String>of()::get,
                        progress)
                .run(new SyncRequest(dry, sync.publish(), 20));

        assertEquals(0, historyRequests());
    }

    @Test
    void aHistoryThatCannotBeWrittenIsAWarningAfterTheDeploy() throws Exception {
        s3.failKeys("PutObject", key -> key.equals(HISTORY), 403, "AccessDenied");

        sync(20);

        assertEquals(List.of("site/app.css", "site/index.html"), s3.keys("www"));
        assertTrue(s3.object("deploys", "manifest.txt").isPresent(), "the manifest is recorded");
        List<String> lost = progress.warnings.stream()
                .filter(w -> w.startsWith("Could not record this deploy in the history s3://deploys/" + HISTORY))
                .toList();
        assertEquals(1, lost.size(), progress.all());
        assertTrue(
                lost.get(0)
                        .endsWith("The deploy itself is done and its manifest recorded; only its record is lost:"
                                + " cloudfront:history will not list it, and no rollback can return to it."),
                lost.get(0));
    }

    @Test
    void theHistoryIsReadWhileTheInvalidationIsSentAndOnlyOnce() throws Exception {
        sync(20);
        Files.writeString(site.resolve("index.html"), "home, changed");
        CountDownLatch invalidationRelease = new CountDownLatch(1);
        CountDownLatch historyRelease = new CountDownLatch(1);
        cloudFront.emulator.inject("CreateInvalidation", Fault.holdUntil(invalidationRelease));
        s3.hold("GetObject", HISTORY::equals, Fault.holdUntil(historyRelease));
        long getsBefore = s3.calls().stream()
                .filter(c -> c.operation().equals("GetObject") && c.key().equals(HISTORY))
                .count();
        ExecutorService deploy = Executors.newSingleThreadExecutor();
        try {
            Future<?> second = deploy.submit(() -> {
                sync(20);
                return null;
            });

            // Both held at once: a history read only after the invalidation was answered would never arrive here.
            s3.awaitHeld("GetObject", 1);
            cloudFront.emulator.awaitHeld("CreateInvalidation", 1);
            assertEquals(1, cloudFront.emulator.invalidations().size(), "the second invalidation is not created yet");
            invalidationRelease.countDown();
            historyRelease.countDown();
            second.get(1, TimeUnit.MINUTES);
        } finally {
            invalidationRelease.countDown();
            historyRelease.countDown();
            deploy.shutdownNow();
        }

        assertEquals(2, cloudFront.emulator.invalidations().size());
        assertEquals(2, history().records().size());
        assertEquals(
                getsBefore + 1,
                s3.calls().stream()
                        .filter(c ->
                                c.operation().equals("GetObject") && c.key().equals(HISTORY))
                        .count(),
                "one GetObject of the history per deploy: " + s3.calls());
    }

    @Test
    void aDeployWhoseInvalidationFailsWritesNoHistoryAndLeavesNoReadingThread() throws Exception {
        sync(20);
        DeployHistory recorded = history();
        Files.writeString(site.resolve("index.html"), "home, changed");
        cloudFront.emulator.inject("CreateInvalidation", Fault.error("AccessDenied", "User is not authorized"));

        assertThrows(UserFixableException.class, () -> sync(20));

        assertEquals(recorded, history());
        assertEquals(
                1,
                s3.calls().stream()
                        .filter(c ->
                                c.operation().equals("PutObject") && c.key().equals(HISTORY))
                        .count(),
                "only the first deploy's PutObject of the history: " + s3.calls());
        assertTrue(
                Thread.getAllStackTraces().keySet().stream()
                        .noneMatch(t -> t.getName().equals("cloudfront-history-read")),
                "the thread that read the history ended with the deploy");
    }

    @Test
    void aHistoryThatCannotBeReadIsOneWarningWithItsReason() throws Exception {
        sync(20);
        Files.writeString(site.resolve("index.html"), "home, changed");
        s3.failKeys("GetObject", HISTORY::equals, 403, "AccessDenied");

        sync(20);

        List<String> lost = progress.warnings.stream()
                .filter(w -> w.startsWith("Could not record this deploy in the history s3://deploys/" + HISTORY))
                .toList();
        assertEquals(1, lost.size(), progress.all());
        assertTrue(lost.get(0).contains("AccessDenied") || lost.get(0).contains("Access Denied"), lost.get(0));
        assertEquals(1, history().records().size());
    }

    @Test
    void aBucketWithoutVersioningIsWarnedOfOncePerRun() throws Exception {
        sync(20);

        List<String> warnings = progress.warnings.stream()
                .filter(w -> w.contains("no versioning"))
                .toList();
        assertEquals(
                List.of("The bucket www has no versioning: the objects this deploy replaced or deleted are gone, so a"
                        + " rollback to an earlier deploy will not be possible. Turn versioning on (and add a"
                        + " lifecycle rule that expires noncurrent versions after a number of days, to bound what it"
                        + " keeps):\n  aws s3api put-bucket-versioning --bucket www --versioning-configuration"
                        + " Status=Enabled"),
                warnings);
        assertEquals(
                Optional.empty(),
                history()
                        .newest()
                        .orElseThrow()
                        .objects()
                        .get("site/index.html")
                        .versionId());
    }

    @Test
    void onAVersionedBucketEachObjectsVersionIsRecordedAndAnUnchangedOneKeepsItsFirst() throws Exception {
        s3.enableVersioning("www");
        sync(20);
        Files.writeString(site.resolve("index.html"), "home, changed");
        sync(20);

        List<DeployRecord> records = history().records();
        String latestIndex = latestVersion("site/index.html");
        assertEquals(
                Optional.of(latestIndex),
                records.get(0).objects().get("site/index.html").versionId());
        assertEquals(
                Optional.of(s3.versions("www", "site/index.html").get(1).versionId()),
                records.get(1).objects().get("site/index.html").versionId());
        String css = latestVersion("site/app.css");
        assertEquals(
                Optional.of(css), records.get(0).objects().get("site/app.css").versionId());
        assertEquals(
                Optional.of(css), records.get(1).objects().get("site/app.css").versionId());
        assertEquals(List.of(), progress.warnings, "no warning of a bucket without versioning");
    }

    private String latestVersion(String key) {
        return s3.versions("www", key).get(0).versionId();
    }

    @Test
    void anObjectTheDeployLeftAloneKeepsTheVersionItHadWhereItsETagIsTheSame() {
        ObjectState v1 = new ObjectState("e1", "s1", 1, "h", Optional.of("v1"));
        ObjectState changedSince = new ObjectState("e2", "s2", 1, "h", Optional.of("v2"));
        DeployRecord previous = record(new TreeMap<>(Map.of("same", v1, "changed", changedSince)));
        TreeMap<String, ObjectState> now = new TreeMap<>(Map.of(
                "same", new ObjectState("e1", "s1", 1, "h", Optional.empty()),
                "changed", new ObjectState("e3", "s3", 1, "h", Optional.empty()),
                "written", new ObjectState("e4", "s4", 1, "h", Optional.of("v4"))));

        TreeMap<String, ObjectState> known = new TreeMap<>(RecordHistory.withKnownVersions(now, Optional.of(previous)));

        assertEquals(Optional.of("v1"), known.get("same").versionId());
        assertEquals(Optional.empty(), known.get("changed").versionId());
        assertEquals(Optional.of("v4"), known.get("written").versionId());
    }

    private static DeployRecord record(TreeMap<String, ObjectState> objects) {
        return new DeployRecord(
                "1",
                java.time.Instant.EPOCH,
                java.time.Instant.EPOCH,
                "h",
                "u",
                Optional.empty(),
                "p",
                Optional.empty(),
                Optional.empty(),
                "s3://www/",
                new DeployRecord.Counts(0, 0, 0, 0, 0),
                List.of(),
                objects);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
