package io.github.cloudfrontmavenplugin.core;

import io.github.cloudfrontmavenplugin.base.Progress;
import io.github.cloudfrontmavenplugin.base.TimeSource;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.base.WriteCheck;
import io.github.cloudfrontmavenplugin.diff.DeployDiff;
import io.github.cloudfrontmavenplugin.diff.DiffSettings;
import io.github.cloudfrontmavenplugin.history.HistoryReading;
import io.github.cloudfrontmavenplugin.history.HistoryStore;
import io.github.cloudfrontmavenplugin.publish.BucketReading;
import io.github.cloudfrontmavenplugin.publish.PlanUploads;
import io.github.cloudfrontmavenplugin.publish.PublishSite;
import java.util.Optional;

/**
 * {@code cloudfront:sync}'s own steps: {@link CompareSite} hashing the site from before the lock is taken, reading the
 * bucket ({@link BucketReading}) once it is, then {@link PlanUploads} and {@link PublishSite}. What the sync wrote or
 * deleted is invalidated with the site's changes; meanwhile the deploy history is read ({@link HistoryReading}) for
 * the record {@link RecordHistory} adds.
 */
final class SyncModule implements ModuleDeploy {
    private final SyncRequest request;
    private final TimeSource time;
    private final Progress progress;
    private CompareSite compare;
    private BucketReading reading;
    private DeployDiff diff;
    private HistoryReading history;

    SyncModule(SyncRequest request, TimeSource time, Progress progress) {
        this.request = request;
        this.time = time;
        this.progress = progress;
    }

    private DiffSettings site() {
        return request.invalidation().diff().orElseThrow();
    }

    @Override
    public void prepare() throws UserFixableException {
        compare = CompareSite.start(site(), progress);
    }

    @Override
    public void start() {
        // Listing a bucket takes a request per 1,000 keys, one after another: as long as hashing the site, or longer.
        reading = BucketReading.start(request.publish(), site().manifest());
    }

    @Override
    public void compare(SiteChanges changes) throws UserFixableException {
        diff = compare.run();
        changes.add(diff);
    }

    @Override
    public Optional<PublishSite.Published> publish(SiteChanges changes, boolean dryRun, WriteCheck locks)
            throws UserFixableException, InterruptedException {
        PlanUploads.Planned planned =
                new PlanUploads(progress).run(reading, site().directory(), diff.siteFiles(), site().filter(), dryRun);
        PublishSite.Published published = new PublishSite(progress, time, locks).run(planned);
        changes.addUrls(site().urls().pathsOf(published.changedPaths()));
        if (!dryRun && published.changedAnything()) {
            // The deploy will be recorded in the history: read it while the invalidation is planned and sent.
            history = HistoryReading.start(site().manifest(), site().s3());
        }
        return Optional.of(published);
    }

    @Override
    public Optional<HistoryStore> historyRead() {
        return history == null ? Optional.empty() : history.await();
    }

    @Override
    public void close() {
        if (compare != null) {
            compare.close();
        }
        if (reading != null) {
            reading.close();
        }
        if (diff != null) {
            diff.close();
        }
        if (history != null) {
            history.close();
        }
    }
}
