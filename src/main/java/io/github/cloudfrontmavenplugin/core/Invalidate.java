package io.github.cloudfrontmavenplugin.core;

import io.github.cloudfrontmavenplugin.base.Progress;
import io.github.cloudfrontmavenplugin.base.TimeSource;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.batch.BatchFile;
import io.github.cloudfrontmavenplugin.batch.CallerReferences;
import io.github.cloudfrontmavenplugin.cloudfront.CloudFrontInvalidations;
import io.github.cloudfrontmavenplugin.cloudfront.ConnectionSettings;
import io.github.cloudfrontmavenplugin.cloudfront.InvalidationInfo;
import io.github.cloudfrontmavenplugin.cloudfront.Target;
import io.github.cloudfrontmavenplugin.diff.DeployDiff;
import io.github.cloudfrontmavenplugin.diff.DiffSettings;
import io.github.cloudfrontmavenplugin.paths.CacheTag;
import io.github.cloudfrontmavenplugin.paths.InvalidationPaths;
import io.github.cloudfrontmavenplugin.plan.Budget;
import io.github.cloudfrontmavenplugin.plan.CoverPlanner;
import io.github.cloudfrontmavenplugin.plan.Plan;
import io.github.cloudfrontmavenplugin.publish.BucketReading;
import io.github.cloudfrontmavenplugin.publish.SitePublisher;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * {@code cloudfront:invalidate}: checks the request, builds the one batch, and submits it unless there is nothing to
 * send or it is a dry run; then optionally waits for it to complete. Several distributions get the same batch,
 * concurrently; several requests (the modules of one reactor) are merged into that one batch.
 */
public final class Invalidate {
    private static final String PATHS = "<paths> (cloudfront.paths)";
    private static final String BATCH_FILE = "<invalidationBatch> (cloudfront.invalidationBatch)";
    private static final String TAGS = "<tags> (cloudfront.tags)";

    private final Connector connector;
    private final TimeSource time;
    private final RandomGenerator random;
    private final Function<String, String> environment;
    private final Progress progress;

    public Invalidate(
            Connector connector,
            TimeSource time,
            RandomGenerator random,
            Function<String, String> environment,
            Progress progress) {
        this.connector = connector;
        this.time = time;
        this.random = random;
        this.environment = environment;
        this.progress = progress;
    }

    public Invalidate(Progress progress) {
        this(Connector.AWS_SDK, TimeSource.SYSTEM, new SecureRandom(), System::getenv, progress);
    }

    /** The batch exactly as it is (or would be) sent to each distribution. */
    public record Batch(List<String> distributionIds, List<String> paths, String callerReference) {
        public Batch {
            distributionIds = List.copyOf(distributionIds);
            paths = List.copyOf(paths);
        }
    }

    /**
     * @return the invalidations as last seen, one per distribution; empty when nothing was sent (no paths, or a dry
     *     run)
     */
    public List<InvalidationInfo> run(InvalidateRequest request) throws UserFixableException, InterruptedException {
        return run(List.of(request));
    }

