package io.github.cloudfrontmavenplugin;

import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.core.InvalidateRequest;
import io.github.cloudfrontmavenplugin.core.RollbackRequest;
import io.github.cloudfrontmavenplugin.history.DeployIds;
import io.github.cloudfrontmavenplugin.publish.HeaderRules;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Brings the site's bucket back to the state a kept deploy recorded (by default the one before the newest), and
 * invalidates exactly what that changed.
 *
 * <p>Each object that differs from that deploy's state is restored by a server-side CopyObject of its recorded S3
 * version onto its key, with that version's own Content-Type, Cache-Control, metadata and tags: no bytes leave the
 * machine. Objects the deploy did not have are deleted (up to {@code maxDeletes}, never outside
 * {@code includes}/{@code excludes}). The order is {@code sync}'s: assets, then pages, deletes last. It refuses before
 * any change when the bucket has no versioning, a version it needs no longer exists, or the deploy is not kept. Then
 * the manifest and the history advance once CloudFront accepted the invalidation, and the rollback is recorded as a
 * deploy of its own: rolling forward again is a rollback to the newer ID. Works under the deploy lock; a dry run
 * prints what it would copy, delete and invalidate, and takes no lock.
 *
 * @since 1.0.0
 */
@Mojo(name = "rollback", threadSafe = true, requiresProject = false)
public class RollbackMojo extends AbstractPublishMojo {
    /**
     * The ID of the kept deploy to bring the bucket back to, as {@code cloudfront:history} lists it (such as
     * {@code 20261206T031500.123Z-3f9a}). By default the deploy before the newest one.
     *
     * @since 1.0.0
     */
    @Parameter(property = "cloudfront.rollbackTo")
    private String rollbackTo;

    @Inject
    public RollbackMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    RollbackRequest request() throws UserFixableException {
        String manifest = manifestLocation();
        if (manifest == null || manifest.isBlank()) {
            throw new UserFixableException("<manifest> (cloudfront.manifest) is not set: cloudfront:rollback reads the"
                    + " deploy history kept beside the manifest that cloudfront:sync records, such as"
                    + " s3://my-deploys/www.example.com/manifest.txt.");
        }
        InvalidateRequest invalidation = invalidateRequest(Optional.empty());
        return new RollbackRequest(
                invalidation,
                publishSettings(HeaderRules.of(List.of(), "cache-tag"), true, false, s3Settings()),
                manifest,
                siteUrls(),
                filter(),
                rollbackTo == null || rollbackTo.isBlank()
                        ? Optional.empty()
                        : Optional.of(DeployIds.check(rollbackTo.strip(), "<rollbackTo> (cloudfront.rollbackTo)")),
                keepDeploys());
    }
}
