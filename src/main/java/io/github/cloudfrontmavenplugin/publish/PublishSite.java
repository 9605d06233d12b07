package io.github.cloudfrontmavenplugin.publish;

import io.github.cloudfrontmavenplugin.base.Progress;
import io.github.cloudfrontmavenplugin.base.Sizes;
import io.github.cloudfrontmavenplugin.base.TimeSource;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.base.WriteCheck;
import io.github.cloudfrontmavenplugin.diff.ManifestStore;
import io.github.cloudfrontmavenplugin.history.ObjectState;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A sync's step that carries out the plan of {@link PlanUploads} on the bucket (unless it is a dry run) and records what
 * was put, so that the next sync can vouch for those objects without reading their headers. It returns what changed, so
 * that the one invalidation that follows covers it. A failed write stops every write that depends on it, and fails the
 * step once the others finished.
 */
public final class PublishSite {
    /** How many results a failure message lists before it says how many more. */
    private static final int LISTED_FAILURES = 20;

    /**
     * What one publish did.
     *
     * @param restored a rollback's copies of kept versions
     * @param objects the state of every object the sync manages after it, by key, with the version IDs S3 gave the
     *     objects it wrote (unchanged objects have none here: the history knows them); empty for a dry run
     * @param unversionedWrites how many objects it wrote without S3 giving them a version ID: the bucket has no
     *     versioning, so the objects they replaced are gone
     */
    public record Published(
            String location,
            List<String> changedPaths,
            int uploaded,
            long bytes,
            int headersUpdated,
            int deleted,
            long unchanged,
            int restored,
            SortedMap<String, ObjectState> objects,
            int unversionedWrites) {
        public Published {
            objects = Collections.unmodifiableSortedMap(new TreeMap<>(objects));
        }

        /** What a publish did, without the state it left. */
        public Published(
                String location,
                List<String> changedPaths,
                int uploaded,
                long bytes,
                int headersUpdated,
                int deleted,
                long unchanged) {
            this(location, changedPaths, uploaded, bytes, headersUpdated, deleted, unchanged, 0, new TreeMap<>(), 0);
        }

        /** Whether it changed the bucket: wrote, restored or deleted an object. */
        public boolean changedAnything() {
            return uploaded + headersUpdated + deleted + restored > 0;
        }
    }

    private final Progress progress;
    private final TimeSource time;
    private final WriteCheck locks;

    public PublishSite(Progress progress, TimeSource time) {
        this(progress, time, WriteCheck.NONE);
    }

    /** @param locks asked before each phase of writes: a deploy that lost its lock stops before its next change */
    public PublishSite(Progress progress, TimeSource time, WriteCheck locks) {
        this.progress = progress;
        this.time = time;
        this.locks = locks;
    }

    public Published run(PlanUploads.Planned planned) throws UserFixableException, InterruptedException {
        UploadPlan plan = planned.plan;
        BucketReading.Read read = planned.read;
        int restores = plan.count(UploadPlan.Kind.RESTORE);
        if (planned.dryRun) {
            return published(
                    plan,
                    plan.count(UploadPlan.Kind.PUT),
                    plan.count(UploadPlan.Kind.COPY),
                    plan.bytesToSend(),
                    plan.deletes().size(),
                    restores,
                    new TreeMap<>(),
                    0);
        }
        PlanExecution.Result result =
                new PlanExecution(read.bucket(), planned.concurrency, progress, time, locks).run(plan);
        Map<String, PublishedObjects.Entry> after = writeRecord(read, plan, result);
        if (!result.failures().isEmpty()) {
            throw failed(plan.location(), result);
        }
        // Without a failure every write of the plan was made, its restores among the copies.
        return published(
                plan,
                result.puts(),
                result.copies() - restores,
                result.bytes(),
                result.deleted().size(),
                restores,
                state(after, plan, read.listing(), result.versionIds()),
                result.written().size() - result.versionIds().size());
    }

    /**
     * The one line a sync ends with: {@code Uploaded 31 files (2.4 MiB), deleted 2, 9,969 unchanged; invalidated 12
     * paths}.
     */
    public static String summary(List<Published> published, int invalidated, boolean dryRun) {
        int uploaded = published.stream().mapToInt(Published::uploaded).sum();
        long bytes = published.stream().mapToLong(Published::bytes).sum();
        int headers = published.stream().mapToInt(Published::headersUpdated).sum();
        int deleted = published.stream().mapToInt(Published::deleted).sum();
        long unchanged = published.stream().mapToLong(Published::unchanged).sum();
        int restored = published.stream().mapToInt(Published::restored).sum();
        String paths = Sizes.count(invalidated) + (invalidated == 1 ? " path" : " paths");
        // A rollback sends no bytes: its line starts with what it restored.
        String written = restored > 0 && uploaded == 0 && headers == 0
                ? (dryRun ? "Dry run: would restore " : "Restored ") + Sizes.count(restored)
                        + " from their kept versions"
                : (dryRun ? "Dry run: would upload " : "Uploaded ") + Sizes.files(uploaded) + " (" + Sizes.bytes(bytes)
                        + ")"
                        + (headers > 0
                                ? (dryRun ? ", update" : ", updated") + " the headers of " + Sizes.count(headers)
                                : "")
                        + (restored > 0
                                ? (dryRun ? ", restore " : ", restored ") + Sizes.count(restored)
                                        + " from their kept versions"
                                : "");
        return written + ", " + (dryRun ? "delete " : "deleted ") + Sizes.count(deleted) + ", " + Sizes.count(unchanged)
                + " unchanged; " + (dryRun ? "would invalidate " : "invalidated ") + paths;
    }

