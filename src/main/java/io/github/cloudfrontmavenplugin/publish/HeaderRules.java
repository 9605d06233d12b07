package io.github.cloudfrontmavenplugin.publish;

import io.github.cloudfrontmavenplugin.base.UserFixableException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The headers each file gets from the ordered {@code <rules>}: for each header, the first rule that matches the file
 * and sets it wins (for metadata, each name on its own); without one, {@code Content-Type} comes from
 * {@link ContentTypes}.
 */
public final class HeaderRules {
    /** The user metadata that holds the content's SHA-256, so that change detection survives multipart ETags. */
    public static final String SHA256_METADATA = "sha256";

    private final List<PublishRule> rules;
    private final String cacheTagHeader;

    private HeaderRules(List<PublishRule> rules, String cacheTagHeader) {
        this.rules = rules;
        this.cacheTagHeader = cacheTagHeader;
    }

    public static HeaderRules of(List<PublishRule> rules, String cacheTagHeader) throws UserFixableException {
        String tagHeader = cacheTagHeader == null || cacheTagHeader.isBlank()
                ? "cache-tag"
                : cacheTagHeader.strip().toLowerCase(Locale.ROOT);
        if (tagHeader.startsWith("x-amz-meta-")) {
            tagHeader = tagHeader.substring("x-amz-meta-".length());
        }
        checkName(tagHeader, "<cacheTagHeader> (cloudfront.cacheTagHeader)");
        for (PublishRule rule : rules) {
            for (String name : rule.metadata().keySet()) {
                checkName(name.toLowerCase(Locale.ROOT), "<metadata> of a <rule>");
            }
        }
        return new HeaderRules(List.copyOf(rules), tagHeader);
    }

    private static void checkName(String name, String where) throws UserFixableException {
        if (!name.matches("[a-z0-9][a-z0-9_-]*")) {
            throw new UserFixableException(where + " names the metadata '" + name + "'; S3 metadata names are"
                    + " letters, digits, '-' and '_', such as cache-tag (sent as x-amz-meta-cache-tag).");
        }
        if (name.equals(SHA256_METADATA)) {
            throw new UserFixableException(where + " names the metadata '" + SHA256_METADATA + "', which the plugin"
                    + " keeps for the content's hash; choose another name.");
        }
    }

    /** The headers of the file at {@code relativePath}, without the content hash. */
    public ObjectHeaders headersFor(String relativePath) {
        List<PublishRule> matching = new ArrayList<>();
        for (PublishRule rule : rules) {
            if (rule.files().matches(relativePath)) {
                matching.add(rule);
            }
        }
        Map<String, String> metadata = new HashMap<>();
        for (PublishRule rule : matching) {
            rule.metadata().forEach((name, value) -> metadata.putIfAbsent(name.toLowerCase(Locale.ROOT), value));
        }
        matching.stream()
                .filter(rule -> !rule.cacheTags().isEmpty())
                .findFirst()
                .ifPresent(rule -> metadata.putIfAbsent(cacheTagHeader, String.join(",", rule.cacheTags())));
        return new ObjectHeaders(
                first(matching, PublishRule::contentType).orElseGet(() -> ContentTypes.of(relativePath)),
                first(matching, PublishRule::cacheControl),
                first(matching, PublishRule::contentEncoding),
                first(matching, PublishRule::contentDisposition),
                metadata);
    }

    private static Optional<String> first(List<PublishRule> rules, Function<PublishRule, Optional<String>> header) {
        return rules.stream()
                .map(header)
                .flatMap(Optional::stream)
                .filter(value -> !value.isBlank())
                .findFirst();
    }
}
