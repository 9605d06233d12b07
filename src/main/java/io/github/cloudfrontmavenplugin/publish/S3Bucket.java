package io.github.cloudfrontmavenplugin.publish;

import io.github.cloudfrontmavenplugin.aws.ConnectionSettings;
import io.github.cloudfrontmavenplugin.aws.S3Clients;
import io.github.cloudfrontmavenplugin.aws.S3Failures;
import io.github.cloudfrontmavenplugin.base.JoinedThreads;
import io.github.cloudfrontmavenplugin.base.OtherThreads;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.diff.ContentHasher;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.TaggingDirective;

/** The calls a sync makes to its bucket, through the plugin's one S3 client setup (credentials, proxy, retries). */
public final class S3Bucket implements AutoCloseable {
    /** From this size a file goes up in parts (the AWS CLI starts at 8 MiB). */
    public static final long MULTIPART_THRESHOLD = 16L << 20;

    private static final long MIN_PART_SIZE = 8L << 20;
    private static final int MAX_PARTS = 10_000;
    private static final int DELETE_BATCH = 1_000;
    /** How many levels of "directories" a listing descends before it lists what is below them whole. */
    static final int LISTING_LEVELS = 3;
    /** How many sub-prefixes a level may have per request at once before it is cheaper to list the level whole. */
    static final int SPLIT_PER_THREAD = 4;

    private static final String DELIMITER = "/";
    /** S3's most keys per page of a listing. */
    static final int LISTING_PAGE = 1_000;

    private final S3Clients.Connection connection;
    private final S3Client s3;
    private final BucketLocation location;
    private final ExecutorService parts;
    private final int concurrency;
    private final S3Failures failures;

    private S3Bucket(S3Clients.Connection connection, BucketLocation location, int concurrency, S3Failures failures) {
        this.connection = connection;
        this.failures = failures;
        this.s3 = connection.s3();
        this.location = location;
        this.concurrency = concurrency;
        this.parts = Executors.newFixedThreadPool(concurrency, new JoinedThreads("cloudfront-s3-part"));
    }

    public static S3Bucket connect(BucketLocation location, ConnectionSettings settings, int concurrency)
            throws UserFixableException {
        // Files and their parts run in two pools of `concurrency` threads each.
        S3Clients.Connection connection = S3Clients.connect(settings, location.bucket(), 2 * concurrency);
        return new S3Bucket(
                connection,
                location,
                concurrency,
                S3Failures.of(location.bucket(), settings.endpoint(), BucketLocation.PARAMETER));
    }

    /**
     * The first page of a plain listing of the prefix, requested now on a thread of this bucket's, for {@link #list}:
     * sent while the record of the last sync is still being read, it is the whole listing of a bucket of a page or
     * less.
     */
    public FirstPage requestFirstPage() {
        return new FirstPage(parts.submit(() -> plainPage(null)));
    }

    /** The first page of a plain listing, requested ahead of the decision how to list. */
    public record FirstPage(Future<ListObjectsV2Response> page) {
        ListObjectsV2Response await() throws UserFixableException, InterruptedException {
            try {
                return page.get();
            } catch (ExecutionException e) {
                OtherThreads.rethrow(e.getCause());
                throw new IllegalStateException("unreachable", e);
            }
        }
    }

    /**
     * Every object under the prefix, starting from {@code first}. Where {@code known} (the keys the record of the last
     * sync holds) puts at most a page of keys under it, the first page and those after it, one after another, read
     * them all; where there is no record and the first page is the whole listing, it is the only request. Otherwise,
     * as S3 answers a listing 1,000 keys a page, each page after the last, but different prefixes can be listed at
     * once, the prefix is listed a "directory" at a time ({@code /} as the delimiter), level after level, until a level
     * has {@code concurrency} sub-prefixes to share out (or {@link #LISTING_LEVELS} levels were read); then each of
     * them is listed whole, {@code concurrency} at a time. Every key is in one of these listings: the keys of each
     * level that hold no further {@code /}, or the last level's. Where a level has more than {@link #SPLIT_PER_THREAD}
     * sub-prefixes per request at once (a blog of a thousand one-page directories), it is listed whole itself instead:
     * a request per small directory would cost more than the pages it saves. The first page is then left unused.
     */
    public Map<String, RemoteObject> list(Collection<String> known, FirstPage first)
            throws UserFixableException, InterruptedException {
        long expected = keysUnderPrefix(known);
        if (expected <= LISTING_PAGE) {
            ListObjectsV2Response page = first.await();
            if (expected > 0 || !Boolean.TRUE.equals(page.isTruncated())) {
                Map<String, RemoteObject> objects = new HashMap<>();
                listInto(objects, page.contents());
                while (Boolean.TRUE.equals(page.isTruncated())) {
                    page = plainPage(page.nextContinuationToken());
                    listInto(objects, page.contents());
                }
                return objects;
            }
        }
        return listByDirectories();
    }

