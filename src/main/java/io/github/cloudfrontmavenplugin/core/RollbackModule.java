package io.github.cloudfrontmavenplugin.core;

import io.github.cloudfrontmavenplugin.base.Progress;
import io.github.cloudfrontmavenplugin.base.TimeSource;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.base.WriteCheck;
import io.github.cloudfrontmavenplugin.history.DeployRecord;
import io.github.cloudfrontmavenplugin.history.HistoryStore;
import io.github.cloudfrontmavenplugin.publish.BucketLocation;
import io.github.cloudfrontmavenplugin.publish.BucketReading;
import io.github.cloudfrontmavenplugin.publish.PlanUploads;
import io.github.cloudfrontmavenplugin.publish.PublishSite;
import io.github.cloudfrontmavenplugin.rollback.PlanRollback;
import io.github.cloudfrontmavenplugin.rollback.RollbackRecords;
import io.github.cloudfrontmavenplugin.rollback.RollbackTarget;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * {@code cloudfront:rollback}'s own steps: reading the bucket ({@link BucketReading}) while the manifest and the
 * history are read ({@link RollbackRecords}) and the deploy to restore is chosen ({@link RollbackTarget}); then {@link
 * PlanRollback} and {@link PublishSite}, which copies the kept versions back in {@code sync}'s order. What it restored
 * or deleted is invalidated; the manifest advances once the invalidation was accepted, and {@link RecordHistory} then
 * records the rollback as a deploy of its own.
 */
final class RollbackModule implements ModuleDeploy {
    private final RollbackRequest request;
    private final TimeSource time;
    private final RandomGenerator random;
    private final Function<String, String> environment;
    private final Progress progress;
    private BucketReading reading;
    private RollbackRecords records;
    private DeployRecord target;

    RollbackModule(
            RollbackRequest request,
            TimeSource time,
            RandomGenerator random,
            Function<String, String> environment,
            Progress progress) {
        this.request = request;
        this.time = time;
        this.random = random;
        this.environment = environment;
        this.progress = progress;
    }

    @Override
    public void start() {
        reading = BucketReading.start(request.publish(), request.manifest());
    }

    @Override
    public void compare(SiteChanges changes) throws UserFixableException {
        records = RollbackRecords.read(request.manifest(), request.publish().s3());
        target = RollbackTarget.choose(records.history(), request.rollbackTo(), records.describeHistory(), location());
    }

    @Override
    public Optional<PublishSite.Published> publish(SiteChanges changes, boolean dryRun, WriteCheck locks)
            throws UserFixableException, InterruptedException {
        PlanUploads.Planned planned =
                new PlanRollback(progress).run(reading, request.publish(), request.filter(), target, dryRun);
        PublishSite.Published published = new PublishSite(progress, time, locks).run(planned);
        changes.addUrls(request.urls().pathsOf(published.changedPaths()));
        changes.addUnchanged(unchangedByUrlDirectory(published));
        if (!dryRun && !published.changedPaths().isEmpty()) {
            changes.addRecording(() -> {
                records.recordManifest(target, location());
                progress.info("Recorded the state of the deploy " + target.id() + " in the manifest "
                        + records.describeManifest());
            });
        }
        if (published.changedPaths().isEmpty()) {
            progress.info(location() + " already holds the deploy " + target.id() + ": nothing to roll back.");
        }
        return Optional.of(published);
    }

    /** Unchanged objects per URL directory, so that a wildcard the planner considers is weighed as sync's are. */
    private Map<String, Long> unchangedByUrlDirectory(PublishSite.Published published) throws UserFixableException {
        Map<String, Long> byDirectory = new HashMap<>();
        List<String> changed = published.changedPaths();
        Set<String> changedKeys = new HashSet<>();
        changed.forEach(path -> changedKeys.add(location().keyOf(path)));
        for (String key : target.objects().keySet()) {
            if (!changedKeys.contains(key)) {
                String path = location().relativePathOf(key);
                byDirectory.merge(path.substring(0, path.lastIndexOf('/') + 1), 1L, Long::sum);
            }
        }
        Map<String, Long> byUrl = new HashMap<>();
        for (Map.Entry<String, Long> entry : byDirectory.entrySet()) {
            byUrl.merge(request.urls().directoryPrefix(entry.getKey()), entry.getValue(), Long::sum);
        }
        return byUrl;
    }

    @Override
    public Optional<DeployRecord> restored() {
        return Optional.ofNullable(target);
    }

    @Override
    public Optional<HistoryStore> historyRead() {
        return Optional.ofNullable(records).map(RollbackRecords::historyStore);
    }

    private BucketLocation location() {
        return request.publish().location();
    }

    @Override
    public void close() {
        if (reading != null) {
            reading.close();
        }
        if (records != null) {
            records.close();
        }
    }
}
