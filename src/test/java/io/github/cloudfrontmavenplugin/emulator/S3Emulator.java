package io.github.cloudfrontmavenplugin.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.cloudfrontmavenplugin.emulator.SigV4Verifier.Credentials;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-memory S3 on loopback for the manifest and the site: virtual-hosted or path-style requests, each bucket in a
 * region (a request to another region's endpoint is answered 301 PermanentRedirect with {@code x-amz-bucket-region}, a
 * signature for another region 400 AuthorizationHeaderMalformed); GetObject, HeadObject and PutObject with the
 * conditional writes S3 supports ({@code If-None-Match: *}, {@code If-Match: <etag>}), SigV4 checked for service
 * {@code s3}, and hooks to delay reads or to let another writer in just before a write, for races; a conditional
 * DeleteObject ({@code If-Match}) and 409 ConditionalRequestConflict injected on conditional writes, for the deploy
 * lock; and for publishing
 * ({@link S3SiteOperations}) headers and metadata, checksums, ListObjectsV2 paging, DeleteObjects, CopyObject,
 * multipart uploads, and failures injected per operation and key. Versioning, for a deploy's history and its rollback
 * ({@link S3StoredBucket}, {@link S3Versioning}): Put/GetBucketVersioning, a version ID on every write, GET, HEAD, CopyObject
 * and DeleteObject of a given version, delete markers, and ListObjectVersions.
 */
public final class S3Emulator implements AutoCloseable {
    /** One request as received, with the conditional headers and the {@code User-Agent} (or "") it carried. */
    public record S3Request(
            String method,
            String bucket,
            String key,
            Optional<String> ifMatch,
            Optional<String> ifNoneMatch,
            Optional<String> accessKeyId,
            int status,
            String host,
            String userAgent) {}

    /**
     * One operation as received, such as {@code PutObject site/index.html 200}, with its place in the order of events:
     * {@code arrived} when its handling began, {@code answered} when its answer was decided (just before it was sent).
     * A request with {@code arrived} above another's {@code answered} was sent after the client could have seen that
     * answer; one below it was sent before the other was answered. The key of a ListObjectsV2 is the prefix it lists,
     * for holds, faults and counts alike. A request dropped unanswered ({@link Fault#holdThenDrop}) has status 0.
     */
    public record S3Call(String operation, String key, int status, long arrived, long answered) {}

    /**
     * Requests of one operation, whose keys match, held by a fault; with {@link Fault.HoldUntilInFlight}, the first
     * {@code count} of them are let go together once they have all arrived.
     */
    private record Hold(
            String operation, java.util.function.Predicate<String> keys, Fault fault, CountDownLatch together) {}

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, S3StoredBucket> buckets = new ConcurrentHashMap<>();
    private final Map<String, String> bucketRegions = new ConcurrentHashMap<>();
    private volatile Map<String, Credentials> credentials = new ConcurrentHashMap<>();
    private final List<S3Request> requests = new CopyOnWriteArrayList<>();
    private final List<S3Call> calls = new CopyOnWriteArrayList<>();
    private final S3SiteOperations site = new S3SiteOperations();
    private final Map<String, Runnable> afterPut = new ConcurrentHashMap<>();
    private final Deque<Runnable> beforePut = new ArrayDeque<>();
    private volatile CountDownLatch readersMeet;
    private volatile boolean listBucketAllowed = true;
    private final java.util.concurrent.atomic.AtomicLong events = new java.util.concurrent.atomic.AtomicLong();
    private final List<Hold> holds = new CopyOnWriteArrayList<>();
    /** How many requests each hold holds right now; guarded by itself. */
    private final Map<Hold, Integer> held = new HashMap<>();
    /** Conditional writes still to answer 409 ConditionalRequestConflict, by the keys they match. */
    private final List<Conflicts> conflicts = new CopyOnWriteArrayList<>();

    private record Conflicts(
            java.util.function.Predicate<String> keys, java.util.concurrent.atomic.AtomicInteger left) {}

