package io.github.cloudfrontmavenplugin.core;

import io.github.cloudfrontmavenplugin.base.OtherThreads;
import io.github.cloudfrontmavenplugin.base.Progress;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Function;

/**
 * Holds the invalidations of one multi-module build until its last module that invalidates has run, so that modules
 * sharing a distribution spend one batch (and one of CloudFront's in-progress slots) instead of one each.
 *
 * <p>Every execution of the goal arrives here, also skipped ones and ones that invalidate at once, since the last
 * arrival releases the held requests. Guessing too few arrivals only splits the batch; guessing too many would hold
 * requests forever, so the expected count errs low. One instance lives exactly as long as the build and is shared by
 * its modules' threads; the Maven side keeps it in Maven's plugin context.
 */
public final class EndOfReactor {
    private final Map<String, Integer> expected;
    private final Map<String, Integer> arrived = new HashMap<>();
    private final List<Held> held = new ArrayList<>();

    private record Held(String module, DeployRequest request) {}

    /** Requests that share one batch, and the modules they come from. */
    public record Due(List<String> modules, List<? extends DeployRequest> requests) {
        public Due {
            modules = List.copyOf(modules);
            requests = List.copyOf(requests);
        }
    }

    /**
     * What an arrival leads to.
     *
     * @param modulesToCome how many modules still have an execution of the goal to run (a module with two counts once)
     */
    public record Arrival(List<Due> due, int modulesToCome) {}

    /** @param expected how many times each module runs the goal in this build */
    public EndOfReactor(Map<String, Integer> expected) {
        this.expected = Map.copyOf(expected);
    }

    /**
     * @param request the request to hold, or empty when this execution invalidates nothing at the end (skipped, or
     *     {@code invalidateAtEnd} is off)
     * @return the batches now due: none while expected executions are still to come; every held request once the
     *     last one arrived; this request alone if this execution was not expected (the batch is split rather than held
     *     for ever)
     */
    public synchronized Arrival arrive(String module, Optional<DeployRequest> request) {
        int count = arrived.merge(module, 1, Integer::sum);
        if (count > expected.getOrDefault(module, 0)) {
            return new Arrival(
                    request.map(r -> List.of(new Due(List.of(module), List.of(r))))
                            .orElse(List.of()),
                    0);
        }
        request.ifPresent(r -> held.add(new Held(module, r)));
        int modulesToCome = modulesToCome();
        if (modulesToCome > 0) {
            return new Arrival(List.of(), modulesToCome);
        }
        List<Due> due = groups(held);
        held.clear();
        return new Arrival(due, 0);
    }

    private int modulesToCome() {
        int missing = 0;
        for (Map.Entry<String, Integer> entry : expected.entrySet()) {
            if (entry.getValue() > arrived.getOrDefault(entry.getKey(), 0)) {
                missing++;
            }
        }
        return missing;
    }

    /**
     * Requests for the same distributions (or all their tenants), through the same connection, and equally dry, share
     * a batch.
     */
    private static List<Due> groups(List<Held> held) {
        Map<List<Object>, List<Held>> byBatch = new LinkedHashMap<>();
        for (Held one : held) {
            byBatch.computeIfAbsent(batchKey(one.request()), key -> new ArrayList<>())
                    .add(one);
        }
        List<Due> due = new ArrayList<>();
        for (List<Held> group : byBatch.values()) {
            due.add(new Due(
                    group.stream().map(Held::module).distinct().toList(),
                    group.stream().map(Held::request).toList()));
        }
        return due;
    }

    private static List<Object> batchKey(DeployRequest deploy) {
        InvalidateRequest request = deploy.invalidation();
        List<String> distributions = request.distributionIds().stream()
                .map(DistributionIds::canonical)
                .distinct()
                .toList();
        return List.of(distributions, request.connection(), request.dryRun(), request.allTenants());
    }

    /**
     * Deploys the due batches, each with its own {@link Deploy}, all at the same time so that one batch's wait does
     * not delay the next one's creation; a failure fails after the others finished.
     *
     * @param deploy makes the {@link Deploy} of one batch, reporting to the progress it is given
     */
    public static void send(List<Due> due, Progress progress, Function<Progress, Deploy> deploy)
            throws UserFixableException, InterruptedException {
        List<FutureTask<Void>> tasks = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (Due batch : due) {
            Progress log = due.size() == 1
                    ? progress
                    : progress.prefixed("["
                            + String.join(
                                    ", ", batch.requests().get(0).invalidation().distributionIds()) + "] ");
            FutureTask<Void> task = new FutureTask<>(() -> {
                if (batch.modules().size() > 1) {
                    log.info("One invalidation at the end of the build for "
                            + batch.modules().size() + " modules: " + String.join(", ", batch.modules()));
                }
                deploy.apply(log).run(batch.requests());
                return null;
            });
            Thread thread = new Thread(task, "cloudfront-end-of-build");
            thread.setDaemon(true);
            tasks.add(task);
            threads.add(thread);
            thread.start();
        }
        Throwable first = null;
        try {
            for (FutureTask<Void> task : tasks) {
                try {
                    task.get();
                } catch (ExecutionException e) {
                    if (due.size() > 1) {
                        progress.warn("The invalidation for "
                                + String.join(", ", due.get(tasks.indexOf(task)).modules()) + " failed: "
                                + e.getCause().getMessage());
                    }
                    if (first == null) {
                        first = e.getCause();
                    } else {
                        first.addSuppressed(e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            threads.forEach(Thread::interrupt);
            throw e;
        }
        if (first != null) {
            OtherThreads.rethrow(first);
        }
    }
}
