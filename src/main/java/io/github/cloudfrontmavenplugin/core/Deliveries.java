package io.github.cloudfrontmavenplugin.core;

import io.github.cloudfrontmavenplugin.base.OtherThreads;
import io.github.cloudfrontmavenplugin.base.Progress;
import io.github.cloudfrontmavenplugin.base.TimeSource;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.cloudfront.CloudFrontInvalidations;
import io.github.cloudfrontmavenplugin.cloudfront.GrowingDelay;
import io.github.cloudfrontmavenplugin.cloudfront.InvalidationInfo;
import io.github.cloudfrontmavenplugin.cloudfront.InvalidationSubmitter;
import io.github.cloudfrontmavenplugin.cloudfront.Pacing;
import io.github.cloudfrontmavenplugin.cloudfront.Target;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.random.RandomGenerator;

/**
 * Sends one batch to each of its distributions and waits for each, all at the same time: a slow or failing
 * distribution neither delays nor stops the others. The deploy is recorded only once every distribution accepted the
 * batch, so that a failure leaves the manifest as it was and the next deploy invalidates the same changes again.
 */
final class Deliveries {
    /** Records the deploy; called once, after every distribution accepted the batch. */
    @FunctionalInterface
    interface Recording {
        void record() throws UserFixableException;

        Recording NOTHING = () -> {};
    }

    private final CloudFrontInvalidations cloudFront;
    private final Batch batch;
    private final WaitSettings waiting;
    private final Duration inProgressRetryTimeout;
    private final List<Path> outputFiles;
    private final TimeSource time;
    private final RandomGenerator random;
    private final Progress progress;
    private final boolean several;

    Deliveries(
            CloudFrontInvalidations cloudFront,
            Batch batch,
            WaitSettings waiting,
            Duration inProgressRetryTimeout,
            List<Path> outputFiles,
            TimeSource time,
            RandomGenerator random,
            Progress progress) {
        this.cloudFront = cloudFront;
        this.batch = batch;
        this.waiting = waiting;
        this.inProgressRetryTimeout = inProgressRetryTimeout;
        this.outputFiles = outputFiles;
        this.time = time;
        // The callers' generators need not be thread-safe; every delivery draws from the one generator in turn.
        this.random = () -> {
            synchronized (random) {
                return random.nextLong();
            }
        };
        this.progress = progress;
        this.several = batch.distributionIds().size() > 1;
    }

    /** One distribution's part: the invalidation once it is created, then as last seen after the wait. */
    private final class Delivery {
        final String distribution;
        final Progress log;
        final CompletableFuture<InvalidationInfo> created = new CompletableFuture<>();
        final FutureTask<InvalidationInfo> task = new FutureTask<>(this::createAndAwait);
        Optional<Throwable> failure = Optional.empty();
        Optional<InvalidationInfo> last = Optional.empty();

        Delivery(String distribution) {
            this.distribution = distribution;
            this.log = several ? progress.prefixed("[" + distribution + "] ") : progress;
        }

        private InvalidationInfo createAndAwait() throws UserFixableException, InterruptedException {
            InvalidationInfo invalidation;
            try {
                invalidation = create();
                created.complete(invalidation);
            } catch (Throwable e) {
                created.completeExceptionally(e);
                throw e;
            }
            InvalidationInfo seen = Waiting.await(cloudFront, invalidation, waiting, time, random, log);
            return withLocation(seen, invalidation);
        }

        private InvalidationInfo create() throws UserFixableException, InterruptedException {
            Target target = DistributionIds.resolve(cloudFront, distribution, log);
            InvalidationInfo invalidation = new InvalidationSubmitter(
                            cloudFront, new Pacing(time, GrowingDelay.IN_PROGRESS_LIMIT, random), log)
                    .submit(target, batch.paths(), batch.callerReference(), inProgressRetryTimeout);
            log.info("Created invalidation " + invalidation.id() + " on "
                    + invalidation.target().describe() + " for "
                    + Batch.count(invalidation.paths().size()) + " (" + invalidation.status() + ")");
            invalidation.location().ifPresent(location -> log.info("Location: " + location));
            log.debug("CallerReference: " + invalidation.callerReference());
            return invalidation;
        }
    }

