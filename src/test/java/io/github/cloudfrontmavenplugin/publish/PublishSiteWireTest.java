package io.github.cloudfrontmavenplugin.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontmavenplugin.RecordingProgress;
import io.github.cloudfrontmavenplugin.SteppedTime;
import io.github.cloudfrontmavenplugin.aws.ConnectionSettings;
import io.github.cloudfrontmavenplugin.aws.Retries;
import io.github.cloudfrontmavenplugin.base.Progress;
import io.github.cloudfrontmavenplugin.base.TimeSource;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.diff.AntPatterns;
import io.github.cloudfrontmavenplugin.diff.ManifestEntry;
import io.github.cloudfrontmavenplugin.emulator.EmulatorClients;
import io.github.cloudfrontmavenplugin.emulator.Fault;
import io.github.cloudfrontmavenplugin.emulator.S3Emulator;
import io.github.cloudfrontmavenplugin.emulator.S3ProxyServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * The publisher over real HTTP with the real SDK client, against our emulator and against S3Proxy, an S3-compatible
 * server we did not write: the same expectations must hold on both. The order of the writes and the progress lines are
 * checked against the emulator alone, whose holds and record of events show them by construction.
 */
class PublishSiteWireTest {
    @TempDir
    Path temp;

    /** A server with the buckets {@code www}, its endpoint, and a way to stop it. */
    private record Server(String endpoint, AutoCloseable stop) {}

    private static Server start(String kind) throws Exception {
        if (kind.equals("emulator")) {
            S3Emulator emulator = S3Emulator.start().createBucket("www").listPageSize(1000);
            return new Server(emulator.endpoint(), emulator);
        }
        S3ProxyServer proxy = S3ProxyServer.start("www");
        return new Server(proxy.endpoint(), proxy);
    }

    private static S3Client client(String endpoint) {
        return EmulatorClients.s3(endpoint, "www", Retries.DEFAULT, 4);
    }

    private Path site() throws Exception {
        Path site = Files.createDirectories(temp.resolve("site"));
        Files.writeString(site.resolve("index.html"), "<html>home</html>");
        Files.createDirectories(site.resolve("assets"));
        Files.writeString(site.resolve("assets/app.js"), "console.log(1)");
        byte[] big = new byte[(17 << 20) + 123];
        new Random(7).nextBytes(big);
        Files.write(site.resolve("assets/video.mp4"), big);
        return site;
    }

