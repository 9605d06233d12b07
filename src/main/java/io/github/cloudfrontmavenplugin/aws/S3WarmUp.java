package io.github.cloudfrontmavenplugin.aws;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.endpoints.Endpoint;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.endpoints.S3EndpointParams;
import software.amazon.awssdk.services.s3.endpoints.S3EndpointProvider;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.utils.Logger;

/**
 * Runs the calls {@code sync} makes through the plugin's own S3 client once, answered in memory, for the build-start
 * warm-up: the SDK's endpoint rules for a bucket; a conditional PutObject with the headers an upload carries; a
 * GetObject, a HeadObject, a listing page by directory, a DeleteObjects and a conditional DeleteObject, each signed
 * with made-up keys and read from a canned answer. Nothing leaves the JVM and no setting or credential is read. Its
 * worth is the classes it loads and the call sites it links, which the goal's first calls then find done. Like the
 * CloudFront warm-up, it logs nothing at any level.
 */
public final class S3WarmUp {
    private static final Logger LOG = Logger.loggerFor(S3WarmUp.class);

    /** Once per class realm: the classes stay loaded for the rest of the build. */
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private static final String BUCKET = "cloudfront-warm-up";
    private static final String ETAG = "\"343fc7b27c1b966b623aa483c880210c\"";
    private static final String XMLNS = "xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"";
    private static final String LISTING = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ListBucketResult " + XMLNS
            + "><Name>" + BUCKET + "</Name><Prefix></Prefix><KeyCount>2</KeyCount><MaxKeys>1000</MaxKeys>"
            + "<Delimiter>/</Delimiter><IsTruncated>false</IsTruncated><Contents><Key>index.html</Key>"
            + "<LastModified>2026-01-01T00:00:00.000Z</LastModified><ETag>&quot;343fc7b27c1b966b623aa483c880210c"
            + "&quot;</ETag><Size>9</Size><StorageClass>STANDARD</StorageClass></Contents><CommonPrefixes>"
            + "<Prefix>docs/</Prefix></CommonPrefixes></ListBucketResult>";
    private static final String DELETED = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<DeleteResult " + XMLNS
            + "><Deleted><Key>old.html</Key></Deleted></DeleteResult>";

    private S3WarmUp() {}

    /**
     * Runs the warm-up unless it ran before in this realm; any failure is logged at debug level and ignored.
     *
     * @return whether it ran now
     */
    public static boolean once() {
        if (!STARTED.compareAndSet(false, true)) {
            return false;
        }
        return run(new CannedHttpClient(S3WarmUp::answer));
    }

    /** @return whether every canned answer was read as S3's answer to that call */
    static boolean run(SdkHttpClient canned) {
        try {
            Endpoint endpoint = S3EndpointProvider.defaultProvider()
                    .resolveEndpoint(S3EndpointParams.builder()
                            .bucket(BUCKET)
                            .region(Region.US_EAST_1)
                            .useFips(false)
                            .useDualStack(false)
                            .forcePathStyle(false)
                            .accelerate(false)
                            .useGlobalEndpoint(false)
                            .build())
                    .join();
            S3Api.Address address = new S3Api.Address(endpoint.url(), "s3", "us-east-1");
            S3Api s3 = new S3Api(
                    canned,
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDWARMUP", "warm-up")),
                    S3Api.Addressing.fixed(address),
                    "us-east-1",
                    new OneSilentAttempt(),
                    () -> {
                        throw new IllegalStateException("the warm-up makes only calls the plugin's own client sends");
                    },
                    false);
            byte[] page = "<p>hi</p>".getBytes(StandardCharsets.UTF_8);
            String put = s3.putObject(
                            r -> r.bucket(BUCKET)
                                    .key("index.html")
                                    .contentType("text/html; charset=utf-8")
                                    .cacheControl("no-cache")
                                    .metadata(Map.of("sha256", "warm-up"))
                                    .contentMD5("ND/HsnwblmtiOqSDyIAhDA==")
                                    .ifNoneMatch("*"),
                            RequestBody.fromBytes(page))
                    .eTag();
            byte[] read =
                    s3.getObjectAsBytes(r -> r.bucket(BUCKET).key("index.html")).asByteArray();
            String head = s3.headObject(r -> r.bucket(BUCKET).key("index.html")).eTag();
            ListObjectsV2Response listed = s3.listObjectsV2Paginator(
                            r -> r.bucket(BUCKET).prefix("").delimiter("/"))
                    .iterator()
                    .next();
            int deleted = s3.deleteObjects(r -> r.bucket(BUCKET)
                            .delete(d -> d.objects(o -> o.key("old.html")).quiet(true)))
                    .deleted()
                    .size();
            s3.deleteObject(r -> r.bucket(BUCKET).key("manifest.txt.lock").ifMatch(ETAG));
            return ETAG.equals(put)
                    && ETAG.equals(head)
                    && Arrays.equals(page, read)
                    && listed.contents().size() == 1
                    && listed.commonPrefixes().size() == 1
                    && deleted == 1;
        } catch (RuntimeException e) {
            LOG.debug(() -> "The warm-up of the S3 code failed; the goal loads it when it sends.", e);
            return false;
        }
    }

    /** S3's answer to each call {@link #run} makes. */
    static CannedHttpClient.Answer answer(SdkHttpRequest request) {
        Map<String, String> object = Map.of("ETag", ETAG, "x-amz-request-id", "WARMUP");
        switch (request.method()) {
            case GET:
                if (request.firstMatchingRawQueryParameter("list-type").isPresent()) {
                    return xml(LISTING);
                }
                return new CannedHttpClient.Answer(200, object, "<p>hi</p>".getBytes(StandardCharsets.UTF_8));
            case POST:
                return xml(DELETED);
            case DELETE:
                return new CannedHttpClient.Answer(204, Map.of(), new byte[0]);
            default: // PUT, HEAD
                return new CannedHttpClient.Answer(200, object, new byte[0]);
        }
    }

    private static CannedHttpClient.Answer xml(String body) {
        return new CannedHttpClient.Answer(
                200, Map.of("Content-Type", "application/xml"), body.getBytes(StandardCharsets.UTF_8));
    }
}
