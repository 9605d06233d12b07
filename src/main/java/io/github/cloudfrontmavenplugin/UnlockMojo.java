package io.github.cloudfrontmavenplugin;

import io.github.cloudfrontmavenplugin.aws.ConnectionSettings;
import io.github.cloudfrontmavenplugin.base.Progress;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.lock.Unlock;
import java.io.File;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Removes the deploy lock of a manifest that a build left behind, as {@code terraform force-unlock} does: only if the
 * lock still has the ID given, which the message of a deploy that could not take the lock names. A lock whose lease
 * ran out needs no removal: the next deploy takes it over.
 *
 * <pre>mvn cloudfront:unlock -Dcloudfront.manifest=s3://my-deploys/www/manifest.txt -Dcloudfront.lockId=...</pre>
 *
 * @since 1.0.0
 */
@Mojo(name = "unlock", threadSafe = true, requiresProject = false)
public class UnlockMojo extends AbstractCloudFrontMojo {
    /**
     * Required: the manifest whose lock to remove, as the deploy names it: a file (relative to the project) or {@code
     * s3://bucket/key}. The lock is {@code <manifest>.lock}.
     */
    @Parameter(property = "cloudfront.manifest")
    private String manifest;

    /** Required: the ID of the lock to remove. A lock with another ID is left alone, and the build fails naming it. */
    @Parameter(property = "cloudfront.lockId")
    private String lockId;

    /** The region of the manifest's bucket. By default the plugin starts in us-east-1 and follows S3's redirect. */
    @Parameter(property = "cloudfront.s3Region")
    private String s3Region;

    /** An S3-compatible endpoint instead of AWS's, for the manifest's bucket (tests, emulators). */
    @Parameter(property = "cloudfront.s3Endpoint")
    private String s3Endpoint;

    @Parameter(defaultValue = "${basedir}", readonly = true)
    private File basedir;

    @Inject
    public UnlockMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    protected void run(Progress progress) throws UserFixableException, InterruptedException {
        String location = manifest;
        if (location != null && !location.isBlank() && !location.strip().startsWith("s3://") && basedir != null) {
            location = basedir.toPath().resolve(location.strip()).toString();
        }
        ConnectionSettings s3 = location != null && location.strip().startsWith("s3://")
                ? ConnectionSettings.forS3(s3Region, s3Endpoint, profile)
                        .withCredentials(credentialSource())
                        .withProxies(proxies())
                : null;
        new Unlock(progress).run(location, lockId, s3);
    }
}
