package io.github.cloudfrontmavenplugin.core;

import io.github.cloudfrontmavenplugin.aws.HttpClients;
import io.github.cloudfrontmavenplugin.base.JoinedThreads;
import io.github.cloudfrontmavenplugin.base.Progress;
import io.github.cloudfrontmavenplugin.base.TimeSource;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.base.WriteCheck;
import io.github.cloudfrontmavenplugin.cloudfront.InvalidationInfo;
import io.github.cloudfrontmavenplugin.diff.DeployDiff;
import io.github.cloudfrontmavenplugin.lock.HeldLocks;
import io.github.cloudfrontmavenplugin.lock.LockTiming;
import io.github.cloudfrontmavenplugin.publish.ContentTypes;
import io.github.cloudfrontmavenplugin.publish.PublishSite;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * One deploy, from the requests to the recorded manifest, as named steps: {@link BatchSettings} checks the requests
 * before anything is read or sent; each module prepares what needs no lock ({@link CompareSite} starts hashing the
 * site); {@link TakeLock} takes the lock of every manifest (released when the deploy ends, on failure too); each
 * module's own steps run ({@link InvalidateModule} for {@code invalidate}: {@link CompareSite}; {@link SyncModule}
 * for {@code sync}: reading the bucket, {@link CompareSite}, planning the uploads, publishing); then the steps the
 * batch shares: {@link PlanInvalidation}, {@link DeliverInvalidation}, {@link RecordDeploy}; last, for {@code sync},
 * {@link RecordHistory}. Several requests (the modules of one reactor) share the one batch.
 */
public final class Deploy {
    private final Connector connector;
    private final TimeSource time;
    private final RandomGenerator random;
    private final Function<String, String> environment;
    private final Progress progress;
    private final LockTiming locking;
    private final ReportFiles reports;

    public Deploy(
            Connector connector,
            TimeSource time,
            RandomGenerator random,
            Function<String, String> environment,
            Progress progress,
            LockTiming locking,
            ReportFiles reports) {
        this.connector = connector;
        this.time = time;
        this.random = random;
        this.environment = environment;
        this.progress = progress;
        this.locking = locking;
        this.reports = reports;
    }

    public Deploy(
            Connector connector,
            TimeSource time,
            RandomGenerator random,
            Function<String, String> environment,
            Progress progress,
            LockTiming locking) {
        this(connector, time, random, environment, progress, locking, ReportFiles.NONE);
    }

    /**
     * A deploy whose locks wait on {@code time} and renew on the system clock: a clock that moves when slept on would
     * otherwise have the renewals run it forward while the deploy works.
     */
    public Deploy(
            Connector connector,
            TimeSource time,
            RandomGenerator random,
            Function<String, String> environment,
            Progress progress) {
        this(
                connector,
                time,
                random,
                environment,
                progress,
                new LockTiming(time, TimeSource.SYSTEM, LockTiming.POLL, LockTiming.REPORT));
    }

    /** @param reports where the deploy's report goes, besides the log */
    public Deploy(Progress progress, ReportFiles reports) {
        this(
                Connector.CLOUDFRONT,
                TimeSource.SYSTEM,
                new SecureRandom(),
                System::getenv,
                progress,
                LockTiming.of(TimeSource.SYSTEM),
                reports);
    }

    /**
     * @return the invalidations as last seen, one per distribution; empty when nothing was sent (no paths, or a dry
     *     run)
     */
    public List<InvalidationInfo> run(DeployRequest request) throws UserFixableException, InterruptedException {
        return run(List.of(request));
    }

    /**
     * One batch for several requests that name the same distributions through the same connection, as the modules of
     * one reactor do: their paths and site changes are planned together within the strictest of their budgets, and
     * every module's manifest is recorded once every distribution accepted the batch.
     */
    public List<InvalidationInfo> run(List<? extends DeployRequest> requests)
            throws UserFixableException, InterruptedException {
        BatchSettings batch = check(requests);
        SoFar soFar = new SoFar(time.nanoTime(), time.now());
        List<InvalidationInfo> sent;
        List<ModuleDeploy> modules = new ArrayList<>();
        Optional<JoinedThreads> contentTypes = Optional.empty();
        // A dry run of invalidate sends nothing: it would only wait for the loading at its end.
        Optional<JoinedThreads> loadAhead = batch.dryRun() ? Optional.empty() : Optional.of(HttpClients.loadAhead());
        try {
            // Hashing a site needs neither the lock nor the S3 client, whose building keeps the main thread busy for
            // a second of a cold JVM: each module starts it first, and a missing site fails before any call.
            for (DeployRequest request : requests) {
                ModuleDeploy module = stepsOf(request);
                modules.add(module);
                module.prepare();
            }
            // sync plans with Tika's table of content types: loaded while the lock is taken, it is ready for the plan.
            contentTypes = requests.stream().anyMatch(SyncRequest.class::isInstance)
                    ? Optional.of(ContentTypes.loadInBackground())
                    : Optional.empty();
            // Before any manifest or bucket is read: a deploy that waited for the lock reads what the last recorded.
            try (HeldLocks locks = new TakeLock(locking, environment, progress).run(requests, batch.dryRun())) {
                sent = runLocked(requests, modules, batch, locks, soFar);
            }
        } catch (UserFixableException e) {
            report(requests, batch, soFar, List.of(), Optional.of(e.getMessage()));
            throw e;
        } finally {
            // On every path, failures before the comparison too: no hashing thread or temporary file outlives the run.
            modules.forEach(ModuleDeploy::close);
            contentTypes.ifPresent(JoinedThreads::join);
            loadAhead.ifPresent(JoinedThreads::join);
        }
        report(requests, batch, soFar, sent, Optional.empty());
        return sent;
    }