    /**
     * One batch for several requests that name the same distributions through the same connection, as the modules of
     * one reactor do: their paths and site changes are planned together within the strictest of their budgets, and
     * every module's manifest is recorded once every distribution accepted the batch.
     */
    public List<InvalidationInfo> run(List<InvalidateRequest> requests)
            throws UserFixableException, InterruptedException {
        Merged merged = merge(requests);
        List<DeployDiff> diffs = new ArrayList<>();
        Map<InvalidateRequest, BucketReading> readings = new IdentityHashMap<>();
        try (Connection connection = new Connection(merged)) {
            // sync: the bucket is read while the site is hashed; its listing takes as long as the hashing, or longer.
            for (InvalidateRequest request : requests) {
                if (request.diff().isPresent() && request.publish().isPresent()) {
                    readings.put(
                            request,
                            BucketReading.start(
                                    request.publish().get(),
                                    request.diff().get().manifest()));
                }
            }
            if (!merged.explicitPaths().isEmpty()
                    && requests.stream().allMatch(request -> request.diff().isEmpty())) {
                // Paths as given: the batch is planned on one thread, the connection made ready on the others.
                connection.expectToSend();
            }
            List<String> diffPaths = new ArrayList<>();
            Map<String, Long> unchanged = new HashMap<>();
            boolean unchangedKnown = true;
            List<Map.Entry<InvalidateRequest, DeployDiff>> toPublish = new ArrayList<>();
            for (InvalidateRequest request : requests) {
                if (request.diff().isEmpty()) {
                    continue;
                }
                DeployDiff diff = DeployDiff.compute(
                        request.diff().get(), Runtime.getRuntime().availableProcessors(), progress::warn);
                diffs.add(diff);
                request.publish().ifPresent(publish -> toPublish.add(Map.entry(request, diff)));
                progress.info(diff.summary());
                diffPaths.addAll(diff.invalidationPaths());
                Optional<Map<String, Long>> counted = diff.unchangedByUrlDirectory();
                if (counted.isPresent()) {
                    counted.get().forEach((directory, count) -> unchanged.merge(directory, count, Long::sum));
                } else {
                    unchangedKnown = false;
                }
            }
            if (!diffPaths.isEmpty() || !merged.explicitPaths().isEmpty()) {
                // Not before: hashing keeps every core busy, and a deploy that changed nothing connects to nothing.
                connection.expectToSend();
            }
            // sync: the bucket is brought up to date first; what changed there is invalidated with the site's changes.
            List<SitePublisher.Published> published = new ArrayList<>();
            for (Map.Entry<InvalidateRequest, DeployDiff> publishing : toPublish) {
                DiffSettings site = publishing.getKey().diff().get();
                SitePublisher.Published one = new SitePublisher(progress, time)
                        .publish(
                                readings.get(publishing.getKey()),
                                site.directory(),
                                publishing.getValue().siteFiles(),
                                site.filter(),
                                merged.dryRun());
                diffPaths.addAll(site.urls().pathsOf(one.changedPaths()));
                published.add(one);
            }
            Optional<Map<String, Long>> unchangedIfKnown =
                    diffs.isEmpty() || !unchangedKnown ? Optional.empty() : Optional.of(unchanged);
            Planned planned = merged.plan(diffPaths, unchangedIfKnown);
            List<InvalidationInfo> sent = send(merged, planned, diffs, connection);
            if (!published.isEmpty()) {
                progress.info(
                        SitePublisher.summary(published, planned.batch().paths().size(), merged.dryRun()));
            }
            return sent;
        } finally {
            readings.values().forEach(BucketReading::close);
            diffs.forEach(DeployDiff::close);
        }
    }

    /**
     * Checks a request as {@link #run} would, before anything is read from a site or sent: for a reactor that defers
     * the invalidation to its end, so that a module's mistake fails that module.
     */
    public void validate(InvalidateRequest request) throws UserFixableException {
        merge(List.of(request));
    }

    private List<InvalidationInfo> send(Merged merged, Planned planned, List<DeployDiff> diffs, Connection connection)
            throws UserFixableException, InterruptedException {
        Batch batch = planned.batch();
        if (batch.paths().isEmpty()) {
            progress.info("Nothing to invalidate on " + distributions(batch.distributionIds())
                    + (diffs.isEmpty() ? ": no paths were given." : ": nothing changed."));
            if (!merged.dryRun()) {
                for (DeployDiff diff : diffs) {
                    if (diff.manifestChanges()) {
                        recordDeploy(diff);
                    }
                }
            }
            return List.of();
        }
        boolean compared = diffs.stream().anyMatch(diff -> diff.result().isPresent());
        if (planned.plan().collapsed() || compared || merged.dryRun()) {
            reportPlan(planned);
        }
        if (merged.dryRun()) {
            reportDryRun(batch, merged.allTenants());
            return List.of();
        }
        try (CloudFrontInvalidations cloudFront = connection.open()) {
            return new Deliveries(
                            cloudFront,
                            targets(cloudFront, merged, batch),
                            merged.waiting(),
                            merged.inProgressRetryTimeout(),
                            merged.outputFiles(),
                            time,
                            random,
                            progress)
                    .run(diffs.isEmpty() ? Deliveries.Recording.NOTHING : () -> recordDeploys(diffs));
        }
    }

    /** What {@code idOrDomain} names: a distribution or tenant ID as it is, a domain name as looked up. */
    static Target resolve(CloudFrontInvalidations cloudFront, String idOrDomain, Progress progress)
            throws UserFixableException {
        Optional<Target> named = DistributionIds.target(idOrDomain);
        if (named.isPresent()) {
            return named.get();
        }
        CloudFrontInvalidations.DomainOwner owner = cloudFront.findByDomain(idOrDomain);
        if (owner.target().isTenant()) {
            progress.info(idOrDomain + " is distribution tenant "
                    + owner.target().id()
                    + owner.distributionId().map(d -> " of distribution " + d).orElse(""));
        } else {
            progress.info("Distribution " + idOrDomain + " is " + owner.target().id());
        }
        return owner.target();
    }

