package io.github.cloudfrontmavenplugin.core;

import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.base.WriteCheck;
import io.github.cloudfrontmavenplugin.history.DeployRecord;
import io.github.cloudfrontmavenplugin.history.HistoryStore;
import io.github.cloudfrontmavenplugin.publish.PublishSite;
import java.util.Optional;

/**
 * The steps of one module's deploy that come before the steps its batch shares ({@link PlanInvalidation}, {@link
 * DeliverInvalidation}, {@link RecordDeploy}): what differs between {@code cloudfront:invalidate} ({@link
 * InvalidateModule}) and {@code cloudfront:sync} ({@link SyncModule}). {@link Deploy} runs each phase for every module
 * of the batch before the next phase.
 */
interface ModuleDeploy extends AutoCloseable {
    /**
     * Starts, before the lock is taken, what needs neither the lock nor anything remote, such as hashing the site; a
     * mistake found here fails the deploy before any call.
     */
    default void prepare() throws UserFixableException {}

    /** Starts what may run while the sites are compared, such as reading a bucket. */
    default void start() {}

    /** Reads the site and the manifest and compares them, adding what changed to {@code changes}. */
    void compare(SiteChanges changes) throws UserFixableException;

    /**
     * Brings the origin up to date with the site (nothing in a dry run but the plan), adding the URLs of what changed
     * there to {@code changes}.
     *
     * @param locks asked before each write
     * @return what was published, if this module publishes
     */
    default Optional<PublishSite.Published> publish(SiteChanges changes, boolean dryRun, WriteCheck locks)
            throws UserFixableException, InterruptedException {
        return Optional.empty();
    }

    /** For a rollback, the kept deploy whose state it restored: its history record names it. */
    default Optional<DeployRecord> restored() {
        return Optional.empty();
    }

    /**
     * The history beside this module's manifest when the module read it already under the lock, as a rollback does to
     * choose its target, or while the invalidation was sent, as a sync that changed its bucket does: {@link
     * RecordHistory} appends to it, replacing only that very one, without reading it again. Asked once the deploy is
     * recorded; waits for a read still going.
     */
    default Optional<HistoryStore> historyRead() {
        return Optional.empty();
    }

    /** Ends whatever the module's steps still hold: a comparison's temporary files, a bucket's reading. */
    @Override
    void close();
}
