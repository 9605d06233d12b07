package io.github.cloudfrontmavenplugin.plan;

import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.paths.InvalidationPaths;

/**
 * How many paths, and of them wildcards, the one invalidation batch may hold.
 *
 * @param maxPaths all paths, wildcards included (a wildcard counts as one path, in CloudFront's limits and its bill)
 */
public record Budget(int maxPaths, int maxWildcards) {
    public static Budget of(int maxPaths, int maxWildcards) throws UserFixableException {
        if (maxPaths < 1 || maxPaths > InvalidationPaths.MAX_PATHS) {
            throw new UserFixableException("<maxPaths> (cloudfront.maxPaths) is " + maxPaths + "; it must be between 1"
                    + " and " + InvalidationPaths.MAX_PATHS + ", CloudFront's limit for paths in progress.");
        }
        if (maxWildcards < 0 || maxWildcards > InvalidationPaths.MAX_WILDCARDS) {
            throw new UserFixableException("<maxWildcards> (cloudfront.maxWildcards) is " + maxWildcards + "; it must"
                    + " be between 0 and " + InvalidationPaths.MAX_WILDCARDS + ", CloudFront's limit for wildcard"
                    + " paths in progress.");
        }
        return new Budget(maxPaths, maxWildcards);
    }
}
