package io.github.cloudfrontmavenplugin.core;

import io.github.cloudfrontmavenplugin.batch.BatchFile;
import io.github.cloudfrontmavenplugin.batch.CallerReferences;
import io.github.cloudfrontmavenplugin.cloudfront.CloudFrontInvalidations;
import io.github.cloudfrontmavenplugin.cloudfront.GrowingDelay;
import io.github.cloudfrontmavenplugin.cloudfront.InvalidationInfo;
import io.github.cloudfrontmavenplugin.cloudfront.InvalidationSubmitter;
import io.github.cloudfrontmavenplugin.cloudfront.TimeSource;
import io.github.cloudfrontmavenplugin.diff.DeployDiff;
import io.github.cloudfrontmavenplugin.paths.InvalidationPaths;
import io.github.cloudfrontmavenplugin.plan.Budget;
import io.github.cloudfrontmavenplugin.plan.CoverPlanner;
import io.github.cloudfrontmavenplugin.plan.Plan;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * {@code cloudfront:invalidate}: checks the request, builds the one batch, and submits it unless there is nothing to
 * send or it is a dry run; then optionally waits for it to complete.
 */
public final class Invalidate {
    private static final String PATHS = "<paths> (cloudfront.paths)";
    private static final String BATCH_FILE = "<invalidationBatch> (cloudfront.invalidationBatch)";

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

    /** The batch exactly as it is (or would be) sent. */
    public record Batch(String distributionId, List<String> paths, String callerReference) {
        public Batch {
            paths = List.copyOf(paths);
        }
    }

    /**
     * @return the invalidation as last seen, or empty when nothing was sent (no paths, or a dry run)
     */
    public Optional<InvalidationInfo> run(InvalidateRequest request) throws UserFixableException, InterruptedException {
        Checked checked = check(request);
        if (request.diff().isEmpty()) {
            return send(request, checked.plan(List.of(), Optional.empty(), request.budget()), null);
        }
        try (DeployDiff diff =
                DeployDiff.compute(request.diff().get(), Runtime.getRuntime().availableProcessors(), progress::warn)) {
            progress.info(diff.summary());
            Planned planned = checked.plan(diff.invalidationPaths(), diff.unchangedByUrlDirectory(), request.budget());
            return send(request, planned, diff);
        }
    }

    private Optional<InvalidationInfo> send(InvalidateRequest request, Planned planned, DeployDiff diff)
            throws UserFixableException, InterruptedException {
        Batch batch = planned.batch();
        if (batch.paths().isEmpty()) {
            progress.info("Nothing to invalidate on distribution " + batch.distributionId()
                    + (diff == null ? ": no paths were given." : ": nothing changed."));
            if (diff != null && !request.dryRun() && diff.manifestChanges()) {
                recordDeploy(diff);
            }
            return Optional.empty();
        }
        boolean compared = diff != null && diff.result().isPresent();
        if (planned.plan().collapsed() || compared || request.dryRun()) {
            reportPlan(planned);
        }
        if (request.dryRun()) {
            reportDryRun(batch);
            return Optional.empty();
        }
        try (CloudFrontInvalidations cloudFront = connector.connect(request.connection())) {
            String distributionId = resolve(cloudFront, batch.distributionId(), progress);
            InvalidationInfo created = new InvalidationSubmitter(
                            cloudFront, time, GrowingDelay.IN_PROGRESS_LIMIT, random, progress)
                    .submit(distributionId, batch.paths(), batch.callerReference(), request.inProgressRetryTimeout());
            progress.info("Created invalidation " + created.id() + " on distribution " + created.distributionId()
                    + " for " + count(created.paths().size()) + " (" + created.status() + ")");
            created.location().ifPresent(location -> progress.info("Location: " + location));
            progress.debug("CallerReference: " + created.callerReference());
            if (request.outputFile().isPresent()) {
                OutputFile.write(request.outputFile().get(), created);
            }
            if (diff != null) {
                try {
                    recordDeploy(diff);
                } catch (UserFixableException e) {
                    throw new UserFixableException(
                            "Invalidation " + created.id() + " was created, but: " + e.getMessage(), e);
                }
            }
            InvalidationInfo last = Waiting.await(cloudFront, created, request.waiting(), time, random, progress);
            if (request.outputFile().isPresent() && last != created) {
                OutputFile.write(request.outputFile().get(), withLocation(last, created));
            }
            return Optional.of(withLocation(last, created));
        }
    }

