package io.github.cloudfrontmavenplugin.diff;

import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.paths.InvalidPathException;
import io.github.cloudfrontmavenplugin.paths.InvalidationPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Maps files of the site to the URL paths CloudFront caches them under: the path prefix, then the file's path,
 * encoded. A changed index document also stands for its directory, which CloudFront caches under two more keys,
 * {@code /dir/} and {@code /dir}.
 *
 * @param prefix where the site root is served, starting and ending with {@code /}
 * @param indexDocument the file a directory URL serves, such as {@code index.html}; empty when that is off
 */
public record SiteUrls(String prefix, Optional<String> indexDocument) {
    static final String PREFIX_PARAMETER = "<pathPrefix> (cloudfront.pathPrefix)";

    public static SiteUrls of(String pathPrefix, String indexDocument) throws UserFixableException {
        String prefix = pathPrefix == null || pathPrefix.isBlank() ? "/" : pathPrefix.strip();
        if (prefix.contains("*") || prefix.contains("?") || prefix.contains("#")) {
            throw new UserFixableException(PREFIX_PARAMETER + " is '" + pathPrefix + "'; it is the URL path the"
                    + " directory is served under, such as / or /docs/, without wildcards or query strings.");
        }
        prefix = (prefix.startsWith("/") ? "" : "/") + prefix + (prefix.endsWith("/") ? "" : "/");
        Optional<String> index = indexDocument == null
                        || indexDocument.isBlank()
                        || indexDocument.strip().equalsIgnoreCase("none")
                ? Optional.empty()
                : Optional.of(indexDocument.strip());
        if (index.isPresent() && index.get().contains("/")) {
            throw new UserFixableException("<indexDocument> (cloudfront.indexDocument) is '" + indexDocument + "'; it"
                    + " is a file name such as index.html, or none to turn the directory aliases off.");
        }
        return new SiteUrls(prefix, index);
    }

    /** The invalidation paths for changed files, with the aliases of changed index documents. */
    public List<String> pathsOf(List<String> changedFiles) throws UserFixableException {
        List<String> paths = new ArrayList<>(changedFiles.size() + 8);
        for (String file : changedFiles) {
            paths.add(encode(prefix + file));
            Optional<String> directory = indexedDirectory(file);
            if (directory.isPresent()) {
                String slashed = prefix + directory.get();
                paths.add(encode(slashed));
                if (slashed.length() > 1) {
                    paths.add(encode(slashed.substring(0, slashed.length() - 1)));
                }
            }
        }
        return paths;
    }

    /** The encoded URL prefix of a directory of the site ({@code ""} for its root, {@code docs/} ...). */
    public String directoryPrefix(String relativeDirectory) throws UserFixableException {
        return encode(prefix + relativeDirectory);
    }

    /** Everything the site can have put in the cache: for a first deploy, when no manifest says what was there. */
    public List<String> everything() throws UserFixableException {
        List<String> paths = new ArrayList<>();
        paths.add(encode(prefix) + "*");
        if (prefix.length() > 1 && indexDocument.isPresent()) {
            paths.add(encode(prefix.substring(0, prefix.length() - 1)));
        }
        return paths;
    }

    /** For {@code docs/index.html}, {@code docs/}; for {@code index.html}, the root. */
    private Optional<String> indexedDirectory(String file) {
        if (indexDocument.isEmpty()) {
            return Optional.empty();
        }
        String index = indexDocument.get();
        if (file.equals(index)) {
            return Optional.of("");
        }
        return file.endsWith("/" + index)
                ? Optional.of(file.substring(0, file.length() - index.length()))
                : Optional.empty();
    }

    private static String encode(String urlPath) throws UserFixableException {
        try {
            return InvalidationPath.encodeLiteral(urlPath);
        } catch (InvalidPathException e) {
            throw new UserFixableException("A file of the site cannot be invalidated: " + e.getMessage() + ".", e);
        }
    }
}
