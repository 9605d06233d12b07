package io.github.cloudfrontmavenplugin.emulator.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cloudfrontmavenplugin.emulator.EmulatorClients;
import io.github.cloudfrontmavenplugin.emulator.S3Emulator;
import io.github.cloudfrontmavenplugin.emulator.S3ProxyServer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * ListObjectsV2 with a delimiter, page by page, as the emulator answers it and as S3Proxy (an implementation we did
 * not write) does: the same expectations hold on both, so the emulator's CommonPrefixes and paging are S3's.
 */
class S3ListingWireTest {
    private static final List<String> KEYS =
            List.of("a.txt", "b/1", "b/2", "b/c/3", "c/x", "d", "\u00e9t\u00e9/1", "\u65e5\u672c/\u30da");

    /** One page as the SDK read it: its keys, then its common prefixes. */
    private record Page(List<String> keys, List<String> prefixes) {}

    /** A server with the bucket {@code www}, a client for it, and a way to stop it. */
    private record Server(String endpoint, AutoCloseable stop) {}

    private static Server start(String kind) throws Exception {
        if (kind.equals("emulator")) {
            S3Emulator emulator = S3Emulator.start().createBucket("www");
            return new Server(emulator.endpoint(), emulator);
        }
        S3ProxyServer proxy = S3ProxyServer.start("www");
        return new Server(proxy.endpoint(), proxy);
    }

    private static List<Page> pages(S3Client s3, String prefix, int maxKeys) {
        return s3
                .listObjectsV2Paginator(
                        r -> r.bucket("www").prefix(prefix).delimiter("/").maxKeys(maxKeys))
                .stream()
                .map(S3ListingWireTest::page)
                .toList();
    }

    private static Page page(ListObjectsV2Response response) {
        return new Page(
                response.contents().stream().map(S3Object::key).toList(),
                response.commonPrefixes().stream().map(CommonPrefix::prefix).toList());
    }

    private static void put(S3Client s3) {
        for (String key : KEYS) {
            s3.putObject(r -> r.bucket("www").key(key), RequestBody.fromBytes(key.getBytes(StandardCharsets.UTF_8)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"emulator", "s3proxy"})
    void keysWithTheDelimiterRollUpIntoOneCommonPrefixEach(String kind) throws Exception {
        Server server = start(kind);
        try (AutoCloseable stop = server.stop();
                S3Client s3 = EmulatorClients.sdkS3(server.endpoint(), "www")) {
            put(s3);

            assertEquals(
                    List.of(new Page(List.of("a.txt", "d"), List.of("b/", "c/", "\u00e9t\u00e9/", "\u65e5\u672c/"))),
                    pages(s3, "", 1000));
            assertEquals(List.of(new Page(List.of("b/1", "b/2"), List.of("b/c/"))), pages(s3, "b/", 1000));
            assertEquals(List.of(new Page(List.of("c/x"), List.of())), pages(s3, "c/", 1000));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"emulator", "s3proxy"})
    void aCommonPrefixCountsAgainstMaxKeysAndTheNextPageStartsAfterItsKeys(String kind) throws Exception {
        Server server = start(kind);
        try (AutoCloseable stop = server.stop();
                S3Client s3 = EmulatorClients.sdkS3(server.endpoint(), "www")) {
            put(s3);

            assertEquals(
                    List.of(
                            new Page(List.of("a.txt"), List.of("b/")),
                            new Page(List.of("d"), List.of("c/")),
                            new Page(List.of(), List.of("\u00e9t\u00e9/", "\u65e5\u672c/"))),
                    pages(s3, "", 2));
        }
    }

    /** S3 rolls a "folder" key such as {@code c/} up like any other; S3Proxy (jclouds) lists it as a key instead. */
    @org.junit.jupiter.api.Test
    void aKeyEndingInTheDelimiterRollsUpIntoItsCommonPrefix() throws Exception {
        try (S3Emulator emulator = S3Emulator.start().createBucket("www");
                S3Client s3 = EmulatorClients.sdkS3(emulator.endpoint(), "www")) {
            emulator.putObject("www", "c/", new byte[0]);
            emulator.putObject("www", "d", new byte[0]);

            assertEquals(List.of(new Page(List.of("d"), List.of("c/"))), pages(s3, "", 1000));
            assertEquals(List.of(new Page(List.of("c/"), List.of())), pages(s3, "c/", 1000));
        }
    }
}
