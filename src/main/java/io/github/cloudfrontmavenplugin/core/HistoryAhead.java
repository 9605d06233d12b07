package io.github.cloudfrontmavenplugin.core;

import io.github.cloudfrontmavenplugin.aws.ConnectionSettings;
import io.github.cloudfrontmavenplugin.base.JoinedThreads;
import io.github.cloudfrontmavenplugin.history.HistoryStore;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.utils.Logger;

/**
 * The deploy history beside a sync's manifest, read on a thread of its own while the sync uploads, so that {@link
 * RecordHistory} appends to it at the end without waiting for it: a history keeps the state of every object for each
 * kept deploy, and reading it (a GET of about a megabyte for a thousand-page site, then its parsing) took a quarter
 * of a second at the end of each release deploy. The deploy holds the lock, so the history read early is the one it
 * replaces. A read that fails is left out: {@link RecordHistory} then reads the history itself and reports what it
 * finds, as before.
 */
final class HistoryAhead implements AutoCloseable {
    private static final Logger LOG = Logger.loggerFor(HistoryAhead.class);

    private final JoinedThreads threads = new JoinedThreads("cloudfront-history");
    private final Future<HistoryStore> reading;
    /** What the thread opened, closed here; guarded by this. */
    private HistoryStore opened;
    /** Guarded by this. */
    private boolean closed;

    private HistoryAhead(String manifest, ConnectionSettings s3) {
        ExecutorService thread = Executors.newSingleThreadExecutor(threads);
        reading = thread.submit(() -> {
            HistoryStore store = HistoryStore.open(manifest, s3);
            synchronized (this) {
                if (closed) {
                    store.close();
                    throw new CancellationException("the deploy ended before its history was read");
                }
                opened = store;
            }
            // Closing the store ends a read still in flight.
            store.read();
            return store;
        });
        thread.shutdown();
    }

    static HistoryAhead start(String manifest, ConnectionSettings s3) {
        return new HistoryAhead(manifest, s3);
    }

    /** The history as read, open until {@link #close}; empty when reading it failed. */
    Optional<HistoryStore> await() throws InterruptedException {
        try {
            return Optional.of(reading.get());
        } catch (ExecutionException | CancellationException e) {
            LOG.debug(() -> "Reading the deploy history ahead failed; it is read again to record the deploy.", e);
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            if (opened != null) {
                opened.close();
            }
        }
        threads.join();
    }
}
