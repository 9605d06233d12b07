package io.github.cloudfrontmavenplugin.emulator;

import com.sun.net.httpserver.Headers;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import org.w3c.dom.Element;

/**
 * The S3 operations a site publisher uses, on the emulator's buckets: PutObject with headers, metadata and checksums,
 * HeadObject, ListObjectsV2 with paging, DeleteObjects with per-key errors, CopyObject with a metadata directive,
 * and multipart uploads, each as S3 answers them on the wire.
 */
final class S3SiteOperations {
    /** System metadata kept with an object and returned by GET and HEAD. */
    private static final List<String> STORED_HEADERS =
            List.of("content-type", "cache-control", "content-encoding", "content-disposition");

    private static final long MIN_PART_SIZE = 5L << 20;

    /** A failure injected for the requests of one operation whose key matches. */
    record KeyFault(String operation, BiPredicate<String, Integer> matches, ApiError error) {}

    private record Upload(String key, Map<String, String> headers, Map<Integer, byte[]> parts) {}

    private final Map<String, Upload> uploads = new ConcurrentHashMap<>();
    private final List<KeyFault> faults = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile int pageSize = 1000;

    void pageSize(int keys) {
        pageSize = keys;
    }

    /** The most keys a listing answers on one page, whatever the client asks. */
    int pageSize() {
        return pageSize;
    }

    void fault(KeyFault fault) {
        faults.add(fault);
    }

    void checkFaults(String operation, String key) throws ApiError {
        for (KeyFault fault : faults) {
            if (fault.operation().equals(operation) && fault.matches().test(key, 0)) {
                throw fault.error();
            }
        }
    }

