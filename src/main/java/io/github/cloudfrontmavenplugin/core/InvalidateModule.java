package io.github.cloudfrontmavenplugin.core;

import io.github.cloudfrontmavenplugin.base.Progress;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.diff.DeployDiff;
import java.util.Optional;

/**
 * {@code cloudfront:invalidate}'s own steps: with a {@code directory}, {@link CompareSite}, which hashes the site from
 * before the lock is taken; the paths it names need no step of their own.
 */
final class InvalidateModule implements ModuleDeploy {
    private final InvalidateRequest request;
    private final Progress progress;
    private Optional<CompareSite> compare = Optional.empty();
    private Optional<DeployDiff> diff = Optional.empty();

    InvalidateModule(InvalidateRequest request, Progress progress) {
        this.request = request;
        this.progress = progress;
    }

    @Override
    public void prepare() throws UserFixableException {
        if (request.diff().isPresent()) {
            compare = Optional.of(CompareSite.start(request.diff().get(), progress));
        }
    }

    @Override
    public void compare(SiteChanges changes) throws UserFixableException {
        if (compare.isPresent()) {
            diff = Optional.of(compare.get().run());
            changes.add(diff.get());
        }
    }

    @Override
    public void close() {
        compare.ifPresent(CompareSite::close);
        diff.ifPresent(DeployDiff::close);
    }
}