    private long keysUnderPrefix(Collection<String> known) {
        return known.stream().filter(key -> key.startsWith(location.prefix())).count();
    }

    /** One page of a plain listing of the prefix: the first, or the one {@code continuation} names. */
    private ListObjectsV2Response plainPage(String continuation) throws UserFixableException {
        try {
            return s3.listObjectsV2(r -> {
                r.bucket(location.bucket()).prefix(location.prefix());
                if (continuation != null) {
                    r.continuationToken(continuation);
                }
            });
        } catch (SdkException e) {
            throw listingFailure(e);
        }
    }

    private UserFixableException listingFailure(SdkException e) {
        return new UserFixableException(
                "Cannot list " + location + ": "
                        + failures.explain(e, "s3:ListBucket on arn:aws:s3:::" + location.bucket()),
                e);
    }

    private Map<String, RemoteObject> listByDirectories() throws UserFixableException, InterruptedException {
        Map<String, RemoteObject> objects = new HashMap<>();
        JoinedThreads threads = new JoinedThreads("cloudfront-s3-list");
        ExecutorService pool = Executors.newFixedThreadPool(concurrency, threads);
        try {
            List<String> level = List.of(location.prefix());
            for (int depth = 1; !level.isEmpty(); depth++) {
                if (depth > LISTING_LEVELS || level.size() >= concurrency) {
                    all(pool, level, false).forEach(listing -> listInto(objects, listing));
                    break;
                }
                List<Listing> listings = all(pool, level, true);
                List<String> next = new ArrayList<>();
                listings.forEach(listing -> next.addAll(listing.prefixes()));
                if (next.size() > SPLIT_PER_THREAD * concurrency) {
                    all(pool, level, false).forEach(listing -> listInto(objects, listing));
                    break;
                }
                listings.forEach(listing -> listInto(objects, listing));
                level = next;
            }
        } finally {
            pool.shutdownNow();
            // A listing stopped early (a failure, or the build that no longer needs it) ends no later than its
            // requests, which closing the client ends.
            threads.join();
        }
        return objects;
    }

    /** The objects and, with a delimiter, the sub-prefixes of one listing. */
    private record Listing(List<S3Object> objects, List<String> prefixes) {}

    private static void listInto(Map<String, RemoteObject> objects, Listing listing) {
        listInto(objects, listing.objects());
    }

    private static void listInto(Map<String, RemoteObject> objects, List<S3Object> listed) {
        for (S3Object object : listed) {
            objects.put(object.key(), new RemoteObject(object.key(), object.size(), object.eTag()));
        }
    }

    private List<Listing> all(ExecutorService pool, List<String> prefixes, boolean byDirectory)
            throws UserFixableException, InterruptedException {
        List<Future<Listing>> listings = new ArrayList<>();
        for (String prefix : prefixes) {
            listings.add(pool.submit(() -> listing(prefix, byDirectory)));
        }
        return OtherThreads.awaitAll(listings);
    }