    /** The ID of the distribution {@code idOrDomain} names, looked up when it is a domain name. */
    static String resolve(CloudFrontInvalidations cloudFront, String idOrDomain, Progress progress)
            throws UserFixableException {
        if (DistributionIds.isId(idOrDomain)) {
            return idOrDomain;
        }
        String id = cloudFront.findDistribution(idOrDomain);
        progress.info("Distribution " + idOrDomain + " is " + id);
        return id;
    }

    private void recordDeploy(DeployDiff diff) throws UserFixableException {
        diff.commit();
        progress.info("Recorded this deploy in the manifest " + diff.manifestName());
    }

    /** The request, checked before any file is read or any call made; paths from a diff are added later. */
    private record Checked(String distributionId, List<String> explicitPaths, String source, String callerReference) {
        /** Fits the explicit paths and the diff's into one batch. */
        Planned plan(List<String> diffPaths, Optional<Map<String, Long>> unchanged, Budget budget)
                throws UserFixableException {
            List<String> all = new ArrayList<>(explicitPaths);
            all.addAll(diffPaths);
            String what = diffPaths.isEmpty()
                    ? source
                    : explicitPaths.isEmpty()
                            ? "the changes in <directory>"
                            : source + " with the changes in <directory>";
            List<String> paths = InvalidationPaths.normalised(all, what).asList();
            Plan plan = CoverPlanner.plan(paths, unchanged, budget);
            return new Planned(new Batch(distributionId, plan.paths(), callerReference), plan, paths.size());
        }
    }

    /** The batch, the plan that chose it, and how many paths it stands for. */
    private record Planned(Batch batch, Plan plan, int requested) {}

    private Checked check(InvalidateRequest request) throws UserFixableException {
        String distributionId = DistributionIds.require(request.distributionId());
        if (request.inProgressRetryTimeout().isNegative()) {
            throw new UserFixableException("<inProgressRetryTimeout> (cloudfront.inProgressRetryTimeout) is "
                    + request.inProgressRetryTimeout().toSeconds() + "; it is a number of seconds, 0 or more.");
        }
        boolean hasPaths = request.paths().stream().anyMatch(p -> p != null && !p.isBlank());
        Optional<String> configuredReference = request.callerReference().filter(r -> !r.isBlank());
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
        String reference = configuredReference
                .map(String::strip)
                .orElseGet(() -> CallerReferences.generate(request.referenceOrigin(), time.now(), environment, random));
        return new Checked(distributionId, paths.asList(), source, reference);
    }

    private void reportPlan(Planned planned) {
        Plan plan = planned.plan();
        String overInvalidated = plan.countKnown()
                ? plan.overInvalidated() + " unchanged objects invalidated too"
                : plan.collapsed()
                        ? "unchanged objects could not be counted (no manifest), so the narrowest wildcards that fit"
                                + " were chosen"
                        : "sent as they are";
        progress.info("Invalidation plan: " + count(plan.entries().size()) + " (" + plan.wildcards()
                + (plan.wildcards() == 1 ? " wildcard" : " wildcards") + ") for " + planned.requested()
                + (planned.requested() == 1 ? " path" : " paths") + "; " + overInvalidated);
        int width =
                plan.entries().stream().mapToInt(e -> e.path().length()).max().orElse(0);
        for (Plan.Entry entry : plan.entries()) {
            String covers = entry.wildcard()
                    ? "covers " + entry.changed() + " changed, "
                            + (entry.unchanged() < 0 ? "unknown" : Long.toString(entry.unchanged())) + " unchanged"
                    : "";
            progress.info(
                    "  " + String.format("%-" + width + "s", entry.path()) + (covers.isEmpty() ? "" : "  " + covers));
        }
        int paths = plan.entries().size();
        progress.info(String.format(
                java.util.Locale.ROOT,
                "Cost estimate: %s at USD 0.005 each beyond the account's 1,000 free paths a month: at most USD %.3f"
                        + " (nothing while the free paths last)",
                count(paths),
                paths * 0.005));
    }

    private void reportDryRun(Batch batch) {
        progress.info("Dry run: would invalidate " + count(batch.paths().size()) + " on distribution "
                + batch.distributionId() + "; nothing is sent to CloudFront. The batch:");
        for (String line : Json.write(InvalidationInfo.batchShape(batch.paths(), batch.callerReference()))
                .split("\n")) {
            progress.info(line);
        }
    }

    private static InvalidationInfo withLocation(InvalidationInfo last, InvalidationInfo created) {
        return new InvalidationInfo(
                last.distributionId(),
                last.id(),
                last.status(),
                last.createTime(),
                last.paths(),
                last.callerReference(),
                created.location());
    }

    static String count(int paths) {
        return paths == 1 ? "1 path" : paths + " paths";
    }
}
