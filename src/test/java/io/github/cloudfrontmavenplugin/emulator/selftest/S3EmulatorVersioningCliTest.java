package io.github.cloudfrontmavenplugin.emulator.selftest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontmavenplugin.emulator.S3Emulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * The S3 emulator's versioning driven by the AWS CLI (botocore's own serializer, signer and parser), as an operator
 * would turn it on and restore a version by hand: put/get-bucket-versioning, a version ID on every write, get, head and
 * copy of a given version, delete markers, list-object-versions, and a suspended bucket's "null" version. Skipped where
 * no {@code aws} is installed.
 */
class S3EmulatorVersioningCliTest {
    @TempDir
    Path dir;

    private S3Emulator emulator;

    @BeforeAll
    static void requireTheCli() {
        AwsCli.assumeInstalled();
    }

    @BeforeEach
    void start() throws IOException {
        emulator = S3Emulator.start().createBucket("www");
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private AwsCli.Run aws(String... args) throws IOException, InterruptedException {
        return AwsCli.run("s3api", emulator.endpoint(), args);
    }

    /** Runs a command that must succeed and returns its JSON answer (empty for none). */
    private JsonNode ok(String... args) throws IOException, InterruptedException {
        AwsCli.Run run = aws(args);
        assertEquals(0, run.exit(), run.command() + "\n" + run.output());
        return JsonNode.parser().parse(run.output().isBlank() ? "{}" : run.output());
    }

    /** The text at a path of fields, or null where there is none. */
    private static String text(JsonNode node, String... fields) {
        JsonNode at = node;
        for (String field : fields) {
            if (!at.isObject() || at.field(field).isEmpty()) {
                return null;
            }
            at = at.field(field).get();
        }
        return at.isNull()
                ? null
                : at.isString()
                        ? at.asString()
                        : at.isNumber()
                                ? at.asNumber()
                                : at.isBoolean() ? Boolean.toString(at.asBoolean()) : at.toString();
    }

    /** The entries of an array field, none where it is absent. */
    private static List<JsonNode> array(JsonNode node, String field) {
        return node.field(field).map(JsonNode::asArray).orElse(List.of());
    }

    private static List<String> versionIds(List<JsonNode> entries) {
        return entries.stream().map(e -> text(e, "VersionId")).toList();
    }

    private void versioning(String status) throws Exception {
        ok("put-bucket-versioning", "--bucket", "www", "--versioning-configuration", "Status=" + status);
    }

    private String put(String key, String content, String... more) throws Exception {
        Path body = Files.writeString(dir.resolve("body"), content);
        List<String> args =
                new ArrayList<>(List.of("put-object", "--bucket", "www", "--key", key, "--body", body.toString()));
        args.addAll(List.of(more));
        return text(ok(args.toArray(String[]::new)), "VersionId");
    }

    private byte[] get(String key, String versionId) throws Exception {
        Path out = dir.resolve("out");
        ok("get-object", "--bucket", "www", "--key", key, "--version-id", versionId, out.toString());
        return Files.readAllBytes(out);
    }

    /** Runs get-object of a version, which must fail, and returns what the CLI said. */
    private String getFails(String key, String versionId) throws Exception {
        AwsCli.Run run = aws(
                "get-object",
                "--bucket",
                "www",
                "--key",
                key,
                "--version-id",
                versionId,
                dir.resolve("x").toString());
        assertNotEquals(0, run.exit(), run.output());
        return run.output();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aBucketNeverVersionedAnswersAnEmptyConfigurationThenItsStatus() throws Exception {
        assertNull(text(ok("get-bucket-versioning", "--bucket", "www"), "Status"));

        versioning("Enabled");
        assertEquals("Enabled", text(ok("get-bucket-versioning", "--bucket", "www"), "Status"));

        versioning("Suspended");
        assertEquals("Suspended", text(ok("get-bucket-versioning", "--bucket", "www"), "Status"));
    }

    @Test
    void anUnversionedBucketNamesNoVersion() throws Exception {
        assertEquals(null, put("index.html", "one"));
        JsonNode head = ok("head-object", "--bucket", "www", "--key", "index.html");
        assertNull(text(head, "VersionId"), head.toString());
    }

    @Test
    void everyWriteMakesAVersionAndAnOldOneStaysReadable() throws Exception {
        versioning("Enabled");
        String first = put("index.html", "first", "--content-type", "text/html", "--cache-control", "max-age=60");
        String second = put("index.html", "second");
        assertNotEquals(first, second);

        JsonNode listed = ok("list-object-versions", "--bucket", "www", "--prefix", "index");
        List<JsonNode> versions = array(listed, "Versions");
        assertEquals(2, versions.size(), listed.toString());
        assertEquals(second, text(versions.get(0), "VersionId"));
        assertEquals("true", text(versions.get(0), "IsLatest"));
        assertEquals(first, text(versions.get(1), "VersionId"));
        assertEquals("false", text(versions.get(1), "IsLatest"));
        assertEquals("5", text(versions.get(1), "Size"));
        assertEquals("\"8b04d5e3775d298e78455efc5ca404d5\"", text(versions.get(1), "ETag"));

        assertArrayEquals(bytes("first"), get("index.html", first));
        JsonNode head = ok("head-object", "--bucket", "www", "--key", "index.html", "--version-id", first);
        assertEquals(first, text(head, "VersionId"));
        assertEquals("text/html", text(head, "ContentType"));
        assertEquals("max-age=60", text(head, "CacheControl"));
        assertEquals("5", text(head, "ContentLength"));
        assertArrayEquals(bytes("second"), emulator.object("www", "index.html").orElseThrow());
    }

    @Test
    void copyingAnOldVersionOntoItsKeyRestoresItWithItsHeaders() throws Exception {
        versioning("Enabled");
        String old = put(
                "page.html",
                "old",
                "--content-type",
                "text/html; charset=utf-8",
                "--cache-control",
                "no-cache",
                "--content-disposition",
                "inline",
                "--metadata",
                "cache-tags=page");
        put("page.html", "new", "--content-type", "text/plain");

        JsonNode copied = ok(
                "copy-object",
                "--bucket",
                "www",
                "--key",
                "page.html",
                "--copy-source",
                "www/page.html?versionId=" + old);

        String restored = text(copied, "VersionId");
        assertEquals(old, text(copied, "CopySourceVersionId"));
        assertNotEquals(old, restored);
        JsonNode head = ok("head-object", "--bucket", "www", "--key", "page.html");
        assertEquals(restored, text(head, "VersionId"));
        assertEquals("text/html; charset=utf-8", text(head, "ContentType"));
        assertEquals("no-cache", text(head, "CacheControl"));
        assertEquals("inline", text(head, "ContentDisposition"));
        assertEquals("page", text(head, "Metadata", "cache-tags"));
        assertArrayEquals(bytes("old"), emulator.object("www", "page.html").orElseThrow());
        assertEquals(3, emulator.versions("www", "page.html").size());
    }

    @Test
    void copyWithReplaceTakesTheRequestsHeaders() throws Exception {
        versioning("Enabled");
        String old = put("a.css", "body{}", "--content-type", "text/css", "--metadata", "k=v");

        ok(
                "copy-object",
                "--bucket",
                "www",
                "--key",
                "b.css",
                "--copy-source",
                "www/a.css?versionId=" + old,
                "--metadata-directive",
                "REPLACE",
                "--content-type",
                "text/plain");

        JsonNode head = ok("head-object", "--bucket", "www", "--key", "b.css");
        assertEquals("text/plain", text(head, "ContentType"));
        assertNull(text(head, "Metadata", "k"), head.toString());
    }

    @Test
    void deletingAddsADeleteMarkerThatHidesTheKeyAndKeepsItsVersions() throws Exception {
        versioning("Enabled");
        String kept = put("gone.html", "kept");

        JsonNode deleted = ok("delete-object", "--bucket", "www", "--key", "gone.html");
        assertEquals("true", text(deleted, "DeleteMarker"), deleted.toString());
        String marker = text(deleted, "VersionId");

        AwsCli.Run read = aws(
                "get-object",
                "--bucket",
                "www",
                "--key",
                "gone.html",
                dir.resolve("x").toString());
        assertNotEquals(0, read.exit());
        assertTrue(read.output().contains("NoSuchKey"), read.output());
        assertTrue(getFails("gone.html", marker).contains("MethodNotAllowed"));
        assertTrue(array(ok("list-objects-v2", "--bucket", "www"), "Contents").isEmpty());

        JsonNode listed = ok("list-object-versions", "--bucket", "www");
        assertEquals(marker, text(array(listed, "DeleteMarkers").get(0), "VersionId"));
        assertEquals("true", text(array(listed, "DeleteMarkers").get(0), "IsLatest"));
        assertEquals(kept, text(array(listed, "Versions").get(0), "VersionId"));
        assertEquals("false", text(array(listed, "Versions").get(0), "IsLatest"));
        assertArrayEquals(bytes("kept"), get("gone.html", kept));

        ok("delete-object", "--bucket", "www", "--key", "gone.html", "--version-id", marker);
        assertArrayEquals(bytes("kept"), emulator.object("www", "gone.html").orElseThrow());
    }

    @Test
    void deletingAVersionRemovesItForGood() throws Exception {
        versioning("Enabled");
        String first = put("f", "1");
        String second = put("f", "2");

        JsonNode deleted = ok("delete-object", "--bucket", "www", "--key", "f", "--version-id", second);

        assertEquals(second, text(deleted, "VersionId"));
        assertNull(text(deleted, "DeleteMarker"), deleted.toString());
        assertArrayEquals(bytes("1"), emulator.object("www", "f").orElseThrow());
        assertEquals(List.of(first), versionIds("f"));
        AwsCli.Run gone = aws("head-object", "--bucket", "www", "--key", "f", "--version-id", second);
        assertTrue(gone.output().contains("404"), gone.output());
    }

    @Test
    void anUnknownVersionIsNoSuchVersionAndAMalformedOneInvalidArgument() throws Exception {
        versioning("Enabled");
        put("f", "1");

        assertTrue(getFails("f", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").contains("NoSuchVersion"));
        assertTrue(getFails("f", "nope").contains("InvalidArgument"));
    }

    @Test
    void aSuspendedBucketWritesAndReplacesTheNullVersion() throws Exception {
        versioning("Enabled");
        String enabled = put("s", "enabled");
        versioning("Suspended");

        assertEquals("null", put("s", "suspended 1"));
        assertEquals("null", put("s", "suspended 2"));

        assertEquals(List.of("null", enabled), versionIds("s"));
        assertArrayEquals(bytes("suspended 2"), get("s", "null"));
        assertArrayEquals(bytes("enabled"), get("s", enabled));
        JsonNode deleted = ok("delete-object", "--bucket", "www", "--key", "s");
        assertEquals("null", text(deleted, "VersionId"));
        assertEquals("true", text(deleted, "DeleteMarker"));
        assertEquals(List.of("null", enabled), versionIds("s"));
        assertTrue(emulator.object("www", "s").isEmpty());
    }

    @Test
    void listObjectVersionsPagesByKeyAndVersionMarkers() throws Exception {
        versioning("Enabled");
        String a1 = put("a", "1");
        String a2 = put("a", "2");
        String b1 = put("b", "1");
        ok("delete-object", "--bucket", "www", "--key", "b");

        JsonNode first = ok("list-object-versions", "--bucket", "www", "--max-keys", "2", "--no-paginate");
        assertEquals("true", text(first, "IsTruncated"), first.toString());
        assertEquals("a", text(first, "NextKeyMarker"));
        assertEquals(a1, text(first, "NextVersionIdMarker"));
        assertEquals(List.of(a2, a1), versionIds(array(first, "Versions")), first.toString());

        JsonNode second = ok(
                "list-object-versions",
                "--bucket",
                "www",
                "--max-keys",
                "2",
                "--no-paginate",
                "--key-marker",
                "a",
                "--version-id-marker",
                a1);
        assertEquals("false", text(second, "IsTruncated"), second.toString());
        assertEquals(List.of(b1), versionIds(array(second, "Versions")));
        assertEquals(1, array(second, "DeleteMarkers").size());

        long before = emulator.count("ListObjectVersions", 200);
        JsonNode all = ok("list-object-versions", "--bucket", "www", "--page-size", "1");
        assertEquals(4, emulator.count("ListObjectVersions", 200) - before, "one page each");
        assertEquals(3, array(all, "Versions").size(), all.toString());
        assertEquals(1, array(all, "DeleteMarkers").size(), all.toString());
    }

    private List<String> versionIds(String key) {
        return emulator.versions("www", key).stream()
                .map(io.github.cloudfrontmavenplugin.emulator.S3ObjectVersion::versionId)
                .toList();
    }
}