    /**
     * @param recording records the deploy once every distribution accepted the batch
     * @return the invalidations as last seen, in the order of the distributions
     * @throws UserFixableException when any distribution failed, after all of them finished
     */
    List<InvalidationInfo> run(Recording recording) throws UserFixableException, InterruptedException {
        List<Delivery> deliveries = new ArrayList<>();
        for (String distribution : batch.distributionIds()) {
            deliveries.add(new Delivery(distribution));
        }
        // A thread even for one distribution: the deploy is recorded as soon as the batch is accepted, not after
        // the wait.
        List<Thread> threads = new ArrayList<>();
        for (Delivery delivery : deliveries) {
            Thread thread = new Thread(delivery.task, "cloudfront-" + delivery.distribution);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        try {
            return finish(deliveries, recording);
        } catch (InterruptedException e) {
            threads.forEach(Thread::interrupt);
            throw e;
        }
    }

    private List<InvalidationInfo> finish(List<Delivery> deliveries, Recording recording)
            throws UserFixableException, InterruptedException {
        List<InvalidationInfo> created = new ArrayList<>();
        for (Delivery delivery : deliveries) {
            outcome(delivery.created, delivery).ifPresent(created::add);
        }
        // Recording the deploy or writing the output file may fail once the batch is out; the build still waits for
        // every distribution, then fails saying what was created.
        List<UserFixableException> afterCreation = new ArrayList<>();
        if (created.size() == deliveries.size()) {
            try {
                recording.record();
            } catch (UserFixableException e) {
                afterCreation.add(e);
            }
        } else if (several && recording != Recording.NOTHING) {
            progress.warn("Not every "
                    + DistributionIds.noun(List.of(batch.distributionIds().get(0)))
                    + " accepted the invalidation, so the deploy is not recorded in any"
                    + " manifest: the next deploy invalidates the same changes again.");
        }
        Optional<UserFixableException> unwritten = writeOutputFiles(created);
        unwritten.ifPresent(afterCreation::add);
        List<InvalidationInfo> last = new ArrayList<>();
        for (Delivery delivery : deliveries) {
            if (delivery.failure.isEmpty()) {
                delivery.last = outcome(delivery.task, delivery);
                delivery.last.ifPresent(last::add);
            }
        }
        if (waiting.enabled() && unwritten.isEmpty()) {
            writeOutputFiles(last).ifPresent(afterCreation::add);
        }
        if (several) {
            report(deliveries);
        }
        throwFailures(deliveries, created, afterCreation);
        return last;
    }

    /** The future's value; a failure is kept on the delivery, to be reported once all have finished. */
    private static Optional<InvalidationInfo> outcome(Future<InvalidationInfo> future, Delivery delivery)
            throws InterruptedException {
        try {
            return Optional.of(future.get());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            delivery.failure = Optional.of(cause);
            return Optional.empty();
        }
    }

    private Optional<UserFixableException> writeOutputFiles(List<InvalidationInfo> invalidations) {
        try {
            for (Path file : outputFiles) {
                if (!invalidations.isEmpty()) {
                    OutputFile.write(file, invalidations, several);
                }
            }
            return Optional.empty();
        } catch (UserFixableException e) {
            return Optional.of(e);
        }
    }

    private void report(List<Delivery> deliveries) {
        progress.info(
                "Invalidations on " + deliveries.size() + " " + DistributionIds.noun(batch.distributionIds()) + ":");
        int width =
                deliveries.stream().mapToInt(d -> d.distribution.length()).max().orElse(0);
        for (Delivery delivery : deliveries) {
            String name = String.format("%-" + width + "s", delivery.distribution);
            if (delivery.last.isPresent()) {
                InvalidationInfo last = delivery.last.get();
                progress.info("  " + name + "  " + last.id() + "  " + last.status());
            } else {
                progress.warn("  " + name + "  failed: "
                        + delivery.failure.map(Throwable::getMessage).orElse(""));
            }
        }
    }

    private void throwFailures(
            List<Delivery> deliveries, List<InvalidationInfo> created, List<UserFixableException> afterCreation)
            throws UserFixableException, InterruptedException {
        List<Throwable> failures = new ArrayList<>();
        for (Delivery delivery : deliveries) {
            delivery.failure.ifPresent(failures::add);
        }
        if (!several && !failures.isEmpty()) {
            afterCreation.forEach(failures.get(0)::addSuppressed);
            OtherThreads.rethrow(failures.get(0));
        }
        if (!afterCreation.isEmpty()) {
            UserFixableException first = afterCreation.get(0);
            String ids =
                    String.join(", ", created.stream().map(InvalidationInfo::id).toList());
            UserFixableException failure = new UserFixableException(
                    (created.size() == 1 ? "Invalidation " : "Invalidations ") + ids
                            + (created.size() == 1 ? " was" : " were") + " created, but: " + first.getMessage(),
                    first);
            afterCreation.stream().skip(1).forEach(failure::addSuppressed);
            failures.forEach(failure::addSuppressed);
            throw failure;
        }
        if (failures.isEmpty()) {
            return;
        }
        for (Throwable failure : failures) {
            if (!(failure instanceof UserFixableException)) {
                failures.stream().filter(other -> other != failure).forEach(failure::addSuppressed);
                OtherThreads.rethrow(failure);
            }
        }
        StringBuilder message = new StringBuilder("The invalidation failed on " + failures.size() + " of "
                + deliveries.size() + " " + DistributionIds.noun(batch.distributionIds())
                + " (the others finished as reported above):");
        for (Delivery delivery : deliveries) {
            delivery.failure.ifPresent(f -> message.append("\n  ")
                    .append(delivery.distribution)
                    .append(": ")
                    .append(f.getMessage()));
        }
        UserFixableException combined = new UserFixableException(message.toString(), failures.get(0));
        failures.stream().skip(1).forEach(combined::addSuppressed);
        throw combined;
    }

    private static InvalidationInfo withLocation(InvalidationInfo last, InvalidationInfo created) {
        return new InvalidationInfo(
                last.target(),
                last.id(),
                last.status(),
                last.createTime(),
                last.paths(),
                last.callerReference(),
                created.location());
    }
}
