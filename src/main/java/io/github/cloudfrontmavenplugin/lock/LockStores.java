package io.github.cloudfrontmavenplugin.lock;

import io.github.cloudfrontmavenplugin.aws.ConnectionSettings;
import io.github.cloudfrontmavenplugin.aws.HttpClients;
import io.github.cloudfrontmavenplugin.aws.S3Clients;
import io.github.cloudfrontmavenplugin.base.TimeSource;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.diff.ManifestLocation;
import java.nio.file.Path;
import java.util.Optional;

/** Opens the lock of a manifest: {@code <manifest>.lock}, next to an {@code s3://} manifest or a local one. */
final class LockStores {
    static final String SUFFIX = ".lock";

    private LockStores() {}

    /** The lock's location, for messages, without connecting. */
    static String locationOf(String manifest) {
        return manifest.strip() + SUFFIX;
    }

    static LockStore open(String manifest, ConnectionSettings s3, TimeSource time) throws UserFixableException {
        Optional<ManifestLocation> inS3 = ManifestLocation.inS3(manifest);
        if (inS3.isEmpty()) {
            return new LocalLockStore(Path.of(manifest.strip() + SUFFIX));
        }
        String bucket = inS3.get().bucket();
        S3Clients.Connection connection =
                S3Clients.connect(s3, bucket, Math.min(4, HttpClients.DEFAULT_MAX_CONNECTIONS));
        return new S3LockStore(connection.s3(), connection, bucket, inS3.get().key() + SUFFIX, time);
    }
}
