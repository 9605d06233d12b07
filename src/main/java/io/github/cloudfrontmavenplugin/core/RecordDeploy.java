package io.github.cloudfrontmavenplugin.core;

import io.github.cloudfrontmavenplugin.base.Progress;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.base.WriteCheck;
import io.github.cloudfrontmavenplugin.diff.DeployDiff;
import java.util.List;

/**
 * A deploy's last step: each module's manifest advances to the site as deployed, once the invalidation was accepted
 * (or when there was nothing to invalidate), never after a failure, so that the next deploy invalidates again what this
 * one could not.
 */
final class RecordDeploy {
    private final Progress progress;
    private final WriteCheck locks;

    RecordDeploy(Progress progress, WriteCheck locks) {
        this.progress = progress;
        this.locks = locks;
    }

    /**
     * Records every module's deploy (each site's manifest, then what the other modules record), even when one of them
     * cannot be; then reports the first failure.
     */
    void run(List<DeployDiff> diffs, List<Deliveries.Recording> others) throws UserFixableException {
        if (!diffs.isEmpty() || !others.isEmpty()) {
            locks.beforeWrite("recording the manifest");
        }
        UserFixableException first = null;
        for (DeployDiff diff : diffs) {
            try {
                diff.commit();
                progress.info("Recorded this deploy in the manifest " + diff.manifestName());
            } catch (UserFixableException e) {
                first = firstOf(first, e);
            }
        }
        for (Deliveries.Recording other : others) {
            try {
                other.record();
            } catch (UserFixableException e) {
                first = firstOf(first, e);
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private static UserFixableException firstOf(UserFixableException first, UserFixableException next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }
}
