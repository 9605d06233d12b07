package io.github.cloudfrontmavenplugin.core;

import io.github.cloudfrontmavenplugin.aws.ConnectionSettings;
import io.github.cloudfrontmavenplugin.base.Progress;
import io.github.cloudfrontmavenplugin.base.Sizes;
import io.github.cloudfrontmavenplugin.base.TemporaryDirectory;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.diff.ManifestStore;
import io.github.cloudfrontmavenplugin.diff.ManifestStores;
import io.github.cloudfrontmavenplugin.history.DeployHistory;
import io.github.cloudfrontmavenplugin.history.DeployRecord;
import io.github.cloudfrontmavenplugin.history.HistoryStore;
import io.github.cloudfrontmavenplugin.history.ObjectState;
import io.github.cloudfrontmavenplugin.publish.PublishedObjects;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code cloudfront:history}: the last deploys kept in {@code <manifest>.history}, newest first, one line each, and
 * which of them the bucket holds now: the newest whose state is what {@code <manifest>.objects}, the record of what
 * the plugin last put in the bucket, says. It only reads, so it takes no lock.
 */
public final class ShowHistory {
    public static final int DEFAULT_COUNT = 10;
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    /** As {@code git log --oneline} shortens a commit. */
    private static final int SHORT_COMMIT = 12;

    private final Progress progress;

    public ShowHistory(Progress progress) {
        this.progress = progress;
    }

    /** Checks {@code <count>} as the user gave it, before any call. */
    public static int count(int count) throws UserFixableException {
        if (count < 1) {
            throw new UserFixableException("<count> (cloudfront.count) is " + count + "; it is how many of the last"
                    + " deploys cloudfront:history prints: use 1 or more (the default is " + DEFAULT_COUNT + ").");
        }
        return count;
    }

    /**
     * @param manifest the {@code manifest} location: {@code s3://bucket/key} or a file
     * @param s3 how to reach a manifest in S3
     */
    public void run(String manifest, int count, ConnectionSettings s3) throws UserFixableException {
        count(count);
        DeployHistory history;
        String where;
        try (HistoryStore store = HistoryStore.open(manifest, s3)) {
            where = store.describe();
            history = store.read();
        } catch (IOException e) {
            throw new UserFixableException(
                    "Cannot read the deploy history " + manifest.strip() + HistoryStore.SUFFIX + ": " + e.getMessage(),
                    e);
        }
        if (history.records().isEmpty()) {
            progress.info("No deploys are recorded in " + where + " yet: cloudfront:sync records each deploy that"
                    + " changes the bucket there.");
            return;
        }
        Optional<Map<String, PublishedObjects.Entry>> inBucket = publishedObjects(manifest, s3);
        Optional<DeployRecord> current = inBucket.flatMap(objects -> history.records().stream()
                .filter(record -> holds(record, objects))
                .findFirst());
        List<DeployRecord> shown =
                history.records().subList(0, Math.min(count, history.records().size()));
        progress.info("The last " + Sizes.count(shown.size()) + " of "
                + Sizes.count(history.records().size()) + " deploys kept in " + where + ", newest first:");
        for (DeployRecord record : shown) {
            progress.info(line(record) + (current.equals(Optional.of(record)) ? "  <- the bucket holds this" : ""));
        }
        if (inBucket.isEmpty()) {
            progress.info("Which deploy the bucket holds is unknown: there is no record of published objects "
                    + manifest.strip() + ".objects.");
        } else if (current.isEmpty()) {
            progress.info("The bucket changed since the newest record: none of the deploys kept is what "
                    + manifest.strip() + ".objects says the bucket holds (a sync that failed part way, or one"
                    + " whose history could not be written).");
        } else if (!shown.contains(current.get())) {
            progress.info("The bucket holds the older deploy " + current.get().id() + ".");
        }
    }

    /** One deploy: its ID, then when, who, source, counts and invalidations. */
    static String line(DeployRecord record) {
        DeployRecord.Counts c = record.counts();
        StringBuilder line = new StringBuilder(record.id())
                .append("  ")
                .append(WHEN.format(record.started()))
                .append("  ")
                .append(record.user())
                .append('@')
                .append(record.host());
        record.ciJob().ifPresent(job -> line.append(" (").append(job).append(')'));
        line.append("  ").append(record.project());
        record.commit()
                .ifPresent(commit -> line.append(" @ ").append(commit, 0, Math.min(SHORT_COMMIT, commit.length())));
        record.rolledBackTo().ifPresent(id -> line.append("  rollback to ").append(id));
        line.append("  uploaded ")
                .append(Sizes.count(c.uploaded()))
                .append(" (")
                .append(Sizes.bytes(c.bytes()))
                .append("), headers ")
                .append(Sizes.count(c.headersUpdated()))
                .append(", deleted ")
                .append(Sizes.count(c.deleted()))
                .append(", unchanged ")
                .append(Sizes.count(c.unchanged()));
        line.append("  ")
                .append(
                        record.invalidations().isEmpty()
                                ? "no invalidation"
                                : "invalidation " + String.join(", ", record.invalidations()));
        return line.toString();
    }

    /** Whether the record's state is exactly what the record of published objects says the bucket holds. */
    static boolean holds(DeployRecord record, Map<String, PublishedObjects.Entry> objects) {
        if (!record.objects().keySet().equals(objects.keySet())) {
            return false;
        }
        for (Map.Entry<String, ObjectState> object : record.objects().entrySet()) {
            ObjectState state = object.getValue();
            PublishedObjects.Entry entry = objects.get(object.getKey());
            if (!state.etag().equals(entry.etag())
                    || !state.sha256().equals(entry.sha256())
                    || !state.headers().equals(entry.headers())) {
                return false;
            }
        }
        return true;
    }

    private static Optional<Map<String, PublishedObjects.Entry>> publishedObjects(
            String manifest, ConnectionSettings s3) throws UserFixableException {
        try (ManifestStore store = ManifestStores.open(manifest.strip() + ".objects", s3);
                TemporaryDirectory work = TemporaryDirectory.create("cloudfront-objects")) {
            ManifestStore.Snapshot snapshot = store.read(work.path());
            if (snapshot.file().isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(PublishedObjects.read(snapshot.file().get()).entries());
        } catch (IOException e) {
            throw new UserFixableException(
                    "Cannot read the record of published objects " + manifest.strip() + ".objects: " + e.getMessage(),
                    e);
        }
    }
}
