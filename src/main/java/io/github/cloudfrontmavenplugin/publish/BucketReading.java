package io.github.cloudfrontmavenplugin.publish;

import io.github.cloudfrontmavenplugin.base.JoinedThreads;
import io.github.cloudfrontmavenplugin.base.OtherThreads;
import io.github.cloudfrontmavenplugin.base.TemporaryDirectory;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.diff.ManifestStore;
import io.github.cloudfrontmavenplugin.diff.ManifestStores;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What a sync reads from its bucket before it can plan: the connection, the record of what the last sync published,
 * and the listing of the prefix. The listing takes one request per 1,000 keys, one after another, so it is read on a
 * daemon thread from the moment the request is known to be valid, while the site is hashed; {@link PlanUploads}
 * takes it when it plans. A failure surfaces there, with the message it would have had, after the site's own errors.
 * Closing stops the reading if it is still going and frees the connection, the record's store and the temporary
 * directory, on every path the build takes.
 */
public final class BucketReading implements AutoCloseable {
    /** What was read, and what the publish goes on using. */
    public record Read(
            S3Bucket bucket,
            ManifestStore recordStore,
            Path work,
            ManifestStore.Snapshot recordSnapshot,
            PublishedObjects record,
            Map<String, RemoteObject> listing) {}

    private final PublishSettings settings;
    private final String manifest;
    private final JoinedThreads threads = new JoinedThreads("cloudfront-s3-listing");
    private final ExecutorService thread;
    private final Future<Read> reading;
    /** What the reading opened, closed last-opened first; guarded by itself. */
    private final Deque<AutoCloseable> opened = new ArrayDeque<>();
    /** Guarded by {@link #opened}. */
    private boolean closed;

    private BucketReading(PublishSettings settings, String manifest) {
        this.settings = settings;
        this.manifest = manifest;
        this.thread = Executors.newSingleThreadExecutor(threads);
        this.reading = thread.submit(this::read);
        thread.shutdown();
    }

    /**
     * Starts reading the bucket of {@code settings} and the record kept next to {@code manifest}.
     *
     * @param manifest where the deploy manifest lives; the record of published objects is kept next to it
     */
    public static BucketReading start(PublishSettings settings, String manifest) {
        return new BucketReading(settings, manifest);
    }

    PublishSettings settings() {
        return settings;
    }

    String manifest() {
        return manifest;
    }

    /**
     * The keys a publish never deletes: when the manifest lives in the bucket, the manifest and what is kept beside it
     * (the record of published objects, the deploy history, and the deploy lock, held by this very deploy).
     */
    public Set<String> protectedKeys() {
        Set<String> keys = new HashSet<>();
        String bucketPrefix = "s3://" + settings.location().bucket() + "/";
        if (manifest.strip().startsWith(bucketPrefix)) {
            String key = manifest.strip().substring(bucketPrefix.length());
            keys.add(key);
            keys.add(key + ".objects");
            keys.add(key + ".history");
            keys.add(key + ".lock");
        }
        return keys;
    }

    private Read read() throws UserFixableException, IOException, InterruptedException {
        S3Bucket bucket = own(S3Bucket.connect(settings.location(), settings.s3(), settings.concurrency()));
        // The record decides how to list; a bucket of a page or less is listed whole while the record is read.
        S3Bucket.FirstPage firstPage = bucket.requestFirstPage();
        ManifestStore recordStore = own(ManifestStores.open(manifest.strip() + ".objects", settings.s3()));
        Path work = own(TemporaryDirectory.create("cloudfront-objects")).path();
        ManifestStore.Snapshot recordSnapshot = recordStore.read(work);
        PublishedObjects record = recordSnapshot.file().isPresent()
                ? PublishedObjects.read(recordSnapshot.file().get())
                : PublishedObjects.NONE;
        return new Read(
                bucket,
                recordStore,
                work,
                recordSnapshot,
                record,
                bucket.list(record.entries().keySet(), firstPage));
    }

    /** Keeps {@code resource} to close with this; closes it at once when this is closed already. */
    private <T> T own(T resource) {
        if (!(resource instanceof AutoCloseable closeable)) {
            return resource;
        }
        synchronized (opened) {
            if (!closed) {
                opened.push(closeable);
                return resource;
            }
        }
        closeQuietly(closeable);
        throw new CancellationException("the build no longer needs the bucket's listing");
    }

    /** Waits for the reading; a failure is thrown as the reading met it. */
    public Read await() throws UserFixableException, IOException, InterruptedException {
        try {
            return reading.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            OtherThreads.rethrow(e.getCause());
            throw new IllegalStateException("unreachable", e);
        }
    }

    /**
     * Stops the reading if it still runs, closes what it opened (which also ends a request in flight), and waits for
     * its thread to end, so that nothing of it outlives the build step.
     */
    @Override
    public void close() {
        Deque<AutoCloseable> toClose;
        synchronized (opened) {
            closed = true;
            toClose = new ArrayDeque<>(opened);
            opened.clear();
        }
        reading.cancel(true);
        toClose.forEach(BucketReading::closeQuietly);
        threads.join();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing a client or deleting a temporary directory frees resources; nothing to report
        }
    }
}
