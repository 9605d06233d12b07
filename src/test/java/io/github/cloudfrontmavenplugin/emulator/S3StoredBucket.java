package io.github.cloudfrontmavenplugin.emulator;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One bucket of the S3 emulator: each key's versions, newest first, and the bucket's versioning state, as S3 keeps
 * them. A bucket that was never versioned holds one version of each key, {@code "null"}; once enabled, versioning can
 * only be suspended, and then each write replaces the key's {@code "null"} version and keeps the others.
 * Conditional writes synchronize on the bucket to read and write as one step.
 */
final class S3StoredBucket {
    /** The state GetBucketVersioning reports: {@code ""} for a bucket never versioned. */
    enum Versioning {
        NEVER(""),
        ENABLED("Enabled"),
        SUSPENDED("Suspended");

        final String status;

        Versioning(String status) {
            this.status = status;
        }
    }

    static final String NULL_VERSION = "null";

    /** S3's version IDs are 32 URL-safe characters; the emulator's look alike, so a client cannot tell. */
    private static final Pattern VERSION_ID = Pattern.compile("[A-Za-z0-9._]{32}");

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, List<S3ObjectVersion>> versions = new HashMap<>();
    private Versioning versioning = Versioning.NEVER;

    synchronized Versioning versioning() {
        return versioning;
    }

    synchronized void versioning(Versioning state) {
        versioning = state;
    }

    /** 400 InvalidArgument for a version ID S3 could not have issued, as S3 answers it. */
    static void checkVersionId(String versionId) throws ApiError {
        if (!versionId.equals(NULL_VERSION) && !VERSION_ID.matcher(versionId).matches()) {
            throw new ApiError(400, "InvalidArgument", "Invalid version id specified");
        }
    }

    synchronized Optional<S3ObjectVersion> latest(String key) {
        List<S3ObjectVersion> ofKey = versions.get(key);
        return ofKey == null ? Optional.empty() : Optional.of(ofKey.get(0));
    }

    /** The object a GET without a version ID reads: the latest version, unless that is a delete marker. */
    synchronized Optional<S3StoredObject> current(String key) {
        return latest(key).flatMap(S3ObjectVersion::object);
    }

    synchronized Optional<S3ObjectVersion> version(String key, String versionId) {
        return versions.getOrDefault(key, List.of()).stream()
                .filter(v -> v.versionId().equals(versionId))
                .findFirst();
    }

    /** Writes a new latest version: a fresh ID when versioning is enabled, else in place of the {@code "null"} one. */
    synchronized S3ObjectVersion put(String key, S3StoredObject object) {
        return add(key, Optional.of(object));
    }

    /**
     * DeleteObject without a version ID: removes the key in a bucket never versioned (empty), else makes a delete
     * marker its latest version and returns it.
     */
    synchronized Optional<S3ObjectVersion> delete(String key) {
        if (versioning == Versioning.NEVER) {
            versions.remove(key);
            return Optional.empty();
        }
        return Optional.of(add(key, Optional.empty()));
    }

    /** Removes one version for good; the one before it, if any, becomes the latest. */
    synchronized Optional<S3ObjectVersion> deleteVersion(String key, String versionId) {
        Optional<S3ObjectVersion> removed = version(key, versionId);
        removed.ifPresent(v -> {
            List<S3ObjectVersion> ofKey = versions.get(key);
            ofKey.remove(v);
            if (ofKey.isEmpty()) {
                versions.remove(key);
            }
        });
        return removed;
    }

    /** What ListObjectsV2 sees: each key whose latest version is an object. */
    synchronized Map<String, S3StoredObject> currentObjects() {
        Map<String, S3StoredObject> current = new HashMap<>();
        versions.forEach((key, ofKey) -> ofKey.get(0).object().ifPresent(o -> current.put(key, o)));
        return current;
    }

    /** Every version of {@code key}, newest first. */
    synchronized List<S3ObjectVersion> versions(String key) {
        return List.copyOf(versions.getOrDefault(key, List.of()));
    }

    /** Every version in the bucket as ListObjectVersions orders them: by key in UTF-8 byte order, newest first. */
    synchronized List<S3ObjectVersion> versions() {
        TreeMap<String, List<S3ObjectVersion>> sorted = new TreeMap<>(S3StoredBucket::utf8Order);
        sorted.putAll(versions);
        List<S3ObjectVersion> all = new ArrayList<>();
        sorted.values().forEach(all::addAll);
        return all;
    }

    /** {@code x-amz-version-id} of a version, which S3 sends once the bucket has had versioning configured. */
    synchronized Map<String, String> versionHeader(S3ObjectVersion version) {
        return versioning == Versioning.NEVER ? Map.of() : Map.of("x-amz-version-id", version.versionId());
    }

    /** S3's order of keys: by their UTF-8 bytes, which differs from Java's UTF-16 order above U+D7FF. */
    static int utf8Order(String a, String b) {
        return java.util.Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private S3ObjectVersion add(String key, Optional<S3StoredObject> object) {
        String id = versioning == Versioning.ENABLED ? newVersionId() : NULL_VERSION;
        List<S3ObjectVersion> ofKey = versions.computeIfAbsent(key, k -> new ArrayList<>());
        ofKey.removeIf(v -> v.versionId().equals(id));
        S3ObjectVersion version = new S3ObjectVersion(key, id, object, Instant.now());
        ofKey.add(0, version);
        return version;
    }

    private static String newVersionId() {
        StringBuilder id = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
