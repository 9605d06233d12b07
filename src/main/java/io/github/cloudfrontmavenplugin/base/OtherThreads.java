package io.github.cloudfrontmavenplugin.base;

/** Failures of work done on another thread, given back to the thread that waits for it. */
public final class OtherThreads {
    private OtherThreads() {}

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
