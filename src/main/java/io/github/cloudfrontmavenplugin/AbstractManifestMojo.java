package io.github.cloudfrontmavenplugin;

import io.github.cloudfrontmavenplugin.aws.ConnectionSettings;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import java.io.File;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * A goal about what lives beside a deploy's manifest ({@code unlock}: its lock; {@code history}: its history), run
 * from the command line with or without a project: the manifest's location, and how to reach its bucket.
 */
abstract class AbstractManifestMojo extends AbstractCloudFrontMojo {
    /**
     * Required: the manifest, as the deploy names it: a file (relative to the project) or {@code s3://bucket/key}. Its
     * lock is {@code <manifest>.lock}, its history {@code <manifest>.history}.
     */
    @Parameter(property = "cloudfront.manifest")
    private String manifest;

    /** The region of the manifest's bucket. By default the plugin starts in us-east-1 and follows S3's redirect. */
    @Parameter(property = "cloudfront.s3Region")
    private String s3Region;

    /** An S3-compatible endpoint instead of AWS's, for the manifest's bucket (tests, emulators). */
    @Parameter(property = "cloudfront.s3Endpoint")
    private String s3Endpoint;

    @Parameter(defaultValue = "${basedir}", readonly = true)
    private File basedir;

    protected AbstractManifestMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    /** {@code s3://bucket/key} as given; a file relative to the project (or the current directory without one). */
    protected String manifestLocation() {
        if (manifest != null && !manifest.isBlank() && !manifest.strip().startsWith("s3://") && basedir != null) {
            return basedir.toPath().resolve(manifest.strip()).toString();
        }
        return manifest;
    }

    /** How to reach the manifest's bucket; null for a file, which needs no connection. */
    protected ConnectionSettings manifestConnection() throws UserFixableException {
        String location = manifestLocation();
        return location != null && location.strip().startsWith("s3://")
                ? ConnectionSettings.forS3(s3Region, s3Endpoint, profile)
                        .withCredentials(credentialSource())
                        .withProxies(proxies())
                : null;
    }
}
