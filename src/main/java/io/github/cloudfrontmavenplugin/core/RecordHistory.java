package io.github.cloudfrontmavenplugin.core;

import io.github.cloudfrontmavenplugin.aws.ConnectionSettings;
import io.github.cloudfrontmavenplugin.base.Deployer;
import io.github.cloudfrontmavenplugin.base.Progress;
import io.github.cloudfrontmavenplugin.base.TimeSource;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.base.WriteCheck;
import io.github.cloudfrontmavenplugin.cloudfront.InvalidationInfo;
import io.github.cloudfrontmavenplugin.diff.DiffSettings;
import io.github.cloudfrontmavenplugin.history.DeployHistory;
import io.github.cloudfrontmavenplugin.history.DeployIds;
import io.github.cloudfrontmavenplugin.history.DeployRecord;
import io.github.cloudfrontmavenplugin.history.HistoryStore;
import io.github.cloudfrontmavenplugin.history.ObjectState;
import io.github.cloudfrontmavenplugin.history.SourceCommit;
import io.github.cloudfrontmavenplugin.publish.PublishSite;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * A sync's last step, once its deploy succeeded and its manifest was recorded: each module that changed its bucket
 * adds a {@link DeployRecord} to the history beside its manifest ({@code <manifest>.history}), keeping its {@code
 * keepDeploys} newest. A deploy that changed nothing adds no record and sends no request for the history; a dry run
 * records nothing. The deploy happened by now, so a history that cannot be written is a warning that says what is lost,
 * not a failure.
 *
 * <p>{@code cloudfront:invalidate} records no history, even with a manifest: it changes no bucket, so there is no
 * state of one to list or to roll back to.
 *
 * <p>The record holds the version ID S3 gave each object it wrote; an object the deploy left as it was keeps the
 * version ID of the newest earlier record where its ETag is the same. A sync that wrote objects and got no version ID
 * back warns once that the bucket has no versioning, so the objects it replaced are gone and no rollback can bring
 * them back.
 */
final class RecordHistory {
    /**
     * What one module of the deploy published: a sync's, or a rollback's with the deploy whose state it restored.
     *
     * @param historyRead the history the module read already (a rollback, to choose its target) or read while the
     *     invalidation was sent (a sync), which the record is appended to; the module closes it. Asked only once the
     *     deploy is recorded.
     */
    record Deployed(
            DeployRequest request,
            PublishSite.Published published,
            Optional<DeployRecord> restored,
            Supplier<Optional<HistoryStore>> historyRead) {}

    private final TimeSource time;
    private final RandomGenerator random;
    private final Function<String, String> environment;
    private final Progress progress;
    private final WriteCheck locks;

    RecordHistory(
            TimeSource time,
            RandomGenerator random,
            Function<String, String> environment,
            Progress progress,
            WriteCheck locks) {
        this.time = time;
        this.random = random;
        this.environment = environment;
        this.progress = progress;
        this.locks = locks;
    }

    /**
     * @param started when the deploy started
     * @param sent the invalidations the deploy created, as last seen
     */
    void run(List<Deployed> deployed, Instant started, List<InvalidationInfo> sent) {
        List<Deployed> changed =
                deployed.stream().filter(d -> d.published().changedAnything()).toList();
        warnWithoutVersioning(changed);
        if (changed.isEmpty()) {
            return;
        }
        Instant ended = time.now();
        String id = DeployIds.next(started, random);
        Deployer deployer = Deployer.of(environment);
        List<String> invalidations = sent.stream()
                .map(info -> info.distributionId() + " " + info.id())
                .toList();
        for (Deployed module : changed) {
            Source source = source(module);
            PublishSite.Published published = module.published();
            String where = source.manifest().strip() + HistoryStore.SUFFIX;
            // A history the module read already is appended to as read: one GET of it per deploy, not two.
            Optional<HistoryStore> read = module.historyRead().get();
            try (HistoryStore opened = read.isPresent() ? null : HistoryStore.open(source.manifest(), source.s3())) {
                HistoryStore store = read.orElse(opened);
                where = store.describe();
                DeployHistory history = opened == null ? store.lastRead() : store.read();
                SortedMap<String, ObjectState> objects = published.objects();
                if (module.restored().isPresent()) {
                    // What a rollback left unchanged is the version the deploy it restored named.
                    objects = withKnownVersions(objects, module.restored());
                }
                DeployRecord record = new DeployRecord(
                        id,
                        started,
                        ended,
                        deployer.host(),
                        deployer.user(),
                        deployer.ciJob(),
                        source.project(),
                        source.commit(),
                        module.restored().map(DeployRecord::id),
                        published.location(),
                        new DeployRecord.Counts(
                                published.uploaded() + published.restored(),
                                published.headersUpdated(),
                                published.deleted(),
                                published.unchanged(),
                                published.bytes()),
                        invalidations,
                        withKnownVersions(objects, history.newest()));
                locks.beforeWrite("recording the deploy history in " + where);
                store.append(record, source.keepDeploys());
                progress.info("Recorded this deploy as " + id + " in the history " + where);
            } catch (IOException | UserFixableException | RuntimeException e) {
                progress.warn("Could not record this deploy in the history " + where + " (" + e.getMessage()
                        + "). The deploy itself is done and its manifest recorded; only its record is lost:"
                        + " cloudfront:history will not list it, and no rollback can return to it.");
            }
        }
    }

