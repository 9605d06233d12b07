package io.github.cloudfrontmavenplugin.history;

import java.util.Objects;
import java.util.Optional;

/**
 * One object as a deploy left it.
 *
 * @param etag unquoted, as {@code publish/RemoteObject} keeps it
 * @param sha256 the hex SHA-256 of its content
 * @param size its length in bytes
 * @param headers the fingerprint of its headers, as {@code publish/PublishedObjects.Entry} keeps it
 * @param versionId its S3 version; empty when the bucket has no versioning or the version is not known (an object the
 *     deploy left unchanged and no earlier record named)
 */
public record ObjectState(String etag, String sha256, long size, String headers, Optional<String> versionId) {
    public ObjectState {
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(headers, "headers");
        versionId = versionId.filter(id -> !id.isEmpty());
    }
}
