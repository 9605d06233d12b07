package io.github.cloudfrontmavenplugin.diff;

import io.github.cloudfrontmavenplugin.base.TemporaryDirectory;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One deploy's view of its site: the manifest it found, what changed since, and the manifest it will record. The new
 * manifest replaces the old one only through {@link #commit}, which the caller invokes once CloudFront has accepted
 * the invalidation; a failure, a dry run or a skip leaves the old one in place, so the next deploy invalidates again
 * what this one could not.
 */
public final class DeployDiff implements AutoCloseable {
    private final DiffSettings settings;
    private final ManifestStore store;
    private final TemporaryDirectory workDirectory;
    private final HashedSite site;
    private final ManifestStore.Snapshot previous;
    private final Optional<SiteDiff.Result> result;
    private final Path next;

    private DeployDiff(
            DiffSettings settings,
            ManifestStore store,
            TemporaryDirectory workDirectory,
            HashedSite site,
            ManifestStore.Snapshot previous,
            Optional<SiteDiff.Result> result,
            Path next) {
        this.settings = settings;
        this.store = store;
        this.workDirectory = workDirectory;
        this.site = site;
        this.previous = previous;
        this.result = result;
        this.next = next;
    }

    /**
     * Reads the last manifest and joins it with the site, once hashed.
     *
     * @param site the site being hashed for these settings; the diff takes it over, and closes it when closed or when
     *     this fails
     */
    public static DeployDiff compute(DiffSettings settings, HashedSite site) throws UserFixableException {
        ManifestStore store = null;
        TemporaryDirectory work = null;
        try {
            store = ManifestStores.open(settings.manifest(), settings.s3());
            work = TemporaryDirectory.create("cloudfront-manifest");
            ManifestStore.Snapshot previous = store.read(work.path());
            if (previous.file().isEmpty() && settings.onMissing() == OnMissingManifest.FAIL) {
                throw new UserFixableException("There is no manifest at " + store.describe() + " and"
                        + " <onMissingManifest> (cloudfront.onMissingManifest) is fail. Check <manifest>"
                        + " (cloudfront.manifest); for a first deploy set onMissingManifest to all (invalidate"
                        + " everything under the path prefix) or none.");
            }
            // The site's entries are this deploy's manifest as they are: the join only reads them.
            Path next = site.await();
            SiteDiff.Result compared = SiteDiff.compare(next, previous.file(), store.describe());
            return new DeployDiff(
                    settings,
                    store,
                    work,
                    site,
                    previous,
                    previous.file().isPresent() ? Optional.of(compared) : Optional.empty(),
                    next);
        } catch (CorruptManifestException e) {
            cleanUp(store, work, site);
            throw new UserFixableException(
                    e.getMessage() + " Restore it from a backup, or delete it to start over"
                            + " (the next deploy then invalidates as <onMissingManifest> says).",
                    e);
        } catch (NoSuchFileException e) {
            cleanUp(store, work, site);
            throw new UserFixableException(
                    "Cannot read " + e.getFile() + " while comparing the site: it vanished or is"
                            + " not readable. Is something else still writing " + settings.directory() + "?",
                    e);
        } catch (IOException e) {
            cleanUp(store, work, site);
            throw new UserFixableException(
                    "Cannot compare " + settings.directory() + " with the manifest " + store.describe() + ": "
                            + e.getMessage(),
                    e);
        } catch (UserFixableException | RuntimeException e) {
            cleanUp(store, work, site);
            throw e;
        }
    }

    /** What changed; empty when there was no manifest to compare with. */
    public Optional<SiteDiff.Result> result() {
        return result;
    }

    /** The paths this deploy invalidates because of the site, as {@code onMissingManifest} says for a first one. */
    public List<String> invalidationPaths() throws UserFixableException {
        if (result.isPresent()) {
            return settings.urls().pathsOf(result.get().changed());
        }
        return settings.onMissing() == OnMissingManifest.ALL ? settings.urls().everything() : List.of();
    }

    /**
     * Unchanged deployed objects per encoded URL directory, for counting what a wildcard invalidates without need;
     * empty without a previous manifest.
     */
    public Optional<Map<String, Long>> unchangedByUrlDirectory() throws UserFixableException {
        if (result.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Long> byUrl = new HashMap<>();
        for (Map.Entry<String, Long> entry : result.get().unchangedByDirectory().entrySet()) {
            byUrl.merge(settings.urls().directoryPrefix(entry.getKey()), entry.getValue(), Long::sum);
        }
        return Optional.of(byUrl);
    }

    /**
     * This deploy's files with their sizes and hashes, in {@link PathOrder}: what the new manifest records, so that
     * publishing them hashes nothing twice.
     */
    public List<ManifestEntry> siteFiles() throws UserFixableException {
        List<ManifestEntry> files = new ArrayList<>();
        try (ManifestFormat.Reader reader = new ManifestFormat.Reader(next, "the manifest of this deploy")) {
            for (ManifestEntry entry = reader.next(); entry != null; entry = reader.next()) {
                files.add(entry);
            }
        } catch (IOException e) {
            throw new UserFixableException("Cannot read back the manifest of this deploy: " + e.getMessage(), e);
        }
        return files;
    }

    /** One line for the log. */
    public String summary() {
        return result.map(r -> "Compared " + settings.directory() + " with the manifest " + store.describe() + ": "
                        + r.added().size() + " added, " + r.modified().size() + " modified, "
                        + r.deleted().size()
                        + " deleted, " + r.unchanged() + " unchanged")
                .orElse("No manifest at " + store.describe() + " yet (first deploy): onMissingManifest is "
                        + settings.onMissing().name().toLowerCase(Locale.ROOT));
    }

    /** Whether recording this deploy changes the manifest (it does not when nothing changed). */
    public boolean manifestChanges() {
        return result.isEmpty() || result.get().changedCount() > 0;
    }

    /** Records this deploy as the last one. */
    public void commit() throws UserFixableException {
        try {
            store.replace(previous, next);
        } catch (IOException e) {
            throw new UserFixableException(
                    "Cannot write the manifest " + store.describe() + ": " + e.getMessage()
                            + ". The invalidation was created; the next deploy invalidates these changes again.",
                    e);
        }
    }

    public String manifestName() {
        return store.describe();
    }

    @Override
    public void close() {
        cleanUp(store, workDirectory, site);
    }

    private static void cleanUp(ManifestStore store, TemporaryDirectory work, HashedSite site) {
        if (store != null) {
            store.close();
        }
        if (work != null) {
            work.close();
        }
        site.close();
    }
}