    /** One prefix, page after page: everything under it, or with {@code byDirectory} its keys and sub-prefixes. */
    private Listing listing(String prefix, boolean byDirectory) throws UserFixableException {
        List<S3Object> objects = new ArrayList<>();
        Set<String> prefixes = new LinkedHashSet<>();
        try {
            for (ListObjectsV2Response page : s3.listObjectsV2Paginator(r -> {
                r.bucket(location.bucket()).prefix(prefix);
                if (byDirectory) {
                    r.delimiter(DELIMITER);
                }
            })) {
                objects.addAll(page.contents());
                page.commonPrefixes().forEach(common -> prefixes.add(common.prefix()));
                if (byDirectory) {
                    // S3 rolls a "folder" key such as docs/ up into its common prefix. S3Proxy lists it as a key
                    // instead, and leaves out the common prefix with everything under it: it is listed all the same.
                    page.contents().stream()
                            .map(S3Object::key)
                            .filter(key -> key.indexOf(DELIMITER, prefix.length()) == key.length() - DELIMITER.length()
                                    && key.length() > prefix.length())
                            .forEach(prefixes::add);
                }
            }
        } catch (SdkException e) {
            throw listingFailure(e);
        }
        return new Listing(objects, List.copyOf(prefixes));
    }

    public ObjectHead head(String key) throws UserFixableException {
        try {
            return headOf(s3.headObject(r -> r.bucket(location.bucket()).key(key)));
        } catch (SdkException e) {
            throw new UserFixableException(
                    "Cannot read the headers of s3://" + location.bucket() + "/" + key + ": "
                            + failures.explain(e, "s3:GetObject on arn:aws:s3:::" + location.bucket() + "/*"),
                    e);
        }
    }

    /** A call about one key, such as {@link #head(String)}. */
    @FunctionalInterface
    public interface KeyCall<T> {
        T of(String key) throws UserFixableException;
    }

