package io.github.cloudfrontmavenplugin.core;

import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.publish.PublishSettings;

/**
 * Everything {@code cloudfront:sync} was asked to do: publish the site of {@code invalidation}'s diff to the bucket of
 * {@code publish}, then invalidate what changed, and record the deploy in the history beside the manifest.
 *
 * @param keepDeploys how many deploys the history keeps, this one included; at least 1
 */
public record SyncRequest(InvalidateRequest invalidation, PublishSettings publish, int keepDeploys)
        implements DeployRequest {
    public static final int DEFAULT_KEEP_DEPLOYS = 20;

    public SyncRequest {
        if (invalidation.diff().isEmpty()) {
            throw new IllegalArgumentException("a sync publishes the site its diff compares");
        }
        if (keepDeploys < 1) {
            throw new IllegalArgumentException("keep at least this deploy, not " + keepDeploys);
        }
    }

    /** A sync whose history keeps the default number of deploys. */
    public SyncRequest(InvalidateRequest invalidation, PublishSettings publish) {
        this(invalidation, publish, DEFAULT_KEEP_DEPLOYS);
    }

    /** Checks {@code <keepDeploys>} as the user gave it, before any call. */
    public static int keepDeploys(int keepDeploys) throws UserFixableException {
        if (keepDeploys < 1) {
            throw new UserFixableException("<keepDeploys> (cloudfront.keepDeploys) is " + keepDeploys + "; it is how"
                    + " many deploys the history beside the manifest keeps, this one included: use 1 or more (the"
                    + " default is " + DEFAULT_KEEP_DEPLOYS + ").");
        }
        return keepDeploys;
    }
}
