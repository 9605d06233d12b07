package io.github.cloudfrontmavenplugin.history;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One deploy that changed a bucket, as the history keeps it: who ran it and from what, what it did, and the state of
 * every object it manages afterwards, so that a rollback can bring that state back.
 *
 * @param id sorts by time, as {@link DeployIds#next} makes it
 * @param host the machine it ran on, as the lock names it
 * @param user the user it ran as
 * @param ciJob the CI job's URL or ID, where a CI system tells it
 * @param project the build that deployed, as {@code groupId:artifactId:version}
 * @param commit the git commit the build was made from, where known
 * @param rolledBackTo for a rollback, the ID of the deploy whose state it restored
 * @param location {@code s3://bucket/prefix/}, which the objects' keys live under
 * @param invalidations each as {@code <distribution or tenant ID> <invalidation ID>}
 * @param objects by S3 key: the whole state of the bucket's managed keys after the deploy
 */
public record DeployRecord(
        String id,
        Instant started,
        Instant ended,
        String host,
        String user,
        Optional<String> ciJob,
        String project,
        Optional<String> commit,
        Optional<String> rolledBackTo,
        String location,
        Counts counts,
        List<String> invalidations,
        SortedMap<String, ObjectState> objects) {

    /** What a deploy did: objects uploaded, headers updated in place, deleted, left alone, and the bytes it sent. */
    public record Counts(int uploaded, int headersUpdated, int deleted, long unchanged, long bytes) {}

    public DeployRecord {
        invalidations = List.copyOf(invalidations);
        objects = Collections.unmodifiableSortedMap(new TreeMap<>(objects));
    }
}
