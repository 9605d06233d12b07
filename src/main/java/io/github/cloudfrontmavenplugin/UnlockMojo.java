package io.github.cloudfrontmavenplugin;

import io.github.cloudfrontmavenplugin.base.Progress;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.lock.Unlock;
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
public class UnlockMojo extends AbstractManifestMojo {
    /** Required: the ID of the lock to remove. A lock with another ID is left alone, and the build fails naming it. */
    @Parameter(property = "cloudfront.lockId")
    private String lockId;

    @Inject
    public UnlockMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    protected void run(Progress progress) throws UserFixableException, InterruptedException {
        new Unlock(progress).run(manifestLocation(), lockId, manifestConnection());
    }
}