    /**
     * With {@code allTenants}, the tenants of the one distribution named, which the batch then goes to; otherwise the
     * batch as planned.
     */
    private Batch targets(CloudFrontInvalidations cloudFront, Merged merged, Batch batch) throws UserFixableException {
        if (!merged.allTenants()) {
            return batch;
        }
        Target distribution = resolve(cloudFront, batch.distributionIds().get(0), progress);
        if (distribution.isTenant()) {
            throw allTenantsNeedsADistribution(distribution.id());
        }
        List<String> tenants = cloudFront.tenantsOf(distribution.id());
        if (tenants.isEmpty()) {
            throw new UserFixableException("Distribution " + distribution.id() + " has no distribution tenants, so"
                    + " <allTenants> (cloudfront.allTenants) finds nothing to invalidate. Set it to false to"
                    + " invalidate a standard distribution, or name a multi-tenant distribution.");
        }
        progress.info("Distribution " + distribution.id() + " has " + tenants.size()
                + (tenants.size() == 1 ? " distribution tenant: " : " distribution tenants: ")
                + String.join(", ", tenants));
        return new Batch(tenants, batch.paths(), batch.callerReference());
    }

    private static UserFixableException allTenantsNeedsADistribution(String named) {
        return new UserFixableException("<allTenants> (cloudfront.allTenants) invalidates every tenant of one"
                + " multi-tenant distribution, but " + named + " is a distribution tenant. Set <distributionId>"
                + " (cloudfront.distributionId) to the distribution's ID, or leave <allTenants> false to invalidate"
                + " this tenant alone.");
    }

