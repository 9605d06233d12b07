package io.github.cloudfrontmavenplugin.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontmavenplugin.RecordingProgress;
import io.github.cloudfrontmavenplugin.aws.Proxies;
import io.github.cloudfrontmavenplugin.aws.Retries;
import io.github.cloudfrontmavenplugin.aws.S3Clients;
import io.github.cloudfrontmavenplugin.base.TimeSource;
import io.github.cloudfrontmavenplugin.diff.AntPatterns;
import io.github.cloudfrontmavenplugin.diff.ManifestEntry;
import io.github.cloudfrontmavenplugin.diff.S3Settings;
import io.github.cloudfrontmavenplugin.emulator.CloudFrontEmulator;
import io.github.cloudfrontmavenplugin.emulator.S3Emulator;
import io.github.cloudfrontmavenplugin.emulator.S3ProxyServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * The publisher over real HTTP with the real SDK client, against our emulator and against S3Proxy, an S3-compatible
 * server we did not write: the same expectations must hold on both.
 */
class SitePublisherWireTest {
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
        return S3Clients.build(
                StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        CloudFrontEmulator.ACCESS_KEY_ID, CloudFrontEmulator.SECRET_ACCESS_KEY)),
                "www",
                Optional.empty(),
                Optional.of(URI.create(endpoint)),
                Retries.DEFAULT,
                Proxies.NONE,
                4);
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

    private SitePublisher.Published publish(String endpoint, Path site, String cacheControl, int maxDeletes)
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
                4,
                false,
                S3Settings.of(null, endpoint, null));
        return new SitePublisher(new RecordingProgress(), TimeSource.SYSTEM)
                .publish(
                        settings,
                        site,
                        entries(site),
                        AntPatterns.of(List.of(), List.of()),
                        temp.resolve("manifest.txt").toString(),
                        false);
    }

    @ParameterizedTest
    @ValueSource(strings = {"emulator", "s3proxy"})
    void aSecondPublishOfTheSameSiteSendsNothing(String kind) throws Exception {
        Server server = start(kind);
        try (AutoCloseable stop = server.stop();
                S3Client s3 = client(server.endpoint())) {
            Path site = site();
            SitePublisher.Published first = publish(server.endpoint(), site, "max-age=60", 10);
            assertEquals(3, first.uploaded());
            SitePublisher.Published second = publish(server.endpoint(), site, "max-age=60", 10);
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
            SitePublisher.Published changed = publish(server.endpoint(), site, "max-age=31536000, immutable", 10);
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
            SitePublisher.Published published = publish(server.endpoint(), site, "max-age=60", 1_005);
            assertEquals(1_005, published.deleted());
            assertEquals(
                    List.of("site/assets/app.js", "site/assets/video.mp4", "site/index.html"),
                    s3.listObjectsV2Paginator(r -> r.bucket("www").prefix("site/")).contents().stream()
                            .map(o -> o.key())
                            .toList());
        }
    }
}
