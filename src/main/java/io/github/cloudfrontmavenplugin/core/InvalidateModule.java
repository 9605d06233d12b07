package io.github.cloudfrontmavenplugin.core;

import io.github.cloudfrontmavenplugin.base.Progress;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.diff.DeployDiff;
import java.util.Optional;

/**
 * {@code cloudfront:invalidate}'s own steps: with a {@code directory}, {@link CompareSite}; the paths it names need no
 * step of their own.
 */
final class InvalidateModule implements ModuleDeploy {
    private final InvalidateRequest request;
    private final Progress progress;
    private Optional<DeployDiff> diff = Optional.empty();

    InvalidateModule(InvalidateRequest request, Progress progress) {
        this.request = request;
        this.progress = progress;
    }

    @Override
    public void compare(SiteChanges changes) throws UserFixableException {
        if (request.diff().isPresent()) {
            diff = Optional.of(new CompareSite(progress).run(request.diff().get()));
            changes.add(diff.get());
        }
    }

    @Override
    public void close() {
        diff.ifPresent(DeployDiff::close);
    }
}
