package io.github.cloudfrontmavenplugin.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontmavenplugin.RecordingProgress;
import io.github.cloudfrontmavenplugin.aws.ConnectionSettings;
import io.github.cloudfrontmavenplugin.aws.Retries;
import io.github.cloudfrontmavenplugin.base.TimeSource;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.diff.AntPatterns;
import io.github.cloudfrontmavenplugin.diff.DiffSettings;
import io.github.cloudfrontmavenplugin.diff.OnMissingManifest;
import io.github.cloudfrontmavenplugin.diff.SiteUrls;
import io.github.cloudfrontmavenplugin.emulator.CloudFrontEmulator;
import io.github.cloudfrontmavenplugin.emulator.S3Emulator;
import io.github.cloudfrontmavenplugin.emulator.S3StoredObject;
import io.github.cloudfrontmavenplugin.history.DeployHistory;
import io.github.cloudfrontmavenplugin.history.DeployRecord;
import io.github.cloudfrontmavenplugin.history.HistoryStore;
import io.github.cloudfrontmavenplugin.history.ObjectState;
import io.github.cloudfrontmavenplugin.lock.LockSettings;
import io.github.cloudfrontmavenplugin.lock.LockTiming;
import io.github.cloudfrontmavenplugin.plan.Budget;
import io.github.cloudfrontmavenplugin.publish.HeaderRules;
import io.github.cloudfrontmavenplugin.publish.PublishRule;
import io.github.cloudfrontmavenplugin.publish.PublishSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cloudfront:rollback} end to end over HTTP, against the S3 emulator with versioning on: syncs record deploys,
 * the rollback copies their kept versions back, invalidates exactly what it changed and records itself; or refuses
 * before any change.
 */
class RollbackTest {
    private static final String MANIFEST = "s3://deploys/www/manifest.txt";

    @TempDir
    Path dir;

    private EmulatedCloudFront cloudFront;
    private S3Emulator s3;
    private Path site;
    private final RecordingProgress progress = new RecordingProgress();
    /** One for every deploy of a test, so that each gets its own CallerReference. */
    private final SplittableRandom random = new SplittableRandom(3);

    @BeforeEach
    void start() throws Exception {
        cloudFront = new EmulatedCloudFront(Duration.ofSeconds(5));
        s3 = S3Emulator.start().createBucket("deploys").createBucket("www").enableVersioning("www");
        site = Files.createDirectories(dir.resolve("site"));
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

    /** The site as a build makes it: each path with its content, everything else removed. */
    private void build(Map<String, String> files) throws Exception {
        try (var walk = Files.walk(site)) {
            for (Path file : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!file.equals(site)) {
                    Files.delete(file);
                }
            }
        }
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = site.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
    }

    private static final Map<String, String> V1 = Map.of(
            "index.html", "home 1",
            "app.css", "body { color: red }",
            "docs/index.html", "docs",
            "old.js", "old()");
    private static final Map<String, String> V2 = Map.of(
            "index.html", "home 2",
            "app.css", "body { color: red }",
            "docs/index.html", "docs",
            "new.js", "new()");

    private static HeaderRules rules(String cssCacheControl) throws UserFixableException {
        return HeaderRules.of(
                List.of(new PublishRule(
                        AntPatterns.of(List.of("**/*.css"), List.of()),
                        Optional.of(cssCacheControl),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Map.of("team", "web"),
                        List.of("style"))),
                "cache-tag");
    }

    private InvalidateRequest invalidation(Optional<DiffSettings> diff, boolean dryRun) throws UserFixableException {
        return new InvalidateRequest(
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
                diff,
                new Budget(100, 15),
                List.of(),
                false,
                LockSettings.of(60, 0, "it.example:site:1.0"));
    }

    private void sync(String bucket, HeaderRules rules) throws Exception {
        DiffSettings diff = new DiffSettings(
                site,
                SiteUrls.of("/", "index.html"),
                AntPatterns.of(List.of(), List.of()),
                MANIFEST,
                OnMissingManifest.ALL,
                s3Settings());
        deploy().run(new SyncRequest(
                invalidation(Optional.of(diff), false),
                PublishSettings.of(bucket, rules, true, 100, 4, false, s3Settings())));
    }

    private void sync(HeaderRules rules) throws Exception {
        sync("s3://www/", rules);
    }

    private RollbackRequest rollback(String bucket, Optional<String> to, boolean dryRun) throws Exception {
        return new RollbackRequest(
                invalidation(Optional.empty(), dryRun),
                PublishSettings.of(bucket, HeaderRules.of(List.of(), "cache-tag"), true, 100, 4, false, s3Settings()),
                MANIFEST,
                SiteUrls.of("/", "index.html"),
                AntPatterns.of(List.of(), List.of()),
                to,
                20);
    }

