package io.github.cloudfrontmavenplugin.emulator;

import java.time.Instant;
import java.util.List;

/** An invalidation as the emulator stores it; its status follows from the clock. */
public record StoredInvalidation(
        String distributionId,
        String id,
        List<String> paths,
        String callerReference,
        Instant createTime,
        Instant completesAt) {

    public StoredInvalidation {
        paths = List.copyOf(paths);
    }

    public String status(Instant now) {
        return now.isBefore(completesAt) ? "InProgress" : "Completed";
    }

    long wildcards() {
        return paths.stream().filter(p -> p.endsWith("*")).count();
    }
}
