package io.github.cloudfrontmavenplugin.rollback;

import io.github.cloudfrontmavenplugin.aws.ConnectionSettings;
import io.github.cloudfrontmavenplugin.base.TemporaryDirectory;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.diff.ManifestEntry;
import io.github.cloudfrontmavenplugin.diff.ManifestFormat;
import io.github.cloudfrontmavenplugin.diff.ManifestStore;
import io.github.cloudfrontmavenplugin.diff.ManifestStores;
import io.github.cloudfrontmavenplugin.diff.PathOrder;
import io.github.cloudfrontmavenplugin.history.DeployHistory;
import io.github.cloudfrontmavenplugin.history.DeployRecord;
import io.github.cloudfrontmavenplugin.history.HistoryStore;
import io.github.cloudfrontmavenplugin.history.ObjectState;
import io.github.cloudfrontmavenplugin.publish.BucketLocation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The manifest and the deploy history a rollback reads under the lock. Once CloudFront accepted the invalidation, the
 * manifest lists the restored state, so that the next {@code sync} of a new build uploads and invalidates exactly what
 * differs from it; it is replaced only if it is still the one the rollback read.
 */
public final class RollbackRecords implements AutoCloseable {
    private final ManifestStore manifest;
    private final HistoryStore history;
    private final TemporaryDirectory work;
    private ManifestStore.Snapshot manifestRead = ManifestStore.Snapshot.ABSENT;
    private DeployHistory kept = DeployHistory.EMPTY;

    private RollbackRecords(ManifestStore manifest, HistoryStore history, TemporaryDirectory work) {
        this.manifest = manifest;
        this.history = history;
        this.work = work;
    }

    /** Reads the manifest at {@code location} and the history beside it. */
    public static RollbackRecords read(String location, ConnectionSettings s3) throws UserFixableException {
        ManifestStore manifest = ManifestStores.open(location, s3);
        HistoryStore history = null;
        TemporaryDirectory work = null;
        try {
            history = HistoryStore.open(location, s3);
            work = TemporaryDirectory.create("cloudfront-rollback");
            RollbackRecords records = new RollbackRecords(manifest, history, work);
            records.manifestRead = manifest.read(work.path());
            records.kept = history.read();
            return records;
        } catch (IOException e) {
            closeAll(manifest, history, work);
            throw new UserFixableException(
                    "Cannot read the deploy history beside " + manifest.describe() + ": " + e.getMessage(), e);
        } catch (UserFixableException | RuntimeException e) {
            closeAll(manifest, history, work);
            throw e;
        }
    }

    public DeployHistory history() {
        return kept;
    }

    /** The history as read, to which the rollback's own record is appended only if it is still the current one. */
    public HistoryStore historyStore() {
        return history;
    }

    /** For messages: where the history is kept. */
    public String describeHistory() {
        return history.describe();
    }

    /**
     * Records the state of {@code restored} in the manifest, only if the manifest is still the one read: the next sync
     * compares the new build with what the bucket holds now.
     */
    public void recordManifest(DeployRecord restored, BucketLocation location) throws UserFixableException {
        try {
            Path next = work.path().resolve("manifest.next");
            writeManifest(restored.objects(), location, next);
            manifest.replace(manifestRead, next);
        } catch (IOException e) {
            throw new UserFixableException(
                    "Cannot write the manifest " + manifest.describe() + ": " + e.getMessage() + ". The invalidation"
                            + " was created and the bucket holds the deploy " + restored.id() + "; the next sync"
                            + " compares with the manifest as it was, and uploads and invalidates more than needed.",
                    e);
        }
    }

    /** The manifest of a state: each key as its path under the prefix, with its content's hash and size. */
    static void writeManifest(Map<String, ObjectState> objects, BucketLocation location, Path file) throws IOException {
        List<ManifestEntry> entries = new ArrayList<>();
        objects.forEach((key, state) -> {
            if (key.startsWith(location.prefix())) {
                entries.add(new ManifestEntry(location.relativePathOf(key), state.size(), state.sha256()));
            }
        });
        entries.sort(Comparator.comparing(ManifestEntry::path, PathOrder.INSTANCE));
        try (ManifestFormat.Writer out = new ManifestFormat.Writer(file)) {
            for (ManifestEntry entry : entries) {
                out.write(entry);
            }
        }
    }

    public String describeManifest() {
        return manifest.describe();
    }

    @Override
    public void close() {
        closeAll(manifest, history, work);
    }

    private static void closeAll(ManifestStore manifest, HistoryStore history, TemporaryDirectory work) {
        if (manifest != null) {
            manifest.close();
        }
        if (history != null) {
            history.close();
        }
        if (work != null) {
            work.close();
        }
    }
}
