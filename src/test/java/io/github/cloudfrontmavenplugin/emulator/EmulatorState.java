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
 * CloudFront's invalidation semantics, without HTTP: distributions, invalidations that turn from InProgress to
 * Completed after a delay, CallerReference idempotency, the per-distribution in-progress limits and path rules.
 */
final class EmulatorState {
    static final int MAX_PATHS_IN_PROGRESS = 3_000;
    static final int MAX_WILDCARDS_IN_PROGRESS = 15;
    static final int MAX_PATH_LENGTH = 4_000;
    private static final String ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /** A distribution and its invalidations, newest last. */
    static final class Distribution {
        final String id;
        final String domainName;
        final List<String> aliases;
        final Instant lastModified;
        final List<StoredInvalidation> invalidations = new ArrayList<>();

        Distribution(String id, String domainName, List<String> aliases, Instant lastModified) {
            this.id = id;
            this.domainName = domainName;
            this.aliases = List.copyOf(aliases);
            this.lastModified = lastModified;
        }
    }

    private final Map<String, Distribution> distributions = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, Set<String>> deniedActions = new ConcurrentHashMap<>();
    private final Map<String, Instant> firstReportedCompleted = new ConcurrentHashMap<>();
    private final Supplier<Instant> clock;
    private final Random random = new Random();
    private volatile Duration completionDelay;

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

    Distribution addDistribution(String id, List<String> aliases) {
        String domain = "d" + id.toLowerCase(java.util.Locale.ROOT) + ".cloudfront.net";
        Distribution distribution = new Distribution(id, domain, aliases, now());
        distributions.put(id, distribution);
        return distribution;
    }

    List<Distribution> distributions() {
        synchronized (distributions) {
            return List.copyOf(distributions.values());
        }
    }

    void deny(String action) {
        deniedActions
                .computeIfAbsent(action, a -> ConcurrentHashMap.newKeySet())
                .add("*");
    }

    void checkAllowed(String action, String resource) throws ApiError {
        if (deniedActions.containsKey(action)) {
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
    StoredInvalidation create(String distributionId, List<String> paths, String callerReference) throws ApiError {
        Distribution distribution = distribution(distributionId);
        validatePaths(paths);
        if (callerReference == null || callerReference.isBlank()) {
            throw new ApiError(400, "InvalidArgument", "CallerReference is required.");
        }
        synchronized (distribution) {
            for (StoredInvalidation earlier : distribution.invalidations) {
                if (earlier.callerReference().equals(callerReference)) {
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
            long wildcards = paths.stream().filter(p -> p.endsWith("*")).count();
            if (namedInProgress + paths.size() - wildcards > MAX_PATHS_IN_PROGRESS
                    || wildcardsInProgress + wildcards > MAX_WILDCARDS_IN_PROGRESS) {
                throw ApiError.tooManyInProgress();
            }
            StoredInvalidation created = new StoredInvalidation(
                    distributionId, newId('I'), List.copyOf(paths), callerReference, now, now.plus(completionDelay));
            distribution.invalidations.add(created);
            return created;
        }
    }

    StoredInvalidation get(String distributionId, String invalidationId) throws ApiError {
        Distribution distribution = distribution(distributionId);
        synchronized (distribution) {
            for (StoredInvalidation invalidation : distribution.invalidations) {
                if (invalidation.id().equals(invalidationId)) {
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
    List<StoredInvalidation> invalidationsNewestFirst(String distributionId) throws ApiError {
        Distribution distribution = distribution(distributionId);
        synchronized (distribution) {
            List<StoredInvalidation> newestFirst = new ArrayList<>(distribution.invalidations);
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
            if (!isValidPath(path)) {
                throw ApiError.invalidPaths();
            }
        }
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
