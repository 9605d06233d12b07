package io.github.cloudfrontmavenplugin.publish;

import io.github.cloudfrontmavenplugin.base.JoinedThreads;
import io.github.cloudfrontmavenplugin.base.OtherThreads;
import io.github.cloudfrontmavenplugin.base.Progress;
import io.github.cloudfrontmavenplugin.base.TimeSource;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.diff.AntPatterns;
import io.github.cloudfrontmavenplugin.diff.ContentHasher;
import io.github.cloudfrontmavenplugin.diff.ManifestEntry;
import io.github.cloudfrontmavenplugin.diff.ManifestStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The publishing half of {@code cloudfront:sync}: plans the bucket's changes from the site as the diff hashed it, then
 * (unless it is a dry run) carries them out and records what was put. It returns the site's paths whose objects
 * changed, for the one invalidation that follows.
 */
public final class SitePublisher {
    /** How many results a failure message lists before it says how many more. */
    private static final int LISTED_FAILURES = 20;

    /** What one publish did. */
    public record Published(
            String location,
            List<String> changedPaths,
            int uploaded,
            long bytes,
            int headersUpdated,
            int deleted,
            long unchanged) {}

    private final Progress progress;
    private final TimeSource time;

    public SitePublisher(Progress progress, TimeSource time) {
        this.progress = progress;
        this.time = time;
    }

    /**
     * Reads the bucket and publishes, as {@link #publish(BucketReading, Path, List, AntPatterns, boolean)} does once
     * the reading was started.
     *
     * @param manifest where the deploy manifest lives; the record of published objects is kept next to it
     */
    public Published publish(
            PublishSettings settings,
            Path directory,
            List<ManifestEntry> site,
            AntPatterns filter,
            String manifest,
            boolean dryRun)
            throws UserFixableException, InterruptedException {
        try (BucketReading reading = BucketReading.start(settings, manifest)) {
            return publish(reading, directory, site, filter, dryRun);
        }
    }

    /**
     * @param reading the bucket's listing and the record of the last sync, read while the site was hashed; the caller
     *     closes it
     * @param site the files of the site with their hashes, as this deploy's manifest records them
     * @param filter the includes and excludes: objects outside them are never touched
     */
    public Published publish(
            BucketReading reading, Path directory, List<ManifestEntry> site, AntPatterns filter, boolean dryRun)
            throws UserFixableException, InterruptedException {
        PublishSettings settings = reading.settings();
        List<UploadPlanner.LocalFile> files = localFiles(directory, site, settings.followExternalLinks());
        BucketLocation location = settings.location();
        try {
            BucketReading.Read read = reading.await();
            S3Bucket bucket = read.bucket();
            Map<String, RemoteObject> listing = read.listing();
            PublishedObjects record = read.record();
            UploadPlanner planner = new UploadPlanner(
                    location, settings.rules(), filter, settings.delete(), protectedKeys(location, reading.manifest()));
            Set<String> inspect = planner.keysToInspect(files, listing, record);
            if (!inspect.isEmpty()) {
                progress.info("Reading the headers of " + Sizes.count(inspect.size()) + " objects that no earlier"
                        + " sync recorded (or that changed since)");
            }
            Map<String, ObjectHead> heads = heads(bucket, inspect, settings.concurrency());
            UploadPlan plan = planner.plan(files, listing, record, heads, file -> ContentHasher.md5(file.file()));
            plan.checkDeletes(settings.maxDeletes());
            report(plan, dryRun);
            if (dryRun) {
                int copies = (int) plan.uploads().stream()
                        .filter(u -> u.kind() == UploadPlan.Kind.COPY)
                        .count();
                return published(
                        location,
                        plan,
                        plan.uploads().size() - copies,
                        copies,
                        plan.bytesToSend(),
                        plan.deletes().size());
            }
            PlanExecution.Result result = new PlanExecution(bucket, settings.concurrency(), progress, time).run(plan);
            writeRecord(read.recordStore(), read.recordSnapshot(), record, listing, plan, result, read.work());
            if (!result.failures().isEmpty()) {
                throw failed(location, result);
            }
            return published(
                    location,
                    plan,
                    result.puts(),
                    result.copies(),
                    result.bytes(),
                    result.deleted().size());
        } catch (IOException e) {
            throw new UserFixableException("Cannot publish " + directory + " to " + location + ": " + e, e);
        }
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
        String paths = Sizes.count(invalidated) + (invalidated == 1 ? " path" : " paths");
        return (dryRun ? "Dry run: would upload " : "Uploaded ") + Sizes.files(uploaded) + " (" + Sizes.bytes(bytes)
                + ")"
                + (headers > 0 ? (dryRun ? ", update" : ", updated") + " the headers of " + Sizes.count(headers) : "")
                + ", "
                + (dryRun ? "delete " : "deleted ") + Sizes.count(deleted) + ", " + Sizes.count(unchanged)
                + " unchanged; " + (dryRun ? "would invalidate " : "invalidated ") + paths;
    }

    private static Published published(
            BucketLocation location, UploadPlan plan, int puts, int copies, long bytes, int deleted) {
        return new Published(
                location.toString(),
                plan.changedPaths(),
                puts,
                bytes,
                copies,
                deleted,
                plan.unchanged().size());
    }

