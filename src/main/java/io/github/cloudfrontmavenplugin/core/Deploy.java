package io.github.cloudfrontmavenplugin.core;

import io.github.cloudfrontmavenplugin.base.Progress;
import io.github.cloudfrontmavenplugin.base.TimeSource;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.cloudfront.InvalidationInfo;
import io.github.cloudfrontmavenplugin.diff.DeployDiff;
import io.github.cloudfrontmavenplugin.publish.PublishSite;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * One deploy, from the requests to the recorded manifest, as named steps: {@link BatchSettings} checks the requests
 * before anything is read or sent; each module's own steps run ({@link InvalidateModule} for {@code invalidate}: {@link
 * CompareSite}; {@link SyncModule} for {@code sync}: reading the bucket, {@link CompareSite}, planning the uploads,
 * publishing); then the steps the batch shares: {@link PlanInvalidation}, {@link DeliverInvalidation}, {@link
 * RecordDeploy}. Several requests (the modules of one reactor) share the one batch.
 */
public final class Deploy {
    private final Connector connector;
    private final TimeSource time;
    private final RandomGenerator random;
    private final Function<String, String> environment;
    private final Progress progress;

    public Deploy(
            Connector connector,
            TimeSource time,
            RandomGenerator random,
            Function<String, String> environment,
            Progress progress) {
        this.connector = connector;
        this.time = time;
        this.random = random;
        this.environment = environment;
        this.progress = progress;
    }

    public Deploy(Progress progress) {
        this(Connector.CLOUDFRONT, TimeSource.SYSTEM, new SecureRandom(), System::getenv, progress);
    }

    /**
     * @return the invalidations as last seen, one per distribution; empty when nothing was sent (no paths, or a dry
     *     run)
     */
    public List<InvalidationInfo> run(DeployRequest request) throws UserFixableException, InterruptedException {
        return run(List.of(request));
    }

    /**
     * One batch for several requests that name the same distributions through the same connection, as the modules of
     * one reactor do: their paths and site changes are planned together within the strictest of their budgets, and
     * every module's manifest is recorded once every distribution accepted the batch.
     */
    public List<InvalidationInfo> run(List<? extends DeployRequest> requests)
            throws UserFixableException, InterruptedException {
        BatchSettings batch = check(requests);
        List<ModuleDeploy> modules = new ArrayList<>();
        try {
            for (DeployRequest request : requests) {
                modules.add(stepsOf(request));
            }
            modules.forEach(ModuleDeploy::start);
            SiteChanges changes = new SiteChanges();
            for (ModuleDeploy module : modules) {
                module.compare(changes);
            }
            List<PublishSite.Published> published = new ArrayList<>();
            for (ModuleDeploy module : modules) {
                module.publish(changes, batch.dryRun()).ifPresent(published::add);
            }
            PlanInvalidation.Planned planned = new PlanInvalidation(progress).run(batch, changes);
            List<InvalidationInfo> sent = deliverAndRecord(batch, planned, changes);
            if (!published.isEmpty()) {
                progress.info(
                        PublishSite.summary(published, planned.batch().paths().size(), batch.dryRun()));
            }
            return sent;
        } finally {
            modules.forEach(ModuleDeploy::close);
        }
    }

    /** Checks a request as {@link #run} would, before anything is read from a site or sent. */
    public void check(DeployRequest request) throws UserFixableException {
        check(List.of(request));
    }

    private BatchSettings check(List<? extends DeployRequest> requests) throws UserFixableException {
        return BatchSettings.check(
                requests.stream().map(DeployRequest::invalidation).toList(), time, environment, random);
    }

    private ModuleDeploy stepsOf(DeployRequest request) {
        if (request instanceof SyncRequest sync) {
            return new SyncModule(sync, time, progress);
        }
        return new InvalidateModule((InvalidateRequest) request, progress);
    }

    private List<InvalidationInfo> deliverAndRecord(
            BatchSettings batch, PlanInvalidation.Planned planned, SiteChanges changes)
            throws UserFixableException, InterruptedException {
        if (batch.dryRun()) {
            return List.of();
        }
        RecordDeploy record = new RecordDeploy(progress);
        if (planned.batch().paths().isEmpty()) {
            List<DeployDiff> changed =
                    changes.diffs().stream().filter(DeployDiff::manifestChanges).toList();
            record.run(changed);
            return List.of();
        }
        Deliveries.Recording recording =
                changes.diffs().isEmpty() ? Deliveries.Recording.NOTHING : () -> record.run(changes.diffs());
        return new DeliverInvalidation(time, random, progress).run(batch, planned.batch(), connector, recording);
    }
}