    private RollbackRequest rollback(Optional<String> to) throws Exception {
        return rollback("s3://www/", to, false);
    }

    private Deploy deploy() {
        return new Deploy(
                Connector.CLOUDFRONT,
                TimeSource.SYSTEM,
                random,
                Map.<String, String>of()::get,
                progress,
                LockTiming.of(TimeSource.SYSTEM));
    }

    /** Each object of the bucket as a GET sees it: its bytes, its ETag and its headers. */
    private Map<String, String> bucket(String name) {
        Map<String, String> objects = new TreeMap<>();
        for (String key : s3.keys(name)) {
            S3StoredObject object = s3.stored(name, key).orElseThrow();
            objects.put(
                    key,
                    new String(object.content(), StandardCharsets.UTF_8) + " " + object.etag() + " "
                            + new TreeMap<>(object.headers()));
        }
        return objects;
    }

    private DeployHistory history() throws Exception {
        try (HistoryStore store = HistoryStore.open(MANIFEST, s3Settings())) {
            return store.read();
        }
    }

    private List<String> lastInvalidation() {
        List<String> paths = new java.util.ArrayList<>(cloudFront
                .emulator
                .invalidations()
                .get(cloudFront.emulator.invalidations().size() - 1)
                .paths());
        paths.sort(null);
        return paths;
    }

    /** The operations S3 answered since the {@code from}th call, such as {@code CopyObject index.html}. */
    private List<String> callsSince(int from, String operation) {
        return s3.calls().stream()
                .skip(from)
                .filter(call -> call.operation().equals(operation))
                .map(call -> call.operation() + " " + call.key())
                .sorted()
                .toList();
    }

    /** Two deploys with the same rules: V1, then V2, which the bucket then holds. */
    private void syncV1ThenV2() throws Exception {
        build(V1);
        sync(rules("max-age=60"));
        build(V2);
        sync(rules("max-age=60"));
    }

    @Test
    void restoresTheBucketExactlyAndInvalidatesExactlyWhatItChanged() throws Exception {
        build(V1);
        sync(rules("max-age=60"));
        Map<String, String> v1 = bucket("www");
        byte[] manifestV1 = s3.object("deploys", "www/manifest.txt").orElseThrow();
        build(V2);
        // The css keeps its bytes and ETag, but a changed rule gives it other headers.
        sync(rules("max-age=120"));
        assertTrue(!bucket("www").equals(v1));
        String v1Id = history().records().get(1).id();
        int invalidations = cloudFront.emulator.invalidations().size();
        int callsBefore = s3.calls().size();

        deploy().run(rollback(Optional.empty()));

        assertEquals(v1, bucket("www"));
        assertEquals(List.of("/", "/app.css", "/index.html", "/new.js", "/old.js"), lastInvalidation());
        assertEquals(invalidations + 1, cloudFront.emulator.invalidations().size());
        // No bytes were sent: every object came back by a server-side copy, the deleted old.js too.
        assertEquals(
                List.of("CopyObject app.css", "CopyObject index.html", "CopyObject old.js"),
                callsSince(callsBefore, "CopyObject"));
        assertEquals(
                List.of(),
                callsSince(callsBefore, "PutObject").stream()
                        .filter(call -> !call.startsWith("PutObject www/manifest.txt"))
                        .toList());
        assertArrayEquals(manifestV1, s3.object("deploys", "www/manifest.txt").orElseThrow());
        DeployRecord recorded = history().newest().orElseThrow();
        assertEquals(Optional.of(v1Id), recorded.rolledBackTo());
        assertEquals(3, history().records().size());
        assertEquals(
                history().find(v1Id).orElseThrow().objects().keySet(),
                recorded.objects().keySet());
        assertEquals(
                List.of(),
                s3.keys("deploys").stream().filter(k -> k.endsWith(".lock")).toList());
    }

    @Test
    void readsTheHistoryOnceAndAppendsItsRecordOnlyToTheOneItRead() throws Exception {
        syncV1ThenV2();
        int callsBefore = s3.calls().size();
        int requestsBefore = s3.requests().size();

        deploy().run(rollback(Optional.empty()));

        assertEquals(
                List.of("GetObject www/manifest.txt.history"),
                callsSince(callsBefore, "GetObject").stream()
                        .filter(call -> call.endsWith(".history"))
                        .toList());
        List<S3Emulator.S3Request> historyPuts = s3.requests().stream()
                .skip(requestsBefore)
                .filter(r -> r.method().equals("PUT") && r.key().equals("www/manifest.txt.history"))
                .toList();
        assertEquals(1, historyPuts.size(), historyPuts.toString());
        assertTrue(historyPuts.get(0).ifMatch().isPresent(), historyPuts.toString());
        assertEquals(3, history().records().size());
    }