    /** The site's files; a link that leads out of {@code directory} fails here, before any call. */
    static List<UploadPlanner.LocalFile> localFiles(Path directory, List<ManifestEntry> site, boolean followExternal)
            throws UserFixableException {
        List<UploadPlanner.LocalFile> files = new ArrayList<>(site.size());
        try {
            Path root = directory.toRealPath();
            for (ManifestEntry entry : site) {
                Path file = directory.resolve(entry.path());
                if (!followExternal && !file.toRealPath().startsWith(root)) {
                    throw outside(directory, entry.path());
                }
                files.add(new UploadPlanner.LocalFile(entry.path(), file, entry.size(), entry.sha256()));
            }
        } catch (IOException e) {
            throw new UserFixableException("Cannot read the site " + directory + ": " + e, e);
        }
        return files;
    }

    private static UserFixableException outside(Path directory, String relativePath) throws IOException {
        Path link = directory;
        for (Path name : Path.of(relativePath)) {
            link = link.resolve(name);
            if (Files.isSymbolicLink(link)) {
                break;
            }
        }
        return new UserFixableException("The site's " + relativePath + " leads out of <directory> " + directory
                + ": " + link + " is a symbolic link to " + Files.readSymbolicLink(link) + " (" + link.toRealPath()
                + "). Nothing was published. Replace the link with what it should publish, exclude it with"
                + " <excludes>, or set <followExternalLinks> (cloudfront.followExternalLinks) to publish it anyway.");
    }

    private static Set<String> protectedKeys(BucketLocation location, String manifest) {
        Set<String> keys = new HashSet<>();
        String bucketPrefix = "s3://" + location.bucket() + "/";
        if (manifest.strip().startsWith(bucketPrefix)) {
            String key = manifest.strip().substring(bucketPrefix.length());
            keys.add(key);
            keys.add(key + ".objects");
        }
        return keys;
    }

    private Map<String, ObjectHead> heads(S3Bucket bucket, Set<String> keys, int concurrency)
            throws UserFixableException, InterruptedException {
        if (keys.isEmpty()) {
            return Map.of();
        }
        List<String> ordered = List.copyOf(keys);
        ExecutorService pool = Executors.newFixedThreadPool(
                Math.min(concurrency, keys.size()), new JoinedThreads("cloudfront-s3-head"));
        try {
            List<Future<ObjectHead>> tasks = new ArrayList<>();
            for (String key : ordered) {
                tasks.add(pool.submit(() -> bucket.head(key)));
            }
            List<ObjectHead> read = OtherThreads.awaitAll(tasks);
            Map<String, ObjectHead> heads = new HashMap<>();
            for (int i = 0; i < ordered.size(); i++) {
                heads.put(ordered.get(i), read.get(i));
            }
            return heads;
        } finally {
            pool.shutdownNow();
        }
    }

    private void report(UploadPlan plan, boolean dryRun) {
        long copies = plan.uploads().stream()
                .filter(u -> u.kind() == UploadPlan.Kind.COPY)
                .count();
        progress.info((dryRun ? "Dry run: would publish to " : "Publishing to ") + plan.location() + ": "
                + Sizes.files(plan.uploads().size() - copies) + " to upload (" + Sizes.bytes(plan.bytesToSend())
                + ")" + (copies > 0 ? ", " + Sizes.count(copies) + " to update headers of" : "") + ", "
                + Sizes.count(plan.deletes().size()) + " to delete, "
                + Sizes.count(plan.unchanged().size())
                + " unchanged; assets first, then pages, deletes last");
        for (UploadPlan.Upload upload : plan.uploads()) {
            String line = "  " + (upload.kind() == UploadPlan.Kind.PUT ? "upload " : "headers ") + upload.key() + " ("
                    + upload.reason() + ", " + Sizes.bytes(upload.size()) + ") "
                    + upload.headers().describe();
            if (dryRun) {
                progress.info(line);
            } else {
                progress.debug(line);
            }
        }
        for (UploadPlan.Delete delete : plan.deletes()) {
            if (dryRun) {
                progress.info("  delete " + delete.key());
            } else {
                progress.debug("  delete " + delete.key());
            }
        }
        if (dryRun) {
            progress.info("Dry run: nothing is changed in " + plan.location());
        }
    }

    /** Keeps what is known of every object still there: unchanged, written, or as before where a write failed. */
    private void writeRecord(
            ManifestStore store,
            ManifestStore.Snapshot snapshot,
            PublishedObjects previous,
            Map<String, RemoteObject> listing,
            UploadPlan plan,
            PlanExecution.Result result,
            Path work) {
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
            return;
        }
        try {
            Path next = work.resolve("objects.next");
            new PublishedObjects(entries).write(next);
            store.replace(snapshot, next);
        } catch (IOException | UserFixableException e) {
            // The record only saves HeadObjects: without it the next sync looks closer, and decides the same.
            progress.warn("Could not record the published objects in " + store.describe() + " (" + e.getMessage()
                    + "); the next sync reads the headers of the objects it cannot vouch for.");
        }
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
        message.append(". Nothing was invalidated and the manifest was not advanced: the next sync uploads what is"
                + " missing and invalidates everything this one changed.");
        return new UserFixableException(message.toString());
    }
}
