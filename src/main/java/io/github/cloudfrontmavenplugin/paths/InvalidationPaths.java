package io.github.cloudfrontmavenplugin.paths;

import io.github.cloudfrontmavenplugin.base.UserFixableException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The normalised, de-duplicated items of one invalidation batch, in the order they were given, checked against the
 * limits CloudFront enforces on what may be in progress at once. An item is a path ({@code /index.html}, {@code /img/*})
 * or a {@link CacheTag} ({@code #product:tv}); a tag counts as one path, never as a wildcard.
 */
public final class InvalidationPaths {
    /** CloudFront's limit on individually named paths in progress per distribution. */
    public static final int MAX_PATHS = 3_000;
    /** CloudFront's limit on wildcard paths in progress per distribution. */
    public static final int MAX_WILDCARDS = 15;

    private final List<String> paths;

    private InvalidationPaths(List<String> paths) {
        this.paths = List.copyOf(paths);
    }

    /**
     * @param rawPaths the paths as the user wrote them; blank entries are ignored
     * @param source what the user set them with, for messages, such as {@code <paths> (cloudfront.paths)}
     */
    public static InvalidationPaths of(Collection<String> rawPaths, String source) throws UserFixableException {
        InvalidationPaths paths = normalised(rawPaths, source);
        paths.checkLimits(source);
        return paths;
    }

    /**
     * Normalised, de-duplicated, and without the paths a wildcard of the same batch already covers (CloudFront
     * charges for each path sent), but without CloudFront's limits on one batch: for the planner to fit.
     */
    public static InvalidationPaths normalised(Collection<String> rawPaths, String source) throws UserFixableException {
        // Keyed by what CloudFront tells apart: paths by their case, tags without it (the first spelling is kept).
        Map<String, String> unique = new LinkedHashMap<>();
        for (String raw : rawPaths) {
            if (raw == null || raw.isBlank()) {
                continue;
            }
            boolean tag = CacheTag.isTag(raw.strip());
            try {
                String item = tag ? CacheTag.check(raw) : InvalidationPath.normalise(raw);
                unique.putIfAbsent(tag ? CacheTag.identity(item) : item, item);
            } catch (InvalidPathException e) {
                throw new UserFixableException(
                        (tag ? "Invalid cache tag in " : "Invalid path in ") + source + ": " + e.getMessage() + ".", e);
            }
        }
        return new InvalidationPaths(withoutCovered(unique.values()));
    }

    /**
     * Drops every path that starts with the prefix of another path's wildcard ({@code /docs/*} covers
     * {@code /docs/a.html} and {@code /docs/img/*}, not {@code /docs}).
     */
    private static List<String> withoutCovered(Collection<String> paths) {
        TreeSet<String> prefixes = new TreeSet<>();
        for (String path : paths) {
            if (InvalidationPath.isWildcard(path)) {
                prefixes.add(path.substring(0, path.length() - 1));
            }
        }
        // Keeping only the shortest of nested prefixes leaves a prefix-free set, where the greatest prefix not
        // after a path is the only one that can cover it.
        TreeSet<String> outermost = new TreeSet<>();
        for (String prefix : prefixes) {
            String floor = outermost.floor(prefix);
            if (floor == null || !prefix.startsWith(floor)) {
                outermost.add(prefix);
            }
        }
        List<String> kept = new ArrayList<>();
        for (String path : paths) {
            if (CacheTag.isTag(path)) {
                kept.add(path);
                continue;
            }
            String candidate = outermost.floor(path);
            boolean covered = candidate != null
                    && path.startsWith(candidate)
                    && !(InvalidationPath.isWildcard(path) && path.length() == candidate.length() + 1);
            if (!covered) {
                kept.add(path);
            }
        }
        return kept;
    }

    private void checkLimits(String source) throws UserFixableException {
        if (paths.size() > MAX_PATHS) {
            throw new UserFixableException(source + " lists " + paths.size() + " distinct paths and cache tags; one"
                    + " CloudFront invalidation holds at most " + MAX_PATHS + " (a tag counts as a path). Replace"
                    + " groups of paths with a wildcard such as '/docs/*'.");
        }
        long wildcards = paths.stream().filter(InvalidationPath::isWildcard).count();
        if (wildcards > MAX_WILDCARDS) {
            throw new UserFixableException(source + " lists " + wildcards + " wildcard paths; CloudFront allows at"
                    + " most " + MAX_WILDCARDS + " wildcard paths in progress per distribution. Use fewer,"
                    + " broader wildcards such as '/docs/*'.");
        }
    }

    public List<String> asList() {
        return paths;
    }

    /** The cache tags among the items, in their order. */
    public List<String> tags() {
        return paths.stream().filter(CacheTag::isTag).toList();
    }

    public int size() {
        return paths.size();
    }

    public boolean isEmpty() {
        return paths.isEmpty();
    }
}
