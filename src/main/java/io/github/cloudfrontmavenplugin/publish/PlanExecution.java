package io.github.cloudfrontmavenplugin.publish;

import io.github.cloudfrontmavenplugin.aws.S3Failures;
import io.github.cloudfrontmavenplugin.base.JoinedThreads;
import io.github.cloudfrontmavenplugin.base.Progress;
import io.github.cloudfrontmavenplugin.base.Sizes;
import io.github.cloudfrontmavenplugin.base.TimeSource;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.base.WriteCheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Carries out an {@link UploadPlan} on S3: the assets concurrently, then the pages, then the deletes. A write that
 * still fails after the client's retries is reported with its key and S3's error once the others of its phase
 * finished; after a failure no later phase starts, so pages never link to a missing asset and nothing is deleted.
 */
final class PlanExecution {
    /** How often a long publish reports how far it got. */
    static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(5);

    /**
     * @param written the objects written, with their new ETags, for the record
     * @param versionIds the S3 versions of the objects written, where the bucket has versioning
     * @param failures the keys that could not be written or deleted, with S3's error
     * @param notStarted the writes and deletes left out because of a failure before them
     */
    record Result(
            Map<String, PublishedObjects.Entry> written,
            Map<String, String> versionIds,
            int puts,
            int copies,
            long bytes,
            List<String> deleted,
            Map<String, String> failures,
            int notStarted) {}

    private final S3Bucket bucket;
    private final int concurrency;
    private final Progress progress;
    private final TimeSource time;
    private final WriteCheck locks;

    PlanExecution(S3Bucket bucket, int concurrency, Progress progress, TimeSource time) {
        this(bucket, concurrency, progress, time, WriteCheck.NONE);
    }

    /** @param locks asked before each phase (assets, pages, deletes): a deploy that lost its lock stops there */
    PlanExecution(S3Bucket bucket, int concurrency, Progress progress, TimeSource time, WriteCheck locks) {
        this.bucket = bucket;
        this.concurrency = concurrency;
        this.progress = progress;
        this.time = time;
        this.locks = locks;
    }

    Result run(UploadPlan plan) throws InterruptedException, UserFixableException {
        Map<String, PublishedObjects.Entry> written = new ConcurrentHashMap<>();
        Map<String, String> versionIds = new ConcurrentHashMap<>();
        Map<String, String> failures = new TreeMap<>();
        Meter meter = new Meter(plan.uploads().size(), plan.bytesToSend());
        ExecutorService pool = Executors.newFixedThreadPool(concurrency, new JoinedThreads("cloudfront-s3-upload"));
        Thread ticker = new Thread(meter::reportEveryInterval, "cloudfront-s3-progress");
        ticker.setDaemon(true);
        ticker.start();
        int notStarted = 0;
        List<String> deleted = new ArrayList<>();
        try {
            if (!plan.assets().isEmpty()) {
                locks.beforeWrite("uploading to " + plan.location());
            }
            writeAll(pool, plan.assets(), written, versionIds, failures, meter);
            if (failures.isEmpty()) {
                if (!plan.pages().isEmpty()) {
                    locks.beforeWrite("uploading the pages to " + plan.location());
                }
                writeAll(pool, plan.pages(), written, versionIds, failures, meter);
            } else {
                notStarted += plan.pages().size();
            }
            if (failures.isEmpty()) {
                if (!plan.deletes().isEmpty()) {
                    locks.beforeWrite("deleting from " + plan.location());
                }
                List<String> keys =
                        plan.deletes().stream().map(UploadPlan.Delete::key).toList();
                Map<String, String> notDeleted = bucket.delete(keys);
                failures.putAll(notDeleted);
                keys.stream().filter(key -> !notDeleted.containsKey(key)).forEach(deleted::add);
            } else {
                notStarted += plan.deletes().size();
            }
        } finally {
            pool.shutdownNow();
            ticker.interrupt();
            // No progress line after the writes' own report.
            ticker.join();
        }
        return new Result(
                Map.copyOf(written),
                Map.copyOf(versionIds),
                meter.puts.get(),
                meter.copies.get(),
                meter.bytes.get(),
                deleted,
                failures,
                notStarted);
    }

    private void writeAll(
            ExecutorService pool,
            List<UploadPlan.Upload> uploads,
            Map<String, PublishedObjects.Entry> written,
            Map<String, String> versionIds,
            Map<String, String> failures,
            Meter meter)
            throws InterruptedException {
        List<Future<?>> tasks = new ArrayList<>();
        Map<String, String> failed = new ConcurrentHashMap<>();
        for (UploadPlan.Upload upload : uploads) {
            tasks.add(pool.submit(() -> {
                try {
                    S3Bucket.Written done = bucket.write(upload);
                    written.put(
                            upload.key(),
                            new PublishedObjects.Entry(
                                    done.etag(),
                                    upload.sha256(),
                                    upload.headers().fingerprint()));
                    done.versionId().ifPresent(id -> versionIds.put(upload.key(), id));
                    meter.done(upload);
                    progress.debug("Wrote " + upload.key() + " (" + upload.reason() + ")");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failed.put(upload.key(), "interrupted");
                } catch (Exception e) {
                    failed.put(upload.key(), S3Failures.answer(e));
                }
                return null;
            }));
        }
        for (Future<?> task : tasks) {
            try {
                task.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("an upload task failed unexpectedly", e.getCause());
            }
        }
        failures.putAll(failed);
    }

    /** Files and bytes done, for the progress lines. */
    private final class Meter {
        final int totalFiles;
        final long totalBytes;
        final long start = time.nanoTime();
        final AtomicInteger puts = new AtomicInteger();
        final AtomicInteger copies = new AtomicInteger();
        final AtomicLong bytes = new AtomicLong();

        Meter(int totalFiles, long totalBytes) {
            this.totalFiles = totalFiles;
            this.totalBytes = totalBytes;
        }

        void done(UploadPlan.Upload upload) {
            if (upload.kind() == UploadPlan.Kind.PUT) {
                puts.incrementAndGet();
            } else {
                copies.incrementAndGet();
            }
            bytes.addAndGet(upload.bytesSent());
        }

        /**
         * Reports every {@link #PROGRESS_INTERVAL} of the time source from the start, until interrupted. The deadlines
         * count from the start, not from the last line, so a slow log does not stretch the interval.
         */
        void reportEveryInterval() {
            long due = start;
            try {
                while (true) {
                    due += PROGRESS_INTERVAL.toNanos();
                    for (long left = due - time.nanoTime(); left > 0; left = due - time.nanoTime()) {
                        time.sleep(Duration.ofNanos(left));
                    }
                    report();
                }
            } catch (InterruptedException e) {
                // the writes are done
            }
        }

        void report() {
            long sent = bytes.get();
            double seconds = Math.max(1e-3, (time.nanoTime() - start) / 1e9);
            double rate = sent / seconds;
            String left = rate <= 0 ? "" : ", about " + Math.round((totalBytes - sent) / rate) + " s left";
            progress.info("Uploaded " + Sizes.count(puts.get() + copies.get()) + " of " + Sizes.files(totalFiles)
                    + ", " + Sizes.bytes(sent) + " of " + Sizes.bytes(totalBytes) + " (" + Sizes.bytes((long) rate)
                    + "/s" + left + ")");
        }
    }
}
