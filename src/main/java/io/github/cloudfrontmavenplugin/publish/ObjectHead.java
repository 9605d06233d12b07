package io.github.cloudfrontmavenplugin.publish;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** What HeadObject says of an object: its headers, and the content hash the plugin stored in its metadata, if any. */
public record ObjectHead(String etag, ObjectHeaders headers, Optional<String> sha256) {
    /** Splits S3's user metadata into the headers and the plugin's content hash. */
    public static ObjectHead of(
            String etag,
            String contentType,
            Optional<String> cacheControl,
            Optional<String> contentEncoding,
            Optional<String> contentDisposition,
            Map<String, String> userMetadata) {
        Map<String, String> metadata = new HashMap<>();
        userMetadata.forEach((name, value) -> metadata.put(name.toLowerCase(Locale.ROOT), value));
        Optional<String> sha256 = Optional.ofNullable(metadata.remove(HeaderRules.SHA256_METADATA));
        return new ObjectHead(
                RemoteObject.unquote(etag),
                new ObjectHeaders(
                        contentType == null ? "" : contentType,
                        cacheControl.filter(v -> !v.isEmpty()),
                        contentEncoding.filter(v -> !v.isEmpty()),
                        contentDisposition.filter(v -> !v.isEmpty()),
                        metadata),
                sha256);
    }
}