    static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            query.put(name, value);
        }
        return query;
    }

    /** The headers a PutObject, CreateMultipartUpload or CopyObject (REPLACE) stores. */
    static Map<String, String> storedHeaders(Headers request) {
        Map<String, String> headers = new TreeMap<>();
        request.forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (STORED_HEADERS.contains(lower) || lower.startsWith("x-amz-meta-")) {
                headers.put(lower, values.get(0));
            }
        });
        headers.putIfAbsent("content-type", "binary/octet-stream");
        return headers;
    }

    /** Checks the content against {@code Content-MD5} and {@code x-amz-checksum-sha256}, as S3 does. */
    static void checkDigests(Headers request, byte[] body) throws ApiError {
        String md5 = request.getFirst("Content-MD5");
        if (md5 != null && !md5.equals(Base64.getEncoder().encodeToString(digest("MD5", body)))) {
            throw new ApiError(400, "BadDigest", "The Content-MD5 you specified did not match what we received.");
        }
        String sha256 = request.getFirst("x-amz-checksum-sha256");
        if (sha256 != null && !sha256.equals(Base64.getEncoder().encodeToString(digest("SHA-256", body)))) {
            throw new ApiError(400, "BadDigest", "The SHA256 you specified did not match the calculated checksum.");
        }
    }

    /**
     * One page of a listing: its entries, the common prefixes it rolled them up into, whether more follow, the last key
     * or common prefix it holds (where the next page starts after), and its last entry unless it ended on a prefix.
     */
    record Page<T>(List<T> entries, List<String> commonPrefixes, boolean truncated, String last, T lastEntry) {}

    /**
     * Pages a listing as S3 does: of {@code sorted} (in S3's key order, from where the page starts), the entries under
     * {@code prefix}; with a delimiter, those whose key holds it after the prefix rolled up into one common prefix
     * each, which counts against {@code max} like an entry and can end a page (one equal to {@code after}, where the
     * previous page ended, is done).
     */
    static <T> Page<T> page(
            List<T> sorted,
            java.util.function.Function<T, String> keyOf,
            String prefix,
            String delimiter,
            String after,
            int max) {
        List<T> entries = new ArrayList<>();
        List<String> commonPrefixes = new ArrayList<>();
        String last = null;
        T lastEntry = null;
        for (T entry : sorted) {
            String key = keyOf.apply(entry);
            if (!key.startsWith(prefix)) {
                continue;
            }
            int rolled = delimiter.isEmpty() ? -1 : key.indexOf(delimiter, prefix.length());
            String common = rolled < 0 ? null : key.substring(0, rolled + delimiter.length());
            if (common != null && (common.equals(last) || common.equals(after))) {
                continue;
            }
            if (entries.size() + commonPrefixes.size() == max) {
                return new Page<>(entries, commonPrefixes, true, last, lastEntry);
            }
            if (common == null) {
                entries.add(entry);
                last = key;
                lastEntry = entry;
            } else {
                commonPrefixes.add(common);
                last = common;
                lastEntry = null;
            }
        }
        return new Page<>(entries, commonPrefixes, false, last, lastEntry);
    }

    /**
     * ListObjectsV2 as S3 answers it: keys in UTF-8 byte order; with a delimiter, the keys that hold it after the
     * prefix rolled up into one CommonPrefixes entry each, which counts against max-keys like a key and can end a page
     * (the next page then starts after every key under it); with {@code encoding-type=url}, keys, prefixes and the
     * delimiter URL-encoded.
     */
    byte[] list(S3StoredBucket objects, String bucket, Map<String, String> query) {
        String prefix = query.getOrDefault("prefix", "");
        String delimiter = query.getOrDefault("delimiter", "");
        boolean urlEncoded = "url".equals(query.get("encoding-type"));
        int max = Math.min(pageSize, Integer.parseInt(query.getOrDefault("max-keys", "1000")));
        String after = Optional.ofNullable(query.get("continuation-token"))
                .map(token -> new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8))
                .orElse(query.getOrDefault("start-after", ""));
        TreeMap<String, S3StoredObject> sorted = new TreeMap<>(S3StoredBucket::utf8Order);
        sorted.putAll(objects.currentObjects());
        Page<Map.Entry<String, S3StoredObject>> listed = page(
                List.copyOf(sorted.tailMap(after, false).entrySet()), Map.Entry::getKey, prefix, delimiter, after, max);
        List<Map.Entry<String, S3StoredObject>> page = listed.entries();
        List<String> commonPrefixes = listed.commonPrefixes();
        boolean truncated = listed.truncated();
        String last = listed.last();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">");
        xml.append("<Name>").append(Xml.escape(bucket)).append("</Name>");
        xml.append("<Prefix>").append(Xml.escape(encode(prefix, urlEncoded))).append("</Prefix>");
        if (!delimiter.isEmpty()) {
            xml.append("<Delimiter>")
                    .append(Xml.escape(encode(delimiter, urlEncoded)))
                    .append("</Delimiter>");
        }
        xml.append("<KeyCount>").append(page.size() + commonPrefixes.size()).append("</KeyCount>");
        xml.append("<MaxKeys>").append(max).append("</MaxKeys>");
        if (urlEncoded) {
            xml.append("<EncodingType>url</EncodingType>");
        }
        xml.append("<IsTruncated>").append(truncated).append("</IsTruncated>");
        if (query.containsKey("continuation-token")) {
            xml.append("<ContinuationToken>")
                    .append(Xml.escape(query.get("continuation-token")))
                    .append("</ContinuationToken>");
        }
        if (truncated) {
            xml.append("<NextContinuationToken>")
                    .append(Base64.getUrlEncoder().encodeToString(last.getBytes(StandardCharsets.UTF_8)))
                    .append("</NextContinuationToken>");
        }
        for (Map.Entry<String, S3StoredObject> entry : page) {
            xml.append("<Contents><Key>")
                    .append(Xml.escape(encode(entry.getKey(), urlEncoded)))
                    .append("</Key><LastModified>")
                    .append(Instant.now())
                    .append("</LastModified><ETag>")
                    .append(Xml.escape(entry.getValue().etag()))
                    .append("</ETag><Size>")
                    .append(entry.getValue().content().length)
                    .append("</Size><StorageClass>STANDARD</StorageClass></Contents>");
        }
        for (String common : commonPrefixes) {
            xml.append("<CommonPrefixes><Prefix>")
                    .append(Xml.escape(encode(common, urlEncoded)))
                    .append("</Prefix></CommonPrefixes>");
        }
        return xml.append("</ListBucketResult>").toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * DeleteObjects: each key as DeleteObject would delete it (a delete marker where versioning is on), or the one
     * version it names, with S3's per-key {@code Deleted} entries ({@code VersionId}, {@code DeleteMarker}, {@code
     * DeleteMarkerVersionId}) and errors.
     */
    byte[] deleteObjects(S3StoredBucket objects, byte[] body) throws ApiError {
        Element delete = Xml.parse(body);
        List<Element> keys = Xml.children(delete, "Object");
        if (keys.size() > 1000) {
            throw new ApiError(400, "MalformedXML", "The XML you provided has more than 1000 objects.");
        }
        boolean quiet = Xml.child(delete, "Quiet")
                .map(e -> e.getTextContent().strip().equals("true"))
                .orElse(false);
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<DeleteResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">");
        for (Element object : keys) {
            String key = Xml.child(object, "Key").orElseThrow().getTextContent();
            Optional<String> versionId = Xml.child(object, "VersionId").map(Element::getTextContent);
            try {
                checkFaults("DeleteObjects", key);
                StringBuilder deleted = new StringBuilder("<Deleted><Key>")
                        .append(Xml.escape(key))
                        .append("</Key>");
                if (versionId.isPresent()) {
                    S3StoredBucket.checkVersionId(versionId.get());
                    deleted.append("<VersionId>")
                            .append(Xml.escape(versionId.get()))
                            .append("</VersionId>");
                    if (objects.deleteVersion(key, versionId.get())
                            .map(S3ObjectVersion::deleteMarker)
                            .orElse(false)) {
                        deleted.append("<DeleteMarker>true</DeleteMarker><DeleteMarkerVersionId>")
                                .append(Xml.escape(versionId.get()))
                                .append("</DeleteMarkerVersionId>");
                    }
                } else {
                    objects.delete(key)
                            .ifPresent(
                                    marker -> deleted.append("<DeleteMarker>true</DeleteMarker><DeleteMarkerVersionId>")
                                            .append(Xml.escape(marker.versionId()))
                                            .append("</DeleteMarkerVersionId>"));
                }
                if (!quiet) {
                    xml.append(deleted).append("</Deleted>");
                }
            } catch (ApiError e) {
                xml.append("<Error><Key>").append(Xml.escape(key)).append("</Key>");
                versionId.ifPresent(
                        v -> xml.append("<VersionId>").append(Xml.escape(v)).append("</VersionId>"));
                xml.append("<Code>")
                        .append(e.code)
                        .append("</Code><Message>")
                        .append(Xml.escape(e.getMessage()))
                        .append("</Message></Error>");
            }
        }
        return xml.append("</DeleteResult>").toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * CopyObject of the latest version of {@code x-amz-copy-source}, or of the one its {@code ?versionId=} names,
     * keeping the source's headers and metadata (COPY, the default) or taking the request's (REPLACE). It answers
     * the new version's {@code x-amz-version-id}, and {@code x-amz-copy-source-version-id} where the source bucket has
     * versioning, as S3 does. Copying a key onto itself needs REPLACE, unless a version is named (a restore).
     */
    S3Emulator.Reply copy(Map<String, S3StoredBucket> buckets, String bucket, String key, Headers request)
            throws ApiError {
        String header = request.getFirst("x-amz-copy-source");
        int question = header.indexOf('?');
        Optional<String> versionId = question < 0
                ? Optional.empty()
                : Optional.ofNullable(query(header.substring(question + 1)).get("versionId"));
        String source = URLDecoder.decode(
                (question < 0 ? header : header.substring(0, question)).replace("+", "%2B"), StandardCharsets.UTF_8);
        source = source.startsWith("/") ? source.substring(1) : source;
        int slash = source.indexOf('/');
        S3StoredBucket from = buckets.get(source.substring(0, slash));
        String sourceKey = source.substring(slash + 1);
        if (from == null) {
            throw new ApiError(404, "NoSuchKey", "The specified key does not exist.");
        }
        S3ObjectVersion original;
        if (versionId.isPresent()) {
            S3StoredBucket.checkVersionId(versionId.get());
            original = from.version(sourceKey, versionId.get())
                    .orElseThrow(() -> new ApiError(404, "NoSuchVersion", "The specified version does not exist."));
            if (original.deleteMarker()) {
                throw new ApiError(
                        400,
                        "InvalidRequest",
                        "The source of a copy request may not specifically refer to a delete marker by version id.");
            }
        } else {
            original = from.latest(sourceKey)
                    .filter(v -> !v.deleteMarker())
                    .orElseThrow(() -> new ApiError(404, "NoSuchKey", "The specified key does not exist."));
        }
        boolean replace = "REPLACE".equals(request.getFirst("x-amz-metadata-directive"));
        if (!replace && versionId.isEmpty() && source.equals(bucket + "/" + key)) {
            throw new ApiError(
                    400,
                    "InvalidRequest",
                    "This copy request is illegal because it is trying to copy an object to itself without changing"
                            + " the object's metadata, storage class, website redirect location or encryption"
                            + " attributes.");
        }
        S3StoredObject object = original.object().orElseThrow();
        String etag = etag(object.content());
        S3StoredBucket target = buckets.get(bucket);
        S3ObjectVersion written = target.put(
                key, new S3StoredObject(object.content(), etag, replace ? storedHeaders(request) : object.headers()));
        Map<String, String> headers = new HashMap<>(target.versionHeader(written));
        if (from.versioning() != S3StoredBucket.Versioning.NEVER) {
            headers.put("x-amz-copy-source-version-id", original.versionId());
        }
        return S3Emulator.Reply.xml(
                ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><CopyObjectResult><LastModified>"
                                + S3Versioning.xmlTime(written.lastModified()) + "</LastModified><ETag>"
                                + Xml.escape(etag) + "</ETag></CopyObjectResult>")
                        .getBytes(StandardCharsets.UTF_8),
                headers);
    }

    byte[] createMultipartUpload(String bucket, String key, Headers request) {
        String id = UUID.randomUUID().toString();
        uploads.put(id, new Upload(key, storedHeaders(request), new ConcurrentHashMap<>()));
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><InitiateMultipartUploadResult><Bucket>" + Xml.escape(bucket)
                        + "</Bucket><Key>" + Xml.escape(key) + "</Key><UploadId>" + id
                        + "</UploadId></InitiateMultipartUploadResult>")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** @return the part's ETag */
    String uploadPart(String key, Map<String, String> query, byte[] body) throws ApiError {
        Upload upload = upload(query.get("uploadId"), key);
        int number = Integer.parseInt(query.get("partNumber"));
        if (number < 1 || number > 10_000) {
            throw new ApiError(400, "InvalidArgument", "Part number must be an integer between 1 and 10000.");
        }
        upload.parts().put(number, body);
        return etag(body);
    }

    S3Emulator.Reply completeMultipartUpload(
            S3StoredBucket objects, String bucket, String key, Map<String, String> query, byte[] body) throws ApiError {
        Upload upload = upload(query.get("uploadId"), key);
        List<Element> parts = Xml.children(Xml.parse(body), "Part");
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        ByteArrayOutputStream partDigests = new ByteArrayOutputStream();
        int previous = 0;
        for (int i = 0; i < parts.size(); i++) {
            int number = Integer.parseInt(Xml.child(parts.get(i), "PartNumber")
                    .orElseThrow()
                    .getTextContent()
                    .strip());
            String etag = Xml.child(parts.get(i), "ETag")
                    .orElseThrow()
                    .getTextContent()
                    .strip();
            byte[] part = upload.parts().get(number);
            if (number <= previous) {
                throw new ApiError(400, "InvalidPartOrder", "The list of parts was not in ascending order.");
            }
            if (part == null || !unquote(etag).equals(unquote(etag(part)))) {
                throw new ApiError(400, "InvalidPart", "One or more of the specified parts could not be found.");
            }
            if (i < parts.size() - 1 && part.length < MIN_PART_SIZE) {
                throw new ApiError(
                        400, "EntityTooSmall", "Your proposed upload is smaller than the minimum allowed object size.");
            }
            content.writeBytes(part);
            partDigests.writeBytes(digest("MD5", part));
            previous = number;
        }
        String etag =
                "\"" + HexFormat.of().formatHex(digest("MD5", partDigests.toByteArray())) + "-" + parts.size() + "\"";
        S3ObjectVersion written = objects.put(key, new S3StoredObject(content.toByteArray(), etag, upload.headers()));
        uploads.remove(query.get("uploadId"));
        return S3Emulator.Reply.xml(
                ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><CompleteMultipartUploadResult><Bucket>"
                                + Xml.escape(bucket) + "</Bucket><Key>" + Xml.escape(key) + "</Key><ETag>"
                                + Xml.escape(etag) + "</ETag></CompleteMultipartUploadResult>")
                        .getBytes(StandardCharsets.UTF_8),
                objects.versionHeader(written));
    }

    void abortMultipartUpload(String key, Map<String, String> query) throws ApiError {
        upload(query.get("uploadId"), key);
        uploads.remove(query.get("uploadId"));
    }

    /** Multipart uploads started and neither completed nor aborted. */
    int openUploads() {
        return uploads.size();
    }

    private Upload upload(String id, String key) throws ApiError {
        Upload upload = id == null ? null : uploads.get(id);
        if (upload == null || !upload.key().equals(key)) {
            throw new ApiError(404, "NoSuchUpload", "The specified multipart upload does not exist.");
        }
        return upload;
    }

    static String encode(String text, boolean urlEncoded) {
        return urlEncoded ? URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20") : text;
    }

    static String etag(byte[] content) {
        return "\"" + HexFormat.of().formatHex(digest("MD5", content)) + "\"";
    }

    private static String unquote(String etag) {
        return etag.replace("\"", "");
    }

    private static byte[] digest(String algorithm, byte[] content) {
        try {
            return MessageDigest.getInstance(algorithm).digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
