package io.github.cloudfrontmavenplugin.emulator.selftest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontmavenplugin.emulator.EmulatorClients;
import io.github.cloudfrontmavenplugin.emulator.S3Emulator;
import io.github.cloudfrontmavenplugin.emulator.S3ObjectVersion;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.DeletedObject;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The S3 emulator's versioning through the SDK, as a rollback reads and restores versions: the version ID of every
 * write (PutObject, CopyObject, CompleteMultipartUpload), GET, HEAD and CopyObject of a given version, delete markers
 * by DeleteObject and DeleteObjects, ListObjectVersions, the conditional writes against a key hidden by a delete
 * marker, the faults injected on the new operations, and the test API that sets versioning up and reads versions.
 */
class S3EmulatorVersioningTest {
    private S3Emulator emulator;
    private S3Client s3;

    @BeforeEach
    void start() throws Exception {
        emulator = S3Emulator.start().createBucket("www").enableVersioning("www");
        s3 = EmulatorClients.sdkS3(emulator.endpoint(), "www");
    }

    @AfterEach
    void stop() {
        s3.close();
        emulator.close();
    }

    private String put(String key, String content, String contentType) {
        return s3.putObject(
                        r -> r.bucket("www")
                                .key(key)
                                .contentType(contentType)
                                .cacheControl("max-age=300")
                                .metadata(Map.of("cache-tags", "site")),
                        RequestBody.fromString(content))
                .versionId();
    }

    private byte[] get(String key, String versionId) {
        return s3.getObjectAsBytes(r -> r.bucket("www").key(key).versionId(versionId))
                .asByteArray();
    }

    @Test
    void aRollbackCopiesARecordedVersionBackWithItsHeaders() {
        assertEquals(
                BucketVersioningStatus.ENABLED,
                s3.getBucketVersioning(r -> r.bucket("www")).status());
        String old = put("index.html", "old", "text/html");
        String current = put("index.html", "new", "text/plain");

        assertArrayEquals("old".getBytes(StandardCharsets.UTF_8), get("index.html", old));
        HeadObjectResponse head =
                s3.headObject(r -> r.bucket("www").key("index.html").versionId(old));
        assertEquals(old, head.versionId());
        assertEquals("text/html", head.contentType());

        CopyObjectResponse copied = s3.copyObject(r -> r.sourceBucket("www")
                .sourceKey("index.html")
                .sourceVersionId(old)
                .destinationBucket("www")
                .destinationKey("index.html"));

        assertEquals(old, copied.copySourceVersionId());
        HeadObjectResponse restored = s3.headObject(r -> r.bucket("www").key("index.html"));
        assertEquals(copied.versionId(), restored.versionId());
        assertEquals("text/html", restored.contentType());
        assertEquals("max-age=300", restored.cacheControl());
        assertEquals(Map.of("cache-tags", "site"), restored.metadata());
        assertEquals(
                List.of(copied.versionId(), current, old),
                emulator.versions("www", "index.html").stream()
                        .map(S3ObjectVersion::versionId)
                        .toList());
    }

    @Test
    void copyingTheLatestOntoItselfStillNeedsReplace() {
        put("a", "a", "text/plain");

        S3Exception refused = assertThrows(
                S3Exception.class,
                () -> s3.copyObject(r -> r.sourceBucket("www")
                        .sourceKey("a")
                        .destinationBucket("www")
                        .destinationKey("a")));

        assertEquals(400, refused.statusCode());
        assertEquals("InvalidRequest", refused.awsErrorDetails().errorCode());
    }

    @Test
    void aDeleteMarkerHidesTheKeyUntilItIsItselfDeleted() {
        String kept = put("page", "kept", "text/html");

        String marker = s3.deleteObject(r -> r.bucket("www").key("page")).versionId();

        S3Exception hidden = assertThrows(
                S3Exception.class,
                () -> s3.getObjectAsBytes(r -> r.bucket("www").key("page")));
        assertEquals(404, hidden.statusCode());
        assertEquals("NoSuchKey", hidden.awsErrorDetails().errorCode());
        assertEquals(
                List.of("true"),
                hidden.awsErrorDetails().sdkHttpResponse().headers().get("x-amz-delete-marker"));
        S3Exception ofMarker = assertThrows(
                S3Exception.class,
                () -> s3.headObject(r -> r.bucket("www").key("page").versionId(marker)));
        assertEquals(405, ofMarker.statusCode());
        assertTrue(s3.listObjectsV2(r -> r.bucket("www")).contents().isEmpty());
        assertEquals(List.of(), emulator.keys("www"));

        ListObjectVersionsResponse versions = s3.listObjectVersions(r -> r.bucket("www"));
        assertEquals(marker, versions.deleteMarkers().get(0).versionId());
        assertTrue(versions.deleteMarkers().get(0).isLatest());
        assertEquals(
                List.of(kept),
                versions.versions().stream().map(ObjectVersion::versionId).toList());

        s3.deleteObject(r -> r.bucket("www").key("page").versionId(marker));
        assertArrayEquals(
                "kept".getBytes(StandardCharsets.UTF_8),
                emulator.object("www", "page").orElseThrow());
    }