    private S3Emulator(HttpServer server) {
        this.server = server;
        this.executor = Executors.newFixedThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, "s3-emulator");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        credentials.put(
                CloudFrontEmulator.ACCESS_KEY_ID,
                new Credentials(
                        CloudFrontEmulator.ACCESS_KEY_ID, CloudFrontEmulator.SECRET_ACCESS_KEY, Optional.empty()));
    }

    /**
     * Accepts the same credentials as {@code account}, including the temporary ones its STS issues, as S3 does for a
     * role assumed in its account.
     */
    public S3Emulator sameAccountAs(CloudFrontEmulator account) {
        credentials = account.acceptedCredentials();
        return this;
    }

    /**
     * Answers as S3 does a caller allowed s3:GetObject but not s3:ListBucket: a key that does not exist is 403
     * AccessDenied, not 404 NoSuchKey, so that the caller learns nothing about what the bucket holds.
     */
    public S3Emulator withoutListBucket() {
        listBucketAllowed = false;
        return this;
    }

    public static S3Emulator start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        S3Emulator emulator = new S3Emulator(server);
        server.start();
        return emulator;
    }

    public String endpoint() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort();
    }

    public S3Emulator createBucket(String bucket) {
        return createBucket(bucket, "us-east-1");
    }

    /** A bucket in {@code region}: requests addressed to another region's endpoint are redirected, as S3 does. */
    public S3Emulator createBucket(String bucket, String region) {
        buckets.putIfAbsent(bucket, new S3StoredBucket());
        bucketRegions.put(bucket, region);
        return this;
    }

    /** Turns versioning on, as PutBucketVersioning {@code Enabled} does: every write then makes a new version. */
    public S3Emulator enableVersioning(String bucket) {
        buckets.get(bucket).versioning(S3StoredBucket.Versioning.ENABLED);
        return this;
    }

    /** Suspends versioning, as PutBucketVersioning {@code Suspended} does: writes replace the "null" version. */
    public S3Emulator suspendVersioning(String bucket) {
        buckets.get(bucket).versioning(S3StoredBucket.Versioning.SUSPENDED);
        return this;
    }

    /**
     * Where a request went, as S3 reads it from the host: virtual-hosted ({@code bucket.s3.eu-west-1.amazonaws.com})
     * or path-style ({@code s3.eu-west-1.amazonaws.com/bucket}, or any host that is not S3's, as an endpoint override
     * is: then no region is implied).
     */
    private record Address(String bucket, String keyPath, Optional<String> region) {
        private static final Pattern VIRTUAL =
                Pattern.compile("(.+)\\.s3(?:\\.([a-z0-9-]+))?\\.amazonaws\\.com(?:\\.cn)?");
        private static final Pattern PATH = Pattern.compile("s3(?:\\.([a-z0-9-]+))?\\.amazonaws\\.com(?:\\.cn)?");

        static Address of(String hostHeader, String rawPath) {
            String host = hostHeader == null
                    ? ""
                    : hostHeader.replaceFirst(":\\d+$", "").toLowerCase();
            Matcher virtual = VIRTUAL.matcher(host);
            if (virtual.matches() && !PATH.matcher(host).matches()) {
                return new Address(
                        virtual.group(1),
                        rawPath.length() > 1 ? rawPath.substring(1) : "",
                        Optional.of(virtual.group(2) == null ? "us-east-1" : virtual.group(2)));
            }
            String[] parts = rawPath.substring(1).split("/", 2);
            Matcher path = PATH.matcher(host);
            Optional<String> region = path.matches()
                    ? Optional.of(path.group(1) == null ? "us-east-1" : path.group(1))
                    : Optional.empty();
            return new Address(parts[0], parts.length > 1 ? parts[1] : "", region);
        }
    }

    /**
     * Writes an object directly, as another client would.
     *
     * @return its version ID, "null" where versioning is not enabled
     */
    public String putObject(String bucket, String key, byte[] content) {
        return putObject(bucket, key, content, Map.of("content-type", "binary/octet-stream"));
    }

    /**
     * Writes an object with headers ({@code content-type}, {@code x-amz-meta-*}, names lower-case), as another client
     * would.
     *
     * @return its version ID, "null" where versioning is not enabled
     */
    public String putObject(String bucket, String key, byte[] content, Map<String, String> headers) {
        return buckets.get(bucket)
                .put(key, new S3StoredObject(content.clone(), etag(content), headers))
                .versionId();
    }

    /**
     * Deletes an object directly, as another client's DeleteObject without a version ID would: where versioning is
     * on, a delete marker hides it and its versions stay.
     */
    public void deleteObject(String bucket, String key) {
        buckets.get(bucket).delete(key);
    }

    /** Removes one version for good, as DeleteObject with a version ID or a lifecycle rule that expires it would. */
    public void deleteVersion(String bucket, String key, String versionId) {
        buckets.get(bucket).deleteVersion(key, versionId);
    }

    /** The object a GET of the key reads: none when there is none or its latest version is a delete marker. */
    public Optional<S3StoredObject> stored(String bucket, String key) {
        return Optional.ofNullable(buckets.get(bucket)).flatMap(b -> b.current(key));
    }

    /** One version of a key, empty when there is no such version or it is a delete marker. */
    public Optional<S3StoredObject> stored(String bucket, String key, String versionId) {
        return Optional.ofNullable(buckets.get(bucket))
                .flatMap(b -> b.version(key, versionId))
                .flatMap(S3ObjectVersion::object);
    }

    /** Every version of a key, delete markers too, newest (the latest) first. */
    public List<S3ObjectVersion> versions(String bucket, String key) {
        return buckets.get(bucket).versions(key);
    }

    /** The keys of a bucket that a listing shows (their latest version is not a delete marker), sorted. */
    public List<String> keys(String bucket) {
        return Optional.ofNullable(buckets.get(bucket))
                .map(S3StoredBucket::currentObjects)
                .orElse(Map.of())
                .keySet()
                .stream()
                .sorted()
                .toList();
    }

    /** Lists at most this many keys a page, so that paging shows with a few objects. */
    public S3Emulator listPageSize(int keys) {
        site.pageSize(keys);
        return this;
    }

    /**
     * Answers every request of {@code operation} (PutObject, UploadPart, CopyObject, DeleteObjects...) for a key that
     * {@code keys} matches with this error, as a bucket policy that denies them would.
     */
    public S3Emulator failKeys(String operation, java.util.function.Predicate<String> keys, int status, String code) {
        site.fault(new S3SiteOperations.KeyFault(
                operation, (key, attempt) -> keys.test(key), new ApiError(status, code, code + " (injected)")));
        return this;
    }

    /**
     * Runs {@code action} once, after the next successful PutObject of {@code key}: to change the bucket between two
     * builds, such as after a build recorded its manifest.
     */
    public S3Emulator afterPutOf(String key, Runnable action) {
        afterPut.put(key, action);
        return this;
    }

    /**
     * Holds the requests of {@code operation} whose key {@code keys} matches as {@code fault} says: the first
     * {@code count} until they are all in flight at once ({@link Fault#holdUntilInFlight}), or each until the test
     * releases them ({@link Fault#holdUntil}, or {@link Fault#holdThenDrop} to have them take no effect, recorded in
     * {@link #calls()} with status 0). The order then shows by construction in {@link #calls()}, not by timing.
     */
    public S3Emulator hold(String operation, java.util.function.Predicate<String> keys, Fault fault) {
        if (!(fault instanceof Fault.HoldUntilInFlight
                || fault instanceof Fault.HoldUntil
                || fault instanceof Fault.HoldThenDrop)) {
            throw new IllegalArgumentException("S3Emulator holds requests; inject errors with failKeys: " + fault);
        }
        holds.add(new Hold(
                operation,
                keys,
                fault,
                new CountDownLatch(fault instanceof Fault.HoldUntilInFlight inFlight ? inFlight.count() : 0)));
        return this;
    }

    /** Waits (at most a minute) until {@code count} requests are held by the holds of {@code operation}. */
    public void awaitHeld(String operation, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        synchronized (held) {
            while (heldNow(operation) < count) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw new IllegalStateException(
                            count + " " + operation + " requests were never held at once: " + calls());
                }
                held.wait(left);
            }
        }
    }

    private int heldNow(String operation) {
        return held.entrySet().stream()
                .filter(e -> e.getKey().operation().equals(operation))
                .mapToInt(Map.Entry::getValue)
                .sum();
    }

    /**
     * Holds the request while a hold that matches it says so; the count of each hold covers its own requests.
     *
     * @return whether a hold says to drop it, unanswered, once released
     */
    private boolean holdIfAsked(String operation, String key) {
        boolean drop = false;
        for (Hold hold : holds) {
            if (!hold.operation().equals(operation) || !hold.keys().test(key)) {
                continue;
            }
            synchronized (held) {
                held.merge(hold, 1, Integer::sum);
                held.notifyAll();
            }
            try {
                if (hold.fault() instanceof Fault.HoldUntilInFlight inFlight) {
                    hold.together().countDown();
                    hold.together().await(inFlight.timeout().toMillis(), TimeUnit.MILLISECONDS);
                } else if (hold.fault() instanceof Fault.HoldUntil until) {
                    until.release().await(until.timeout().toMillis(), TimeUnit.MILLISECONDS);
                } else if (hold.fault() instanceof Fault.HoldThenDrop dropped) {
                    dropped.release().await(dropped.timeout().toMillis(), TimeUnit.MILLISECONDS);
                    drop = true;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                synchronized (held) {
                    held.merge(hold, -1, Integer::sum);
                }
            }
        }
        return drop;
    }

    /** Multipart uploads started and neither completed nor aborted. */
    public int openMultipartUploads() {
        return site.openUploads();
    }

    public List<S3Call> calls() {
        return List.copyOf(calls);
    }

    /** How many requests of one operation were answered with {@code status}. */
    public long count(String operation, int status) {
        return calls.stream()
                .filter(c -> c.operation().equals(operation) && c.status() == status)
                .count();
    }

    public Optional<byte[]> object(String bucket, String key) {
        return stored(bucket, key).map(o -> o.content().clone());
    }

    /**
     * Answers the next {@code times} conditional writes ({@code If-Match} or {@code If-None-Match} on PutObject, {@code
     * If-Match} on DeleteObject) of keys that {@code keys} matches with 409 ConditionalRequestConflict, changing nothing,
     * as S3 answers a conditional write that raced another.
     */
    public S3Emulator conflictOnConditionalWrites(java.util.function.Predicate<String> keys, int times) {
        conflicts.add(new Conflicts(keys, new java.util.concurrent.atomic.AtomicInteger(times)));
        return this;
    }

    private void conflictIfAsked(String key) throws ApiError {
        for (Conflicts conflict : conflicts) {
            if (conflict.keys().test(key) && conflict.left().getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new ApiError(
                        409,
                        "ConditionalRequestConflict",
                        "A conflicting conditional operation is currently in progress against this resource."
                                + " Please try again.");
            }
        }
    }

    /**
     * Runs {@code action} just before the next PutObject of a manifest or a site's object is handled: another deploy's
     * write lands first. (A deploy lock's writes, {@code *.lock}, pass by.)
     */
    public synchronized S3Emulator beforeNextPut(Runnable action) {
        beforePut.add(action);
        return this;
    }

    /**
     * Holds each GetObject's answer, read from the bucket, until {@code readers} of them have read (at most a minute):
     * both readers of a race read before either writes, by construction rather than by timing.
     */
    public S3Emulator readersMeetBeforeAnswering(int readers) {
        readersMeet = new CountDownLatch(readers);
        return this;
    }

    public List<S3Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** An answer, built before it is recorded and sent, so a client never sees it before the record exists. */
    record Reply(int status, Map<String, String> headers, byte[] body, boolean head) {
        static Reply xml(byte[] body, Map<String, String> headers) {
            Map<String, String> all = new HashMap<>(headers);
            all.put("Content-Type", "application/xml");
            return new Reply(200, all, body, false);
        }

        static Reply empty(int status, Map<String, String> headers) {
            return new Reply(status, new HashMap<>(headers), new byte[0], false);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = events.incrementAndGet();
        byte[] body = exchange.getRequestBody().readAllBytes();
        String method = exchange.getRequestMethod();
        String rawPath = exchange.getRequestURI().getRawPath();
        String host = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Host"))
                .orElse("");
        Address address = Address.of(host, rawPath);
        String bucket = address.bucket();
        String key = URLDecoder.decode(address.keyPath().replace("+", "%2B"), StandardCharsets.UTF_8);
        Optional<String> ifMatch =
                Optional.ofNullable(exchange.getRequestHeaders().getFirst("If-Match"));
        Optional<String> ifNoneMatch =
                Optional.ofNullable(exchange.getRequestHeaders().getFirst("If-None-Match"));
        boolean head = "HEAD".equals(method);
        Map<String, String> query =
                S3SiteOperations.query(exchange.getRequestURI().getRawQuery());
        String operation = operation(method, key, query, exchange.getRequestHeaders());
        String subject = operation.startsWith("List") ? query.getOrDefault("prefix", "") : key;
        Reply reply;
        Optional<String> accessKeyId = Optional.empty();
        String bucketRegion = bucketRegions.getOrDefault(bucket, "us-east-1");
        try {
            if (address.region().isPresent() && !address.region().get().equals(bucketRegion)) {
                throw new Redirect(bucket, bucketRegion);
            }
            accessKeyId = Optional.of(SigV4Verifier.verify(
                    new SigV4Verifier.SignedRequest(
                            method,
                            rawPath,
                            exchange.getRequestURI().getRawQuery(),
                            exchange.getRequestHeaders(),
                            body),
                    credentials,
                    new SigV4Verifier.Expected("s3", bucketRegion, Instant.now())));
            if (Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                    .orElse("")
                    .contains("aws-chunked")) {
                throw new ApiError(
                        501,
                        "NotImplemented",
                        "aws-chunked uploads are not emulated; disable chunked"
                                + " encoding and trailing checksums in the client.");
            }
            S3StoredBucket objects = buckets.get(bucket);
            if (objects == null) {
                throw new ApiError(404, "NoSuchBucket", "The specified bucket does not exist");
            }
            if (holdIfAsked(operation, subject)) {
                calls.add(new S3Call(operation, subject, 0, arrived, events.incrementAndGet()));
                exchange.close();
                return;
            }
            site.checkFaults(operation, subject);
            Optional<String> versionId = Optional.ofNullable(query.get("versionId"));
            if (versionId.isPresent()) {
                S3StoredBucket.checkVersionId(versionId.get());
            }
            reply = switch (operation) {
                case "GetObject", "HeadObject" -> get(objects, key, versionId, head);
                case "PutObject" -> {
                    S3SiteOperations.checkDigests(exchange.getRequestHeaders(), body);
                    yield put(objects, key, body, ifMatch, ifNoneMatch, exchange.getRequestHeaders());
                }
                case "ListObjectsV2" -> xml(site.list(objects, bucket, query));
                case "ListObjectVersions" -> xml(S3Versioning.list(objects, bucket, query, site.pageSize()));
                case "PutBucketVersioning" -> {
                    S3SiteOperations.checkDigests(exchange.getRequestHeaders(), body);
                    S3Versioning.put(objects, body);
                    yield Reply.empty(200, Map.of());
                }
                case "GetBucketVersioning" -> xml(S3Versioning.get(objects));
                case "DeleteObjects" -> xml(site.deleteObjects(objects, body));
                case "DeleteObject" -> deleteObject(objects, key, versionId, ifMatch);
                case "CopyObject" -> site.copy(buckets, bucket, key, exchange.getRequestHeaders());
                case "CreateMultipartUpload" ->
                    xml(site.createMultipartUpload(bucket, key, exchange.getRequestHeaders()));
                case "UploadPart" ->
                    new Reply(200, Map.of("ETag", site.uploadPart(key, query, body)), new byte[0], false);
                case "CompleteMultipartUpload" -> site.completeMultipartUpload(objects, bucket, key, query, body);
                case "AbortMultipartUpload" -> {
                    site.abortMultipartUpload(key, query);
                    yield new Reply(204, Map.of(), new byte[0], false);
                }
                default -> throw new ApiError(405, "MethodNotAllowed", "The specified method is not allowed.");
            };
        } catch (Redirect e) {
            reply = e.reply(head);
        } catch (ApiError e) {
            reply = error(e, key, head);
            if (e.code.equals("AuthorizationHeaderMalformed")) {
                reply.headers().put("x-amz-bucket-region", bucketRegion);
            }
        }
        requests.add(new S3Request(
                method,
                bucket,
                key,
                ifMatch,
                ifNoneMatch,
                accessKeyId,
                reply.status(),
                host,
                Optional.ofNullable(exchange.getRequestHeaders().getFirst("User-Agent"))
                        .orElse("")));
        calls.add(new S3Call(operation, subject, reply.status(), arrived, events.incrementAndGet()));
        if (operation.equals("PutObject") && reply.status() == 200) {
            Optional.ofNullable(afterPut.remove(key)).ifPresent(Runnable::run);
        }
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        if (reply.head() || reply.body().length == 0) {
            exchange.sendResponseHeaders(reply.status(), -1);
        } else {
            exchange.sendResponseHeaders(reply.status(), reply.body().length);
            exchange.getResponseBody().write(reply.body());
        }
        exchange.close();
    }

    /**
     * GetObject and HeadObject, of the latest version or of {@code versionId}: a key whose latest version is a delete
     * marker is 404 NoSuchKey, a version that is one 405 MethodNotAllowed, each with {@code x-amz-delete-marker}, as
     * S3 answers them.
     */
    private Reply get(S3StoredBucket objects, String key, Optional<String> versionId, boolean head) throws ApiError {
        try {
            return read(objects, key, versionId, head);
        } finally {
            // After the read: a reader released first cannot get its answer, write, and change what a slower one reads.
            CountDownLatch meet = readersMeet;
            if (meet != null) {
                meet.countDown();
                try {
                    meet.await(1, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private Reply read(S3StoredBucket objects, String key, Optional<String> versionId, boolean head) throws ApiError {
        S3ObjectVersion version;
        if (versionId.isPresent()) {
            version = objects.version(key, versionId.get())
                    .orElseThrow(() -> new ApiError(404, "NoSuchVersion", "The specified version does not exist."));
            if (version.deleteMarker()) {
                return deleteMarker(
                        objects,
                        version,
                        error(
                                new ApiError(
                                        405,
                                        "MethodNotAllowed",
                                        "The specified method is not allowed against this resource."),
                                key,
                                head));
            }
        } else {
            Optional<S3ObjectVersion> latest = objects.latest(key);
            if (latest.isEmpty() || latest.get().deleteMarker()) {
                if (!listBucketAllowed) {
                    throw new ApiError(403, "AccessDenied", "Access Denied");
                }
                Reply noSuchKey = error(new ApiError(404, "NoSuchKey", "The specified key does not exist."), key, head);
                return latest.map(marker -> deleteMarker(objects, marker, noSuchKey))
                        .orElse(noSuchKey);
            }
            version = latest.get();
        }
        S3StoredObject object = version.object().orElseThrow();
        Map<String, String> headers = new java.util.HashMap<>(object.headers());
        headers.put("ETag", object.etag());
        headers.put("Last-Modified", httpDate(version.lastModified()));
        headers.putAll(objects.versionHeader(version));
        if (head) {
            headers.put("Content-Length", Integer.toString(object.content().length));
        }
        return new Reply(200, headers, object.content(), head);
    }

    /** An error answer about a delete marker, which names it as S3 does. */
    private static Reply deleteMarker(S3StoredBucket objects, S3ObjectVersion marker, Reply error) {
        error.headers().put("x-amz-delete-marker", "true");
        error.headers().put("Last-Modified", httpDate(marker.lastModified()));
        error.headers().putAll(objects.versionHeader(marker));
        return error;
    }

    private static String httpDate(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atZone(ZoneOffset.UTC));
    }

    private Reply put(
            S3StoredBucket objects,
            String key,
            byte[] body,
            Optional<String> ifMatch,
            Optional<String> ifNoneMatch,
            com.sun.net.httpserver.Headers request)
            throws ApiError {
        Runnable interloper = null;
        if (!key.endsWith(".lock")) {
            synchronized (this) {
                interloper = beforePut.poll();
            }
        }
        if (interloper != null) {
            interloper.run();
        }
        if (ifMatch.isPresent() || ifNoneMatch.isPresent()) {
            conflictIfAsked(key);
        }
        synchronized (objects) {
            checkConditions(objects, key, ifMatch, ifNoneMatch);
            S3ObjectVersion version =
                    objects.put(key, new S3StoredObject(body, etag(body), S3SiteOperations.storedHeaders(request)));
            Map<String, String> headers = new HashMap<>(objects.versionHeader(version));
            headers.put("ETag", etag(body));
            return Reply.empty(200, headers);
        }
    }

    /**
     * S3's conditions on a write, against the current object (none when the latest version is a delete marker):
     * {@code If-None-Match: *} 412 when there is one, {@code If-Match} 404 NoSuchKey when there is none and 412 when
     * its ETag differs.
     */
    private static void checkConditions(
            S3StoredBucket objects, String key, Optional<String> ifMatch, Optional<String> ifNoneMatch)
            throws ApiError {
        Optional<S3StoredObject> existing = objects.current(key);
        if (ifNoneMatch.isPresent() && ifNoneMatch.get().strip().equals("*") && existing.isPresent()) {
            throw preconditionFailed("If-None-Match");
        }
        if (ifMatch.isPresent()) {
            if (existing.isEmpty()) {
                throw new ApiError(404, "NoSuchKey", "The specified key does not exist.");
            }
            if (!unquote(ifMatch.get()).equals(unquote(existing.get().etag()))) {
                throw preconditionFailed("If-Match");
            }
        }
    }

    /**
     * DeleteObject; with {@code If-Match}, only if the ETag matches (412), and 404 NoSuchKey for no object, as S3.
     * Without a version ID, where versioning is on, it adds a delete marker; with one, it removes that version for
     * good (an unknown one is no error, as S3).
     */
    private Reply deleteObject(S3StoredBucket objects, String key, Optional<String> versionId, Optional<String> ifMatch)
            throws ApiError {
        if (ifMatch.isPresent()) {
            conflictIfAsked(key);
        }
        synchronized (objects) {
            checkConditions(objects, key, ifMatch, Optional.empty());
            Map<String, String> headers = new HashMap<>();
            if (versionId.isPresent()) {
                headers.put("x-amz-version-id", versionId.get());
                if (objects.deleteVersion(key, versionId.get())
                        .map(S3ObjectVersion::deleteMarker)
                        .orElse(false)) {
                    headers.put("x-amz-delete-marker", "true");
                }
            } else {
                objects.delete(key).ifPresent(marker -> {
                    headers.put("x-amz-delete-marker", "true");
                    headers.putAll(objects.versionHeader(marker));
                });
            }
            return Reply.empty(204, headers);
        }
    }

    private static Reply xml(byte[] body) {
        return Reply.xml(body, Map.of());
    }

    /** The S3 operation a request is, by its method, key, query and headers. */
    private static String operation(
            String method, String key, Map<String, String> query, com.sun.net.httpserver.Headers headers) {
        return switch (method) {
            case "GET" -> {
                if (!key.isEmpty()) {
                    yield "GetObject";
                }
                yield "2".equals(query.get("list-type"))
                        ? "ListObjectsV2"
                        : query.containsKey("versions")
                                ? "ListObjectVersions"
                                : query.containsKey("versioning") ? "GetBucketVersioning" : "GetObject";
            }
            case "HEAD" -> "HeadObject";
            case "PUT" ->
                key.isEmpty() && query.containsKey("versioning")
                        ? "PutBucketVersioning"
                        : query.containsKey("partNumber")
                                ? "UploadPart"
                                : headers.containsKey("x-amz-copy-source") ? "CopyObject" : "PutObject";
            case "POST" ->
                query.containsKey("delete")
                        ? "DeleteObjects"
                        : query.containsKey("uploads")
                                ? "CreateMultipartUpload"
                                : query.containsKey("uploadId") ? "CompleteMultipartUpload" : "Post";
            case "DELETE" -> query.containsKey("uploadId") ? "AbortMultipartUpload" : "DeleteObject";
            default -> method;
        };
    }

    private static ApiError preconditionFailed(String condition) {
        return new ApiError(
                412,
                "PreconditionFailed",
                "At least one of the pre-conditions you specified did not" + " hold (" + condition + ")");
    }

    private static Reply error(ApiError e, String key, boolean head) {
        byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + e.code + "</Code><Message>"
                        + Xml.escape(e.getMessage()) + "</Message><Key>" + Xml.escape(key) + "</Key><RequestId>"
                        + UUID.randomUUID() + "</RequestId></Error>")
                .getBytes(StandardCharsets.UTF_8);
        return new Reply(e.status, new HashMap<>(Map.of("Content-Type", "application/xml")), body, head);
    }

    /** S3's answer to a request sent to another region's endpoint than the bucket's: 301 and the bucket's region. */
    private static final class Redirect extends Exception {
        private static final long serialVersionUID = 1L;
        private final String bucket;
        private final String region;

        Redirect(String bucket, String region) {
            super(null, null, false, false);
            this.bucket = bucket;
            this.region = region;
        }

        Reply reply(boolean head) {
            byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>PermanentRedirect</Code><Message>The"
                            + " bucket you are attempting to access must be addressed using the specified endpoint."
                            + " Please send all future requests to this endpoint.</Message><Endpoint>" + bucket
                            + ".s3." + region + ".amazonaws.com</Endpoint><Bucket>" + bucket + "</Bucket><RequestId>"
                            + UUID.randomUUID() + "</RequestId></Error>")
                    .getBytes(StandardCharsets.UTF_8);
            return new Reply(301, Map.of("Content-Type", "application/xml", "x-amz-bucket-region", region), body, head);
        }
    }

    private static String unquote(String etag) {
        String value = etag.strip();
        return value.startsWith("\"") && value.endsWith("\"") && value.length() >= 2
                ? value.substring(1, value.length() - 1)
                : value;
    }

    private static String etag(byte[] content) {
        try {
            return "\""
                    + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