    @Test
    void aSyncOfTheNewBuildAfterARollbackWritesAndInvalidatesExactlyWhatDiffers() throws Exception {
        build(V1);
        sync(rules("max-age=60"));
        build(V2);
        sync(rules("max-age=120"));
        Map<String, String> v2 = bucket("www");
        deploy().run(rollback(Optional.empty()));

        sync(rules("max-age=120"));

        assertEquals(v2, bucket("www"));
        assertEquals(List.of("/", "/app.css", "/index.html", "/new.js", "/old.js"), lastInvalidation());
        // And rolling forward is a rollback to the newer deploy, which the history keeps.
        assertEquals(4, history().records().size());
    }

    @Test
    void rollsBackToAnOlderKeptDeployByItsId() throws Exception {
        build(V1);
        sync(rules("max-age=60"));
        Map<String, String> v1 = bucket("www");
        build(V2);
        sync(rules("max-age=60"));
        build(Map.of("index.html", "home 3"));
        sync(rules("max-age=60"));
        String first = history().records().get(2).id();

        deploy().run(rollback(Optional.of(first)));

        assertEquals(v1, bucket("www"));
        assertEquals(
                List.of("/", "/app.css", "/docs", "/docs/", "/docs/index.html", "/index.html", "/old.js"),
                lastInvalidation());
    }

    @Test
    void aBucketWithoutVersioningIsRefusedBeforeAnyChange() throws Exception {
        s3.createBucket("plain");
        build(V1);
        sync("s3://plain/", rules("max-age=60"));
        build(V2);
        sync("s3://plain/", rules("max-age=60"));
        Map<String, String> before = bucket("plain");
        int invalidations = cloudFront.emulator.invalidations().size();

        UserFixableException refused = assertThrows(
                UserFixableException.class, () -> deploy().run(rollback("s3://plain/", Optional.empty(), false)));

        assertTrue(refused.getMessage().startsWith("The bucket plain does not keep versions"), refused.getMessage());
        assertTrue(
                refused.getMessage()
                        .contains("aws s3api put-bucket-versioning --bucket plain"
                                + " --versioning-configuration Status=Enabled"),
                refused.getMessage());
        assertTrue(
                refused.getMessage().contains("aws s3api put-bucket-lifecycle-configuration --bucket plain"),
                refused.getMessage());
        assertEquals(before, bucket("plain"));
        assertEquals(invalidations, cloudFront.emulator.invalidations().size());
        assertEquals(2, history().records().size());
    }

    @Test
    void aVersionThatNoLongerExistsIsRefusedBeforeAnyChangeNamingIt() throws Exception {
        build(V1);
        sync(rules("max-age=60"));
        String expired = history()
                .newest()
                .orElseThrow()
                .objects()
                .get("index.html")
                .versionId()
                .orElseThrow();
        build(V2);
        sync(rules("max-age=60"));
        s3.deleteVersion("www", "index.html", expired);
        Map<String, String> before = bucket("www");
        int callsBefore = s3.calls().size();

        UserFixableException refused =
                assertThrows(UserFixableException.class, () -> deploy().run(rollback(Optional.empty())));

        assertTrue(refused.getMessage().contains("needs 1 version that S3 no longer keeps"), refused.getMessage());
        assertTrue(refused.getMessage().contains("\n  index.html (version " + expired + ")"), refused.getMessage());
        assertEquals(before, bucket("www"));
        assertEquals(List.of(), callsSince(callsBefore, "CopyObject"));
        assertEquals(List.of(), callsSince(callsBefore, "DeleteObjects"));
    }

    @Test
    void aHistoryReplacedSinceTheRollbackReadItIsLeftAsItIs() throws Exception {
        build(V1);
        sync(rules("max-age=60"));
        Map<String, String> v1 = bucket("www");
        build(V2);
        sync(rules("max-age=60"));
        // Another writer replaces the history after the rollback read it, before it appends its record.
        Path file = dir.resolve("other-history.gz");
        DeployHistory other = DeployHistory.EMPTY.with(history().newest().orElseThrow(), 20);
        other.write(file);
        byte[] otherBytes = Files.readAllBytes(file);
        s3.afterPutOf("www/manifest.txt", () -> s3.putObject("deploys", "www/manifest.txt.history", otherBytes));

        deploy().run(rollback(Optional.empty()));

        assertEquals(v1, bucket("www"));
        assertEquals(other, history());
        assertEquals(1, progress.warnings.size(), progress.warnings.toString());
        assertTrue(
                progress.warnings.get(0).startsWith("Could not record this deploy in the history"),
                progress.warnings.get(0));
    }

