package io.github.cloudfrontmavenplugin.publish;

import io.github.cloudfrontmavenplugin.diff.AntPatterns;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code <rule>}: the files it matches and the headers it gives them. Unset headers are left to later rules.
 *
 * @param cacheTags sent as the comma-separated user metadata that the distribution's cache tag configuration names
 */
public record PublishRule(
        AntPatterns files,
        Optional<String> cacheControl,
        Optional<String> contentType,
        Optional<String> contentEncoding,
        Optional<String> contentDisposition,
        Map<String, String> metadata,
        List<String> cacheTags) {
    public PublishRule {
        metadata = Map.copyOf(metadata);
        cacheTags = List.copyOf(cacheTags);
    }
}