    /** What a deploy did before it ended, for its report: what it published, the batch it planned. */
    private static final class SoFar {
        final long started;
        final Instant startedAt;
        final List<PublishSite.Published> published = new ArrayList<>();
        Optional<Batch> planned = Optional.empty();

        SoFar(long started, Instant startedAt) {
            this.started = started;
            this.startedAt = startedAt;
        }
    }

    private List<InvalidationInfo> runLocked(
            List<? extends DeployRequest> requests,
            List<ModuleDeploy> modules,
            BatchSettings batch,
            WriteCheck locks,
            SoFar soFar)
            throws UserFixableException, InterruptedException {
        modules.forEach(ModuleDeploy::start);
        SiteChanges changes = new SiteChanges();
        for (ModuleDeploy module : modules) {
            module.compare(changes);
        }
        List<RecordHistory.Deployed> deployed = new ArrayList<>();
        for (int i = 0; i < modules.size(); i++) {
            Optional<PublishSite.Published> published = modules.get(i).publish(changes, batch.dryRun(), locks);
            published.ifPresent(soFar.published::add);
            if (published.isPresent()) {
                deployed.add(new RecordHistory.Deployed(
                        requests.get(i), published.get(), modules.get(i).restored(), modules.get(i)::historyRead));
            }
        }
        PlanInvalidation.Planned plan = new PlanInvalidation(progress).run(batch, changes);
        soFar.planned = Optional.of(plan.batch());
        List<InvalidationInfo> sent = deliverAndRecord(batch, plan, changes, locks);
        if (!batch.dryRun()) {
            new RecordHistory(time, random, environment, progress, locks).run(deployed, soFar.startedAt, sent);
        }
        if (!soFar.published.isEmpty()) {
            progress.info(
                    PublishSite.summary(soFar.published, plan.batch().paths().size(), batch.dryRun()));
        }
        return sent;
    }

    private void report(
            List<? extends DeployRequest> requests,
            BatchSettings batch,
            SoFar soFar,
            List<InvalidationInfo> sent,
            Optional<String> failure) {
        if (reports.any()) {
            String goal = requests.stream().anyMatch(SyncRequest.class::isInstance)
                    ? "cloudfront:sync"
                    : requests.stream().anyMatch(RollbackRequest.class::isInstance)
                            ? "cloudfront:rollback"
                            : "cloudfront:invalidate";
            Duration took = Duration.ofNanos(time.nanoTime() - soFar.started);
            reports.write(
                    new DeployReport(goal, batch.dryRun(), soFar.published, soFar.planned, sent, took, failure),
                    progress);
        }
    }

    /** Checks a request as {@link #run} would, before anything is read from a site or sent. */
    public void check(DeployRequest request) throws UserFixableException {
        check(List.of(request));
    }

    private BatchSettings check(List<? extends DeployRequest> requests) throws UserFixableException {
        return BatchSettings.check(
                requests.stream().map(DeployRequest::invalidation).toList(), time, environment, random);
    }

    private ModuleDeploy stepsOf(DeployRequest request) {
        if (request instanceof SyncRequest sync) {
            return new SyncModule(sync, time, progress);
        }
        if (request instanceof RollbackRequest rollback) {
            return new RollbackModule(rollback, time, random, environment, progress);
        }
        return new InvalidateModule((InvalidateRequest) request, progress);
    }

    private List<InvalidationInfo> deliverAndRecord(
            BatchSettings batch, PlanInvalidation.Planned planned, SiteChanges changes, WriteCheck locks)
            throws UserFixableException, InterruptedException {
        if (batch.dryRun()) {
            return List.of();
        }
        RecordDeploy record = new RecordDeploy(progress, locks);
        if (planned.batch().paths().isEmpty()) {
            List<DeployDiff> changed =
                    changes.diffs().stream().filter(DeployDiff::manifestChanges).toList();
            record.run(changed, changes.recordings());
            return List.of();
        }
        Deliveries.Recording recording =
                changes.diffs().isEmpty() && changes.recordings().isEmpty()
                        ? Deliveries.Recording.NOTHING
                        : () -> record.run(changes.diffs(), changes.recordings());
        locks.beforeWrite("invalidating");
        return new DeliverInvalidation(time, random, progress).run(batch, planned.batch(), connector, recording);
    }
}
