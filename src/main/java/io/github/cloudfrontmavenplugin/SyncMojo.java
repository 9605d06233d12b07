package io.github.cloudfrontmavenplugin;

import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.core.InvalidateRequest;
import io.github.cloudfrontmavenplugin.core.SyncRequest;
import io.github.cloudfrontmavenplugin.publish.HeaderRules;
import io.github.cloudfrontmavenplugin.publish.PublishRule;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Publishes the built site to its S3 origin and invalidates exactly what changed there, in one goal.
 *
 * <p>Only what changed is uploaded: a file goes up when the bucket lacks it, its content differs (by SHA-256, never by
 * modification time, so a fresh CI checkout uploads nothing that did not change), or the headers its rules give it
 * differ. An object changed or deleted in the bucket by hand is restored. The work is ordered so that visitors never
 * get a broken page: assets first, then pages, deletes last. Files of 16 MiB and more go up in parts. Objects the site
 * no longer has are deleted (up to {@code maxDeletes}), except those outside {@code includes}/{@code excludes}.
 *
 * <p>Then the one invalidation covers the site's changes since the manifest's deploy and every object this run wrote
 * or deleted, planned within the budget like {@code cloudfront:invalidate}'s, with which it shares every parameter.
 * The manifest advances only once CloudFront accepted the invalidation: a run that fails after uploading leaves it, so
 * the next run invalidates what this one uploaded. A dry run prints the whole plan and changes nothing (it needs read
 * access to the bucket).
 *
 * <p>A run that changed the bucket is recorded in the history beside the manifest ({@code <manifest>.history}: who,
 * from which commit, what it did, its invalidation, and the state of every object with its S3 version ID), which
 * {@code cloudfront:history} lists.
 *
 * @since 1.0.0
 */
@Mojo(name = "sync", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true, requiresProject = false)
public class SyncMojo extends AbstractPublishMojo {
    /**
     * The headers of the uploaded files, in order: each {@code <rule>} has {@code <includes>}/{@code <excludes>} and
     * any of {@code <cacheControl>}, {@code <contentType>}, {@code <contentEncoding>}, {@code <contentDisposition>},
     * {@code <metadata>} and {@code <cacheTags>}. For each header the first rule that matches a file and sets it wins;
     * without one, {@code Content-Type} comes from the file name ({@code ; charset=utf-8} on text).
     *
     * @since 1.0.0
     */
    @Parameter
    private List<Rule> rules;

    /**
     * The metadata name whose {@code x-amz-meta-} header the distribution's cache tag configuration names.
     *
     * @since 1.0.0
     */
    @Parameter(property = "cloudfront.cacheTagHeader", defaultValue = "cache-tag")
    private String cacheTagHeader;

    /**
     * Delete the objects under the prefix that the site no longer has. Objects whose paths {@code includes} and
     * {@code excludes} leave out are never touched, nor the manifest when it lives in the bucket.
     *
     * @since 1.0.0
     */
    @Parameter(property = "cloudfront.delete", defaultValue = "true")
    private boolean delete;

    /**
     * Publish what a symbolic link that leads out of {@code directory} points to. Off by default: such a link fails
     * the build before any upload, naming the link and its target.
     *
     * @since 1.0.0
     */
    @Parameter(property = "cloudfront.followExternalLinks", defaultValue = "false")
    private boolean followExternalLinks;

    @Inject
    public SyncMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    SyncRequest request() throws UserFixableException {
        InvalidateRequest invalidation = invalidateRequest();
        int keep = keepDeploys();
        if (invalidation.diff().isEmpty()) {
            throw new UserFixableException("<directory> (cloudfront.directory) is not set: cloudfront:sync publishes"
                    + " the built site from it, such as ${project.build.directory}/site.");
        }
        List<PublishRule> publishRules = new ArrayList<>();
        for (Rule rule : rules == null ? List.<Rule>of() : rules) {
            publishRules.add(rule.toPublishRule());
        }
        return new SyncRequest(
                invalidation,
                publishSettings(
                        HeaderRules.of(publishRules, cacheTagHeader),
                        delete,
                        followExternalLinks,
                        invalidation.diff().get().s3()),
                keep);
    }
}