    @Test
    void deleteObjectsMakesMarkersOrRemovesTheVersionsItNames() {
        String a = put("a", "a", "text/plain");
        put("b", "b", "text/plain");

        DeleteObjectsResponse deleted = s3.deleteObjects(r ->
                r.bucket("www").delete(d -> d.objects(o -> o.key("a").versionId(a), o -> o.key("b"))));

        DeletedObject version = deleted.deleted().get(0);
        assertEquals(a, version.versionId());
        assertNull(version.deleteMarker());
        DeletedObject marker = deleted.deleted().get(1);
        assertTrue(marker.deleteMarker());
        assertEquals(emulator.versions("www", "b").get(0).versionId(), marker.deleteMarkerVersionId());
        assertEquals(List.of(), emulator.versions("www", "a"));
        assertTrue(emulator.versions("www", "b").get(0).deleteMarker());
    }

    @Test
    void aKeyHiddenByADeleteMarkerCanBeCreatedIfAbsentButNotMatched() {
        String first = s3.putObject(r -> r.bucket("www").key("lock"), RequestBody.fromString("1"))
                .eTag();
        s3.deleteObject(r -> r.bucket("www").key("lock"));

        S3Exception gone = assertThrows(
                S3Exception.class,
                () -> s3.putObject(r -> r.bucket("www").key("lock").ifMatch(first), RequestBody.fromString("2")));
        assertEquals(404, gone.statusCode());

        String created = s3.putObject(r -> r.bucket("www").key("lock").ifNoneMatch("*"), RequestBody.fromString("3"))
                .versionId();
        assertEquals(created, emulator.versions("www", "lock").get(0).versionId());
        assertEquals(3, emulator.versions("www", "lock").size());
    }

    @Test
    void aCompletedMultipartUploadIsANewVersion() {
        String older = put("big", "older", "text/plain");
        String upload =
                s3.createMultipartUpload(r -> r.bucket("www").key("big")).uploadId();
        String part = s3.uploadPart(
                        r -> r.bucket("www").key("big").uploadId(upload).partNumber(1), RequestBody.fromString("part"))
                .eTag();

        String version = s3.completeMultipartUpload(r -> r.bucket("www")
                        .key("big")
                        .uploadId(upload)
                        .multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(part))))
                .versionId();

        assertNotEquals(older, version);
        assertEquals(version, emulator.versions("www", "big").get(0).versionId());
    }

    @Test
    void theVersioningOperationsTakeInjectedFaults() {
        emulator.failKeys("PutBucketVersioning", key -> true, 403, "AccessDenied")
                .failKeys("GetBucketVersioning", key -> true, 403, "AccessDenied")
                .failKeys("ListObjectVersions", "site/"::equals, 403, "AccessDenied");

        assertEquals(
                403,
                assertThrows(
                                S3Exception.class,
                                () -> s3.putBucketVersioning(r -> r.bucket("www")
                                        .versioningConfiguration(v -> v.status(BucketVersioningStatus.SUSPENDED))))
                        .statusCode());
        assertEquals(
                403,
                assertThrows(S3Exception.class, () -> s3.getBucketVersioning(r -> r.bucket("www")))
                        .statusCode());
        assertThrows(
                S3Exception.class,
                () -> s3.listObjectVersions(r -> r.bucket("www").prefix("site/")));
        assertEquals(1, emulator.count("ListObjectVersions", 403));
        assertEquals(
                0,
                s3.listObjectVersions(r -> r.bucket("www").prefix("other/"))
                        .versions()
                        .size());
    }

    @Test
    void theTestApiWritesVersionsAndRemovesOneAsALifecycleRuleWould() {
        String first = emulator.putObject("www", "k", "1".getBytes(StandardCharsets.UTF_8));
        String second = emulator.putObject("www", "k", "2".getBytes(StandardCharsets.UTF_8));

        emulator.deleteVersion("www", "k", first);

        assertEquals(
                List.of(second),
                emulator.versions("www", "k").stream()
                        .map(S3ObjectVersion::versionId)
                        .toList());
        assertTrue(emulator.stored("www", "k", first).isEmpty());
        S3Exception expired = assertThrows(S3Exception.class, () -> get("k", first));
        assertEquals("NoSuchVersion", expired.awsErrorDetails().errorCode());
    }
}
