package io.github.cloudfrontmavenplugin.paths;

import io.github.cloudfrontmavenplugin.core.UserFixableException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The normalised, de-duplicated paths of one invalidation batch, in the order they were given, checked against the
 * limits CloudFront enforces on what may be in progress at once.
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

    /** Normalised and de-duplicated, without CloudFront's limits on one batch: for the planner to fit. */
    public static InvalidationPaths normalised(Collection<String> rawPaths, String source) throws UserFixableException {
        Set<String> unique = new LinkedHashSet<>();
        for (String raw : rawPaths) {
            if (raw == null || raw.isBlank()) {
                continue;
            }
            try {
                unique.add(InvalidationPath.normalise(raw));
            } catch (InvalidPathException e) {
                throw new UserFixableException("Invalid path in " + source + ": " + e.getMessage() + ".", e);
            }
        }
        return new InvalidationPaths(new ArrayList<>(unique));
    }

    private void checkLimits(String source) throws UserFixableException {
        if (paths.size() > MAX_PATHS) {
            throw new UserFixableException(source + " lists " + paths.size() + " distinct paths; one CloudFront"
                    + " invalidation holds at most " + MAX_PATHS + ". Replace groups of paths with a wildcard such"
                    + " as '/docs/*'.");
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

    public int size() {
        return paths.size();
    }

    public boolean isEmpty() {
        return paths.isEmpty();
    }
}
