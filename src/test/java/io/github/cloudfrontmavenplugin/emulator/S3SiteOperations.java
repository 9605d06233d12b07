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
     * ListObjectsV2 as S3 answers it: keys in UTF-8 byte order; with a delimiter, the keys that hold it after the
     * prefix rolled up into one CommonPrefixes entry each, which counts against max-keys like a key and can end a page
     * (the next page then starts after every key under it); with {@code encoding-type=url}, keys, prefixes and the
     * delimiter URL-encoded.
     */
    byte[] list(Map<String, S3StoredObject> objects, String bucket, Map<String, String> query) {
        String prefix = query.getOrDefault("prefix", "");
        String delimiter = query.getOrDefault("delimiter", "");
        boolean urlEncoded = "url".equals(query.get("encoding-type"));
        int max = Math.min(pageSize, Integer.parseInt(query.getOrDefault("max-keys", "1000")));
        String after = Optional.ofNullable(query.get("continuation-token"))
                .map(token -> new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8))
                .orElse(query.getOrDefault("start-after", ""));
        TreeMap<String, S3StoredObject> sorted = new TreeMap<>(S3SiteOperations::utf8Order);
        sorted.putAll(objects);
        List<Map.Entry<String, S3StoredObject>> page = new ArrayList<>();
        List<String> commonPrefixes = new ArrayList<>();
        String last = null;
        boolean truncated = false;
        for (Map.Entry<String, S3StoredObject> entry :
                sorted.tailMap(after, false).entrySet()) {
            String key = entry.getKey();
            if (!key.startsWith(prefix)) {
                continue;
            }
            int rolled = delimiter.isEmpty() ? -1 : key.indexOf(delimiter, prefix.length());
            String common = rolled < 0 ? null : key.substring(0, rolled + delimiter.length());
            if (common != null && (common.equals(last) || common.equals(after))) {
                continue;
            }
            if (page.size() + commonPrefixes.size() == max) {
                truncated = true;
                break;
            }
            if (common == null) {
                page.add(entry);
                last = key;
            } else {
                commonPrefixes.add(common);
                last = common;
            }
        }
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

    /** S3's order of keys: by their UTF-8 bytes, which differs from Java's UTF-16 order above U+D7FF. */
    private static int utf8Order(String a, String b) {
        return java.util.Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    byte[] deleteObjects(Map<String, S3StoredObject> objects, byte[] body) throws ApiError {
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
            try {
                checkFaults("DeleteObjects", key);
                objects.remove(key);
                if (!quiet) {
                    xml.append("<Deleted><Key>").append(Xml.escape(key)).append("</Key></Deleted>");
                }
            } catch (ApiError e) {
                xml.append("<Error><Key>")
                        .append(Xml.escape(key))
                        .append("</Key><Code>")
                        .append(e.code)
                        .append("</Code><Message>")
                        .append(Xml.escape(e.getMessage()))
                        .append("</Message></Error>");
            }
        }
        return xml.append("</DeleteResult>").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** @return the new object's ETag and the response body */
    byte[] copy(Map<String, Map<String, S3StoredObject>> buckets, String bucket, String key, Headers request)
            throws ApiError {
        String source =
                URLDecoder.decode(request.getFirst("x-amz-copy-source").replace("+", "%2B"), StandardCharsets.UTF_8);
        source = source.startsWith("/") ? source.substring(1) : source;
        int slash = source.indexOf('/');
        Map<String, S3StoredObject> from = buckets.get(source.substring(0, slash));
        S3StoredObject original = from == null ? null : from.get(source.substring(slash + 1));
        if (original == null) {
            throw new ApiError(404, "NoSuchKey", "The specified key does not exist.");
        }
        boolean replace = "REPLACE".equals(request.getFirst("x-amz-metadata-directive"));
        if (!replace && source.equals(bucket + "/" + key)) {
            throw new ApiError(
                    400,
                    "InvalidRequest",
                    "This copy request is illegal because it is trying to copy an object to itself without changing"
                            + " the object's metadata, storage class, website redirect location or encryption"
                            + " attributes.");
        }
        String etag = etag(original.content());
        buckets.get(bucket)
                .put(
                        key,
                        new S3StoredObject(
                                original.content(), etag, replace ? storedHeaders(request) : original.headers()));
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><CopyObjectResult><LastModified>" + Instant.now()
                        + "</LastModified><ETag>" + Xml.escape(etag) + "</ETag></CopyObjectResult>")
                .getBytes(StandardCharsets.UTF_8);
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

    byte[] completeMultipartUpload(
            Map<String, S3StoredObject> objects, String bucket, String key, Map<String, String> query, byte[] body)
            throws ApiError {
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
        objects.put(key, new S3StoredObject(content.toByteArray(), etag, upload.headers()));
        uploads.remove(query.get("uploadId"));
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><CompleteMultipartUploadResult><Bucket>"
                        + Xml.escape(bucket) + "</Bucket><Key>" + Xml.escape(key) + "</Key><ETag>" + Xml.escape(etag)
                        + "</ETag></CompleteMultipartUploadResult>")
                .getBytes(StandardCharsets.UTF_8);
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

    private static String encode(String text, boolean urlEncoded) {
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
