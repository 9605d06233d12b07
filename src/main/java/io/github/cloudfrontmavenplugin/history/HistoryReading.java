package io.github.cloudfrontmavenplugin.history;

import io.github.cloudfrontmavenplugin.aws.ConnectionSettings;
import io.github.cloudfrontmavenplugin.base.JoinedThreads;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import software.amazon.awssdk.utils.Logger;

/**
 * The history beside a manifest, read on a daemon thread of its own once a sync has published: the GET and the parse
 * then run while the invalidation is planned and sent, a wait on the network, instead of after it. Started any earlier,
 * while the site uploads, the parse would only take CPU from the uploads.
 *
 * <p>A read that fails is only logged at debug level: the history is read again where it is appended to, and that
 * read's failure is the warning the user sees, with its reason. Closing waits for the thread and closes what it opened,
 * on every path the build takes.
 */
public final class HistoryReading implements AutoCloseable {
    private static final Logger LOG = Logger.loggerFor(HistoryReading.class);

    private final JoinedThreads thread = new JoinedThreads("cloudfront-history-read");
    private final FutureTask<HistoryStore> reading;

    private HistoryReading(String manifestLocation, ConnectionSettings s3) {
        reading = new FutureTask<>(() -> {
            HistoryStore store = HistoryStore.open(manifestLocation, s3);
            try {
                store.read();
                return store;
            } catch (IOException | UserFixableException | RuntimeException e) {
                store.close();
                throw e;
            }
        });
        thread.newThread(reading).start();
    }

    /** @param manifestLocation the {@code manifest} as configured; the history is beside it */
    public static HistoryReading start(String manifestLocation, ConnectionSettings s3) {
        return new HistoryReading(manifestLocation, s3);
    }

    /**
     * The history's store, read ({@link HistoryStore#lastRead}); empty when the read failed or the wait was
     * interrupted (the interrupt is kept). The store stays this reading's: {@link #close} closes it.
     */
    public Optional<HistoryStore> await() {
        try {
            return Optional.of(reading.get());
        } catch (ExecutionException e) {
            LOG.debug(
                    () -> "Reading the deploy history ahead failed; it is read again where this deploy is recorded.",
                    e.getCause());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        thread.join();
        if (reading.isDone()) {
            try {
                reading.get().close();
            } catch (ExecutionException | InterruptedException e) {
                // Nothing was left open: a read that failed closed its store itself.
            }
        }
    }
}
