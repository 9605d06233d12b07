package io.github.cloudfrontmavenplugin.lock;

import io.github.cloudfrontmavenplugin.aws.ConnectionSettings;
import io.github.cloudfrontmavenplugin.base.Deployer;
import io.github.cloudfrontmavenplugin.base.Progress;
import io.github.cloudfrontmavenplugin.base.TimeSource;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The lock of one manifest, held by this deploy from before it reads the manifest or the bucket until it ends: one
 * deploy at a time changes a bucket and its manifest. It is a lease: the holder renews it every third of {@code
 * lockLease} on a daemon thread, so a lock whose lease ran out belongs to a build that died, and the next deploy takes
 * it over (with a conditional write, so exactly one contender wins). A holder whose renewal fails (another deploy took
 * the lock over, or S3 failed until the lease ran out) stops before its next change: see {@link #check}.
 */
public final class DeployLock implements AutoCloseable {
    private final LockStore store;
    private final String manifest;
    private final Duration lease;
    private final LockTiming timing;
    private final Progress progress;
    private final Thread renewer;
    private LockInfo info;
    private String version;
    private int renewals;
    private boolean released;
    private volatile String lost;

    private DeployLock(
            LockStore store,
            String manifest,
            Duration lease,
            LockTiming timing,
            Progress progress,
            LockInfo info,
            String version) {
        this.store = store;
        this.manifest = manifest;
        this.lease = lease;
        this.timing = timing;
        this.progress = progress;
        this.info = info;
        this.version = version;
        this.renewer = new Thread(this::renewWhileHeld, "cloudfront-lock-renewal");
        renewer.setDaemon(true);
    }

    /**
     * Takes the lock of {@code manifest}, waiting while another deploy holds it (up to {@code settings.timeout()}),
     * and taking over one whose lease ran out.
     */
    public static DeployLock take(
            String manifest,
            ConnectionSettings s3,
            LockSettings settings,
            LockTiming timing,
            Function<String, String> environment,
            Progress progress)
            throws UserFixableException, InterruptedException {
        LockStore store = LockStores.open(manifest, s3, timing.time());
        try {
            return take(store, manifest, settings, timing, environment, progress);
        } catch (UserFixableException | InterruptedException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    static DeployLock take(
            LockStore store,
            String manifest,
            LockSettings settings,
            LockTiming timing,
            Function<String, String> environment,
            Progress progress)
            throws UserFixableException, InterruptedException {
        TimeSource time = timing.time();
        String id = UUID.randomUUID().toString();
        Deployer deployer = Deployer.of(environment);
        long start = time.nanoTime();
        long nextReport = start;
        while (true) {
            // Whole seconds: the lock is read by people; a lease a fraction shorter changes nothing.
            Instant now = time.now().truncatedTo(ChronoUnit.SECONDS);
            LockInfo mine = new LockInfo(
                    id,
                    deployer.host(),
                    deployer.user(),
                    settings.project(),
                    deployer.ciJob(),
                    now,
                    now.plus(settings.lease()));
            try {
                String version = store.create(mine.bytes());
                progress.info("Took the deploy lock " + store.describe() + " (lock ID " + id + ")");
                return new DeployLock(store, manifest, settings.lease(), timing, progress, mine, version).started();
            } catch (LockStore.Changed exists) {
                // held: see by whom
            }
            Optional<LockStore.Stored> current = store.read();
            if (current.isEmpty()) {
                continue; // removed since: try again at once
            }
            Optional<LockInfo> theirs = parse(store, current.get(), manifest);
            if (theirs.isPresent() && theirs.get().expiredAt(time.now())) {
                try {
                    String version = store.replace(current.get().version(), mine.bytes());
                    LockInfo dead = theirs.get();
                    progress.warn("Took over the deploy lock " + store.describe() + " from " + dead.holder()
                            + " (lock ID " + dead.id() + ", held since " + dead.taken() + "): its lease ran out at "
                            + dead.expires() + " without a renewal, so that build seems to have died. Its deploy may"
                            + " have left the bucket half done; this one compares against the last recorded manifest"
                            + " and puts it right. This deploy's lock ID is " + id + ".");
                    return new DeployLock(store, manifest, settings.lease(), timing, progress, mine, version).started();
                } catch (LockStore.Changed lostRace) {
                    continue; // another deploy took it over (or removed it) first: look again
                }
            }
            long waited = time.nanoTime() - start;
            if (waited >= settings.timeout().toNanos()) {
                throw held(store, manifest, theirs, settings.timeout());
            }
            if (time.nanoTime() - nextReport >= 0) {
                progress.info(
                        waiting(store, theirs, Duration.ofNanos(waited), settings.timeout(), nextReport == start));
                nextReport += timing.report().toNanos();
            }
            Duration left = settings.timeout().minusNanos(waited);
            time.sleep(left.compareTo(timing.poll()) < 0 ? left : timing.poll());
        }
    }

    /** A dry run takes no lock, but says when another deploy holds it. */
    public static void reportForDryRun(String manifest, ConnectionSettings s3, LockTiming timing, Progress progress)
            throws InterruptedException {
        LockStore store;
        try {
            store = LockStores.open(manifest, s3, timing.time());
        } catch (UserFixableException e) {
            // Reading the manifest reports the same problem, as it did before there was a lock.
            progress.debug("Dry run: could not read the deploy lock: " + e.getMessage());
            return;
        }
        try (store) {
            reportForDryRun(store, manifest, timing, progress);
        }
    }

    static void reportForDryRun(LockStore store, String manifest, LockTiming timing, Progress progress)
            throws InterruptedException {
        Optional<LockStore.Stored> current;
        try {
            current = store.read();
        } catch (UserFixableException e) {
            // Saying who holds the lock is a courtesy: a dry run that may read the manifest goes on without it.
            progress.info(
                    "Dry run: could not read the deploy lock (" + e.getMessage() + "); a dry run takes no" + " lock.");
            return;
        }
        if (current.isEmpty()) {
            progress.debug("Dry run: no deploy holds the lock " + store.describe());
            return;
        }
        Optional<LockInfo> theirs;
        try {
            theirs = parse(store, current.get(), manifest);
        } catch (UserFixableException e) {
            progress.info("Dry run: " + e.getMessage());
            return;
        }
        if (theirs.isEmpty()) {
            progress.info("Dry run: the deploy lock " + store.describe() + " is being taken; a dry run takes no lock.");
        } else if (theirs.get().expiredAt(timing.time().now())) {
            progress.info("Dry run: the deploy lock " + store.describe() + " was left by "
                    + theirs.get().holder()
                    + " (lock ID " + theirs.get().id() + "), whose lease ran out at "
                    + theirs.get().expires()
                    + "; a deploy would take it over. A dry run takes no lock.");
        } else {
            progress.info("Dry run: the deploy lock " + store.describe() + " is held by "
                    + theirs.get().holder()
                    + " since " + theirs.get().taken() + " (lock ID "
                    + theirs.get().id() + "); a deploy would wait"
                    + " for it. A dry run takes no lock.");
        }
    }

    /** Empty while the lock is being created (a file another process created but did not write yet). */
    private static Optional<LockInfo> parse(LockStore store, LockStore.Stored stored, String manifest)
            throws UserFixableException {
        if (stored.content().length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(LockInfo.parse(stored.content()));
        } catch (LockInfo.Unreadable e) {
            throw new UserFixableException("The deploy lock " + store.describe() + " of the manifest " + manifest
                    + " is not a lock this plugin wrote (" + e.getMessage() + "), so it cannot tell who holds it or"
                    + " until when. If no deploy is running, remove it by hand (" + removeByHand(store) + ").");
        }
    }

    private static String removeByHand(LockStore store) {
        return store.describe().startsWith("s3://") ? "aws s3 rm " + store.describe() : "delete " + store.describe();
    }

    private static String waiting(
            LockStore store, Optional<LockInfo> theirs, Duration waited, Duration timeout, boolean first) {
        String who = theirs.map(info -> " held by " + info.holder() + " since " + info.taken() + " (lock ID "
                        + info.id() + ", lease until " + info.expires() + ")")
                .orElse(" being taken by another deploy");
        return "Waiting for the deploy lock " + store.describe() + who + ": "
                + (first ? "waiting" : "waited " + waited.toSeconds() + " s of") + " up to " + timeout.toSeconds()
                + " s (lockTimeout)";
    }

    private static UserFixableException held(
            LockStore store, String manifest, Optional<LockInfo> theirs, Duration timeout) {
        String waited = timeout.isZero()
                ? "<lockTimeout> (cloudfront.lockTimeout) is 0, so this deploy did not wait"
                : "this deploy waited " + timeout.toSeconds() + " s (<lockTimeout>, cloudfront.lockTimeout)";
        if (theirs.isEmpty()) {
            return new UserFixableException("Another deploy is taking the deploy lock " + store.describe() + " of"
                    + " the manifest " + manifest + ", and " + waited + ". Try again, or raise lockTimeout.");
        }
        LockInfo info = theirs.get();
        return new UserFixableException("Another deploy holds the deploy lock " + store.describe() + " of the"
                + " manifest " + manifest + ": " + info.holder() + ", since " + info.taken() + ", lock ID " + info.id()
                + " (its lease runs until " + info.expires() + "); " + waited + ". If that deploy is still running,"
                + " try again once it ended or raise lockTimeout. If it died, its lease runs out by itself at "
                + info.expires() + " and the next deploy takes the lock over; to remove it now: mvn cloudfront:unlock"
                + " -Dcloudfront.manifest=" + manifest + " -Dcloudfront.lockId=" + info.id());
    }

    private DeployLock started() {
        renewer.start();
        return this;
    }

    public String id() {
        return info.id();
    }

    /** How many times the lease was renewed. */
    public synchronized int renewals() {
        return renewals;
    }

    /**
     * Whether this deploy may still change the bucket and the manifest: cheap, asked before each phase that writes.
     *
     * @param what the change about to start, for the message
     */
    public void check(String what) throws UserFixableException {
        String reason = lost;
        if (reason != null) {
            throw new UserFixableException("Stopped before " + what + ": this deploy no longer holds the deploy lock "
                    + store.describe() + " (" + reason + "), so another deploy may be changing the bucket and the"
                    + " manifest " + manifest + " now. This deploy made no further change and did not advance the"
                    + " manifest; run it again once the other deploy ended: it compares against what that one"
                    + " recorded.");
        }
    }

    private void renewWhileHeld() {
        Duration every = lease.dividedBy(3);
        while (true) {
            try {
                timing.renewals().sleep(every);
            } catch (InterruptedException e) {
                return;
            }
            synchronized (this) {
                if (released || lost != null) {
                    return;
                }
                try {
                    renewOnce();
                } catch (InterruptedException e) {
                    return;
                }
                if (lost != null) {
                    return;
                }
            }
        }
    }

    private void renewOnce() throws InterruptedException {
        LockInfo next = info.renewedUntil(
                timing.time().now().truncatedTo(ChronoUnit.SECONDS).plus(lease));
        try {
            version = store.replace(version, next.bytes());
            info = next;
            renewals++;
            progress.debug("Renewed the deploy lock " + store.describe() + " until " + next.expires());
        } catch (LockStore.Changed e) {
            lose("another deploy took it over: " + e.getMessage() + currentHolder());
        } catch (UserFixableException | RuntimeException e) {
            if (info.expiredAt(timing.time().now())) {
                lose("its lease ran out at " + info.expires() + " because it could not be renewed: " + e.getMessage());
            } else {
                progress.warn("Could not renew the deploy lock " + store.describe() + " (" + e.getMessage()
                        + "); trying again before its lease runs out at " + info.expires());
            }
        }
    }

    private String currentHolder() throws InterruptedException {
        try {
            Optional<LockStore.Stored> current = store.read();
            if (current.isPresent() && current.get().content().length > 0) {
                LockInfo holder = LockInfo.parse(current.get().content());
                return "; it is held by " + holder.holder() + " since " + holder.taken() + " (lock ID " + holder.id()
                        + ")";
            }
        } catch (UserFixableException | LockInfo.Unreadable | RuntimeException e) {
            // The reason stands without the holder's name.
        }
        return "";
    }

    private void lose(String reason) {
        lost = reason;
        progress.warn("This deploy lost the deploy lock " + store.describe() + ": " + reason + ". It stops before"
                + " its next change to the bucket or the manifest.");
    }

    /** Stops renewing and removes the lock if it is still this deploy's; reports, never throws. */
    @Override
    public void close() {
        synchronized (this) {
            if (released) {
                return;
            }
            released = true;
        }
        renewer.interrupt();
        try {
            renewer.join();
            if (lost == null) {
                release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            progress.warn("Interrupted while removing the deploy lock " + store.describe() + "; its lease runs out"
                    + " at " + info.expires() + ", or remove it with mvn cloudfront:unlock -Dcloudfront.manifest="
                    + manifest + " -Dcloudfront.lockId=" + info.id());
        } finally {
            store.close();
        }
    }

    private void release() throws InterruptedException {
        try {
            store.delete(version);
            progress.debug("Removed the deploy lock " + store.describe());
        } catch (LockStore.Changed e) {
            progress.warn("Did not remove the deploy lock " + store.describe() + ": it is no longer this deploy's ("
                    + e.getMessage() + ")");
        } catch (UserFixableException e) {
            progress.warn("Could not remove the deploy lock " + store.describe() + " (" + e.getMessage() + "). Its"
                    + " lease runs out at " + info.expires() + "; to remove it now: mvn cloudfront:unlock"
                    + " -Dcloudfront.manifest=" + manifest + " -Dcloudfront.lockId=" + info.id());
        }
    }
}