    @Test
    void aVersionTheRecordDoesNotNameIsFoundByItsEtag() throws Exception {
        build(V1);
        sync(rules("max-age=60"));
        Map<String, String> v1 = bucket("www");
        build(V2);
        sync(rules("max-age=60"));
        // As a record an earlier deploy wrote before versions were recorded: index.html without its version.
        DeployRecord newest = history().records().get(0);
        DeployRecord target = history().records().get(1);
        TreeMap<String, ObjectState> objects = new TreeMap<>(target.objects());
        ObjectState page = objects.get("index.html");
        objects.put(
                "index.html",
                new ObjectState(page.etag(), page.sha256(), page.size(), page.headers(), Optional.empty()));
        Path file = dir.resolve("history.gz");
        DeployHistory.EMPTY
                .with(withObjects(target, objects), 20)
                .with(newest, 20)
                .write(file);
        s3.putObject("deploys", "www/manifest.txt.history", Files.readAllBytes(file));
        int callsBefore = s3.calls().size();

        deploy().run(rollback(Optional.empty()));

        assertEquals(v1, bucket("www"));
        assertEquals(List.of("ListObjectVersions index.html"), callsSince(callsBefore, "ListObjectVersions"));
        assertEquals(List.of("CopyObject index.html", "CopyObject old.js"), callsSince(callsBefore, "CopyObject"));
        // Of index.html's two versions, the one copied back is V1's, whose ETag the record names.
        assertEquals(2 + 1, s3.versions("www", "index.html").size());
        assertEquals(Optional.of(target.id()), history().newest().orElseThrow().rolledBackTo());
    }

    private static DeployRecord withObjects(DeployRecord r, TreeMap<String, ObjectState> objects) {
        return new DeployRecord(
                r.id(),
                r.started(),
                r.ended(),
                r.host(),
                r.user(),
                r.ciJob(),
                r.project(),
                r.commit(),
                r.rolledBackTo(),
                r.location(),
                r.counts(),
                r.invalidations(),
                objects);
    }

    @Test
    void anIdThatIsNotKeptIsRefusedListingTheKeptOnes() throws Exception {
        syncV1ThenV2();
        List<String> kept = history().records().stream().map(DeployRecord::id).toList();

        UserFixableException refused = assertThrows(
                UserFixableException.class, () -> deploy().run(rollback(Optional.of("20200101T000000.000Z-dead"))));

        assertTrue(
                refused.getMessage().contains("The kept deploys, newest first: " + String.join(", ", kept) + "."),
                refused.getMessage());
    }

    @Test
    void noHistoryIsRefused() throws Exception {
        UserFixableException refused =
                assertThrows(UserFixableException.class, () -> deploy().run(rollback(Optional.empty())));

        assertTrue(
                refused.getMessage().startsWith("There is no deploy history at " + MANIFEST + ".history"),
                refused.getMessage());
        assertEquals(List.of(), s3.keys("deploys"));
    }

    @Test
    void aDryRunPrintsWhatItWouldCopyDeleteAndInvalidateAndChangesNothing() throws Exception {
        syncV1ThenV2();
        Map<String, String> before = bucket("www");
        byte[] manifest = s3.object("deploys", "www/manifest.txt").orElseThrow();
        int invalidations = cloudFront.emulator.invalidations().size();
        int calls = s3.calls().size();

        deploy().run(rollback("s3://www/", Optional.empty(), true));

        assertEquals(before, bucket("www"));
        assertArrayEquals(manifest, s3.object("deploys", "www/manifest.txt").orElseThrow());
        assertEquals(invalidations, cloudFront.emulator.invalidations().size());
        assertTrue(s3.calls().stream()
                .skip(calls)
                .noneMatch(call -> call.key().endsWith(".lock")
                        && !call.operation().equals("GetObject")
                        && !call.operation().equals("HeadObject")));
        assertTrue(progress.info.stream().anyMatch(line -> line.startsWith("  restore index.html (version ")));
        assertTrue(progress.info.stream().anyMatch(line -> line.startsWith("  restore old.js (version ")));
        assertTrue(progress.info.contains("  delete new.js"), progress.info.toString());
        assertTrue(progress.info.stream().anyMatch(line -> line.startsWith("Dry run: would invalidate 4 paths")));
    }
}
