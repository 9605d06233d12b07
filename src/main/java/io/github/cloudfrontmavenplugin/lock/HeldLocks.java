package io.github.cloudfrontmavenplugin.lock;

import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.base.WriteCheck;
import java.util.ArrayList;
import java.util.List;

/** The locks one deploy holds, one per manifest, released in the reverse of the order they were taken in. */
public final class HeldLocks implements WriteCheck, AutoCloseable {
    public static final HeldLocks NONE = new HeldLocks(List.of());

    private final List<DeployLock> locks;

    public HeldLocks(List<DeployLock> locks) {
        this.locks = List.copyOf(locks);
    }

    public List<DeployLock> locks() {
        return locks;
    }

    @Override
    public void beforeWrite(String what) throws UserFixableException {
        for (DeployLock lock : locks) {
            lock.check(what);
        }
    }

    @Override
    public void close() {
        List<DeployLock> reversed = new ArrayList<>(locks);
        java.util.Collections.reverse(reversed);
        reversed.forEach(DeployLock::close);
    }
}
