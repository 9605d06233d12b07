package io.github.cloudfrontmavenplugin.core;

import io.github.cloudfrontmavenplugin.publish.PublishSettings;

/**
 * Everything {@code cloudfront:sync} was asked to do: publish the site of {@code invalidation}'s diff to the bucket of
 * {@code publish}, then invalidate what changed.
 */
public record SyncRequest(InvalidateRequest invalidation, PublishSettings publish) implements DeployRequest {
    public SyncRequest {
        if (invalidation.diff().isEmpty()) {
            throw new IllegalArgumentException("a sync publishes the site its diff compares");
        }
    }
}