    private static Published published(
            UploadPlan plan,
            int puts,
            int copies,
            long bytes,
            int deleted,
            int restores,
            SortedMap<String, ObjectState> objects,
            int unversionedWrites) {
        return new Published(
                plan.location().toString(),
                plan.changedPaths(),
                puts,
                bytes,
                copies,
                deleted,
                plan.unchanged().size(),
                restores,
                objects,
                unversionedWrites);
    }

    /** The record's entries with each object's size (as written, else as listed) and the version IDs S3 gave. */
    private static SortedMap<String, ObjectState> state(
            Map<String, PublishedObjects.Entry> entries,
            UploadPlan plan,
            Map<String, RemoteObject> listing,
            Map<String, String> versionIds) {
        Map<String, Long> written = new HashMap<>();
        plan.uploads().forEach(upload -> written.put(upload.key(), upload.size()));
        SortedMap<String, ObjectState> state = new TreeMap<>();
        entries.forEach((key, entry) -> {
            Long size = written.get(key);
            if (size == null) {
                RemoteObject listed = listing.get(key);
                size = listed == null ? 0L : listed.size();
            }
            state.put(
                    key,
                    new ObjectState(
                            entry.etag(),
                            entry.sha256(),
                            size,
                            entry.headers(),
                            Optional.ofNullable(versionIds.get(key))));
        });
        return state;
    }

    /**
     * Keeps what is known of every object still there: unchanged, written, or as before where a write failed.
     *
     * @return the record's entries, as written or not
     */
    private Map<String, PublishedObjects.Entry> writeRecord(
            BucketReading.Read read, UploadPlan plan, PlanExecution.Result result) {
        ManifestStore store = read.recordStore();
        PublishedObjects previous = read.record();
        Map<String, RemoteObject> listing = read.listing();
        Map<String, PublishedObjects.Entry> entries = new HashMap<>();
        previous.entries().forEach((key, entry) -> {
            if (listing.containsKey(key)) {
                entries.put(key, entry);
            }
        });
        entries.putAll(plan.unchanged());
        entries.putAll(result.written());
        result.deleted().forEach(entries::remove);
        if (entries.equals(previous.entries())) {
            return entries;
        }
        try {
            locks.beforeWrite("recording the published objects in " + store.describe());
            Path next = read.work().resolve("objects.next");
            new PublishedObjects(entries).write(next);
            store.replace(read.recordSnapshot(), next);
        } catch (IOException | UserFixableException e) {
            // The record only saves HeadObjects: without it the next sync looks closer, and decides the same.
            progress.warn("Could not record the published objects in " + store.describe() + " (" + e.getMessage()
                    + "); the next sync reads the headers of the objects it cannot vouch for.");
        }
        return entries;
    }

    private static UserFixableException failed(BucketLocation location, PlanExecution.Result result) {
        StringBuilder message = new StringBuilder("Publishing to " + location + " failed for "
                + Sizes.count(result.failures().size()) + (result.failures().size() == 1 ? " object" : " objects")
                + " (after the client's retries; the other writes finished):");
        result.failures().entrySet().stream()
                .limit(LISTED_FAILURES)
                .forEach(f ->
                        message.append("\n  ").append(f.getKey()).append(": ").append(f.getValue()));
        if (result.failures().size() > LISTED_FAILURES) {
            message.append("\n  and ")
                    .append(result.failures().size() - LISTED_FAILURES)
                    .append(" more");
        }
        int written = result.puts() + result.copies();
        message.append("\n").append(Sizes.files(written)).append(written == 1 ? " was written" : " were written");
        if (result.notStarted() > 0) {
            message.append("; ")
                    .append(Sizes.count(result.notStarted()))
                    .append(" later writes and deletes were not started (pages wait for every asset, and nothing is"
                            + " deleted after a failed upload)");
        }
        // Said of both goals that publish: a rollback that failed is finished by the same rollback, not by a sync.
        message.append(". Nothing was invalidated and the manifest was not advanced: running the same goal again"
                + " writes what is missing and invalidates everything this one changed.");
        return new UserFixableException(message.toString());
    }
}
