package io.github.cloudfrontmavenplugin.diff;

import io.github.cloudfrontmavenplugin.base.JoinedThreads;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Compares a built site with the manifest of the last deploy and writes the manifest of this one.
 *
 * <p>The site is walked and the manifest read as two sorted streams and joined as they go, while files are hashed in
 * parallel within a bounded window that keeps their order. Memory grows with the number of changes, not with the size
 * of the site or the manifest.
 */
public final class SiteDiff {
    /**
     * Files are handed to the hashing threads in batches, so that a site of many small files does not spend its time
     * waking threads: up to this many files, or {@link #BATCH_BYTES}, whichever comes first.
     */
    private static final int BATCH_FILES = 256;

    private static final long BATCH_BYTES = 8L << 20;

    /** Batches hashed ahead of the join, per thread: enough to keep every thread busy. */
    private static final int BATCHES_AHEAD_PER_THREAD = 4;

    /**
     * What changed, as paths relative to the site root, in {@link PathOrder}.
     *
     * @param unchanged how many files are the same as in the manifest
     * @param unchangedByDirectory how many of those are directly in each directory ({@code ""} for the root,
     *     {@code docs/} ...): what a wildcard would invalidate without need. Taken over, not copied: it has an entry per
     *     directory with an unchanged file, and copying the benchmark's 100,000 cost a second deploy 50 to 90 ms of
     *     CPU. The caller hands over a map it no longer changes.
     */
    public record Result(
            List<String> added,
            List<String> modified,
            List<String> deleted,
            long unchanged,
            Map<String, Long> unchangedByDirectory) {
        public Result {
            added = List.copyOf(added);
            modified = List.copyOf(modified);
            deleted = List.copyOf(deleted);
            unchangedByDirectory = Collections.unmodifiableMap(unchangedByDirectory);
        }

        public int changedCount() {
            return added.size() + modified.size() + deleted.size();
        }

        /** Everything that changed, in {@link PathOrder}. */
        public List<String> changed() {
            List<String> all = new ArrayList<>(changedCount());
            all.addAll(added);
            all.addAll(modified);
            all.addAll(deleted);
            all.sort(PathOrder.INSTANCE);
            return all;
        }
    }

    private final SiteScanner scanner;
    private final int threads;

    public SiteDiff(AntPatterns filter, Consumer<String> warnings, int threads) {
        this.scanner = new SiteScanner(filter, warnings);
        this.threads = Math.max(1, threads);
    }

    /**
     * @param previous the last deploy's manifest and a name for it in messages; empty on a first deploy
     * @param next where to write this deploy's manifest
     * @throws CorruptManifestException when the previous manifest cannot be trusted
     */
    public Result compare(Path site, Optional<Path> previous, String previousName, Path next) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, new JoinedThreads("cloudfront-hash"));
        try (ManifestFormat.Reader old =
                        previous.isPresent() ? new ManifestFormat.Reader(previous.get(), previousName) : null;
                ManifestFormat.Writer out = new ManifestFormat.Writer(next)) {
            Join join = new Join(old, out);
            ArrayDeque<Future<List<ManifestEntry>>> window = new ArrayDeque<>();
            int ahead = BATCHES_AHEAD_PER_THREAD * threads;
            Batch batch = new Batch();
            scanner.scan(site, file -> {
                if (batch.add(file)) {
                    window.add(pool.submit(batch.take()::hash));
                    if (window.size() >= ahead) {
                        join.acceptAll(await(window.poll()));
                    }
                }
            });
            if (!batch.files.isEmpty()) {
                window.add(pool.submit(batch.take()::hash));
            }
            while (!window.isEmpty()) {
                join.acceptAll(await(window.poll()));
            }
            return join.finish();
        } finally {
            pool.shutdownNow();
        }
    }

    /** Files gathered for one hashing task, in order. */
    private static final class Batch {
        private List<SiteScanner.SiteFile> files = new ArrayList<>();
        private long bytes;

        /** @return whether the batch is full */
        boolean add(SiteScanner.SiteFile file) {
            files.add(file);
            bytes += file.size();
            return files.size() >= BATCH_FILES || bytes >= BATCH_BYTES;
        }

        Batch take() {
            Batch full = new Batch();
            full.files = files;
            files = new ArrayList<>();
            bytes = 0;
            return full;
        }

        List<ManifestEntry> hash() throws IOException {
            List<ManifestEntry> entries = new ArrayList<>(files.size());
            for (SiteScanner.SiteFile file : files) {
                entries.add(ContentHasher.hash(file.relativePath(), file.file(), file.size()));
            }
            return entries;
        }
    }

    private static <T> T await(Future<T> hashed) throws IOException {
        try {
            return hashed.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new UncheckedIOException(new IOException("Hashing failed", e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while hashing the site");
        }
    }

    /**
     * The merge of the scanned files (in order) with the previous manifest (in order). An unchanged file's line is
     * found by its bytes ({@link ManifestFormat.Reader#skipIfNextIs}); only the lines around a change are parsed.
     */
    private static final class Join {
        private final ManifestFormat.Reader old;
        private final ManifestFormat.Writer out;
        private final List<String> added = new ArrayList<>();
        private final List<String> modified = new ArrayList<>();
        private final List<String> deleted = new ArrayList<>();
        private long unchanged;
        private final Map<String, Long> unchangedByDirectory = new HashMap<>();
        /** The previous manifest's next entry once parsed; null while it is unread, and at the end. */
        private ManifestEntry pending;

        Join(ManifestFormat.Reader old, ManifestFormat.Writer out) {
            this.old = old;
            this.out = out;
        }

        void acceptAll(List<ManifestEntry> entries) throws IOException {
            for (ManifestEntry entry : entries) {
                accept(entry);
            }
        }

        void accept(ManifestEntry current) throws IOException {
            byte[] line = ManifestFormat.line(current);
            if (pending == null && old != null && old.skipIfNextIs(current.path(), line)) {
                countUnchanged(current.path());
            } else {
                merge(current);
            }
            out.write(line);
        }

        private void merge(ManifestEntry current) throws IOException {
            if (pending == null) {
                pending = nextOld();
            }
            while (pending != null && PathOrder.INSTANCE.compare(pending.path(), current.path()) < 0) {
                deleted.add(pending.path());
                pending = nextOld();
            }
            if (pending != null && pending.path().equals(current.path())) {
                if (pending.sameContentAs(current)) {
                    countUnchanged(current.path());
                } else {
                    modified.add(current.path());
                }
                pending = null;
            } else {
                added.add(current.path());
            }
        }

        private void countUnchanged(String path) {
            unchanged++;
            unchangedByDirectory.merge(path.substring(0, path.lastIndexOf('/') + 1), 1L, Long::sum);
        }

        private ManifestEntry nextOld() throws IOException {
            return old == null ? null : old.next();
        }

        Result finish() throws IOException {
            for (ManifestEntry rest = pending != null ? pending : nextOld(); rest != null; rest = nextOld()) {
                deleted.add(rest.path());
            }
            return new Result(added, modified, deleted, unchanged, unchangedByDirectory);
        }
    }
}
