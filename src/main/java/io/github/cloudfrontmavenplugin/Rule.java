package io.github.cloudfrontmavenplugin;

import io.github.cloudfrontmavenplugin.diff.AntPatterns;
import io.github.cloudfrontmavenplugin.publish.PublishRule;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code <rule>} of {@code cloudfront:sync}: the files it matches ({@code <includes>}, {@code <excludes>}, Ant
 * patterns relative to the site) and the headers it gives them. For each header, the first rule that matches a file
 * and sets it wins.
 */
public class Rule {
    /** The files the rule applies to, such as {@code assets/**}; all files without it. */
    private List<String> includes;

    /** Files the rule leaves to later rules, such as {@code **}{@code /*.html}. */
    private List<String> excludes;

    /** {@code Cache-Control}, such as {@code public, max-age=31536000, immutable} or {@code no-cache}. */
    private String cacheControl;

    /** {@code Content-Type}; without it the type comes from the file name. */
    private String contentType;

    /** {@code Content-Encoding}, such as {@code gzip} for files stored compressed. */
    private String contentEncoding;

    /** {@code Content-Disposition}, such as {@code attachment}. */
    private String contentDisposition;

    /** User metadata, sent as {@code x-amz-meta-<name>}: {@code <metadata><team>web</team></metadata>}. */
    private Map<String, String> metadata;

    /** Cache tags, sent comma-separated in the metadata that {@code cacheTagHeader} names. */
    private List<String> cacheTags;

    PublishRule toPublishRule() {
        return new PublishRule(
                AntPatterns.of(includes, excludes),
                text(cacheControl),
                text(contentType),
                text(contentEncoding),
                text(contentDisposition),
                metadata == null ? Map.of() : metadata,
                cacheTags == null
                        ? List.of()
                        : cacheTags.stream()
                                .filter(t -> t != null && !t.isBlank())
                                .map(String::strip)
                                .toList());
    }

    private static Optional<String> text(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
