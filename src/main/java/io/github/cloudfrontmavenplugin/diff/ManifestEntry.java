package io.github.cloudfrontmavenplugin.diff;

/**
 * One deployed file as a manifest records it.
 *
 * @param path the path relative to the site root, with {@code /} between names
 * @param sha256 the SHA-256 of its content, in lower-case hex
 */
public record ManifestEntry(String path, long size, String sha256) {
    public boolean sameContentAs(ManifestEntry other) {
        return size == other.size && sha256.equals(other.sha256);
    }
}
