package io.github.cloudfrontmavenplugin.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * The bucket's side of S3 versioning, as S3 answers it on the wire: PutBucketVersioning, GetBucketVersioning and
 * ListObjectVersions. (The versions of an object are read, written, copied and deleted by the object operations.)
 */
final class S3Versioning {
    private static final String NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";

    /** The timestamps of S3's XML: milliseconds, always three digits. */
    private static final DateTimeFormatter XML_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private S3Versioning() {}

    /** PutBucketVersioning: {@code Enabled} or {@code Suspended}; a bucket once versioned can never go back. */
    static void put(S3StoredBucket bucket, byte[] body) throws ApiError {
        Element configuration = Xml.parse(body);
        String status = Xml.child(configuration, "Status")
                .map(e -> e.getTextContent().strip())
                .orElse("");
        switch (status) {
            case "Enabled" -> bucket.versioning(S3StoredBucket.Versioning.ENABLED);
            case "Suspended" -> bucket.versioning(S3StoredBucket.Versioning.SUSPENDED);
            default ->
                throw new ApiError(
                        400,
                        "MalformedXML",
                        "The XML you provided was not well-formed or did not validate against our published schema");
        }
    }

    /** GetBucketVersioning: the status, or an empty configuration for a bucket never versioned. */
    static byte[] get(S3StoredBucket bucket) {
        S3StoredBucket.Versioning versioning = bucket.versioning();
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + (versioning == S3StoredBucket.Versioning.NEVER
                        ? "<VersioningConfiguration xmlns=\"" + NAMESPACE + "\"/>"
                        : "<VersioningConfiguration xmlns=\"" + NAMESPACE + "\"><Status>" + versioning.status
                                + "</Status></VersioningConfiguration>");
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * ListObjectVersions: every version and delete marker by key (UTF-8 order), newest first within a key, with
     * {@code IsLatest}; paged by {@code key-marker} (after every version of that key) and {@code version-id-marker}
     * (after that version of it); with a delimiter, rolled up into CommonPrefixes that count against max-keys.
     */
    static byte[] list(S3StoredBucket bucket, String name, Map<String, String> query, int pageSize) throws ApiError {
        String prefix = query.getOrDefault("prefix", "");
        String delimiter = query.getOrDefault("delimiter", "");
        String keyMarker = query.getOrDefault("key-marker", "");
        String versionIdMarker = query.getOrDefault("version-id-marker", "");
        boolean urlEncoded = "url".equals(query.get("encoding-type"));
        int max = Math.min(pageSize, Integer.parseInt(query.getOrDefault("max-keys", "1000")));
        if (!versionIdMarker.isEmpty()) {
            if (keyMarker.isEmpty()) {
                throw new ApiError(
                        400, "InvalidArgument", "A version-id marker cannot be specified without a key marker.");
            }
            S3StoredBucket.checkVersionId(versionIdMarker);
        }
        List<S3ObjectVersion> all = bucket.versions();
        int start = 0;
        while (!keyMarker.isEmpty()
                && start < all.size()
                && S3StoredBucket.utf8Order(all.get(start).key(), keyMarker) <= 0) {
            start++;
        }
        for (int i = 0; !versionIdMarker.isEmpty() && i < all.size(); i++) {
            if (all.get(i).key().equals(keyMarker) && all.get(i).versionId().equals(versionIdMarker)) {
                start = i + 1;
            }
        }
        S3SiteOperations.Page<S3ObjectVersion> listed = S3SiteOperations.page(
                all.subList(start, all.size()), S3ObjectVersion::key, prefix, delimiter, keyMarker, max);
        boolean truncated = listed.truncated();
        StringBuilder xml = new StringBuilder(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListVersionsResult xmlns=\"" + NAMESPACE + "\">");
        element(xml, "Name", name);
        element(xml, "Prefix", S3SiteOperations.encode(prefix, urlEncoded));
        element(xml, "KeyMarker", S3SiteOperations.encode(keyMarker, urlEncoded));
        element(xml, "VersionIdMarker", versionIdMarker);
        if (truncated) {
            element(xml, "NextKeyMarker", S3SiteOperations.encode(listed.last(), urlEncoded));
            if (listed.lastEntry() != null) {
                element(xml, "NextVersionIdMarker", listed.lastEntry().versionId());
            }
        }
        element(xml, "MaxKeys", Integer.toString(max));
        if (!delimiter.isEmpty()) {
            element(xml, "Delimiter", S3SiteOperations.encode(delimiter, urlEncoded));
        }
        if (urlEncoded) {
            element(xml, "EncodingType", "url");
        }
        element(xml, "IsTruncated", Boolean.toString(truncated));
        for (S3ObjectVersion version : listed.entries()) {
            boolean latest = bucket.latest(version.key())
                    .map(v -> v.versionId().equals(version.versionId()))
                    .orElse(false);
            xml.append(version.deleteMarker() ? "<DeleteMarker>" : "<Version>");
            element(xml, "Key", S3SiteOperations.encode(version.key(), urlEncoded));
            element(xml, "VersionId", version.versionId());
            element(xml, "IsLatest", Boolean.toString(latest));
            element(xml, "LastModified", XML_TIME.format(version.lastModified()));
            if (version.deleteMarker()) {
                xml.append("</DeleteMarker>");
            } else {
                S3StoredObject object = version.object().orElseThrow();
                element(xml, "ETag", object.etag());
                element(xml, "Size", Integer.toString(object.content().length));
                element(xml, "StorageClass", "STANDARD");
                xml.append("</Version>");
            }
        }
        for (String common : listed.commonPrefixes()) {
            xml.append("<CommonPrefixes>");
            element(xml, "Prefix", S3SiteOperations.encode(common, urlEncoded));
            xml.append("</CommonPrefixes>");
        }
        return xml.append("</ListVersionsResult>").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@link Instant} as S3's XML writes it. */
    static String xmlTime(Instant instant) {
        return XML_TIME.format(instant);
    }

    private static void element(StringBuilder xml, String name, String text) {
        xml.append('<')
                .append(name)
                .append('>')
                .append(Xml.escape(text))
                .append("</")
                .append(name)
                .append('>');
    }
}
