package io.github.cloudfrontmavenplugin.diff;

import io.github.cloudfrontmavenplugin.aws.ConnectionSettings;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import java.nio.file.Path;

/** Opens the store a {@code manifest} location names: {@code s3://bucket/key}, or otherwise a file. */
public final class ManifestStores {
    private ManifestStores() {}

    public static ManifestStore open(String location, ConnectionSettings s3) throws UserFixableException {
        if (location == null || location.isBlank()) {
            throw new UserFixableException("<manifest> (cloudfront.manifest) is not set. With <directory> the plugin"
                    + " needs to remember what it deployed: set it to a file (target/ is wiped by mvn clean, so keep"
                    + " it elsewhere) or to s3://bucket/key so that CI runners share it.");
        }
        String value = location.strip();
        if (value.startsWith("s3://")) {
            String rest = value.substring("s3://".length());
            int slash = rest.indexOf('/');
            if (slash <= 0 || slash == rest.length() - 1) {
                throw new UserFixableException("<manifest> (cloudfront.manifest) is '" + location + "'; an S3 manifest"
                        + " is written s3://bucket/key, such as s3://my-site-deploys/www/manifest.txt.");
            }
            return S3ManifestStore.connect(rest.substring(0, slash), rest.substring(slash + 1), s3);
        }
        return new LocalManifestStore(Path.of(value));
    }
}
