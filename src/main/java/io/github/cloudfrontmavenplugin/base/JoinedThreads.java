package io.github.cloudfrontmavenplugin.base;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;

/**
 * Daemon threads of one name that can all be waited for: an executor's termination is reported before its last
 * thread has ended, and a thread of a build step must have ended when the step returns.
 */
public final class JoinedThreads implements ThreadFactory {
    private final String name;
    private final List<Thread> started = new CopyOnWriteArrayList<>();

    public JoinedThreads(String name) {
        this.name = name;
    }

    @Override
    public Thread newThread(Runnable runnable) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        started.add(thread);
        return thread;
    }

    /** Every thread started so far. */
    public List<Thread> started() {
        return List.copyOf(started);
    }

    /**
     * Waits until every thread started has ended, even when interrupted (the interrupt is kept for the caller): the
     * caller has made sure they end, by shutting their executor down and closing the clients they wait on.
     */
    public void join() {
        boolean interrupted = false;
        for (Thread thread : started) {
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
