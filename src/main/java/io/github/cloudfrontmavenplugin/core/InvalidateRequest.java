package io.github.cloudfrontmavenplugin.core;

import io.github.cloudfrontmavenplugin.aws.ConnectionSettings;
import io.github.cloudfrontmavenplugin.diff.DiffSettings;
import io.github.cloudfrontmavenplugin.lock.LockSettings;
import io.github.cloudfrontmavenplugin.plan.Budget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a deploy invalidates, as the user configured it: all of {@code cloudfront:invalidate}, the invalidating part of
 * {@code cloudfront:sync}; checked by {@link BatchSettings} before any API call.
 *
 * @param distributionIds the distributions to invalidate the same batch on: IDs or domain names
 * @param paths the paths from {@code <paths>}, as written
 * @param batchFile the AWS CLI invalidation-batch JSON file from {@code <invalidationBatch>}
 * @param callerReference a CallerReference chosen by the user; otherwise one is generated
 * @param referenceOrigin what the generated CallerReference names as its origin, such as the artifactId
 * @param inProgressRetryTimeout how long to keep retrying while the distribution has too many invalidations in
 *     progress
 * @param diff the site to compare with the last deploy's manifest, whose changes are invalidated too
 * @param budget how many paths and wildcards the one batch may hold; larger sets are collapsed to fit
 * @param tags cache tags from {@code <tags>}, without their {@code #}
 * @param allTenants invalidate every tenant of the multi-tenant distribution named, instead of the distribution
 * @param lock how a deploy with a manifest holds the manifest's lock
 */
public record InvalidateRequest(
        List<String> distributionIds,
        List<String> paths,
        Optional<Path> batchFile,
        Optional<String> callerReference,
        String referenceOrigin,
        WaitSettings waiting,
        Duration inProgressRetryTimeout,
        boolean dryRun,
        Optional<Path> outputFile,
        ConnectionSettings connection,
        Optional<DiffSettings> diff,
        Budget budget,
        List<String> tags,
        boolean allTenants,
        LockSettings lock)
        implements DeployRequest {

    public InvalidateRequest {
        distributionIds = List.copyOf(distributionIds);
        paths = List.copyOf(paths);
        tags = List.copyOf(tags);
    }

    @Override
    public InvalidateRequest invalidation() {
        return this;
    }
}
