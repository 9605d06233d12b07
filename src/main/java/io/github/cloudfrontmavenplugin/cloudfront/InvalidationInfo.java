package io.github.cloudfrontmavenplugin.cloudfront;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One invalidation as CloudFront reports it.
 *
 * @param target the distribution or distribution tenant it was created on
 */
public record InvalidationInfo(
        Target target,
        String id,
        String status,
        Instant createTime,
        List<String> paths,
        String callerReference,
        Optional<String> location) {

    private static final DateTimeFormatter CLI_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    public InvalidationInfo {
        paths = List.copyOf(paths);
    }

    /** The ID of the distribution or tenant it was created on, as the CLI's {@code --distribution-id}/{@code --id}. */
    public String distributionId() {
        return target.id();
    }

    /** Some emulators answer {@code COMPLETED}; CloudFront answers {@code Completed}. */
    public boolean isCompleted() {
        return "Completed".equalsIgnoreCase(status);
    }

    public InvalidationInfo withStatus(String newStatus) {
        return new InvalidationInfo(target, id, newStatus, createTime, paths, callerReference, location);
    }

    /** The shape {@code aws cloudfront create-invalidation} and {@code get-invalidation} print. */
    public Map<String, Object> toCliShape() {
        Map<String, Object> invalidation = new LinkedHashMap<>();
        invalidation.put("Id", id);
        invalidation.put("Status", status);
        invalidation.put("CreateTime", CLI_TIME.format(createTime));
        invalidation.put("InvalidationBatch", batchShape(paths, callerReference));
        Map<String, Object> shape = new LinkedHashMap<>();
        location.ifPresent(l -> shape.put("Location", l));
        shape.put("Invalidation", invalidation);
        return shape;
    }

    /** The shape of {@code --invalidation-batch}: what is sent to CloudFront. */
    public static Map<String, Object> batchShape(List<String> paths, String callerReference) {
        Map<String, Object> pathsShape = new LinkedHashMap<>();
        pathsShape.put("Quantity", paths.size());
        pathsShape.put("Items", paths);
        Map<String, Object> batch = new LinkedHashMap<>();
        batch.put("Paths", pathsShape);
        batch.put("CallerReference", callerReference);
        return batch;
    }
}
