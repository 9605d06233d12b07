package io.github.cloudfrontmavenplugin.lock;

import io.github.cloudfrontmavenplugin.aws.ConnectionSettings;
import io.github.cloudfrontmavenplugin.aws.HttpClients;
import io.github.cloudfrontmavenplugin.aws.S3Clients;
import io.github.cloudfrontmavenplugin.base.TimeSource;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import java.nio.file.Path;

/** Opens the lock of a manifest: {@code <manifest>.lock}, next to an {@code s3://} manifest or a local one. */
final class LockStores {
    static final String SUFFIX = ".lock";

    private LockStores() {}

    /** The lock's location, for messages, without connecting. */
    static String locationOf(String manifest) {
        return manifest.strip() + SUFFIX;
    }

    static LockStore open(String manifest, ConnectionSettings s3, TimeSource time) throws UserFixableException {
        String value = manifest.strip();
        if (!value.startsWith("s3://")) {
            return new LocalLockStore(Path.of(value + SUFFIX));
        }
        String rest = value.substring("s3://".length());
        int slash = rest.indexOf('/');
        if (slash <= 0 || slash == rest.length() - 1) {
            throw new UserFixableException("<manifest> (cloudfront.manifest) is '" + manifest + "'; an S3 manifest"
                    + " is written s3://bucket/key, such as s3://my-site-deploys/www/manifest.txt.");
        }
        String bucket = rest.substring(0, slash);
        S3Clients.Connection connection =
                S3Clients.connect(s3, bucket, Math.min(4, HttpClients.DEFAULT_MAX_CONNECTIONS));
        return new S3LockStore(connection.s3(), connection, bucket, rest.substring(slash + 1) + SUFFIX, time);
    }
}
