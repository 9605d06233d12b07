package io.github.cloudfrontmavenplugin.aws;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontmavenplugin.aws.RecordingHttpClient.Canned;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.SdkGlobalTime;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.TaggingDirective;

/**
 * S3Api against the SDK's generated S3Client, configured as the plugin configures it: the same call through both,
 * over one in-memory HTTP client each that records what is sent and answers what it is given, must put the same
 * request on the wire (method, host, path, query, the headers S3 reads, the body) and read the same answer into equal
 * model objects, or fail alike.
 *
 * <p>What differs on purpose, and is left out of the comparison: the signature and its date (both sign the same
 * headers for the same scope, compared; the emulator and S3Proxy check the signatures themselves), the User-Agent
 * and invocation ID, {@code Expect: 100-continue} (the generated client asks before every upload's body, one more round
 * trip per file; a site's files are small), and the integrity check of DeleteObjects' body (the generated client sends
 * a CRC32 checksum, S3Api the Content-MD5 every S3-compatible store accepts).
 */
class S3ApiConformanceTest {
    private static final AwsCredentialsProvider CREDENTIALS = StaticCredentialsProvider.create(
            AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));
    private static final Retries QUICK = new Retries(3, Duration.ofMillis(1), Duration.ofMillis(1));
    private static final String TRICKY_KEY = "docs/a b+c%25&é/日本語 (1).html";
    private static final String REQUEST_ID = "4442587FB7D0A2F9";

    /** Which headers are not S3's to read, or differ on purpose (the class comment says why). */
    private static final List<String> NOT_COMPARED = List.of(
            "authorization",
            "x-amz-date",
            "user-agent",
            "amz-sdk-invocation-id",
            "amz-sdk-request",
            "expect",
            "x-amz-checksum-crc32",
            "x-amz-sdk-checksum-algorithm",
            "content-md5:delete",
            "x-amz-content-sha256:delete");

    /** Both clients, each on its own wire, for an endpoint of one's own or for AWS. */
    private record Both(S3Client ours, RecordingHttpClient ourWire, S3Client sdk, RecordingHttpClient sdkWire) {
        static Both of(Optional<URI> endpoint, String region, List<Canned> answers) {
            RecordingHttpClient ourWire = RecordingHttpClient.inTurn("S3Api", answers);
            RecordingHttpClient sdkWire = RecordingHttpClient.inTurn("generated", answers);
            S3Client sdk = S3Clients.generated(
                    AwsClients.configure(S3Client.builder(), sdkWire, endpoint, QUICK), CREDENTIALS, region, endpoint);
            try {
                ConnectionSettings settings = ConnectionSettings.forS3(
                                region, endpoint.map(URI::toString).orElse(null), null)
                        .withRetries(QUICK);
                S3Client ours = S3Clients.api(settings, CREDENTIALS, "www", base -> ourWire, () -> sdk);
                assertInstanceOf(S3Api.class, ours);
                return new Both(ours, ourWire, sdk, sdkWire);
            } catch (UserFixableException e) {
                throw new AssertionError(e);
            }
        }

        static Both local(List<Canned> answers) {
            return of(Optional.of(URI.create("http://127.0.0.1:9000")), "us-east-1", answers);
        }

        static Both aws(String region, List<Canned> answers) {
            return of(Optional.empty(), region, answers);
        }

        <T> T same(Function<S3Client, T> call) {
            T theirs = call.apply(sdk);
            T mine = call.apply(ours);
            assertSameAnswer(theirs, mine);
            assertSameWire(sdkWire, ourWire, "");
            return mine;
        }
    }

    @Test
    void putObjectSendsTheSameHeadersMetadataAndBody() {
        Both both = Both.local(List.of(ok(Map.of("ETag", "\"abc\"", "x-amz-version-id", "v1"), null)));
        PutObjectResponse put = both.same(s3 -> s3.putObject(
                r -> r.bucket("www")
                        .key(TRICKY_KEY)
                        .contentType("text/html; charset=utf-8")
                        .cacheControl("max-age=60")
                        .contentEncoding("gzip")
                        .contentDisposition("inline")
                        .contentMD5("XUFAKrxLKna5cZ2REBfFkg==")
                        .metadata(Map.of("sha256", "00ff", "Built-By", "maven"))
                        .ifNoneMatch("*"),
                RequestBody.fromString("<html>héllo</html>")));
        assertEquals("\"abc\"", put.eTag());
        assertEquals("v1", put.versionId());
    }

    @Test
    void putObjectOverHttpsSignsNoPayloadAsTheGeneratedClient() {
        Both both = Both.aws("eu-west-1", List.of(ok(Map.of("ETag", "\"abc\""), null)));
        both.same(s3 -> s3.putObject(
                r -> r.bucket("www-site").key("index.html").ifMatch("\"old\""), RequestBody.fromString("x")));
        assertEquals(
                "UNSIGNED-PAYLOAD",
                both.ourWire
                        .sent
                        .get(0)
                        .request()
                        .firstMatchingHeader("x-amz-content-sha256")
                        .orElseThrow());
        assertEquals(
                "www-site.s3.eu-west-1.amazonaws.com",
                both.ourWire.sent.get(0).request().host());
    }

    @Test
    void getAndHeadReadEveryHeaderAsTheGeneratedClient() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ETag", "\"d41d8cd98f00b204e9800998ecf8427e\"");
        headers.put("Content-Type", "text/html");
        headers.put("Cache-Control", "no-cache");
        headers.put("Content-Encoding", "gzip");
        headers.put("Last-Modified", "Sun, 06 Dec 2026 04:28:45 GMT");
        headers.put("x-amz-version-id", "3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY");
        headers.put("x-amz-meta-sha256", "00ff");
        headers.put("x-amz-meta-built-by", "maven");
        headers.put("x-amz-tagging-count", "2");
        headers.put("x-amz-request-id", REQUEST_ID);
        Both both = Both.local(List.of(ok(headers, "the bytes")));
        ResponseBytes<GetObjectResponse> got =
                both.same(s3 -> s3.getObjectAsBytes(r -> r.bucket("www").key(TRICKY_KEY)));
        assertEquals("the bytes", got.asUtf8String());
        assertEquals(
                Map.of("sha256", "00ff", "built-by", "maven"), got.response().metadata());
        assertEquals(2, got.response().tagCount());

        Both heads = Both.local(List.of(ok(headers, null)));
        HeadObjectResponse head = heads.same(
                s3 -> s3.headObject(r -> r.bucket("www").key("index.html").versionId("v 1")));
        assertEquals("3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY", head.versionId());
        assertNotNull(head.lastModified());
    }

    @Test
    void listingDecodesKeysFromTheEncodingItAsksFor() {
        String page = "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>www</Name>"
                + "<Prefix>docs%2F</Prefix><KeyCount>2</KeyCount><MaxKeys>1000</MaxKeys><Delimiter>%2F</Delimiter>"
                + "<EncodingType>url</EncodingType><IsTruncated>true</IsTruncated>"
                + "<ContinuationToken>t1</ContinuationToken><NextContinuationToken>t 2/+</NextContinuationToken>"
                + "<Contents><Key>docs%2Fa+b%2Bc%25.html</Key><LastModified>2026-12-06T04:28:45.000Z</LastModified>"
                + "<ETag>&quot;abc&quot;</ETag><Size>12</Size><StorageClass>STANDARD</StorageClass></Contents>"
                + "<Contents><Key>docs%2F%E6%97%A5.html</Key><LastModified>2026-12-06T04:28:46.000Z</LastModified>"
                + "<ETag>&quot;def-2&quot;</ETag><Size>0</Size><StorageClass>STANDARD</StorageClass></Contents>"
                + "<CommonPrefixes><Prefix>docs%2Fimg%2F</Prefix></CommonPrefixes></ListBucketResult>";
        Both both = Both.local(List.of(ok(Map.of("Content-Type", "application/xml"), page)));
        ListObjectsV2Response listed = both.same(s3 -> s3.listObjectsV2(
                r -> r.bucket("www").prefix("docs/").delimiter("/").continuationToken("t1")));
        assertEquals(
                List.of("docs/a b+c%.html", "docs/日.html"),
                listed.contents().stream().map(S3Object::key).toList());
        assertEquals("t 2/+", listed.nextContinuationToken());
    }

    @Test
    void aPaginatorsPagesAreSentByS3ApiItself() {
        String first = "<ListBucketResult><Name>www</Name><IsTruncated>true</IsTruncated>"
                + "<NextContinuationToken>t2</NextContinuationToken><Contents><Key>a</Key><Size>1</Size></Contents>"
                + "</ListBucketResult>";
        String second = "<ListBucketResult><Name>www</Name><IsTruncated>false</IsTruncated>"
                + "<ContinuationToken>t2</ContinuationToken><Contents><Key>b</Key><Size>2</Size></Contents>"
                + "</ListBucketResult>";
        Both both = Both.local(List.of(ok(Map.of(), first), ok(Map.of(), second)));
        List<String> theirs = both.sdk.listObjectsV2Paginator(r -> r.bucket("www")).contents().stream()
                .map(S3Object::key)
                .toList();
        List<String> mine = both.ours.listObjectsV2Paginator(r -> r.bucket("www")).contents().stream()
                .map(S3Object::key)
                .toList();
        assertEquals(List.of("a", "b"), theirs);
        assertEquals(theirs, mine);
        assertSameWire(both.sdkWire, both.ourWire, "");
    }

    @Test
    void listedMembersThePluginDoesNotReadAreSkippedWhateverTheyHold() {
        String page = "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>www</Name>"
                + "<Unknown><Nested>1</Nested></Unknown><IsTruncated>false</IsTruncated>"
                + "<Contents><Key>a.html</Key><Owner><ID>o</ID><DisplayName>d</DisplayName></Owner>"
                + "<ChecksumAlgorithm>CRC32</ChecksumAlgorithm><ETag>&quot;abc&quot;</ETag><Size>12</Size>"
                + "<RestoreStatus><IsRestoreInProgress>false</IsRestoreInProgress></RestoreStatus></Contents>"
                + "<Contents><Key>b.html</Key><ETag>&quot;def&quot;</ETag><Size>3</Size></Contents>"
                + "</ListBucketResult>";
        Both both = Both.local(List.of(ok(Map.of(), page)));
        ListObjectsV2Response theirs = both.sdk.listObjectsV2(r -> r.bucket("www"));
        ListObjectsV2Response mine = both.ours.listObjectsV2(r -> r.bucket("www"));
        for (Function<S3Object, Object> member :
                List.<Function<S3Object, Object>>of(S3Object::key, S3Object::eTag, S3Object::size)) {
            assertEquals(
                    theirs.contents().stream().map(member).toList(),
                    mine.contents().stream().map(member).toList());
        }
        assertEquals(theirs.isTruncated(), mine.isTruncated());
    }

    @Test
    void deleteObjectsSendsTheSameBatchAndReadsItsErrors() {
        String result = "<DeleteResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                + "<Deleted><Key>a&amp;b.html</Key><DeleteMarker>true</DeleteMarker>"
                + "<DeleteMarkerVersionId>m1</DeleteMarkerVersionId></Deleted>"
                + "<Error><Key>c.html</Key><Code>AccessDenied</Code><Message>Access Denied</Message></Error>"
                + "</DeleteResult>";
        Both both = Both.local(List.of(ok(Map.of(), result)));
        DeleteObjectsResponse deleted = both.same(s3 -> s3.deleteObjects(r -> r.bucket("www")
                .delete(d -> d.objects(
                                ObjectIdentifier.builder().key("a&b.html").build(),
                                ObjectIdentifier.builder()
                                        .key("c.html")
                                        .versionId("v<1>")
                                        .build(),
                                ObjectIdentifier.builder().key(TRICKY_KEY).build())
                        .quiet(true))));
        assertEquals("AccessDenied", deleted.errors().get(0).code());
        assertTrue(deleted.deleted().get(0).deleteMarker());
    }

    @Test
    void copyObjectNamesItsSourceAsTheGeneratedClient() {
        String result = "<CopyObjectResult><LastModified>2026-12-06T04:28:45.000Z</LastModified>"
                + "<ETag>&quot;abc&quot;</ETag></CopyObjectResult>";
        Both restore = Both.local(List.of(ok(Map.of("x-amz-version-id", "new"), result)));
        CopyObjectResponse copied = restore.same(s3 -> s3.copyObject(r -> r.sourceBucket("www")
                .sourceKey(TRICKY_KEY)
                .sourceVersionId("3HL4kqtJ+/=")
                .destinationBucket("www")
                .destinationKey(TRICKY_KEY)
                .metadataDirective(MetadataDirective.COPY)
                .taggingDirective(TaggingDirective.COPY)));
        assertEquals("\"abc\"", copied.copyObjectResult().eTag());

        Both rewrite = Both.local(List.of(ok(Map.of(), result)));
        rewrite.same(s3 -> s3.copyObject(r -> r.sourceBucket("www")
                .sourceKey("index.html")
                .destinationBucket("www")
                .destinationKey("index.html")
                .metadataDirective(MetadataDirective.REPLACE)
                .contentType("text/html")
                .cacheControl("max-age=0")
                .metadata(Map.of("sha256", "00ff"))));
    }

    @Test
    void aCopyThatFailsWithStatus200FailsAlike() {
        String error = "<Error><Code>InternalError</Code><Message>We encountered an internal error.</Message>"
                + "<RequestId>" + REQUEST_ID + "</RequestId></Error>";
        Both both = Both.local(List.of(ok(Map.of(), error)));
        S3Exception sdk = assertInstanceOf(
                S3Exception.class,
                failure(() -> both.sdk.copyObject(r -> r.sourceBucket("www")
                        .sourceKey("a")
                        .destinationBucket("www")
                        .destinationKey("a"))));
        S3Exception ours = assertInstanceOf(
                S3Exception.class,
                failure(() -> both.ours.copyObject(r -> r.sourceBucket("www")
                        .sourceKey("a")
                        .destinationBucket("www")
                        .destinationKey("a"))));
        assertEquals(sdk.awsErrorDetails().errorCode(), ours.awsErrorDetails().errorCode());
        assertEquals(both.sdkWire.sent.size(), both.ourWire.sent.size(), "attempts");
    }

    @Test
    void errorsAreTheSameExceptionsWithTheSameCodes() {
        String noSuchKey = "<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message>"
                + "<Key>lock</Key><RequestId>" + REQUEST_ID + "</RequestId><HostId>host</HostId></Error>";
        Both get = Both.local(List.of(answer(404, Map.of(), noSuchKey)));
        assertSameFailure(get, s3 -> s3.getObjectAsBytes(r -> r.bucket("www").key("lock")), NoSuchKeyException.class);

        Both head = Both.local(List.of(answer(404, Map.of("x-amz-request-id", REQUEST_ID), null)));
        assertSameFailure(head, s3 -> s3.headObject(r -> r.bucket("www").key("lock")), NoSuchKeyException.class);

        String precondition = "<Error><Code>PreconditionFailed</Code><Message>At least one of the pre-conditions"
                + " you specified did not hold</Message><Condition>If-Match</Condition></Error>";
        Both put = Both.local(List.of(answer(412, Map.of(), precondition)));
        assertSameFailure(
                put,
                s3 -> s3.putObject(r -> r.bucket("www").key("lock").ifMatch("\"x\""), RequestBody.fromString("1")),
                S3Exception.class);

        String denied = "<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>";
        Both list = Both.local(List.of(answer(403, Map.of(), denied)));
        assertSameFailure(list, s3 -> s3.listObjectsV2(r -> r.bucket("www")), S3Exception.class);
    }

    @Test
    void throttlingAndServerErrorsAreRetriedAlike() {
        String slowDown = "<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>";
        Both both = Both.local(List.of(
                answer(503, Map.of(), slowDown),
                answer(500, Map.of(), "<Error><Code>InternalError</Code><Message>x</Message></Error>"),
                ok(Map.of("ETag", "\"e\""), null)));
        both.same(s3 -> s3.putObject(r -> r.bucket("www").key("a"), RequestBody.fromString("a")));
        assertEquals(3, both.ourWire.sent.size());
    }

    @Test
    void aLostConnectionIsRetriedAlike() {
        Both both = Both.local(List.of(Canned.IO_FAILURE, ok(Map.of("ETag", "\"e\""), null)));
        both.same(s3 -> s3.putObject(r -> r.bucket("www").key("a"), RequestBody.fromString("a")));
        assertEquals(2, both.ourWire.sent.size());
    }

    @Test
    void aRefusalForTheClockIsRetriedSignedByS3sClock() {
        Instant s3sClock = Instant.now().plus(Duration.ofHours(1));
        String skewed = "<Error><Code>RequestTimeTooSkewed</Code><Message>The difference between the request time"
                + " and the current time is too large.</Message></Error>";
        Both both = Both.local(List.of(
                answer(
                        403,
                        Map.of("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(s3sClock.atZone(ZoneOffset.UTC))),
                        skewed),
                ok(Map.of("ETag", "\"e\""), null)));
        both.same(s3 -> s3.putObject(r -> r.bucket("www").key("a"), RequestBody.fromString("a")));
        Instant first = signedAt(both.ourWire.sent.get(0).request());
        Instant second = signedAt(both.ourWire.sent.get(1).request());
        assertTrue(
                Duration.between(first, second).compareTo(Duration.ofMinutes(50)) > 0,
                "the retry was signed at " + second + ", the refused request at " + first);
    }

    private static Instant signedAt(SdkHttpRequest request) {
        return LocalDateTime.parse(
                        request.firstMatchingHeader("X-Amz-Date").orElseThrow(),
                        DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"))
                .toInstant(ZoneOffset.UTC);
    }

    /** The generated client keeps a clock correction JVM-wide: each test starts from none and leaves none. */
    @BeforeEach
    @AfterEach
    void noClockCorrection() {
        SdkGlobalTime.setGlobalTimeOffset(0);
    }

    @Test
    void aBucketInAnotherRegionIsFollowedThereAsTheGeneratedClientFollowsIt() {
        String moved = "<Error><Code>PermanentRedirect</Code><Message>The bucket you are attempting to access must be"
                + " addressed using the specified endpoint.</Message><Endpoint>www-site.s3.eu-west-1.amazonaws.com"
                + "</Endpoint><Bucket>www-site</Bucket></Error>";
        Both both = Both.aws(
                "us-east-1",
                List.of(
                        answer(301, Map.of("x-amz-bucket-region", "eu-west-1"), moved),
                        ok(Map.of("ETag", "\"e\""), null)));
        both.sdk.putObject(r -> r.bucket("www-site").key("a"), RequestBody.fromString("a"));
        both.ours.putObject(r -> r.bucket("www-site").key("a"), RequestBody.fromString("a"));
        SdkHttpRequest sdkSecond =
                both.sdkWire.sent.get(both.sdkWire.sent.size() - 1).request();
        SdkHttpRequest ourSecond =
                both.ourWire.sent.get(both.ourWire.sent.size() - 1).request();
        assertEquals(sdkSecond.host(), ourSecond.host());
        assertEquals(scope(sdkSecond), scope(ourSecond));
        assertEquals("www-site.s3.eu-west-1.amazonaws.com", ourSecond.host());
        // Every later request for the bucket goes there at once.
        both.ours.putObject(r -> r.bucket("www-site").key("b"), RequestBody.fromString("b"));
        assertEquals(
                "www-site.s3.eu-west-1.amazonaws.com",
                both.ourWire.sent.get(both.ourWire.sent.size() - 1).request().host());
    }

    @Test
    void operationsS3ApiDoesNotSendGoToTheGeneratedClient() {
        Both both = Both.local(List.of(ok(
                Map.of(),
                "<InitiateMultipartUploadResult><Bucket>www</Bucket><Key>big</Key>"
                        + "<UploadId>u1</UploadId></InitiateMultipartUploadResult>")));
        assertEquals(
                "u1",
                both.ours.createMultipartUpload(r -> r.bucket("www").key("big")).uploadId());
        assertTrue(both.ourWire.sent.isEmpty(), "sent through the generated client's wire");
        assertEquals(1, both.sdkWire.sent.size());
        // A request with settings of its own (here a header) goes through the generated client whole.
        both.ours.putObject(
                r -> r.bucket("www").key("x").overrideConfiguration(o -> o.putHeader("x-extra", "1")),
                RequestBody.fromString("x"));
        assertTrue(both.ourWire.sent.isEmpty());
        assertEquals(2, both.sdkWire.sent.size());
        // So does a conditional delete, whose members S3Api does not write.
        both.ours.deleteObjects(r -> r.bucket("www")
                .delete(d -> d.objects(
                        ObjectIdentifier.builder().key("a").eTag("\"abc\"").build())));
        assertTrue(both.ourWire.sent.isEmpty());
        assertEquals(3, both.sdkWire.sent.size());
    }

    /** Equal members, as the SDK compares its model objects; for bytes, the response and the bytes. */
    private static void assertSameAnswer(Object theirs, Object mine) {
        if (theirs instanceof ResponseBytes<?> a && mine instanceof ResponseBytes<?> b) {
            assertSameAnswer(a.response(), b.response());
            assertArrayEquals(a.asByteArray(), b.asByteArray(), "the bytes");
        } else if (theirs instanceof SdkPojo a) {
            assertTrue(a.equalsBySdkFields(mine), "the answer as read: " + theirs + " and " + mine);
        } else {
            assertEquals(theirs, mine, "the answer as read");
        }
    }

    // ---- Comparing ---------------------------------------------------------------------------------------------

    private static void assertSameFailure(Both both, Function<S3Client, ?> call, Class<? extends S3Exception> type) {
        SdkException theirs = failure(() -> call.apply(both.sdk));
        SdkException mine = failure(() -> call.apply(both.ours));
        assertInstanceOf(type, theirs, "the SDK's");
        assertEquals(theirs.getClass(), mine.getClass());
        S3Exception sdk = (S3Exception) theirs;
        S3Exception ours = (S3Exception) mine;
        assertEquals(sdk.statusCode(), ours.statusCode());
        assertEquals(sdk.awsErrorDetails().errorCode(), ours.awsErrorDetails().errorCode());
        assertEquals(
                sdk.awsErrorDetails().errorMessage(), ours.awsErrorDetails().errorMessage());
        assertEquals(sdk.requestId(), ours.requestId());
        assertEquals(both.sdkWire.sent.size(), both.ourWire.sent.size(), "attempts");
        assertSameWire(both.sdkWire, both.ourWire, "");
    }

    private static SdkException failure(Runnable call) {
        try {
            call.run();
        } catch (SdkException e) {
            return e;
        }
        throw new AssertionError("no failure");
    }

    private static SdkException failure(java.util.function.Supplier<?> call) {
        return failure((Runnable) call::get);
    }

    private static void assertSameWire(RecordingHttpClient sdk, RecordingHttpClient ours, String context) {
        assertEquals(sdk.sent.size(), ours.sent.size(), context + "requests sent");
        for (int i = 0; i < sdk.sent.size(); i++) {
            RecordingHttpClient.Sent theirs = sdk.sent.get(i);
            RecordingHttpClient.Sent mine = ours.sent.get(i);
            SdkHttpRequest a = theirs.request();
            SdkHttpRequest b = mine.request();
            String what = context + "request " + (i + 1) + " (" + a.method() + " " + a.encodedPath() + ")";
            boolean deletes = a.rawQueryParameters().containsKey("delete");
            assertEquals(a.method(), b.method(), what);
            assertEquals(
                    a.protocol() + "://" + a.host() + ":" + a.port(),
                    b.protocol() + "://" + b.host() + ":" + b.port(),
                    what);
            assertEquals(a.encodedPath(), b.encodedPath(), what);
            assertEquals(a.rawQueryParameters(), b.rawQueryParameters(), what);
            assertEquals(compared(a, deletes), compared(b, deletes), what + ": headers");
            assertEquals(signedHeaders(a, deletes), signedHeaders(b, deletes), what + ": signed headers");
            assertEquals(scope(a), scope(b), what + ": signing scope");
            assertArrayEquals(theirs.body(), mine.body(), what + ": body");
        }
    }

    private static Map<String, List<String>> compared(SdkHttpRequest request, boolean deletes) {
        Map<String, List<String>> headers = new TreeMap<>();
        request.forEachHeader((name, values) -> {
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            if (!NOT_COMPARED.contains(lower) && !(deletes && NOT_COMPARED.contains(lower + ":delete"))) {
                headers.put(lower, values);
            }
        });
        return headers;
    }

    private static final Pattern AUTHORIZATION =
            Pattern.compile("AWS4-HMAC-SHA256 Credential=[^/]+/\\d{8}/([^,]+), SignedHeaders=([^,]+), Signature=.*");

    private static String scope(SdkHttpRequest request) {
        Matcher m = AUTHORIZATION.matcher(
                request.firstMatchingHeader("Authorization").orElseThrow());
        assertTrue(m.matches(), request.firstMatchingHeader("Authorization").get());
        return m.group(1);
    }

    private static List<String> signedHeaders(SdkHttpRequest request, boolean deletes) {
        Matcher m = AUTHORIZATION.matcher(
                request.firstMatchingHeader("Authorization").orElseThrow());
        assertTrue(m.matches());
        List<String> signed = new ArrayList<>();
        for (String name : m.group(2).split(";")) {
            if (!NOT_COMPARED.contains(name) && !(deletes && NOT_COMPARED.contains(name + ":delete"))
                    || name.equals("x-amz-date")) {
                signed.add(name);
            }
        }
        return signed;
    }

    // ---- The wire ----------------------------------------------------------------------------------------------

    private static Canned ok(Map<String, String> headers, String body) {
        return answer(200, headers, body);
    }

    private static Canned answer(int status, Map<String, String> headers, String body) {
        return Canned.of(status, headers, body);
    }
}
