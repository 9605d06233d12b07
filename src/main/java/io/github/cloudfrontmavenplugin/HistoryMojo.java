package io.github.cloudfrontmavenplugin;

import io.github.cloudfrontmavenplugin.base.Progress;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.core.ShowHistory;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Prints the last deploys that {@code cloudfront:sync} recorded in the history beside the manifest ({@code
 * <manifest>.history}), newest first, one line each: the deploy's ID, when it started (UTC), who ran it (user, host,
 * CI job), its source (project coordinates and git commit), what it did, and its invalidation. It marks the deploy the
 * bucket holds now. It only reads, so it takes no lock.
 *
 * <pre>mvn cloudfront:history -Dcloudfront.manifest=s3://my-deploys/www/manifest.txt</pre>
 *
 * @since 1.0.0
 */
@Mojo(name = "history", threadSafe = true, requiresProject = false)
public class HistoryMojo extends AbstractManifestMojo {
    /**
     * How many of the last deploys to print. At least 1.
     *
     * @since 1.0.0
     */
    @Parameter(property = "cloudfront.count", defaultValue = "10")
    private int count;

    @Inject
    public HistoryMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    protected void run(Progress progress) throws UserFixableException, InterruptedException {
        int shown = ShowHistory.count(count);
        new ShowHistory(progress).run(manifestLocation(), shown, manifestConnection());
    }
}
