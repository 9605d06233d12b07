package io.github.cloudfrontmavenplugin.publish;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The headers an object is stored with: S3's system metadata that browsers see, and user metadata (sent as
 * {@code x-amz-meta-<name>}, names lower-case). Equal headers have equal {@link #fingerprint}s, which the record of
 * published objects keeps so that a second sync needs no HeadObject to know a rule changed.
 */
public record ObjectHeaders(
        String contentType,
        Optional<String> cacheControl,
        Optional<String> contentEncoding,
        Optional<String> contentDisposition,
        Map<String, String> metadata) {
    public ObjectHeaders {
        metadata = Map.copyOf(new TreeMap<>(metadata));
    }

    /** A short hash of every header, in a fixed order. */
    public String fingerprint() {
        StringBuilder canonical = new StringBuilder();
        canonical.append("content-type:").append(contentType).append('\n');
        cacheControl.ifPresent(v -> canonical.append("cache-control:").append(v).append('\n'));
        contentEncoding.ifPresent(
                v -> canonical.append("content-encoding:").append(v).append('\n'));
        contentDisposition.ifPresent(
                v -> canonical.append("content-disposition:").append(v).append('\n'));
        new TreeMap<>(metadata)
                .forEach((name, value) -> canonical
                        .append("x-amz-meta-")
                        .append(name)
                        .append(':')
                        .append(value)
                        .append('\n'));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** For the log: {@code Content-Type: text/html; charset=utf-8, Cache-Control: no-cache, x-amz-meta-a: b}. */
    public String describe() {
        StringBuilder text = new StringBuilder("Content-Type: " + contentType);
        cacheControl.ifPresent(v -> text.append(", Cache-Control: ").append(v));
        contentEncoding.ifPresent(v -> text.append(", Content-Encoding: ").append(v));
        contentDisposition.ifPresent(v -> text.append(", Content-Disposition: ").append(v));
        new TreeMap<>(metadata)
                .forEach((name, value) ->
                        text.append(", x-amz-meta-").append(name).append(": ").append(value));
        return text.toString();
    }

    /**
     * Whether an object stored with {@code other} has these headers, reading {@code Content-Type} as the media type it
     * is: servers differ in how they spell it back ({@code text/html;charset=UTF-8} for
     * {@code text/html; charset=utf-8}).
     */
    public boolean sameAs(ObjectHeaders other) {
        return mediaType(contentType).equals(mediaType(other.contentType))
                && cacheControl.equals(other.cacheControl)
                && contentEncoding.equals(other.contentEncoding)
                && contentDisposition.equals(other.contentDisposition)
                && metadata.equals(other.metadata);
    }

    private static String mediaType(String contentType) {
        return contentType.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    /** Whether browsers treat an object of this type as a page, which links to assets. */
    public boolean isPage() {
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/html") || type.startsWith("application/xhtml+xml");
    }
}
