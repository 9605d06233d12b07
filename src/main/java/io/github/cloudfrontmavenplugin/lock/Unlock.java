package io.github.cloudfrontmavenplugin.lock;

import io.github.cloudfrontmavenplugin.aws.ConnectionSettings;
import io.github.cloudfrontmavenplugin.base.Progress;
import io.github.cloudfrontmavenplugin.base.TimeSource;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import java.util.Optional;

/**
 * Removes a manifest's deploy lock by hand, as {@code terraform force-unlock ID} does: only if it still has the lock ID
 * given, so that a lock another deploy took since is never removed by mistake.
 */
public final class Unlock {
    private final Progress progress;

    public Unlock(Progress progress) {
        this.progress = progress;
    }

    public void run(String manifest, String lockId, ConnectionSettings s3)
            throws UserFixableException, InterruptedException {
        if (manifest == null || manifest.isBlank()) {
            throw new UserFixableException("<manifest> (cloudfront.manifest) is not set: cloudfront:unlock removes the"
                    + " lock of that manifest, such as -Dcloudfront.manifest=s3://my-deploys/www/manifest.txt.");
        }
        if (lockId == null || lockId.isBlank()) {
            throw new UserFixableException("<lockId> (cloudfront.lockId) is not set: give the ID of the lock to"
                    + " remove, as the failed deploy's message names it (-Dcloudfront.lockId=...).");
        }
        try (LockStore store = LockStores.open(manifest, s3, TimeSource.SYSTEM)) {
            run(store, lockId.strip());
        }
    }

    void run(LockStore store, String lockId) throws UserFixableException, InterruptedException {
        Optional<LockStore.Stored> current = store.read();
        if (current.isEmpty()) {
            throw new UserFixableException("There is no deploy lock " + store.describe() + " to remove: nothing was"
                    + " changed. Check <manifest> (cloudfront.manifest).");
        }
        LockInfo info;
        try {
            info = LockInfo.parse(current.get().content());
        } catch (LockInfo.Unreadable e) {
            throw new UserFixableException("The deploy lock " + store.describe() + " is not a lock this plugin wrote ("
                    + e.getMessage() + "); it was not removed. If no deploy is running, remove it by hand.");
        }
        if (!info.id().equals(lockId)) {
            throw new UserFixableException("The deploy lock " + store.describe() + " has the lock ID " + info.id()
                    + ", not " + lockId + ", so it was not removed: it is held by " + info.holder() + " since "
                    + info.taken() + ". If that deploy is not running either, run cloudfront:unlock with"
                    + " -Dcloudfront.lockId=" + info.id() + ".");
        }
        try {
            store.delete(current.get().version());
        } catch (LockStore.Changed e) {
            throw new UserFixableException("The deploy lock " + store.describe() + " changed while it was being"
                    + " removed (" + e.getMessage() + "), so it was left alone: its holder renewed it, or another"
                    + " deploy took it. Read it again before removing it.");
        }
        progress.info("Removed the deploy lock " + store.describe() + " (lock ID " + lockId + ", held by "
                + info.holder() + " since " + info.taken() + ")");
    }
}
