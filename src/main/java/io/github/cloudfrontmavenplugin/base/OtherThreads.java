package io.github.cloudfrontmavenplugin.base;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Failures of work done on another thread, given back to the thread that waits for it. */
public final class OtherThreads {
    private OtherThreads() {}

    /** Waits for every task, in order, and gives back their results; a failure is thrown as {@link #rethrow} does. */
    public static <T> List<T> awaitAll(List<? extends Future<T>> tasks)
            throws UserFixableException, InterruptedException {
        List<T> results = new ArrayList<>(tasks.size());
        for (Future<T> task : tasks) {
            try {
                results.add(task.get());
            } catch (ExecutionException e) {
                rethrow(e.getCause());
            }
        }
        return results;
    }

    /** Throws a failure that a task on another thread ended with, as what it is. */
    public static void rethrow(Throwable failure) throws UserFixableException, InterruptedException {
        if (failure instanceof UserFixableException userFixable) {
            throw userFixable;
        }
        if (failure instanceof InterruptedException interrupted) {
            throw interrupted;
        }
        if (failure instanceof RuntimeException unexpected) {
            throw unexpected;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        throw new IllegalStateException(failure);
    }
}