    private static List<ManifestEntry> entries(Path site) throws Exception {
        List<ManifestEntry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.walk(site)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                byte[] content = Files.readAllBytes(file);
                entries.add(new ManifestEntry(
                        site.relativize(file).toString().replace('\\', '/'),
                        content.length,
                        HexFormat.of()
                                .formatHex(MessageDigest.getInstance("SHA-256").digest(content))));
            }
        }
        entries.sort(java.util.Comparator.comparing(
                ManifestEntry::path, io.github.cloudfrontmavenplugin.diff.PathOrder.INSTANCE));
        return entries;
    }

    private PublishSite.Published publish(String endpoint, Path site, String cacheControl, int maxDeletes)
            throws Exception {
        return publish(endpoint, site, cacheControl, maxDeletes, 4, new RecordingProgress(), TimeSource.SYSTEM);
    }

    private PublishSite.Published publish(
            String endpoint,
            Path site,
            String cacheControl,
            int maxDeletes,
            int concurrency,
            Progress progress,
            TimeSource time)
            throws Exception {
        PublishRule assets = new PublishRule(
                AntPatterns.of(List.of("assets/**"), List.of()),
                Optional.of(cacheControl),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Map.of("team", "web"),
                List.of("assets"));
        PublishSettings settings = PublishSettings.of(
                "s3://www/site/",
                HeaderRules.of(List.of(assets), "cache-tag"),
                true,
                maxDeletes,
                concurrency,
                false,
                ConnectionSettings.forS3(null, endpoint, null));
        try (BucketReading reading =
                BucketReading.start(settings, temp.resolve("manifest.txt").toString())) {
            PlanUploads.Planned planned = new PlanUploads(progress)
                    .run(reading, site, entries(site), AntPatterns.of(List.of(), List.of()), false);
            return new PublishSite(progress, time).run(planned);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"emulator", "s3proxy"})
    void aSecondPublishOfTheSameSiteSendsNothing(String kind) throws Exception {
        Server server = start(kind);
        try (AutoCloseable stop = server.stop();
                S3Client s3 = client(server.endpoint())) {
            Path site = site();
            PublishSite.Published first = publish(server.endpoint(), site, "max-age=60", 10);
            assertEquals(3, first.uploaded());
            PublishSite.Published second = publish(server.endpoint(), site, "max-age=60", 10);
            assertEquals(0, second.uploaded());
            assertEquals(3, second.unchanged());
            assertEquals(List.of(), second.changedPaths());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"emulator", "s3proxy"})
    void headersMetadataAndMultipartContentArriveAsPlanned(String kind) throws Exception {
        Server server = start(kind);
        try (AutoCloseable stop = server.stop();
                S3Client s3 = client(server.endpoint())) {
            Path site = site();
            publish(server.endpoint(), site, "max-age=60", 10);
            HeadObjectResponse js = s3.headObject(r -> r.bucket("www").key("site/assets/app.js"));
            assertEquals("text/javascript;charset=utf-8", js.contentType().replace("; ", ";"));
            assertEquals("max-age=60", js.cacheControl());
            assertEquals("web", js.metadata().get("team"));
            assertEquals("assets", js.metadata().get("cache-tag"));
            HeadObjectResponse page = s3.headObject(r -> r.bucket("www").key("site/index.html"));
            // S3Proxy's Jetty spells it back without the space; the media type is the same.
            assertEquals("text/html;charset=utf-8", page.contentType().replace("; ", ";"));
            HeadObjectResponse video = s3.headObject(r -> r.bucket("www").key("site/assets/video.mp4"));
            assertTrue(video.eTag().replace("\"", "").endsWith("-3"), "a multipart ETag: " + video.eTag());
            byte[] stored = s3.getObjectAsBytes(r -> r.bucket("www").key("site/assets/video.mp4"))
                    .asByteArray();
            assertArrayEquals(Files.readAllBytes(site.resolve("assets/video.mp4")), stored);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"emulator", "s3proxy"})
    void aChangedRuleRewritesOnlyTheHeadersOfTheFilesItMatches(String kind) throws Exception {
        Server server = start(kind);
        try (AutoCloseable stop = server.stop();
                S3Client s3 = client(server.endpoint())) {
            Path site = site();
            publish(server.endpoint(), site, "max-age=60", 10);
            PublishSite.Published changed = publish(server.endpoint(), site, "max-age=31536000, immutable", 10);
            assertEquals(0, changed.uploaded());
            assertEquals(2, changed.headersUpdated());
            assertEquals(List.of("assets/app.js", "assets/video.mp4"), changed.changedPaths());
            assertEquals(
                    "max-age=31536000, immutable",
                    s3.headObject(r -> r.bucket("www").key("site/assets/video.mp4"))
                            .cacheControl());
            assertEquals(
                    "console.log(1)",
                    s3.getObjectAsBytes(r -> r.bucket("www").key("site/assets/app.js"))
                            .asUtf8String());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"emulator", "s3proxy"})
    void aFileRemovedFromTheSiteIsDeletedFromTheBucketAndCountsAsChanged(String kind) throws Exception {
        Server server = start(kind);
        try (AutoCloseable stop = server.stop();
                S3Client s3 = client(server.endpoint())) {
            Path site = site();
            publish(server.endpoint(), site, "max-age=60", 10);
            Files.delete(site.resolve("assets/app.js"));

            PublishSite.Published second = publish(server.endpoint(), site, "max-age=60", 10);

            assertEquals(1, second.deleted());
            assertEquals(0, second.uploaded());
            assertEquals(List.of("assets/app.js"), second.changedPaths());
            assertEquals(
                    List.of("site/assets/video.mp4", "site/index.html"),
                    s3.listObjectsV2Paginator(r -> r.bucket("www").prefix("site/")).contents().stream()
                            .map(o -> o.key())
                            .toList());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"emulator", "s3proxy"})
    void everyPageOfTheListingCountsAndDeletesGoInBatches(String kind) throws Exception {
        Server server = start(kind);
        try (AutoCloseable stop = server.stop();
                S3Client s3 = client(server.endpoint())) {
            Path site = site();
            for (int i = 0; i < 1_005; i++) {
                String key = String.format("site/old/%04d.html", i);
                s3.putObject(
                        r -> r.bucket("www").key(key), RequestBody.fromBytes("old".getBytes(StandardCharsets.UTF_8)));
            }
            PublishSite.Published published = publish(server.endpoint(), site, "max-age=60", 1_005);
            assertEquals(1_005, published.deleted());
            assertEquals(
                    List.of("site/assets/app.js", "site/assets/video.mp4", "site/index.html"),
                    s3.listObjectsV2Paginator(r -> r.bucket("www").prefix("site/")).contents().stream()
                            .map(o -> o.key())
                            .toList());
        }
    }

    private static List<S3Emulator.S3Call> calls(S3Emulator s3, String operation, Predicate<String> keys) {
        return s3.calls().stream()
                .filter(c -> c.operation().equals(operation) && keys.test(c.key()))
                .toList();
    }

    private static long first(List<S3Emulator.S3Call> calls, ToLongFunction<S3Emulator.S3Call> event) {
        return calls.stream().mapToLong(event).min().orElseThrow();
    }

    private static long last(List<S3Emulator.S3Call> calls, ToLongFunction<S3Emulator.S3Call> event) {
        return calls.stream().mapToLong(event).max().orElseThrow();
    }

    @Test
    void pagesArriveOnlyOnceEveryAssetIsAnsweredAndTheDeleteComesLast() throws Exception {
        try (S3Emulator s3 = S3Emulator.start().createBucket("www")) {
            Path site = Files.createDirectories(temp.resolve("ordered"));
            Files.createDirectories(site.resolve("assets"));
            Files.createDirectories(site.resolve("docs"));
            for (String asset : List.of("assets/app.js", "assets/app.css", "assets/logo.svg", "assets/font.woff2")) {
                Files.writeString(site.resolve(asset), asset);
            }
            Files.writeString(site.resolve("index.html"), "<html>home</html>");
            Files.writeString(site.resolve("docs/index.html"), "<html>docs</html>");
            s3.putObject("www", "site/old.html", "gone".getBytes(StandardCharsets.UTF_8));
            // No asset is answered before all four are in flight: a page sent alongside them would arrive before
            // the last of them is answered, whichever thread runs first.
            s3.hold("PutObject", key -> !key.endsWith(".html"), Fault.holdUntilInFlight(4));

            publish(s3.endpoint(), site, "max-age=60", 10, 8, new RecordingProgress(), TimeSource.SYSTEM);

            List<S3Emulator.S3Call> assets = calls(s3, "PutObject", key -> !key.endsWith(".html"));
            List<S3Emulator.S3Call> pages = calls(s3, "PutObject", key -> key.endsWith(".html"));
            List<S3Emulator.S3Call> deletes = calls(s3, "DeleteObjects", key -> true);
            assertEquals(4, assets.size(), s3.calls().toString());
            assertEquals(2, pages.size(), s3.calls().toString());
            assertEquals(1, deletes.size(), s3.calls().toString());
            assertTrue(
                    last(assets, S3Emulator.S3Call::arrived) < first(assets, S3Emulator.S3Call::answered),
                    "the assets went up together: " + assets);
            assertTrue(
                    first(pages, S3Emulator.S3Call::arrived) > last(assets, S3Emulator.S3Call::answered),
                    "a page arrived before every asset was answered: " + s3.calls());
            assertTrue(
                    first(deletes, S3Emulator.S3Call::arrived) > last(pages, S3Emulator.S3Call::answered),
                    "the delete arrived before every page was answered: " + s3.calls());
            assertFalse(s3.keys("www").contains("site/old.html"));
        }
    }

    @Test
    void anAssetS3RefusesLeavesEveryPageAndEveryDeleteUndone() throws Exception {
        try (S3Emulator s3 = S3Emulator.start().createBucket("www")) {
            Path site = site();
            s3.putObject("www", "site/old.html", "gone".getBytes(StandardCharsets.UTF_8));
            s3.failKeys("PutObject", key -> key.equals("site/assets/app.js"), 403, "AccessDenied");

            UserFixableException e = assertThrows(
                    UserFixableException.class,
                    () -> publish(
                            s3.endpoint(), site, "max-age=60", 10, 8, new RecordingProgress(), TimeSource.SYSTEM));

            assertTrue(e.getMessage().contains("site/assets/app.js: HTTP 403 AccessDenied"), e.getMessage());
            assertEquals(
                    List.of(),
                    calls(s3, "PutObject", key -> key.endsWith(".html")),
                    s3.calls().toString());
            assertEquals(
                    List.of(),
                    calls(s3, "DeleteObjects", key -> true),
                    s3.calls().toString());
            assertTrue(s3.keys("www").contains("site/old.html"));
            assertTrue(
                    s3.keys("www").contains("site/assets/video.mp4"), "the other assets finished: " + s3.keys("www"));
        }
    }

    @Test
    void everyFiveSecondsOfTheClockALineSaysFilesAndBytesDoneTheRateAndTheTimeLeft() throws Exception {
        CountDownLatch releasePage = new CountDownLatch(1);
        ExecutorService build = Executors.newSingleThreadExecutor();
        try (S3Emulator s3 = S3Emulator.start().createBucket("www")) {
            Path site = Files.createDirectories(temp.resolve("progress"));
            Files.createDirectories(site.resolve("assets"));
            Files.write(site.resolve("assets/one.bin"), new byte[1 << 20]);
            Files.write(site.resolve("assets/two.bin"), new byte[1 << 20]);
            Files.write(site.resolve("index.html"), new byte[1 << 20]);
            // The page waits at the emulator while the clock moves: the two assets are done, the page is not.
            s3.hold("PutObject", key -> key.endsWith(".html"), Fault.holdUntil(releasePage));
            SteppedTime time = new SteppedTime(Instant.parse("2026-11-30T12:00:00Z"));
            RecordingProgress progress = new RecordingProgress();

            Future<PublishSite.Published> publishing =
                    build.submit(() -> publish(s3.endpoint(), site, "max-age=60", 10, 4, progress, time));
            s3.awaitHeld("PutObject", 1);
            time.awaitSleepers(1);
            assertEquals(List.of(), progress.infoStartingWith("Uploaded "), "no line before the clock moved");

            time.step(Duration.ofSeconds(5));
            assertEquals(
                    "Uploaded 2 of 3 files, 2.0 MiB of 3.0 MiB (409.6 KiB/s, about 3 s left)",
                    progress.awaitInfo("Uploaded ", 1).get(0));
            time.awaitSleepers(1);
            time.step(Duration.ofSeconds(5));
            assertEquals(
                    "Uploaded 2 of 3 files, 2.0 MiB of 3.0 MiB (204.8 KiB/s, about 5 s left)",
                    progress.awaitInfo("Uploaded ", 2).get(1));

            releasePage.countDown();
            assertEquals(3, publishing.get().uploaded());
            assertEquals(2, progress.infoStartingWith("Uploaded ").size(), progress.info.toString());
        } finally {
            releasePage.countDown();
            build.shutdownNow();
        }
    }
}
