package io.github.cloudfrontmavenplugin.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontmavenplugin.aws.ConnectionSettings;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.emulator.EmulatorClients;
import io.github.cloudfrontmavenplugin.emulator.Fault;
import io.github.cloudfrontmavenplugin.emulator.S3Emulator;
import io.github.cloudfrontmavenplugin.emulator.S3ProxyServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The bucket's listing, read a "directory" at a time and several prefixes at once, holds exactly what one plain
 * listing of the prefix holds, for every shape of bucket: against our emulator and against S3Proxy.
 */
class S3BucketListingTest {
    /** Keys of every awkward shape, inside and outside the prefix {@code site/}. */
    private static final List<String> SHAPES = List.of(
            "index.html",
            "top-level-no-slash",
            "site",
            "site-old/index.html",
            "site/index.html",
            "site/",
            "site/docs/",
            "site/docs/index.html",
            "site/docs/guide/a b+c.html",
            "site/docs/guide/deeper/still/deeper/page.html",
            "site/trailing/slash/",
            "site/\u00fcn\u00efc\u00f8d\u00e9/p\u00e4ge.html",
            "site/\u65e5\u672c/\u30da\u30fc\u30b8.html",
            "site/\ud83d\ude00/smile.html",
            "site/\uffee/halfwidth.html",
            "site/a.js",
            "site/b/c.js");

    /** Keys with an empty segment: S3 takes them, but S3Proxy refuses the SDK's PutObject of one (403). */
    private static final List<String> EMPTY_SEGMENTS = List.of("site//leading-slash.html", "site/empty//x.css");

    /** A server with the bucket {@code www}, its endpoint, and a way to stop it; the emulator, if it is one. */
    private record Server(String endpoint, AutoCloseable stop, Optional<S3Emulator> emulator) {}

    private static Server start(String kind) throws Exception {
        if (kind.equals("emulator")) {
            S3Emulator emulator = S3Emulator.start().createBucket("www");
            return new Server(emulator.endpoint(), emulator, Optional.of(emulator));
        }
        S3ProxyServer proxy = S3ProxyServer.start("www");
        return new Server(proxy.endpoint(), proxy, Optional.empty());
    }

