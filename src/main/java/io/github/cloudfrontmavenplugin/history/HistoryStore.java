package io.github.cloudfrontmavenplugin.history;

import io.github.cloudfrontmavenplugin.aws.ConnectionSettings;
import io.github.cloudfrontmavenplugin.base.TemporaryDirectory;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.diff.ManifestStore;
import io.github.cloudfrontmavenplugin.diff.ManifestStores;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The deploy history of a manifest, {@code <manifest>.history}: beside an {@code s3://} manifest or a local one, read
 * and replaced through the same store as the manifest and its record of objects, so that it is replaced only if it is
 * still the one this deploy read (a conditional write in S3, an atomic rename of a file).
 */
public final class HistoryStore implements AutoCloseable {
    public static final String SUFFIX = ".history";

    private final ManifestStore store;
    private final TemporaryDirectory work;
    private Optional<ManifestStore.Snapshot> snapshot = Optional.empty();
    private DeployHistory read = DeployHistory.EMPTY;

    private HistoryStore(ManifestStore store, TemporaryDirectory work) {
        this.store = store;
        this.work = work;
    }

    /** @param manifestLocation the {@code manifest} as configured: {@code s3://bucket/key} or a file */
    public static HistoryStore open(String manifestLocation, ConnectionSettings s3) throws UserFixableException {
        if (manifestLocation == null || manifestLocation.isBlank()) {
            ManifestStores.open(manifestLocation, s3); // explains the missing <manifest>
        }
        ManifestStore store = ManifestStores.open(manifestLocation.strip() + SUFFIX, s3);
        try {
            return new HistoryStore(store, TemporaryDirectory.create("cloudfront-history"));
        } catch (IOException e) {
            store.close();
            throw new UserFixableException(
                    "Cannot create a temporary directory for the deploy history: " + e.getMessage(), e);
        }
    }

    /** The history as it is now, empty when there is none yet; {@link #append} then replaces only this one. */
    public DeployHistory read() throws IOException, UserFixableException {
        ManifestStore.Snapshot found = store.read(work.path());
        read = found.file().isEmpty()
                ? DeployHistory.EMPTY
                : DeployHistory.read(found.file().get(), describe());
        snapshot = Optional.of(found);
        return read;
    }

    /** The history {@link #read} last read, which {@link #append} adds to; empty before the first read. */
    public DeployHistory lastRead() {
        return read;
    }

    /**
     * Adds {@code record} as the newest, keeping the {@code keep} newest: to the history {@link #read} last read (read
     * now if it was not), and only if it is still the current one.
     */
    public void append(DeployRecord record, int keep) throws IOException, UserFixableException {
        if (snapshot.isEmpty()) {
            read();
        }
        Path next = work.path().resolve("history.next");
        read.with(record, keep).write(next);
        store.replace(snapshot.get(), next);
        snapshot = Optional.empty();
    }

    /** For messages: {@code s3://bucket/site.manifest.history}, or the file. */
    public String describe() {
        return store.describe();
    }

    @Override
    public void close() {
        store.close();
        work.close();
    }
}
