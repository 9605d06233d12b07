package io.github.cloudfrontmavenplugin.core;

import io.github.cloudfrontmavenplugin.aws.ConnectionSettings;
import io.github.cloudfrontmavenplugin.aws.Retries;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.diff.AntPatterns;
import io.github.cloudfrontmavenplugin.diff.DiffSettings;
import io.github.cloudfrontmavenplugin.diff.OnMissingManifest;
import io.github.cloudfrontmavenplugin.diff.SiteUrls;
import io.github.cloudfrontmavenplugin.emulator.CloudFrontEmulator;
import io.github.cloudfrontmavenplugin.emulator.S3Emulator;
import io.github.cloudfrontmavenplugin.lock.LockSettings;
import io.github.cloudfrontmavenplugin.plan.Budget;
import io.github.cloudfrontmavenplugin.publish.HeaderRules;
import io.github.cloudfrontmavenplugin.publish.PublishSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The request {@code cloudfront:sync} (or, without a bucket, {@code cloudfront:invalidate} with a diff) makes for a
 * site on disk, its manifest at {@code s3://deploys/manifest.txt} and the emulators: one distribution, no wait.
 */
final class SyncRequests {
    private SyncRequests() {}

    /** @param bucket where the site is published, such as {@code s3://www/site/}; empty for no publishing */
    static DeployRequest of(
            Path site,
            EmulatedCloudFront cloudFront,
            S3Emulator s3,
            OnMissingManifest onMissing,
            Optional<String> bucket)
            throws UserFixableException {
        ConnectionSettings s3Settings = ConnectionSettings.forS3(null, s3.endpoint(), null)
                .withRetries(new Retries(3, Duration.ofMillis(1), Duration.ofMillis(5)));
        DiffSettings diff = new DiffSettings(
                site,
                SiteUrls.of("/", "index.html"),
                AntPatterns.of(List.of(), List.of()),
                "s3://deploys/manifest.txt",
                onMissing,
                s3Settings);
        InvalidateRequest invalidation = new InvalidateRequest(
                List.of(CloudFrontEmulator.DISTRIBUTION_ID),
                List.of(),
                Optional.empty(),
                Optional.empty(),
                "site",
                WaitSettings.NO_WAIT,
                Duration.ZERO,
                false,
                Optional.empty(),
                cloudFront.connection,
                Optional.of(diff),
                new Budget(100, 15),
                List.of(),
                false,
                LockSettings.DEFAULT);
        if (bucket.isEmpty()) {
            return invalidation;
        }
        return new SyncRequest(
                invalidation,
                PublishSettings.of(
                        bucket.get(), HeaderRules.of(List.of(), "cache-tag"), true, 100, 4, false, s3Settings));
    }
}
