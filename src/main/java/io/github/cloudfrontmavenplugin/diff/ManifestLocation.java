package io.github.cloudfrontmavenplugin.diff;

import io.github.cloudfrontmavenplugin.base.UserFixableException;
import java.util.Optional;

/** Where a {@code manifest} location ({@code s3://bucket/key}, or otherwise a file) puts a manifest in S3. */
public record ManifestLocation(String bucket, String key) {
    /**
     * @return the bucket and key of an {@code s3://} location; empty for a file
     * @throws UserFixableException when an {@code s3://} location names no bucket or no key
     */
    public static Optional<ManifestLocation> inS3(String location) throws UserFixableException {
        String value = location.strip();
        if (!value.startsWith("s3://")) {
            return Optional.empty();
        }
        String rest = value.substring("s3://".length());
        int slash = rest.indexOf('/');
        if (slash <= 0 || slash == rest.length() - 1) {
            throw new UserFixableException("<manifest> (cloudfront.manifest) is '" + location + "'; an S3 manifest"
                    + " is written s3://bucket/key, such as s3://my-site-deploys/www/manifest.txt.");
        }
        return Optional.of(new ManifestLocation(rest.substring(0, slash), rest.substring(slash + 1)));
    }
}
