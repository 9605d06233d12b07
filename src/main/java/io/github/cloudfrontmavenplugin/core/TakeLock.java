package io.github.cloudfrontmavenplugin.core;

import io.github.cloudfrontmavenplugin.aws.ConnectionSettings;
import io.github.cloudfrontmavenplugin.base.Progress;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.diff.DiffSettings;
import io.github.cloudfrontmavenplugin.lock.DeployLock;
import io.github.cloudfrontmavenplugin.lock.HeldLocks;
import io.github.cloudfrontmavenplugin.lock.LockSettings;
import io.github.cloudfrontmavenplugin.lock.LockTiming;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A deploy's first remote step, taken while its sites are hashed: the lock of every manifest it will record, taken
 * before any manifest or bucket is read, so that one deploy at a time changes them and a deploy that waited compares against
 * what the one before it recorded. Several manifests (the modules of a reactor) are locked in sorted order, so two
 * deploys of overlapping sets never hold one each while waiting for the other. A deploy without a manifest (paths as
 * given) changes nothing that needs a lock; a dry run takes none, but says who holds one.
 */
final class TakeLock {
    private final LockTiming timing;
    private final Function<String, String> environment;
    private final Progress progress;

    TakeLock(LockTiming timing, Function<String, String> environment, Progress progress) {
        this.timing = timing;
        this.environment = environment;
        this.progress = progress;
    }

    HeldLocks run(List<? extends DeployRequest> requests, boolean dryRun)
            throws UserFixableException, InterruptedException {
        Map<String, Locked> manifests = new TreeMap<>();
        for (DeployRequest request : requests) {
            Optional<String> manifest;
            ConnectionSettings s3;
            if (request instanceof RollbackRequest rollback) {
                manifest = Optional.of(rollback.manifest());
                s3 = rollback.publish().s3();
            } else if (request.invalidation().diff().isPresent()) {
                DiffSettings site = request.invalidation().diff().get();
                manifest = Optional.ofNullable(site.manifest());
                s3 = site.s3();
            } else {
                continue;
            }
            if (manifest.isEmpty() || manifest.get().isBlank()) {
                continue; // CompareSite explains the missing manifest
            }
            LockSettings settings = request.invalidation().lock();
            manifests.merge(manifest.get().strip(), new Locked(s3, settings), (a, b) -> a.strictest(b));
        }
        if (dryRun) {
            for (Map.Entry<String, Locked> entry : manifests.entrySet()) {
                DeployLock.reportForDryRun(entry.getKey(), entry.getValue().s3, timing, progress);
            }
            return HeldLocks.NONE;
        }
        List<DeployLock> taken = new ArrayList<>();
        try {
            for (Map.Entry<String, Locked> entry : manifests.entrySet()) {
                Locked locked = entry.getValue();
                taken.add(DeployLock.take(entry.getKey(), locked.s3, locked.settings, timing, environment, progress));
            }
        } catch (UserFixableException | InterruptedException | RuntimeException e) {
            new HeldLocks(taken).close();
            throw e;
        }
        return new HeldLocks(taken);
    }

    /** Modules that share a manifest share its lock: the longest lease and wait of theirs. */
    private record Locked(ConnectionSettings s3, LockSettings settings) {
        Locked strictest(Locked other) {
            return new Locked(
                    s3,
                    new LockSettings(
                            max(settings.lease(), other.settings.lease()),
                            max(settings.timeout(), other.settings.timeout()),
                            settings.project()));
        }

        private static Duration max(Duration a, Duration b) {
            return a.compareTo(b) >= 0 ? a : b;
        }
    }
}