    /**
     * {@code call} for each of {@code keys}, {@code concurrency} at a time; the first failure is thrown once the calls
     * ended.
     */
    public <T> Map<String, T> eachKey(Collection<String> keys, KeyCall<T> call)
            throws UserFixableException, InterruptedException {
        if (keys.isEmpty()) {
            return Map.of();
        }
        List<String> ordered = List.copyOf(keys);
        ExecutorService pool = Executors.newFixedThreadPool(
                Math.min(concurrency, keys.size()), new JoinedThreads("cloudfront-s3-head"));
        try {
            List<Future<T>> tasks = new ArrayList<>();
            for (String key : ordered) {
                tasks.add(pool.submit(() -> call.of(key)));
            }
            List<T> answers = OtherThreads.awaitAll(tasks);
            Map<String, T> byKey = new HashMap<>();
            for (int i = 0; i < ordered.size(); i++) {
                byKey.put(ordered.get(i), answers.get(i));
            }
            return byKey;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Whether the bucket keeps every version of its objects (GetBucketVersioning says Enabled). */
    public boolean versioningEnabled() throws UserFixableException {
        try {
            return s3.getBucketVersioning(r -> r.bucket(location.bucket())).status() == BucketVersioningStatus.ENABLED;
        } catch (SdkException e) {
            throw new UserFixableException(
                    "Cannot read whether s3://" + location.bucket() + " keeps versions: "
                            + failures.explain(e, "s3:GetBucketVersioning on arn:aws:s3:::" + location.bucket()),
                    e);
        }
    }

    /** The headers of one version of an object; empty when S3 no longer has that version (404). */
    public Optional<ObjectHead> head(String key, String versionId) throws UserFixableException {
        try {
            return Optional.of(headOf(
                    s3.headObject(r -> r.bucket(location.bucket()).key(key).versionId(versionId))));
        } catch (SdkException e) {
            if (e instanceof S3Exception s3e && s3e.statusCode() == 404) {
                return Optional.empty();
            }
            throw new UserFixableException(
                    "Cannot read the version " + versionId + " of s3://" + location.bucket() + "/" + key + ": "
                            + failures.explain(e, "s3:GetObjectVersion on arn:aws:s3:::" + location.bucket() + "/*"),
                    e);
        }
    }

    private static ObjectHead headOf(HeadObjectResponse head) {
        return ObjectHead.of(
                head.eTag(),
                head.contentType(),
                Optional.ofNullable(head.cacheControl()),
                Optional.ofNullable(head.contentEncoding()),
                Optional.ofNullable(head.contentDisposition()),
                head.metadata());
    }

    /** One kept version of an object, as ListObjectVersions lists it. */
    public record Version(String versionId, String etag, boolean latest) {}

    /** The versions of exactly {@code key} (not of the keys it is a prefix of), newest first; no delete markers. */
    public List<Version> versions(String key) throws UserFixableException {
        List<Version> versions = new ArrayList<>();
        try {
            for (ListObjectVersionsResponse page : s3.listObjectVersionsPaginator(
                    r -> r.bucket(location.bucket()).prefix(key))) {
                for (ObjectVersion version : page.versions()) {
                    if (version.key().equals(key)) {
                        versions.add(new Version(
                                version.versionId(),
                                RemoteObject.unquote(version.eTag()),
                                Boolean.TRUE.equals(version.isLatest())));
                    }
                }
            }
        } catch (SdkException e) {
            throw new UserFixableException(
                    "Cannot list the versions of s3://" + location.bucket() + "/" + key + ": "
                            + failures.explain(e, "s3:ListBucketVersions on arn:aws:s3:::" + location.bucket()),
                    e);
        }
        return versions;
    }

    /**
     * What S3 says of an object it wrote.
     *
     * @param etag unquoted
     * @param versionId empty when the bucket has no versioning (S3 then sends none, or {@code null} while it is
     *     suspended)
     */
    public record Written(String etag, Optional<String> versionId) {
        static Written of(String etag, String versionId) {
            return new Written(
                    RemoteObject.unquote(etag),
                    Optional.ofNullable(versionId).filter(id -> !id.isBlank() && !id.equals("null")));
        }
    }

    /** Writes one object as the plan says. */
    public Written write(UploadPlan.Upload upload) throws SdkException, IOException, InterruptedException {
        if (upload.kind() == UploadPlan.Kind.RESTORE) {
            // COPY takes the version's own headers, metadata and tags with its bytes, as they were put.
            CopyObjectResponse restored = s3.copyObject(r -> r.sourceBucket(location.bucket())
                    .sourceKey(upload.key())
                    .sourceVersionId(upload.sourceVersion().orElseThrow())
                    .destinationBucket(location.bucket())
                    .destinationKey(upload.key())
                    .metadataDirective(MetadataDirective.COPY)
                    .taggingDirective(TaggingDirective.COPY));
            return Written.of(restored.copyObjectResult().eTag(), restored.versionId());
        }
        if (upload.kind() == UploadPlan.Kind.COPY) {
            CopyObjectResponse copied = s3.copyObject(r -> {
                r.sourceBucket(location.bucket())
                        .sourceKey(upload.key())
                        .destinationBucket(location.bucket())
                        .destinationKey(upload.key())
                        .metadataDirective(MetadataDirective.REPLACE)
                        .contentType(upload.headers().contentType())
                        .metadata(metadata(upload));
                optionalHeaders(upload, r::cacheControl, r::contentEncoding, r::contentDisposition);
            });
            return Written.of(copied.copyObjectResult().eTag(), copied.versionId());
        }
        if (upload.size() >= MULTIPART_THRESHOLD) {
            return putInParts(upload);
        }
        String contentMd5 = base64(ContentHasher.md5(upload.file()));
        PutObjectResponse put = s3.putObject(
                r -> {
                    r.bucket(location.bucket())
                            .key(upload.key())
                            .contentType(upload.headers().contentType())
                            .metadata(metadata(upload))
                            // S3 refuses bytes that arrive other than they were read. (Content-MD5
                            // rather than x-amz-checksum-sha256, which S3-compatible servers such as
                            // S3Proxy answer with 501 NotImplemented.)
                            .contentMD5(contentMd5);
                    optionalHeaders(upload, r::cacheControl, r::contentEncoding, r::contentDisposition);
                },
                RequestBody.fromFile(upload.file()));
        return Written.of(put.eTag(), put.versionId());
    }

    private Written putInParts(UploadPlan.Upload upload) throws IOException, InterruptedException {
        long partSize = Math.max(MIN_PART_SIZE, (upload.size() + MAX_PARTS - 1) / MAX_PARTS);
        String uploadId = s3.createMultipartUpload(r -> {
                    r.bucket(location.bucket())
                            .key(upload.key())
                            .contentType(upload.headers().contentType())
                            .metadata(metadata(upload));
                    optionalHeaders(upload, r::cacheControl, r::contentEncoding, r::contentDisposition);
                })
                .uploadId();
        try {
            List<Future<CompletedPart>> sent = new ArrayList<>();
            for (int number = 1; (long) (number - 1) * partSize < upload.size(); number++) {
                long offset = (number - 1) * partSize;
                long length = Math.min(partSize, upload.size() - offset);
                int partNumber = number;
                sent.add(parts.submit(() -> {
                    String etag = s3.uploadPart(
                                    r -> r.bucket(location.bucket())
                                            .key(upload.key())
                                            .uploadId(uploadId)
                                            .partNumber(partNumber)
                                            .contentLength(length),
                                    RequestBody.fromContentProvider(
                                            () -> slice(upload, offset, length), length, "application/octet-stream"))
                            .eTag();
                    return CompletedPart.builder()
                            .partNumber(partNumber)
                            .eTag(etag)
                            .build();
                }));
            }
            List<CompletedPart> completed = new ArrayList<>();
            for (Future<CompletedPart> part : sent) {
                completed.add(await(part));
            }
            CompleteMultipartUploadResponse done = s3.completeMultipartUpload(r -> r.bucket(location.bucket())
                    .key(upload.key())
                    .uploadId(uploadId)
                    .multipartUpload(m -> m.parts(completed)));
            return Written.of(done.eTag(), done.versionId());
        } catch (RuntimeException | IOException | InterruptedException e) {
            try {
                s3.abortMultipartUpload(
                        r -> r.bucket(location.bucket()).key(upload.key()).uploadId(uploadId));
            } catch (SdkException abortFailed) {
                e.addSuppressed(abortFailed);
            }
            throw e;
        }
    }

    private static CompletedPart await(Future<CompletedPart> part) throws IOException, InterruptedException {
        try {
            return part.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        }
    }

    /** One part of a file, opened again for each attempt. */
    private static InputStream slice(UploadPlan.Upload upload, long offset, long length) {
        try {
            FileChannel channel = FileChannel.open(upload.file(), StandardOpenOption.READ);
            channel.position(offset);
            InputStream in = Channels.newInputStream(channel);
            return new InputStream() {
                private long left = length;

                @Override
                public int read() throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int b = in.read();
                    if (b >= 0) {
                        left--;
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int off, int len) throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int read = in.read(buffer, off, (int) Math.min(len, left));
                    if (read > 0) {
                        left -= read;
                    }
                    return read;
                }

                @Override
                public void close() throws IOException {
                    in.close();
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Deletes in batches of 1,000 keys; a 200 answer may still list keys S3 could not delete.
     *
     * @return the keys not deleted, each with S3's error
     */
    public Map<String, String> delete(List<String> keys) {
        Map<String, String> failed = new HashMap<>();
        for (int from = 0; from < keys.size(); from += DELETE_BATCH) {
            List<ObjectIdentifier> batch = keys.subList(from, Math.min(keys.size(), from + DELETE_BATCH)).stream()
                    .map(key -> ObjectIdentifier.builder().key(key).build())
                    .toList();
            try {
                DeleteObjectsResponse response = s3.deleteObjects(r ->
                        r.bucket(location.bucket()).delete(d -> d.objects(batch).quiet(true)));
                for (S3Error error : response.errors()) {
                    failed.put(error.key(), error.code() + ": " + error.message());
                }
            } catch (SdkException e) {
                batch.forEach(id -> failed.put(id.key(), S3Failures.answer(e)));
            }
        }
        return failed;
    }

    /**
     * Sets the headers an object may have or not through the three setters of a request's builder (PutObject,
     * CopyObject and CreateMultipartUpload share no interface for them), so that every way of writing sets the same.
     */
    private static void optionalHeaders(
            UploadPlan.Upload upload,
            Consumer<String> cacheControl,
            Consumer<String> contentEncoding,
            Consumer<String> contentDisposition) {
        upload.headers().cacheControl().ifPresent(cacheControl);
        upload.headers().contentEncoding().ifPresent(contentEncoding);
        upload.headers().contentDisposition().ifPresent(contentDisposition);
    }

    private static Map<String, String> metadata(UploadPlan.Upload upload) {
        Map<String, String> metadata = new HashMap<>(upload.headers().metadata());
        metadata.put(HeaderRules.SHA256_METADATA, upload.sha256());
        return metadata;
    }

    private static String base64(String hex) {
        return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
    }

    @Override
    public void close() {
        parts.shutdownNow();
        connection.close();
    }
}
