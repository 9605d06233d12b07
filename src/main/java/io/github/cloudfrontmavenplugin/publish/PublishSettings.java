package io.github.cloudfrontmavenplugin.publish;

import io.github.cloudfrontmavenplugin.aws.ConnectionSettings;
import io.github.cloudfrontmavenplugin.base.UserFixableException;

/**
 * What {@code cloudfront:sync} publishes and how: checked before any call.
 *
 * @param delete whether objects the site no longer has are deleted
 * @param maxDeletes the most deletes a plan may hold before the sync refuses it
 * @param concurrency how many requests to S3 run at once
 * @param followExternalLinks whether a symbolic link may publish a file outside the site directory
 */
public record PublishSettings(
        BucketLocation location,
        HeaderRules rules,
        boolean delete,
        int maxDeletes,
        int concurrency,
        boolean followExternalLinks,
        ConnectionSettings s3) {
    public static PublishSettings of(
            String bucket,
            HeaderRules rules,
            boolean delete,
            int maxDeletes,
            int concurrency,
            boolean followExternalLinks,
            ConnectionSettings s3)
            throws UserFixableException {
        if (maxDeletes < 0) {
            throw new UserFixableException("<maxDeletes> (cloudfront.maxDeletes) is " + maxDeletes + "; it is the most"
                    + " objects one sync may delete, 0 or more (set <delete> false to delete nothing).");
        }
        if (concurrency < 1 || concurrency > 256) {
            throw new UserFixableException("<concurrency> (cloudfront.concurrency) is " + concurrency + "; it is the"
                    + " number of requests to S3 at once, from 1 to 256.");
        }
        return new PublishSettings(
                BucketLocation.parse(bucket), rules, delete, maxDeletes, concurrency, followExternalLinks, s3);
    }
}
