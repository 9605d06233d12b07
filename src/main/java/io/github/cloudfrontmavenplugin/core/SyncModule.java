package io.github.cloudfrontmavenplugin.core;

import io.github.cloudfrontmavenplugin.base.Progress;
import io.github.cloudfrontmavenplugin.base.TimeSource;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.base.WriteCheck;
import io.github.cloudfrontmavenplugin.diff.DeployDiff;
import io.github.cloudfrontmavenplugin.diff.DiffSettings;
import io.github.cloudfrontmavenplugin.publish.BucketReading;
import io.github.cloudfrontmavenplugin.publish.PlanUploads;
import io.github.cloudfrontmavenplugin.publish.PublishSite;
import java.util.Optional;

/**
 * {@code cloudfront:sync}'s own steps: reading the bucket ({@link BucketReading}) while {@link CompareSite} hashes the
 * site, then {@link PlanUploads} and {@link PublishSite}. What the sync wrote or deleted is invalidated with the site's
 * changes.
 */
final class SyncModule implements ModuleDeploy {
    private final SyncRequest request;
    private final TimeSource time;
    private final Progress progress;
    private final WriteCheck locks;
    private BucketReading reading;
    private DeployDiff diff;

    SyncModule(SyncRequest request, TimeSource time, Progress progress, WriteCheck locks) {
        this.request = request;
        this.time = time;
        this.progress = progress;
        this.locks = locks;
    }

    private DiffSettings site() {
        return request.invalidation().diff().orElseThrow();
    }

    @Override
    public void start() {
        // Listing a bucket takes a request per 1,000 keys, one after another: as long as hashing the site, or longer.
        reading = BucketReading.start(request.publish(), site().manifest());
    }

    @Override
    public void compare(SiteChanges changes) throws UserFixableException {
        diff = new CompareSite(progress).run(site());
        changes.add(diff);
    }

    @Override
    public Optional<PublishSite.Published> publish(SiteChanges changes, boolean dryRun)
            throws UserFixableException, InterruptedException {
        PlanUploads.Planned planned =
                new PlanUploads(progress).run(reading, site().directory(), diff.siteFiles(), site().filter(), dryRun);
        PublishSite.Published published = new PublishSite(progress, time, locks).run(planned);
        changes.addUrls(site().urls().pathsOf(published.changedPaths()));
        return Optional.of(published);
    }

    @Override
    public void close() {
        if (reading != null) {
            reading.close();
        }
        if (diff != null) {
            diff.close();
        }
    }
}