    /** Records every module's deploy, even when one of them cannot be; then reports the first failure. */
    private void recordDeploys(List<DeployDiff> diffs) throws UserFixableException {
        UserFixableException first = null;
        for (DeployDiff diff : diffs) {
            try {
                recordDeploy(diff);
            } catch (UserFixableException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private void recordDeploy(DeployDiff diff) throws UserFixableException {
        diff.commit();
        progress.info("Recorded this deploy in the manifest " + diff.manifestName());
    }

    /**
     * The connection to CloudFront: prepared ({@link Connector#prepare}) once the plugin expects to send, so that it
     * gets ready while the batch is planned and the bucket synced, and opened when the plugin sends. A dry run never
     * prepares one.
     */
    private final class Connection implements AutoCloseable {
        private final Merged merged;
        private Connector.Prepared prepared;

        Connection(Merged merged) {
            this.merged = merged;
        }

        void expectToSend() {
            if (prepared == null && !merged.dryRun()) {
                prepared = connector.prepare(merged.connection());
            }
        }

        CloudFrontInvalidations open() throws UserFixableException, InterruptedException {
            if (merged.dryRun()) {
                throw new IllegalStateException("a dry run does not connect");
            }
            expectToSend();
            return prepared.open();
        }

        @Override
        public void close() throws InterruptedException {
            if (prepared != null) {
                prepared.close();
            }
        }
    }

    /** One request, checked before any file is read or any call made. */
    private record Checked(
            List<String> distributionIds, List<String> explicitPaths, String source, Optional<String> reference) {}

    /** The requests of one batch, checked and combined; paths from their diffs are added later. */
    private record Merged(
            List<String> distributionIds,
            List<String> explicitPaths,
            String source,
            String callerReference,
            WaitSettings waiting,
            Duration inProgressRetryTimeout,
            boolean dryRun,
            List<Path> outputFiles,
            ConnectionSettings connection,
            Budget budget,
            boolean allTenants) {

        /** Fits the explicit paths and the diffs' into one batch. */
        Planned plan(List<String> diffPaths, Optional<Map<String, Long>> unchanged) throws UserFixableException {
            List<String> all = new ArrayList<>(explicitPaths);
            all.addAll(diffPaths);
            String what = diffPaths.isEmpty()
                    ? source
                    : explicitPaths.isEmpty()
                            ? "the changes in <directory>"
                            : source + " with the changes in <directory>";
            List<String> paths = InvalidationPaths.normalised(all, what).asList();
            Plan plan = CoverPlanner.plan(paths, unchanged, budget);
            return new Planned(new Batch(distributionIds, plan.paths(), callerReference), plan, paths.size());
        }
    }

    /** The batch, the plan that chose it, and how many paths it stands for. */
    private record Planned(Batch batch, Plan plan, int requested) {}

    private Merged merge(List<InvalidateRequest> requests) throws UserFixableException {
        if (requests.isEmpty()) {
            throw new IllegalArgumentException("no request to run");
        }
        InvalidateRequest first = requests.get(0);
        List<Checked> checked = new ArrayList<>();
        for (InvalidateRequest request : requests) {
            Checked one = check(request);
            if (!checked.isEmpty()
                    && (!one.distributionIds().equals(checked.get(0).distributionIds())
                            || !request.connection().equals(first.connection())
                            || request.dryRun() != first.dryRun()
                            || request.allTenants() != first.allTenants())) {
                throw new IllegalArgumentException(
                        "only requests for the same distributions, connection, dry run and allTenants share a batch");
            }
            checked.add(one);
        }
        Set<String> references = new LinkedHashSet<>();
        List<String> explicitPaths = new ArrayList<>();
        Set<String> manifests = new LinkedHashSet<>();
        WaitSettings waiting = WaitSettings.NO_WAIT;
        Duration inProgressRetryTimeout = Duration.ZERO;
        Set<Path> outputFiles = new LinkedHashSet<>();
        Budget budget = first.budget();
        for (int i = 0; i < requests.size(); i++) {
            InvalidateRequest request = requests.get(i);
            checked.get(i).reference().ifPresent(references::add);
            explicitPaths.addAll(checked.get(i).explicitPaths());
            if (request.diff().isPresent()
                    && !manifests.add(request.diff().get().manifest())) {
                throw new UserFixableException("Two modules of this build record their deploys in the same <manifest> "
                        + request.diff().get().manifest() + ", and their invalidations are merged into one; give each"
                        + " module its own manifest, such as one per pathPrefix.");
            }
            waiting = waiting.or(request.waiting());
            if (request.inProgressRetryTimeout().compareTo(inProgressRetryTimeout) > 0) {
                inProgressRetryTimeout = request.inProgressRetryTimeout();
            }
            request.outputFile().ifPresent(outputFiles::add);
            budget = new Budget(
                    Math.min(budget.maxPaths(), request.budget().maxPaths()),
                    Math.min(budget.maxWildcards(), request.budget().maxWildcards()));
        }
        if (references.size() > 1) {
            throw new UserFixableException("The modules whose invalidations are merged into one set different"
                    + " <callerReference>s (cloudfront.callerReference): " + String.join(", ", references)
                    + "; set the same one in each, or none.");
        }
        String reference = references.stream()
                .findFirst()
                .orElseGet(() -> CallerReferences.generate(first.referenceOrigin(), time.now(), environment, random));
        String source = requests.size() == 1 ? checked.get(0).source() : "the paths of " + requests.size() + " modules";
        return new Merged(
                checked.get(0).distributionIds(),
                explicitPaths,
                source,
                reference,
                waiting,
                inProgressRetryTimeout,
                first.dryRun(),
                List.copyOf(outputFiles),
                first.connection(),
                budget,
                first.allTenants());
    }

    private Checked check(InvalidateRequest request) throws UserFixableException {
        List<String> distributionIds = DistributionIds.requireAll(null, request.distributionIds());
        if (request.allTenants()) {
            if (distributionIds.size() > 1) {
                throw new UserFixableException("<allTenants> (cloudfront.allTenants) invalidates every tenant of one"
                        + " multi-tenant distribution, named in <distributionId> (cloudfront.distributionId), but "
                        + distributionIds.size() + " are named: " + String.join(", ", distributionIds) + ".");
            }
            if (Target.isTenantId(distributionIds.get(0))) {
                throw allTenantsNeedsADistribution(distributionIds.get(0));
            }
        }
        if (request.outputFile().isPresent()) {
            OutputFile.checkWritable(request.outputFile().get());
        }
        if (request.inProgressRetryTimeout().isNegative()) {
            throw new UserFixableException("<inProgressRetryTimeout> (cloudfront.inProgressRetryTimeout) is "
                    + request.inProgressRetryTimeout().toSeconds() + "; it is a number of seconds, 0 or more.");
        }
        boolean hasPaths = request.paths().stream().anyMatch(p -> p != null && !p.isBlank());
        Optional<String> configuredReference =
                request.callerReference().filter(r -> !r.isBlank()).map(String::strip);
        InvalidationPaths paths;
        String source;
        if (request.batchFile().isPresent()) {
            if (hasPaths) {
                throw new UserFixableException("Both " + PATHS + " and " + BATCH_FILE + " are set; give the paths in"
                        + " one of them only (as the AWS CLI's --paths and --invalidation-batch exclude each other).");
            }
            BatchFile file = BatchFile.read(request.batchFile().get(), BATCH_FILE);
            if (configuredReference.isPresent()
                    && file.callerReference().isPresent()
                    && !configuredReference.get().equals(file.callerReference().get())) {
                throw new UserFixableException("<callerReference> (cloudfront.callerReference) is '"
                        + configuredReference.get() + "' but " + BATCH_FILE + " says \"CallerReference\": \""
                        + file.callerReference().get() + "\"; remove one of them.");
            }
            configuredReference = configuredReference.or(file::callerReference);
            source = BATCH_FILE + " " + request.batchFile().get();
            paths = InvalidationPaths.normalised(file.paths(), source);
        } else {
            source = PATHS;
            paths = InvalidationPaths.normalised(request.paths(), PATHS);
        }
        List<String> items = new ArrayList<>(paths.asList());
        List<String> tags = tags(request);
        if (!tags.isEmpty()) {
            items.addAll(tags);
            source = source + " and " + TAGS;
        }
        // Tags are never collapsed, so too many for maxPaths fail here, before any call (in a reactor, in the module
        // that set them); planning the given items alone is the same check the whole batch gets.
        CoverPlanner.plan(InvalidationPaths.normalised(items, source).asList(), Optional.empty(), request.budget());
        return new Checked(distributionIds, items, source, configuredReference);
    }

    /** The tags of {@code <tags>}, each with the {@code #} that makes it a cache tag, checked. */
    private static List<String> tags(InvalidateRequest request) throws UserFixableException {
        List<String> tags = new ArrayList<>();
        for (String tag : request.tags()) {
            if (tag == null || tag.isBlank()) {
                continue;
            }
            if (tag.strip().startsWith(CacheTag.PREFIX)) {
                throw new UserFixableException("Invalid cache tag in " + TAGS + ": '" + tag.strip() + "' starts with"
                        + " '#'; write the tag without it (<tag>product:tv</tag>, -Dcloudfront.tags=product:tv), the"
                        + " plugin adds it. In <paths>, a tag is written with its '#'.");
            }
            tags.add(CacheTag.PREFIX + tag.strip());
        }
        return InvalidationPaths.normalised(tags, TAGS).asList();
    }

    private void reportPlan(Planned planned) {
        Plan plan = planned.plan();
        String overInvalidated = plan.countKnown()
                ? plan.overInvalidated() + " unchanged objects invalidated too"
                : plan.collapsed()
                        ? "unchanged objects could not be counted (no manifest), so the narrowest wildcards that fit"
                                + " were chosen"
                        : "sent as they are";
        String tags = plan.tags() == 0 ? "" : ", " + plan.tags() + (plan.tags() == 1 ? " cache tag" : " cache tags");
        progress.info("Invalidation plan: " + count(plan.entries().size()) + " (" + plan.wildcards()
                + (plan.wildcards() == 1 ? " wildcard" : " wildcards") + tags + ") for " + planned.requested()
                + (planned.requested() == 1 ? " path" : " paths") + "; " + overInvalidated);
        int width =
                plan.entries().stream().mapToInt(e -> e.path().length()).max().orElse(0);
        for (Plan.Entry entry : plan.entries()) {
            String covers = entry.wildcard()
                    ? "covers " + entry.changed() + " changed, "
                            + (entry.unchanged() < 0 ? "unknown" : Long.toString(entry.unchanged())) + " unchanged"
                    : entry.tag() ? "cache tag, sent as written" : "";
            progress.info(
                    "  " + String.format("%-" + width + "s", entry.path()) + (covers.isEmpty() ? "" : "  " + covers));
        }
        int paths = plan.entries().size() * planned.batch().distributionIds().size();
        progress.info(String.format(
                java.util.Locale.ROOT,
                "Cost estimate: %s at USD 0.005 each beyond the account's 1,000 free paths a month: at most USD %.3f"
                        + " (nothing while the free paths last)",
                count(paths),
                paths * 0.005));
    }

    private void reportDryRun(Batch batch, boolean allTenants) {
        progress.info("Dry run: would invalidate " + count(batch.paths().size()) + " on "
                + (allTenants ? "every distribution tenant of " : "") + distributions(batch.distributionIds())
                + "; nothing is sent to CloudFront. The batch:");
        for (String line : Json.write(InvalidationInfo.batchShape(batch.paths(), batch.callerReference()))
                .split("\n")) {
            progress.info(line);
        }
    }

    static String distributions(List<String> distributionIds) {
        return noun(distributionIds) + " " + String.join(", ", distributionIds);
    }

    /** What the IDs name, in the singular or plural: distributions, or tenants when they all are. */
    static String noun(List<String> distributionIds) {
        boolean tenants = distributionIds.stream().allMatch(Target::isTenantId);
        return (tenants ? "distribution tenant" : "distribution") + (distributionIds.size() == 1 ? "" : "s");
    }

    static String count(int paths) {
        return paths == 1 ? "1 path" : paths + " paths";
    }
}