    private static void put(S3Client s3, List<String> keys) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> puts = new ArrayList<>();
            for (String key : keys) {
                puts.add(pool.submit(() -> s3.putObject(
                        r -> r.bucket("www").key(key),
                        RequestBody.fromBytes(("<" + key + ">").getBytes(StandardCharsets.UTF_8)))));
            }
            for (int i = 0; i < keys.size(); i++) {
                try {
                    puts.get(i).get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new AssertionError("cannot put " + keys.get(i), e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** What one ListObjectsV2 of the prefix, page after page, says the bucket holds. */
    private static Map<String, RemoteObject> plainListing(S3Client s3, String prefix) {
        Map<String, RemoteObject> objects = new HashMap<>();
        for (S3Object object :
                s3.listObjectsV2Paginator(r -> r.bucket("www").prefix(prefix)).contents()) {
            objects.put(object.key(), new RemoteObject(object.key(), object.size(), object.eTag()));
        }
        return objects;
    }

    private static Map<String, RemoteObject> list(String endpoint, String bucket, int concurrency) throws Exception {
        return list(endpoint, bucket, concurrency, List.of());
    }

    private static Map<String, RemoteObject> list(
            String endpoint, String bucket, int concurrency, Collection<String> record) throws Exception {
        try (S3Bucket s3 = S3Bucket.connect(
                BucketLocation.parse(bucket), ConnectionSettings.forS3(null, endpoint, null), concurrency)) {
            return s3.list(record, s3.requestFirstPage());
        }
    }

    /**
     * Records of the last sync: exact; missing every other key (put since by hand); naming many keys deleted since;
     * naming keys outside the prefix only.
     */
    private static Map<String, List<String>> records(List<String> stored) {
        List<String> gone = new ArrayList<>();
        for (String key : stored) {
            for (int i = 0; i < 12; i++) {
                gone.add(key + "-gone-" + i);
            }
        }
        return Map.of(
                "exact",
                stored,
                "every other key",
                IntStream.range(0, stored.size())
                        .filter(i -> i % 2 == 0)
                        .mapToObj(stored::get)
                        .toList(),
                "keys since deleted",
                Stream.concat(stored.stream(), gone.stream()).toList(),
                "outside the prefix",
                List.of("other/index.html", "sit", "sitf/x"),
                "more than a page, since deleted",
                moreThanAPage());
    }

    /** A record of more than a page of keys under {@code site/}, none of them in the bucket: it is listed by directory. */
    private static List<String> moreThanAPage() {
        return IntStream.range(0, S3Bucket.LISTING_PAGE + 1)
                .mapToObj(i -> "site/gone-" + i)
                .toList();
    }

    private static void assertListsAsOnePlainListing(String kind, List<String> keys) throws Exception {
        Server server = start(kind);
        try (AutoCloseable stop = server.stop();
                S3Client s3 = EmulatorClients.s3(server.endpoint(), "www")) {
            if (server.emulator().isPresent()) {
                // The listing is under test, not the PUT: the emulator takes every shape directly.
                for (String key : keys) {
                    server.emulator().get().putObject("www", key, ("<" + key + ">").getBytes(StandardCharsets.UTF_8));
                }
            } else {
                put(
                        s3,
                        keys.stream()
                                .filter(key -> !EMPTY_SEGMENTS.contains(key))
                                .toList());
            }
            List<String> stored = server.emulator().isPresent()
                    ? keys
                    : keys.stream().filter(key -> !EMPTY_SEGMENTS.contains(key)).toList();
            for (String prefix : List.of("site/", "")) {
                Map<String, RemoteObject> plain = plainListing(s3, prefix);
                assertEquals(
                        stored.stream().filter(k -> k.startsWith(prefix)).count(), plain.size(), "the plain listing");
                for (int concurrency : List.of(1, 2, 4, 16)) {
                    assertEquals(
                            plain,
                            list(server.endpoint(), "s3://www/" + prefix, concurrency),
                            "prefix '" + prefix + "', " + concurrency + " at once");
                    assertEquals(
                            plain,
                            list(server.endpoint(), "s3://www/" + prefix, concurrency, moreThanAPage()),
                            "prefix '" + prefix + "', " + concurrency + " at once, by directories");
                }
                for (Map.Entry<String, List<String>> record : records(stored).entrySet()) {
                    assertEquals(
                            plain,
                            list(server.endpoint(), "s3://www/" + prefix, 4, record.getValue()),
                            "prefix '" + prefix + "', by a record with " + record.getKey());
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"emulator", "s3proxy"})
    void everyShapeOfKeyIsListedOnceAsThePlainListingHasIt(String kind) throws Exception {
        assertListsAsOnePlainListing(
                kind, Stream.concat(SHAPES.stream(), EMPTY_SEGMENTS.stream()).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"emulator", "s3proxy"})
    void aDirectoryOfMoreThanAThousandKeysIsReadPageAfterPage(String kind) throws Exception {
        List<String> keys = Stream.concat(
                        IntStream.range(0, 1_005).mapToObj(i -> String.format("site/many/k%04d.html", i)),
                        IntStream.range(0, 1_003).mapToObj(i -> String.format("site/d%04d.html", i)))
                .toList();
        assertListsAsOnePlainListing(
                kind,
                Stream.concat(keys.stream(), Stream.of("site/many/sub/x.html", "site/other/y.html"))
                        .toList());
    }

    private static List<String> listed(S3Emulator s3) {
        return s3.calls().stream()
                .filter(call -> call.operation().equals("ListObjectsV2"))
                .map(S3Emulator.S3Call::key)
                .sorted()
                .toList();
    }

    @Test
    void theSubPrefixesOfThePrefixAreListedAtOnce() throws Exception {
        try (S3Emulator s3 = S3Emulator.start().createBucket("www")) {
            for (String directory : List.of("a", "b", "c", "d")) {
                s3.putObject("www", "site/" + directory + "/index.html", new byte[1]);
                s3.putObject("www", "site/" + directory + "/deeper/page.html", new byte[2]);
            }
            s3.putObject("www", "site/index.html", new byte[3]);
            // No sub-prefix is answered before all four are in flight: listed one after another, the first would be
            // held the whole minute and the test fail below.
            s3.hold("ListObjectsV2", prefix -> !prefix.equals("site/"), Fault.holdUntilInFlight(4));

            Map<String, RemoteObject> listing = list(s3.endpoint(), "s3://www/site/", 4, moreThanAPage());

            assertEquals(9, listing.size(), listing.toString());
            assertEquals(
                    List.of("site/", "site/", "site/a/", "site/b/", "site/c/", "site/d/"),
                    listed(s3),
                    "the first page, unused, then the prefix by directory and its sub-prefixes");
            List<S3Emulator.S3Call> subPrefixes = s3.calls().stream()
                    .filter(call -> call.operation().equals("ListObjectsV2")
                            && !call.key().equals("site/"))
                    .toList();
            assertTrue(
                    subPrefixes.stream()
                                    .mapToLong(S3Emulator.S3Call::arrived)
                                    .max()
                                    .orElseThrow()
                            < subPrefixes.stream()
                                    .mapToLong(S3Emulator.S3Call::answered)
                                    .min()
                                    .orElseThrow(),
                    "the sub-prefixes were listed together: " + subPrefixes);
        }
    }

    private static List<String> pages(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> String.format("site/d%d/p%04d.html", i % 7, i))
                .toList();
    }

    @Test
    void aRecordOfAtMostAPageOfKeysHasThePrefixListedInOneRequest() throws Exception {
        try (S3Emulator s3 = S3Emulator.start().createBucket("www")) {
            List<String> keys = pages(S3Bucket.LISTING_PAGE);
            keys.forEach(key -> s3.putObject("www", key, new byte[1]));

            Map<String, RemoteObject> listing = list(s3.endpoint(), "s3://www/site/", 4, keys);

            assertEquals(keys.size(), listing.size());
            assertEquals(List.of("site/"), listed(s3), "one plain listing, no directory");
        }
    }

    @Test
    void withoutARecordABucketOfAPageOrLessIsListedInOneRequest() throws Exception {
        try (S3Emulator s3 = S3Emulator.start().createBucket("www")) {
            List<String> keys = pages(S3Bucket.LISTING_PAGE);
            keys.forEach(key -> s3.putObject("www", key, new byte[1]));

            Map<String, RemoteObject> listing = list(s3.endpoint(), "s3://www/site/", 4);

            assertEquals(keys.size(), listing.size());
            assertEquals(List.of("site/"), listed(s3), "the first page is the whole listing");
        }
    }

    @Test
    void withoutARecordABucketOfMoreThanAPageIsListedByDirectories() throws Exception {
        try (S3Emulator s3 = S3Emulator.start().createBucket("www")) {
            List<String> keys = pages(S3Bucket.LISTING_PAGE + 1);
            keys.forEach(key -> s3.putObject("www", key, new byte[1]));

            Map<String, RemoteObject> listing = list(s3.endpoint(), "s3://www/site/", 4);

            assertEquals(keys.size(), listing.size());
            assertEquals(
                    9, listed(s3).size(), "the first page, then the prefix and its seven directories: " + listed(s3));
        }
    }

    @Test
    void aFirstPageThatCannotBeListedFailsTheListingNamingTheBucketAndThePermission() throws Exception {
        try (S3Emulator s3 = S3Emulator.start().createBucket("www")) {
            s3.putObject("www", "site/index.html", new byte[1]);
            s3.failKeys("ListObjectsV2", prefix -> prefix.equals("site/"), 403, "AccessDenied");

            UserFixableException e =
                    assertThrows(UserFixableException.class, () -> list(s3.endpoint(), "s3://www/site/", 4));

            assertEquals(
                    "Cannot list s3://www/site/: HTTP 403 AccessDenied: AccessDenied (injected). Allow s3:ListBucket"
                            + " on arn:aws:s3:::www to the identity the build runs as.",
                    e.getMessage());
        }
    }

    @Test
    void aBucketThatHoldsMoreThanTheRecordSaysIsListedPageAfterPage() throws Exception {
        try (S3Emulator s3 = S3Emulator.start().createBucket("www")) {
            List<String> keys = pages(2_500);
            keys.forEach(key -> s3.putObject("www", key, new byte[1]));

            Map<String, RemoteObject> listing = list(s3.endpoint(), "s3://www/site/", 4, keys.subList(0, 900));

            assertEquals(keys.size(), listing.size());
            assertEquals(List.of("site/", "site/", "site/"), listed(s3), "three pages of the prefix");
        }
    }

    @Test
    void aRecordOfMoreThanAPageHasThePrefixListedByDirectories() throws Exception {
        try (S3Emulator s3 = S3Emulator.start().createBucket("www")) {
            List<String> keys = pages(S3Bucket.LISTING_PAGE + 1);
            keys.forEach(key -> s3.putObject("www", key, new byte[1]));

            Map<String, RemoteObject> listing = list(s3.endpoint(), "s3://www/site/", 4, keys);

            assertEquals(keys.size(), listing.size());
            assertEquals(
                    9,
                    listed(s3).size(),
                    "the first page, unused, the prefix, then its seven directories: " + listed(s3));
        }
    }

    @Test
    void manySmallDirectoriesAreListedWithTheirParentInsteadOfOneRequestEach() throws Exception {
        try (S3Emulator s3 = S3Emulator.start().createBucket("www")) {
            for (int post = 0; post < 4 * S3Bucket.SPLIT_PER_THREAD + 1; post++) {
                s3.putObject("www", "site/post-" + post + "/index.html", new byte[1]);
            }

            Map<String, RemoteObject> listing = list(s3.endpoint(), "s3://www/site/", 4, moreThanAPage());

            assertEquals(4 * S3Bucket.SPLIT_PER_THREAD + 1, listing.size());
            assertEquals(
                    List.of("site/", "site/", "site/"),
                    listed(s3),
                    "the first page, unused, the prefix by directory, then the prefix whole");
        }
    }

    @Test
    void aSubPrefixThatCannotBeListedFailsTheListingNamingTheBucketAndThePermission() throws Exception {
        try (S3Emulator s3 = S3Emulator.start().createBucket("www")) {
            for (String directory : List.of("a", "b", "c", "d")) {
                s3.putObject("www", "site/" + directory + "/index.html", new byte[1]);
            }
            s3.failKeys("ListObjectsV2", prefix -> prefix.equals("site/c/"), 403, "AccessDenied");

            UserFixableException e = assertThrows(
                    UserFixableException.class, () -> list(s3.endpoint(), "s3://www/site/", 4, moreThanAPage()));

            assertEquals(
                    "Cannot list s3://www/site/: HTTP 403 AccessDenied: AccessDenied (injected). Allow s3:ListBucket"
                            + " on arn:aws:s3:::www to the identity the build runs as.",
                    e.getMessage());
        }
    }
}
