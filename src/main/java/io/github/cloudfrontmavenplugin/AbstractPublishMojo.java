package io.github.cloudfrontmavenplugin;

import io.github.cloudfrontmavenplugin.aws.ConnectionSettings;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.core.SyncRequest;
import io.github.cloudfrontmavenplugin.publish.HeaderRules;
import io.github.cloudfrontmavenplugin.publish.PublishSettings;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/** The parameters of the goals that change the site's bucket ({@code sync}, {@code rollback}). */
abstract class AbstractPublishMojo extends AbstractDeployMojo {
    /**
     * Required: where the site's files live, {@code s3://bucket} or {@code s3://bucket/key/prefix/}. A file's key is the
     * prefix plus its path relative to {@code directory}; its URL is {@code pathPrefix} plus that same path.
     *
     * @since 1.0.0
     */
    @Parameter(property = "cloudfront.bucket")
    private String bucket;

    /**
     * A plan (of a sync or a rollback) that would delete more objects than this fails before any change.
     *
     * @since 1.0.0
     */
    @Parameter(property = "cloudfront.maxDeletes", defaultValue = "256")
    private int maxDeletes;

    /**
     * How many requests to S3 run at once.
     *
     * @since 1.0.0
     */
    @Parameter(property = "cloudfront.concurrency", defaultValue = "32")
    private int concurrency;

    /**
     * How many deploys the history beside the manifest ({@code <manifest>.history}) keeps, this one included; older
     * records are removed. Each sync or rollback that changed the bucket adds one, with the state of every object after it, which
     * {@code cloudfront:history} lists. At least 1.
     *
     * @since 1.0.0
     */
    @Parameter(property = "cloudfront.keepDeploys", defaultValue = "20")
    private int keepDeploys;

    protected AbstractPublishMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    /** {@code keepDeploys}, checked. */
    int keepDeploys() throws UserFixableException {
        return SyncRequest.keepDeploys(keepDeploys);
    }

    /** Where and how the bucket is written, checked before any call. */
    PublishSettings publishSettings(
            HeaderRules rules, boolean delete, boolean followExternalLinks, ConnectionSettings s3)
            throws UserFixableException {
        return PublishSettings.of(bucket, rules, delete, maxDeletes, concurrency, followExternalLinks, s3);
    }
}
