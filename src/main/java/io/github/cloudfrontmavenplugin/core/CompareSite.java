package io.github.cloudfrontmavenplugin.core;

import io.github.cloudfrontmavenplugin.base.Progress;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.diff.DeployDiff;
import io.github.cloudfrontmavenplugin.diff.DiffSettings;
import io.github.cloudfrontmavenplugin.diff.HashedSite;

/**
 * A deploy's step that reads the built site and the last deploy's manifest and compares them: what was added,
 * modified and deleted, hashed on every core. It changes nothing; the manifest it prepares is recorded by {@link
 * RecordDeploy}. The site is hashed from {@link #start}, before the deploy takes its lock (hashing needs neither the
 * lock nor the manifest); {@link #run}, under the lock, reads the manifest and joins the two.
 */
final class CompareSite implements AutoCloseable {
    private final DiffSettings site;
    private final Progress progress;
    /** The hashing until {@link #run} hands it to its diff; null after. */
    private HashedSite hashed;

    private CompareSite(DiffSettings site, Progress progress, HashedSite hashed) {
        this.site = site;
        this.progress = progress;
        this.hashed = hashed;
    }

    /** Starts hashing the site; a missing site fails here, before any call. */
    static CompareSite start(DiffSettings site, Progress progress) throws UserFixableException {
        return new CompareSite(
                site, progress, HashedSite.start(site, Runtime.getRuntime().availableProcessors(), progress::warn));
    }

    /** The comparison, once the site is hashed; the caller closes it. */
    DeployDiff run() throws UserFixableException {
        HashedSite handed = hashed;
        hashed = null;
        DeployDiff diff = DeployDiff.compute(site, handed);
        progress.info(diff.summary());
        return diff;
    }

    /** Stops the hashing of a deploy that ends before {@link #run}. */
    @Override
    public void close() {
        if (hashed != null) {
            hashed.close();
            hashed = null;
        }
    }
}
