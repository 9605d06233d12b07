package io.github.cloudfrontmavenplugin.diff;

import io.github.cloudfrontmavenplugin.aws.ConnectionSettings;
import java.nio.file.Path;

/**
 * What {@code cloudfront:invalidate} compares, when it is given a {@code directory}.
 *
 * @param directory the built site
 * @param manifest where the last deploy's manifest lives: a file, or {@code s3://bucket/key}
 */
public record DiffSettings(
        Path directory,
        SiteUrls urls,
        AntPatterns filter,
        String manifest,
        OnMissingManifest onMissing,
        ConnectionSettings s3) {}
