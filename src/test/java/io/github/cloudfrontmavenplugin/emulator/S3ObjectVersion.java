package io.github.cloudfrontmavenplugin.emulator;

import java.time.Instant;
import java.util.Optional;

/**
 * One version of a key as the S3 emulator keeps it: an object, or a delete marker (no object). Its {@code versionId}
 * is opaque, or {@code "null"} for the version written while the bucket was never versioned or suspended, as S3 names
 * it.
 */
public record S3ObjectVersion(String key, String versionId, Optional<S3StoredObject> object, Instant lastModified) {
    public boolean deleteMarker() {
        return object.isEmpty();
    }
}