    /** Where a module's history lives, and where what it deployed came from. */
    private record Source(
            String manifest, ConnectionSettings s3, int keepDeploys, String project, Optional<String> commit) {}

    /**
     * A sync deployed the build of this project, from its commit; a rollback deployed again what the deploy it
     * restored had, so it names that deploy's project and commit.
     */
    private Source source(Deployed module) {
        if (module.request() instanceof RollbackRequest rollback) {
            DeployRecord restored = module.restored().orElseThrow();
            return new Source(
                    rollback.manifest(),
                    rollback.publish().s3(),
                    rollback.keepDeploys(),
                    restored.project(),
                    restored.commit());
        }
        SyncRequest sync = (SyncRequest) module.request();
        DiffSettings site = sync.invalidation().diff().orElseThrow();
        return new Source(
                site.manifest(),
                site.s3(),
                sync.keepDeploys(),
                sync.invalidation().lock().project(),
                SourceCommit.of(environment, site.directory()));
    }

    /** An object the deploy did not write is the version the newest record named, where its ETag is the same. */
    static SortedMap<String, ObjectState> withKnownVersions(
            SortedMap<String, ObjectState> objects, Optional<DeployRecord> previous) {
        if (previous.isEmpty()) {
            return objects;
        }
        SortedMap<String, ObjectState> known = new TreeMap<>(objects);
        for (Map.Entry<String, ObjectState> object : objects.entrySet()) {
            ObjectState now = object.getValue();
            ObjectState before = previous.get().objects().get(object.getKey());
            if (now.versionId().isEmpty()
                    && before != null
                    && before.versionId().isPresent()
                    && before.etag().equals(now.etag())) {
                known.put(
                        object.getKey(),
                        new ObjectState(now.etag(), now.sha256(), now.size(), now.headers(), before.versionId()));
            }
        }
        return known;
    }

    private void warnWithoutVersioning(List<Deployed> changed) {
        TreeSet<String> buckets = new TreeSet<>();
        for (Deployed module : changed) {
            if (module.published().unversionedWrites() > 0) {
                buckets.add(
                        module.request() instanceof RollbackRequest rollback
                                ? rollback.publish().location().bucket()
                                : ((SyncRequest) module.request())
                                        .publish()
                                        .location()
                                        .bucket());
            }
        }
        if (buckets.isEmpty()) {
            return;
        }
        StringBuilder commands = new StringBuilder();
        for (String bucket : buckets) {
            commands.append("\n  aws s3api put-bucket-versioning --bucket ")
                    .append(bucket)
                    .append(" --versioning-configuration Status=Enabled");
        }
        progress.warn(
                (buckets.size() == 1 ? "The bucket " + buckets.first() + " has" : "The buckets " + buckets + " have")
                        + " no versioning: the objects this deploy replaced or deleted are gone, so a rollback to an"
                        + " earlier deploy will not be possible. Turn versioning on (and add a lifecycle rule that expires"
                        + " noncurrent versions after a number of days, to bound what it keeps):" + commands);
    }
}
