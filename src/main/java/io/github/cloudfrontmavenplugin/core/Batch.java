package io.github.cloudfrontmavenplugin.core;

import java.util.List;

/** The one batch exactly as it is (or would be) sent to each distribution. */
public record Batch(List<String> distributionIds, List<String> paths, String callerReference) {
    public Batch {
        distributionIds = List.copyOf(distributionIds);
        paths = List.copyOf(paths);
    }

    /** {@code 1 path}, {@code 12 paths}. */
    static String count(int paths) {
        return paths == 1 ? "1 path" : paths + " paths";
    }
}
