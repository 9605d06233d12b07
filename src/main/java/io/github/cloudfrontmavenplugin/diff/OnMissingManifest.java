package io.github.cloudfrontmavenplugin.diff;

import io.github.cloudfrontmavenplugin.base.UserFixableException;
import java.util.Arrays;
import java.util.Locale;

/** What a deploy without a previous manifest invalidates. */
public enum OnMissingManifest {
    /** Everything under the path prefix: the cache may hold anything from before the plugin kept a manifest. */
    ALL,
    /** Nothing from the diff (explicit paths still are); the manifest starts from this deploy. */
    NONE,
    /** Fail the build: a missing manifest is a mistake here (a wrong location, a deleted object). */
    FAIL;

    public static OnMissingManifest parse(String value) throws UserFixableException {
        String name = value == null || value.isBlank() ? "all" : value.strip();
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserFixableException("<onMissingManifest> (cloudfront.onMissingManifest) is '" + value + "', but"
                    + " the only valid values are "
                    + Arrays.stream(values())
                            .map(v -> v.name().toLowerCase(Locale.ROOT))
                            .toList() + ".");
        }
    }
}
