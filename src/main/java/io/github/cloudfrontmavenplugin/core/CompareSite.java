package io.github.cloudfrontmavenplugin.core;

import io.github.cloudfrontmavenplugin.base.Progress;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.diff.DeployDiff;
import io.github.cloudfrontmavenplugin.diff.DiffSettings;

/**
 * A deploy's step that reads the built site and the last deploy's manifest and compares them: what was added,
 * modified and deleted, hashed on every core. It changes nothing; the manifest it prepares is recorded by {@link
 * RecordDeploy}.
 */
final class CompareSite {
    private final Progress progress;

    CompareSite(Progress progress) {
        this.progress = progress;
    }

    /** The comparison; the caller closes it. */
    DeployDiff run(DiffSettings site) throws UserFixableException {
        DeployDiff diff = DeployDiff.compute(site, Runtime.getRuntime().availableProcessors(), progress::warn);
        progress.info(diff.summary());
        return diff;
    }
}
