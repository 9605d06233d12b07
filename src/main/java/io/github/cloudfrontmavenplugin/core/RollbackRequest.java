package io.github.cloudfrontmavenplugin.core;

import io.github.cloudfrontmavenplugin.diff.AntPatterns;
import io.github.cloudfrontmavenplugin.diff.SiteUrls;
import io.github.cloudfrontmavenplugin.publish.PublishSettings;
import java.util.Optional;

/**
 * Everything {@code cloudfront:rollback} was asked to do: bring the bucket of {@code publish} back to the state a kept
 * deploy of {@code manifest}'s history recorded, then invalidate what it changed.
 *
 * @param manifest where the last deploy's manifest lives; the history and the lock sit beside it
 * @param urls the URL paths of the bucket's keys, as {@code sync} invalidates them
 * @param filter the includes and excludes: objects outside them are never deleted
 * @param rollbackTo the kept deploy to restore; empty for the one before the newest
 * @param keepDeploys how many deploys the history keeps, this rollback among them
 */
public record RollbackRequest(
        InvalidateRequest invalidation,
        PublishSettings publish,
        String manifest,
        SiteUrls urls,
        AntPatterns filter,
        Optional<String> rollbackTo,
        int keepDeploys)
        implements DeployRequest {
    public RollbackRequest {
        if (invalidation.diff().isPresent()) {
            throw new IllegalArgumentException("a rollback compares no site directory");
        }
    }
}
