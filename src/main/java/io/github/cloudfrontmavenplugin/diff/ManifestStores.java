package io.github.cloudfrontmavenplugin.diff;

import io.github.cloudfrontmavenplugin.aws.ConnectionSettings;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import java.nio.file.Path;
import java.util.Optional;

/** Opens the store a {@code manifest} location names: {@code s3://bucket/key}, or otherwise a file. */
public final class ManifestStores {
    private ManifestStores() {}

    public static ManifestStore open(String location, ConnectionSettings s3) throws UserFixableException {
        if (location == null || location.isBlank()) {
            throw new UserFixableException("<manifest> (cloudfront.manifest) is not set. With <directory> the plugin"
                    + " needs to remember what it deployed: set it to a file (target/ is wiped by mvn clean, so keep"
                    + " it elsewhere) or to s3://bucket/key so that CI runners share it.");
        }
        Optional<ManifestLocation> inS3 = ManifestLocation.inS3(location);
        if (inS3.isPresent()) {
            return S3ManifestStore.connect(inS3.get().bucket(), inS3.get().key(), s3);
        }
        return new LocalManifestStore(Path.of(location.strip()));
    }
}
