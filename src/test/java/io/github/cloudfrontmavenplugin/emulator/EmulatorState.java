package io.github.cloudfrontmavenplugin.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * CloudFront's invalidation semantics, without HTTP: distributions, multi-tenant distributions and their tenants,
 * invalidations that turn from InProgress to Completed after a delay, CallerReference idempotency, the in-progress
 * limits (shared by a multi-tenant distribution's tenants, the stricter reading), path and cache tag rules.
 */
final class EmulatorState {
    static final int MAX_PATHS_IN_PROGRESS = 3_000;
    static final int MAX_WILDCARDS_IN_PROGRESS = 15;
    static final int MAX_PATH_LENGTH = 4_000;
    static final int MAX_TAG_LENGTH = 256;
    private static final String ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /**
     * A distribution and its invalidations, newest last; for a multi-tenant one, its tenants' invalidations, which
     * share its in-progress limits.
     */
    static final class Distribution {
        final String id;
        final String domainName;
        final List<String> aliases;
        final Instant lastModified;
        final boolean multiTenant;
        final List<StoredInvalidation> invalidations = new ArrayList<>();

        Distribution(String id, String domainName, List<String> aliases, Instant lastModified, boolean multiTenant) {
            this.id = id;
            this.domainName = domainName;
            this.aliases = List.copyOf(aliases);
            this.lastModified = lastModified;
            this.multiTenant = multiTenant;
        }
    }

    /** A distribution tenant of a multi-tenant distribution, with its own domains. */
    record Tenant(String id, String distributionId, String name, List<String> domains, Instant created) {}

    /** What an invalidation is created on: a distribution ID, or a tenant ID when {@code tenant}. */
    record Target(String id, boolean tenant) {}

    private final Map<String, Distribution> distributions = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, Tenant> tenants = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, Set<String>> deniedActions = new ConcurrentHashMap<>();
    private final Map<String, Instant> firstReportedCompleted = new ConcurrentHashMap<>();
    private final Supplier<Instant> clock;
    private final Random random = new Random();
    private volatile Duration completionDelay;
    private volatile int completesOnRead;
    private final Map<String, Integer> reads = new ConcurrentHashMap<>();

    EmulatorState(Supplier<Instant> clock, Duration completionDelay) {
        this.clock = clock;
        this.completionDelay = completionDelay;
    }

    Instant now() {
        return clock.get();
    }

    void setCompletionDelay(Duration delay) {
        completionDelay = delay;
    }

    void setCompletesOnRead(int read) {
        completesOnRead = read;
    }

    /** The status one read of the invalidation answers: by the clock, or by how often it was read. */
    String statusOnRead(StoredInvalidation invalidation) {
        if (completesOnRead <= 0) {
            return invalidation.status(now());
        }
        return reads.merge(invalidation.id(), 1, Integer::sum) >= completesOnRead ? "Completed" : "InProgress";
    }

    Distribution addDistribution(String id, List<String> aliases) {
        return addDistribution(id, aliases, false);
    }

    Distribution addDistribution(String id, List<String> aliases, boolean multiTenant) {
        String domain = "d" + id.toLowerCase(java.util.Locale.ROOT) + ".cloudfront.net";
        Distribution distribution = new Distribution(id, domain, aliases, now(), multiTenant);
        distributions.put(id, distribution);
        return distribution;
    }

    Tenant addTenant(String id, String distributionId, List<String> domains) {
        Distribution distribution = distributions.get(distributionId);
        if (distribution == null || !distribution.multiTenant) {
            throw new IllegalArgumentException(distributionId + " is not a multi-tenant distribution of this emulator");
        }
        Tenant tenant = new Tenant(
                id, distributionId, "tenant-" + id.substring(3).toLowerCase(java.util.Locale.ROOT), domains, now());
        tenants.put(id, tenant);
        return tenant;
    }

    List<Tenant> tenants() {
        synchronized (tenants) {
            return List.copyOf(tenants.values());
        }
    }

    /** The tenant with this ID, name or ARN, as GetDistributionTenant takes it. */
    Tenant tenant(String identifier) throws ApiError {
        for (Tenant tenant : tenants()) {
            if (tenant.id().equals(identifier)
                    || tenant.name().equals(identifier)
                    || tenantArn(tenant.id()).equals(identifier)) {
                return tenant;
            }
        }
        throw ApiError.entityNotFound();
    }

    Tenant tenantByDomain(String domain) throws ApiError {
        for (Tenant tenant : tenants()) {
            if (tenant.domains().stream().anyMatch(d -> d.equalsIgnoreCase(domain))) {
                return tenant;
            }
        }
        throw ApiError.entityNotFound();
    }

    /** The tenants of a multi-tenant distribution; EntityNotFound for a distribution that does not exist. */
    List<Tenant> tenantsOf(String distributionId) throws ApiError {
        if (!distributions.containsKey(distributionId)) {
            throw ApiError.entityNotFound();
        }
        return tenants().stream()
                .filter(t -> t.distributionId().equals(distributionId))
                .toList();
    }

    static String arn(String distributionId) {
        return "arn:aws:cloudfront::123456789012:distribution/" + distributionId;
    }

    static String tenantArn(String tenantId) {
        return "arn:aws:cloudfront::123456789012:distribution-tenant/" + tenantId;
    }

    static String arn(Target target) {
        return target.tenant() ? tenantArn(target.id()) : arn(target.id());
    }

    /**
     * The distribution whose invalidations (and limits) hold the target's: the tenant's multi-tenant distribution, or
     * the distribution itself, which CloudFront does not know as a target when it is multi-tenant.
     */
    private Distribution owner(Target target) throws ApiError {
        if (target.tenant()) {
            Tenant tenant = tenants.get(target.id());
            if (tenant == null) {
                throw ApiError.entityNotFound();
            }
            return distribution(tenant.distributionId());
        }
        Distribution distribution = distribution(target.id());
        if (distribution.multiTenant) {
            throw ApiError.noSuchDistribution();
        }
        return distribution;
    }

    List<Distribution> distributions() {
        synchronized (distributions) {
            return List.copyOf(distributions.values());
        }
    }

    void deny(String action) {
        deny(action, "*");
    }

    /** Denies {@code action} on one resource (an ARN) only, or on every resource with {@code *}. */
    void deny(String action, String resource) {
        deniedActions
                .computeIfAbsent(action, a -> ConcurrentHashMap.newKeySet())
                .add(resource);
    }

    void checkAllowed(String action, String resource) throws ApiError {
        Set<String> denied = deniedActions.getOrDefault(action, Set.of());
        if (denied.contains("*") || denied.contains(resource)) {
            throw ApiError.accessDenied(action, resource);
        }
    }

    Distribution distribution(String id) throws ApiError {
        Distribution distribution = distributions.get(id);
        if (distribution == null) {
            throw ApiError.noSuchDistribution();
        }
        return distribution;
    }

    /** @return the new invalidation, or the earlier one for a repeated CallerReference with the same paths */
    StoredInvalidation create(Target target, List<String> paths, String callerReference) throws ApiError {
        Distribution distribution = owner(target);
        validatePaths(paths);
        if (callerReference == null || callerReference.isBlank()) {
            throw new ApiError(400, "InvalidArgument", "CallerReference is required.");
        }
        synchronized (distribution) {
            for (StoredInvalidation earlier : distribution.invalidations) {
                if (earlier.distributionId().equals(target.id())
                        && earlier.callerReference().equals(callerReference)) {
                    if (earlier.paths().equals(paths)) {
                        return earlier;
                    }
                    throw ApiError.reusedCallerReference();
                }
            }
            Instant now = now();
            long namedInProgress = 0;
            long wildcardsInProgress = 0;
            for (StoredInvalidation running : distribution.invalidations) {
                if ("InProgress".equals(running.status(now))) {
                    namedInProgress += running.paths().size() - running.wildcards();
                    wildcardsInProgress += running.wildcards();
                }
            }
            // A cache tag counts as one named path: it never ends with '*'.
            long wildcards = paths.stream().filter(p -> p.endsWith("*")).count();
            if (namedInProgress + paths.size() - wildcards > MAX_PATHS_IN_PROGRESS
                    || wildcardsInProgress + wildcards > MAX_WILDCARDS_IN_PROGRESS) {
                throw ApiError.tooManyInProgress();
            }
            StoredInvalidation created = new StoredInvalidation(
                    target.id(), newId('I'), List.copyOf(paths), callerReference, now, now.plus(completionDelay));
            distribution.invalidations.add(created);
            return created;
        }
    }

    StoredInvalidation get(Target target, String invalidationId) throws ApiError {
        Distribution distribution = owner(target);
        synchronized (distribution) {
            for (StoredInvalidation invalidation : distribution.invalidations) {
                if (invalidation.distributionId().equals(target.id())
                        && invalidation.id().equals(invalidationId)) {
                    return invalidation;
                }
            }
        }
        throw ApiError.noSuchInvalidation();
    }

    /** Notes when a client was first told an invalidation is Completed, to measure how late clients notice. */
    void reported(StoredInvalidation invalidation, String status) {
        if ("Completed".equals(status)) {
            firstReportedCompleted.putIfAbsent(invalidation.id(), now());
        }
    }

    Optional<Instant> firstReportedCompleted(String invalidationId) {
        return Optional.ofNullable(firstReportedCompleted.get(invalidationId));
    }

    /** Newest first, as CloudFront lists them. */
    List<StoredInvalidation> invalidationsNewestFirst(Target target) throws ApiError {
        Distribution distribution = owner(target);
        synchronized (distribution) {
            List<StoredInvalidation> newestFirst = new ArrayList<>(distribution.invalidations.stream()
                    .filter(i -> i.distributionId().equals(target.id()))
                    .toList());
            Collections.reverse(newestFirst);
            return newestFirst;
        }
    }

    List<StoredInvalidation> allInvalidations() {
        List<StoredInvalidation> all = new ArrayList<>();
        for (Distribution distribution : distributions()) {
            synchronized (distribution) {
                all.addAll(distribution.invalidations);
            }
        }
        return all;
    }

    long inProgressCount(Distribution distribution) {
        Instant now = now();
        synchronized (distribution) {
            return distribution.invalidations.stream()
                    .filter(i -> "InProgress".equals(i.status(now)))
                    .count();
        }
    }

    private static void validatePaths(List<String> paths) throws ApiError {
        if (paths.isEmpty()) {
            throw ApiError.invalidPaths();
        }
        if (paths.size() > MAX_PATHS_IN_PROGRESS) {
            throw ApiError.batchTooLarge();
        }
        for (String path : paths) {
            if (!(isValidPath(path) || isValidTag(path))) {
                throw ApiError.invalidPaths();
            }
        }
    }

    /**
     * A cache tag: '#', then 1 to 256 characters, each ASCII 33 to 126 but for the comma (it separates tags in the
     * header) and '*' (tags have no wildcards).
     */
    static boolean isValidTag(String item) {
        if (item == null || !item.startsWith("#")) {
            return false;
        }
        String tag = item.substring(1);
        return !tag.isEmpty()
                && tag.length() <= MAX_TAG_LENGTH
                && tag.chars().allMatch(c -> c >= 33 && c <= 126 && c != ',' && c != '*');
    }

    /**
     * A path starts with '/', is at most 4,000 characters, has '*' only at its end, and is URL-encoded: raw spaces,
     * control and non-ASCII characters are refused.
     */
    static boolean isValidPath(String path) {
        if (path == null || !path.startsWith("/") || path.length() > MAX_PATH_LENGTH) {
            return false;
        }
        int star = path.indexOf('*');
        if (star >= 0 && star != path.length() - 1) {
            return false;
        }
        return path.chars().allMatch(c -> c > 0x20 && c < 0x7F);
    }

    private String newId(char first) {
        StringBuilder id = new StringBuilder().append(first);
        synchronized (random) {
            for (int i = 0; i < 13; i++) {
                id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
            }
        }
        return id.toString();
    }
}
