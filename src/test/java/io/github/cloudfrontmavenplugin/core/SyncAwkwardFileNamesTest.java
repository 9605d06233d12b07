package io.github.cloudfrontmavenplugin.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontmavenplugin.RecordingProgress;
import io.github.cloudfrontmavenplugin.base.TimeSource;
import io.github.cloudfrontmavenplugin.diff.OnMissingManifest;
import io.github.cloudfrontmavenplugin.emulator.S3Emulator;
import io.github.cloudfrontmavenplugin.emulator.StoredInvalidation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files whose names URLs and S3 treat specially, synced for real: each is stored under its name as it is (the S3
 * key), and invalidated under the path a browser asks for it by, percent-encoded as CloudFront compares it. A {@code ?}
 * is encoded so that CloudFront does not read it as the start of a query string, a {@code *} so that it is not a
 * wildcard, a {@code %} so that it is not an escape; {@code +} and {@code '} are left as browsers send them.
 */
class SyncAwkwardFileNamesTest {
    /** A file's name, and the invalidation path of its URL under the prefix /. */
    private static final Map<String, String> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put("q?.html", "/q%3F.html");
        NAMES.put("what?/index.html", "/what%3F/index.html");
        NAMES.put("a#b.html", "/a%23b.html");
        NAMES.put("100%.html", "/100%25.html");
        NAMES.put("%41.html", "/%2541.html");
        NAMES.put("two words.html", "/two%20words.html");
        NAMES.put("a+b.html", "/a+b.html");
        NAMES.put("~tilde.html", "/%7Etilde.html");
        NAMES.put("star*.html", "/star%2A.html");
        NAMES.put("[brackets].html", "/%5Bbrackets%5D.html");
        NAMES.put("it's \"quoted\".html", "/it's%20%22quoted%22.html");
        NAMES.put("back\\slash.html", "/back%5Cslash.html");
        NAMES.put("line\u2028separator.html", "/line%E2%80%A8separator.html");
        NAMES.put("m\u00fcller-\u00e4\u00f6.html", "/m%C3%BCller-%C3%A4%C3%B6.html");
    }

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
        for (String name : NAMES.keySet()) {
            write(name, "content of " + name);
        }
    }

    @AfterEach
    void stop() {
        cloudFront.close();
        s3.close();
    }

    private void write(String name, String content) throws Exception {
        Path file = site.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private Optional<StoredInvalidation> run(boolean sync) throws Exception {
        int before = cloudFront.emulator.invalidations().size();
        new Deploy(
                        Connector.CLOUDFRONT,
                        TimeSource.SYSTEM,
                        new SplittableRandom(3),
                        Map.<String, String>of()::get,
                        progress)
                .run(SyncRequests.of(
                        site,
                        cloudFront,
                        s3,
                        OnMissingManifest.NONE,
                        sync ? Optional.of("s3://www/") : Optional.empty()));
        List<StoredInvalidation> all = cloudFront.emulator.invalidations();
        return all.size() > before ? Optional.of(all.get(all.size() - 1)) : Optional.empty();
    }

    /** What the changed files are invalidated as: each file's path, and for the index document its directory's. */
    private static TreeSet<String> expectedPaths() {
        TreeSet<String> paths = new TreeSet<>(NAMES.values());
        paths.add("/what%3F/");
        paths.add("/what%3F");
        return paths;
    }

    @Test
    void aSyncStoresEachFileUnderItsNameAndInvalidatesItsEncodedUrl() throws Exception {
        StoredInvalidation sent = run(true).orElseThrow();

        assertEquals(new TreeSet<>(NAMES.keySet()), new TreeSet<>(s3.keys("www")));
        for (String name : NAMES.keySet()) {
            assertArrayEquals(
                    ("content of " + name).getBytes(StandardCharsets.UTF_8),
                    s3.object("www", name).orElseThrow(),
                    name);
        }
        assertEquals(expectedPaths(), new TreeSet<>(sent.paths()));
        assertEquals(expectedPaths().size(), sent.paths().size(), "no path twice: " + sent.paths());
    }

    /** Calls on the site's and the manifest's objects: the deploy lock's own calls are not about the site. */
    private long siteCalls(String operation) {
        return s3.calls().stream()
                .filter(call -> call.operation().equals(operation)
                        && call.status() == 200
                        && !call.key().endsWith(".lock"))
                .count();
    }

    @Test
    void theNextSyncFindsEveryAwkwardKeyUnchangedAndSendsNothing() throws Exception {
        run(true);
        long puts = siteCalls("PutObject");

        assertEquals(Optional.empty(), run(true));

        assertEquals(puts, siteCalls("PutObject"), "uploaded again: " + s3.calls());
        assertEquals(0, siteCalls("HeadObject"), "the record vouches for every key: " + s3.calls());
        assertEquals(new TreeSet<>(NAMES.keySet()), new TreeSet<>(s3.keys("www")));
    }

    @Test
    void theDiffInvalidatesChangedAwkwardFilesUnderTheirEncodedUrls() throws Exception {
        run(false);
        for (String name : NAMES.keySet()) {
            write(name, "second edition of " + name);
        }

        StoredInvalidation sent = run(false).orElseThrow();

        assertEquals(expectedPaths(), new TreeSet<>(sent.paths()));
        assertTrue(
                sent.paths().stream().noneMatch(p -> p.contains("?")),
                sent.paths().toString());
    }
}
