package io.github.cloudfrontmavenplugin;

import io.github.cloudfrontmavenplugin.base.Progress;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.core.GetInvalidation;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Shows one invalidation (Id, Status, CreateTime, paths) as {@code aws cloudfront get-invalidation} does.
 *
 * @since 1.0.0
 */
@Mojo(name = "get-invalidation", threadSafe = true, requiresProject = false)
public class GetInvalidationMojo extends AbstractCloudFrontMojo {
    /**
     * Required: the ID of the invalidation, such as {@code I2J0I21PCUYOIK}, as {@code cloudfront:invalidate} printed it.
     *
     * @since 1.0.0
     */
    @Parameter(property = "cloudfront.invalidationId")
    private String invalidationId;

    @Inject
    public GetInvalidationMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    protected void run(Progress progress) throws UserFixableException, InterruptedException {
        new GetInvalidation(progress)
                .run(new GetInvalidation.Request(
                        distributionId, invalidationId, waitSettings(), outputPath(), connectionSettings()));
    }
}
