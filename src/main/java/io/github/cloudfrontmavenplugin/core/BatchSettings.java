package io.github.cloudfrontmavenplugin.core;

import io.github.cloudfrontmavenplugin.aws.ConnectionSettings;
import io.github.cloudfrontmavenplugin.base.TimeSource;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.batch.BatchFile;
import io.github.cloudfrontmavenplugin.batch.CallerReferences;
import io.github.cloudfrontmavenplugin.cloudfront.Target;
import io.github.cloudfrontmavenplugin.paths.CacheTag;
import io.github.cloudfrontmavenplugin.paths.InvalidationPaths;
import io.github.cloudfrontmavenplugin.plan.Budget;
import io.github.cloudfrontmavenplugin.plan.CoverPlanner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * The first step of every deploy: the invalidating part of each request of one batch, checked before anything is read
 * from a site or sent, and combined. Paths from the sites' changes are added later, by {@link PlanInvalidation}.
 *
 * @param explicitPaths the paths and cache tags the requests name themselves, normalised
 * @param source what the explicit paths came from, for messages
 * @param outputFiles where to write the invalidations as JSON
 * @param budget the strictest of the requests' budgets
 */
public record BatchSettings(
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
    static final String PATHS = "<paths> (cloudfront.paths)";
    static final String BATCH_FILE = "<invalidationBatch> (cloudfront.invalidationBatch)";
    static final String TAGS = "<tags> (cloudfront.tags)";

    public BatchSettings {
        distributionIds = List.copyOf(distributionIds);
        explicitPaths = List.copyOf(explicitPaths);
        outputFiles = List.copyOf(outputFiles);
    }

    /** One request, checked. */
    private record Checked(
            List<String> distributionIds, List<String> explicitPaths, String source, Optional<String> reference) {}

    /**
     * Checks each request and combines them: the modules of one reactor that name the same distributions through the
     * same connection share one batch, planned within the strictest of their budgets.
     *
     * @param environment the CI variables a generated CallerReference names
     */
    public static BatchSettings check(
            List<InvalidateRequest> requests,
            TimeSource time,
            Function<String, String> environment,
            RandomGenerator random)
            throws UserFixableException {
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
        return new BatchSettings(
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

    private static Checked check(InvalidateRequest request) throws UserFixableException {
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

    static UserFixableException allTenantsNeedsADistribution(String named) {
        return new UserFixableException("<allTenants> (cloudfront.allTenants) invalidates every tenant of one"
                + " multi-tenant distribution, but " + named + " is a distribution tenant. Set <distributionId>"
                + " (cloudfront.distributionId) to the distribution's ID, or leave <allTenants> false to invalidate"
                + " this tenant alone.");
    }
}
