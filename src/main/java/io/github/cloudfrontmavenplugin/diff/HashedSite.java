package io.github.cloudfrontmavenplugin.diff;

import io.github.cloudfrontmavenplugin.base.JoinedThreads;
import io.github.cloudfrontmavenplugin.base.TemporaryDirectory;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;

/**
 * The built site, hashed: its files with their sizes and SHA-256, in {@link PathOrder}, written as the lines of a
 * manifest, which are exactly this deploy's next manifest. Hashing needs neither the deploy lock nor the last
 * manifest, so it starts as soon as the request is checked and runs on background threads while the S3 client is
 * built and the lock is taken; {@link SiteDiff} then joins the file with the last manifest. The file, not a list, keeps
 * memory bounded by a window of batches whatever the size of the site.
 *
 * <p>Closing stops the hashing if it still runs, waits for its threads and deletes the file, so a deploy that fails
 * before comparing (a lock held too long, credentials refused) leaves no thread or temporary file behind.
 */
public final class HashedSite implements AutoCloseable {
    /**
     * Files are handed to the hashing threads in batches, so that a site of many small files does not spend its time
     * waking threads: up to this many files, or {@link #BATCH_BYTES}, whichever comes first.
     */
    private static final int BATCH_FILES = 256;

    private static final long BATCH_BYTES = 8L << 20;

    /** Batches hashed ahead of the writer, per thread: enough to keep every thread busy. */
    private static final int BATCHES_AHEAD_PER_THREAD = 4;

    private final Path site;
    private final SiteScanner scanner;
    private final int threads;
    private final Consumer<String> warnings;
    /** The scanner's warnings, passed on by {@link #await} on the thread that logs, in the order they came. */
    private final ConcurrentLinkedQueue<String> warned = new ConcurrentLinkedQueue<>();

    private final JoinedThreads started = new JoinedThreads("cloudfront-hash");
    private final ExecutorService pool;
    private final FutureTask<Void> hashing;
    private final TemporaryDirectory work;
    /** Where the entries are written, in {@link #work}. */
    private final Path file;
    /** Why there is no temporary directory: thrown by {@link #await}, where every failure of hashing is reported. */
    private final IOException noWork;

    private HashedSite(Path site, AntPatterns filter, int threads, Consumer<String> warnings) {
        this.site = site;
        this.scanner = new SiteScanner(filter, warned::add);
        this.threads = Math.max(1, threads);
        this.warnings = warnings;
        this.pool = Executors.newFixedThreadPool(this.threads, started);
        TemporaryDirectory created = null;
        IOException failure = null;
        try {
            created = TemporaryDirectory.create("cloudfront-hashed");
        } catch (IOException e) {
            failure = e;
        }
        this.work = created;
        this.file = created == null ? null : created.path().resolve("site.hashed");
        this.noWork = failure;
        this.hashing = new FutureTask<>(this::hash);
        if (work != null) {
            started.newThread(hashing).start();
        }
    }

    /**
     * Starts hashing the site of {@code settings}; only a missing site is reported here, before any call is made.
     *
     * @param warnings told, by {@link #await}, of what the walk skipped
     */
    public static HashedSite start(DiffSettings settings, int threads, Consumer<String> warnings)
            throws UserFixableException {
        if (!Files.isDirectory(settings.directory())) {
            throw new UserFixableException("<directory> (cloudfront.directory) " + settings.directory() + " is not a"
                    + " directory. Point it at the built site, such as target/site, and run the goal after the phase"
                    + " that builds it.");
        }
        return new HashedSite(settings.directory(), settings.filter(), threads, warnings);
    }

    /** Hashes {@code site} as {@link #start} does, for a caller with no {@link DiffSettings}. */
    static HashedSite start(Path site, AntPatterns filter, int threads, Consumer<String> warnings) {
        return new HashedSite(site, filter, threads, warnings);
    }

    /**
     * Waits for the hashing to end.
     *
     * @return the file of the site's entries, in manifest format; it lives until this is closed
     * @throws IOException as the walk or the hashing met it, or when interrupted (as an {@link
     *     InterruptedIOException}, the thread's interrupt kept)
     */
    public Path await() throws IOException {
        if (noWork != null) {
            throw noWork;
        }
        awaitTask(hashing);
        for (String warning = warned.poll(); warning != null; warning = warned.poll()) {
            warnings.accept(warning);
        }
        return file;
    }

    /** Where the entries are written: whole once {@link #await} returns, deleted by {@link #close}. */
    Path file() {
        return file;
    }

    /** Walks the site and writes its hashed entries in order, hashing batches in parallel within a bounded window. */
    private Void hash() throws IOException {
        try (ManifestFormat.Writer out = new ManifestFormat.Writer(file)) {
            ArrayDeque<Future<List<ManifestEntry>>> window = new ArrayDeque<>();
            int ahead = BATCHES_AHEAD_PER_THREAD * threads;
            Batch batch = new Batch();
            scanner.scan(site, found -> {
                // A large site walks long between full windows: a closed deploy stops it here.
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedIOException("Interrupted while hashing the site");
                }
                if (batch.add(found)) {
                    window.add(pool.submit(batch.take()::hash));
                    if (window.size() >= ahead) {
                        writeAll(out, awaitTask(window.poll()));
                    }
                }
            });
            if (!batch.files.isEmpty()) {
                window.add(pool.submit(batch.take()::hash));
            }
            while (!window.isEmpty()) {
                writeAll(out, awaitTask(window.poll()));
            }
        } finally {
            pool.shutdownNow();
        }
        return null;
    }

    private static void writeAll(ManifestFormat.Writer out, List<ManifestEntry> entries) throws IOException {
        for (ManifestEntry entry : entries) {
            out.write(entry);
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

    /** Waits for a task of the hashing; what it failed with is thrown as it is, an IOException above all. */
    private static <T> T awaitTask(Future<T> task) throws IOException {
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException unexpected) {
                throw unexpected;
            }
            throw new UncheckedIOException(new IOException("Hashing failed", e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while hashing the site");
        }
    }

    /** Stops the hashing if it still runs, waits for its threads to end, and deletes its file. */
    @Override
    public void close() {
        hashing.cancel(true);
        pool.shutdownNow();
        started.join();
        if (work != null) {
            work.close();
        }
    }
}
