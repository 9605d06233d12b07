package io.github.cloudfrontmavenplugin.lock;

import io.github.cloudfrontmavenplugin.base.UserFixableException;
import java.time.Duration;

/**
 * How a deploy holds the lock of its manifest.
 *
 * @param lease how long the lock stays valid without a renewal; the holder renews it every third of this, so a build
 *     that died leaves a lock that the next deploy may take over once the lease ran out
 * @param timeout how long to wait for a lock another deploy holds; zero fails at once
 * @param project the build that deploys, as {@code groupId:artifactId:version}, written into the lock for the others
 */
public record LockSettings(Duration lease, Duration timeout, String project) {
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(60);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(600);
    public static final LockSettings DEFAULT = new LockSettings(DEFAULT_LEASE, DEFAULT_TIMEOUT, "(no project)");

    public static LockSettings of(int leaseSeconds, int timeoutSeconds, String project) throws UserFixableException {
        if (leaseSeconds < 3) {
            throw new UserFixableException("<lockLease> (cloudfront.lockLease) is " + leaseSeconds + "; it is the"
                    + " seconds a deploy's lock stays valid between renewals, renewed every third of it: use 3 or"
                    + " more (the default is 60).");
        }
        if (timeoutSeconds < 0) {
            throw new UserFixableException("<lockTimeout> (cloudfront.lockTimeout) is " + timeoutSeconds + "; it is"
                    + " the seconds to wait for a lock another deploy holds: use 0 (fail at once) or more (the"
                    + " default is 600).");
        }
        return new LockSettings(
                Duration.ofSeconds(leaseSeconds),
                Duration.ofSeconds(timeoutSeconds),
                project == null || project.isBlank() ? DEFAULT.project() : project);
    }
}
