package io.github.cloudfrontmavenplugin.diff;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontmavenplugin.aws.ConnectionSettings;
import io.github.cloudfrontmavenplugin.aws.Retries;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.emulator.S3Emulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class S3ManifestStoreTest {
    @TempDir
    Path dir;

    private S3Emulator s3;
    private ConnectionSettings settings;

    @BeforeEach
    void start() throws Exception {
        s3 = S3Emulator.start().createBucket("deploys");
        settings = ConnectionSettings.forS3(null, s3.endpoint(), null)
                .withRetries(new Retries(3, Duration.ofMillis(1), Duration.ofMillis(5)));
    }

    @AfterEach
    void stop() {
        s3.close();
    }

    private S3ManifestStore store() throws UserFixableException {
        return S3ManifestStore.connect("deploys", "www/manifest.txt", settings);
    }

    private Path file(String content) throws Exception {
        Path file = Files.createTempFile(dir, "next", ".txt");
        Files.writeString(file, content);
        return file;
    }

    @Test
    void firstWriteIsConditionalOnAbsenceAndLaterOnesOnTheETag() throws Exception {
        try (S3ManifestStore store = store()) {
            ManifestStore.Snapshot absent = store.read(dir);
            assertEquals(ManifestStore.Snapshot.ABSENT, absent);
            store.replace(absent, file("v1"));

            ManifestStore.Snapshot first = store.read(dir);
            assertEquals("v1", Files.readString(first.file().orElseThrow()));
            store.replace(first, file("v2"));
        }
        assertEquals("v2", new String(s3.object("deploys", "www/manifest.txt").orElseThrow(), StandardCharsets.UTF_8));
        List<S3Emulator.S3Request> puts =
                s3.requests().stream().filter(r -> r.method().equals("PUT")).toList();
        assertEquals(Optional.of("*"), puts.get(0).ifNoneMatch());
        assertTrue(
                puts.get(1).ifMatch().orElseThrow().startsWith("\""),
                puts.get(1).toString());
    }

    @Test
    void aWriteThatLostTheRaceFailsAndKeepsTheWinnersManifest() throws Exception {
        s3.putObject("deploys", "www/manifest.txt", "v1".getBytes(StandardCharsets.UTF_8));
        try (S3ManifestStore store = store()) {
            ManifestStore.Snapshot basis = store.read(dir);
            s3.beforeNextPut(() -> s3.putObject("deploys", "www/manifest.txt", "v2 by the other deploy".getBytes()));

            UserFixableException e =
                    assertThrows(UserFixableException.class, () -> store.replace(basis, file("v2 mine")));

            assertTrue(
                    e.getMessage()
                            .startsWith("The manifest s3://deploys/www/manifest.txt was changed by another"
                                    + " deploy while this one ran"),
                    e.getMessage());
        }
        assertEquals(
                "v2 by the other deploy",
                new String(s3.object("deploys", "www/manifest.txt").orElseThrow()));
    }

    @Test
    void twoFirstDeploysRacingCannotBothWin() throws Exception {
        s3.readersMeetBeforeAnswering(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (String name : List.of("a", "b")) {
                Callable<String> deploy = () -> {
                    try (S3ManifestStore store = store()) {
                        ManifestStore.Snapshot basis = store.read(dir);
                        store.replace(basis, file("written by " + name));
                        return "won";
                    } catch (UserFixableException e) {
                        return e.getMessage();
                    }
                };
                outcomes.add(pool.submit(deploy));
            }
            List<String> results =
                    List.of(outcomes.get(0).get(), outcomes.get(1).get());
            assertEquals(1, results.stream().filter("won"::equals).count(), results.toString());
            assertTrue(results.stream().anyMatch(r -> r.contains("was changed by another deploy")), results.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFirstDeployWithoutListBucketSaysWhichPermissionIsMissing() throws Exception {
        s3.withoutListBucket();

        try (S3ManifestStore store = store()) {
            UserFixableException e = assertThrows(UserFixableException.class, () -> store.read(dir));
            assertTrue(
                    e.getMessage()
                            .contains(": HTTP 403 AccessDenied: Access Denied. Allow s3:GetObject on"
                                    + " arn:aws:s3:::deploys/www/manifest.txt, and s3:ListBucket on"
                                    + " arn:aws:s3:::deploys (without it S3 answers a manifest that does not exist"
                                    + " yet, as on the first deploy, with 403 instead of 404)"),
                    e.getMessage());
            // Only the missing key is refused: once it exists, GetObject alone reads it.
            s3.putObject("deploys", "www/manifest.txt", "cloudfront-maven-plugin manifest 1\n".getBytes(UTF_8));
            assertTrue(store.read(dir).version().isPresent());
        }
    }

    @Test
    void aMissingBucketIsNamed() throws Exception {
        try (S3ManifestStore store = S3ManifestStore.connect("no-such-bucket", "m.txt", settings)) {
            UserFixableException e = assertThrows(UserFixableException.class, () -> store.read(dir));
            assertTrue(
                    e.getMessage().contains("the bucket 'no-such-bucket' does not exist (NoSuchBucket)"),
                    e.getMessage());
        }
    }

    @Test
    void locationsAreParsed() throws Exception {
        assertTrue(ManifestStores.open(dir.resolve("m.txt").toString(), settings) instanceof LocalManifestStore);
        for (String bad : List.of("s3://bucket", "s3://bucket/", "s3:///key")) {
            UserFixableException e = assertThrows(UserFixableException.class, () -> ManifestStores.open(bad, settings));
            assertTrue(e.getMessage().contains("s3://bucket/key"), e.getMessage());
        }
        assertTrue(assertThrows(
                        UserFixableException.class, () -> ConnectionSettings.forS3(null, "localhost:9000", null))
                .getMessage()
                .startsWith("<s3Endpoint> (cloudfront.s3Endpoint) is 'localhost:9000', which is not an http(s) URL"));
        assertTrue(assertThrows(UserFixableException.class, () -> ManifestStores.open(" ", settings))
                .getMessage()
                .startsWith("<manifest> (cloudfront.manifest) is not set"));
    }
}
