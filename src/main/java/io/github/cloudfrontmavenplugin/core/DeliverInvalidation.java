package io.github.cloudfrontmavenplugin.core;

import io.github.cloudfrontmavenplugin.base.Progress;
import io.github.cloudfrontmavenplugin.base.TimeSource;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.cloudfront.CloudFrontInvalidations;
import io.github.cloudfrontmavenplugin.cloudfront.InvalidationInfo;
import io.github.cloudfrontmavenplugin.cloudfront.Target;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A deploy's step that sends the one batch: to each distribution named, or with {@code allTenants} to every tenant of
 * the one distribution named, through {@link Deliveries}; the deploy is recorded once every one accepted it.
 */
final class DeliverInvalidation {
    private final TimeSource time;
    private final RandomGenerator random;
    private final Progress progress;

    DeliverInvalidation(TimeSource time, RandomGenerator random, Progress progress) {
        this.time = time;
        this.random = random;
        this.progress = progress;
    }

    /**
     * @param recording records the deploy once every distribution accepted the batch
     * @return the invalidations as last seen, one per distribution
     */
    List<InvalidationInfo> run(BatchSettings settings, Batch batch, Connector connector, Deliveries.Recording recording)
            throws UserFixableException, InterruptedException {
        try (CloudFrontInvalidations cloudFront = connector.connect(settings.connection())) {
            return new Deliveries(
                            cloudFront,
                            targets(cloudFront, settings, batch),
                            settings.waiting(),
                            settings.inProgressRetryTimeout(),
                            settings.outputFiles(),
                            time,
                            random,
                            progress)
                    .run(recording);
        }
    }

    /**
     * With {@code allTenants}, the tenants of the one distribution named, which the batch then goes to; otherwise the
     * batch as planned.
     */
    private Batch targets(CloudFrontInvalidations cloudFront, BatchSettings settings, Batch batch)
            throws UserFixableException {
        if (!settings.allTenants()) {
            return batch;
        }
        Target distribution =
                DistributionIds.resolve(cloudFront, batch.distributionIds().get(0), progress);
        if (distribution.isTenant()) {
            throw BatchSettings.allTenantsNeedsADistribution(distribution.id());
        }
        List<String> tenants = cloudFront.tenantsOf(distribution.id());
        if (tenants.isEmpty()) {
            throw new UserFixableException("Distribution " + distribution.id() + " has no distribution tenants, so"
                    + " <allTenants> (cloudfront.allTenants) finds nothing to invalidate. Set it to false to"
                    + " invalidate a standard distribution, or name a multi-tenant distribution.");
        }
        progress.info("Distribution " + distribution.id() + " has " + tenants.size()
                + (tenants.size() == 1 ? " distribution tenant: " : " distribution tenants: ")
                + String.join(", ", tenants));
        return new Batch(tenants, batch.paths(), batch.callerReference());
    }
}
