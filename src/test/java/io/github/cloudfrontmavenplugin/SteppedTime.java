package io.github.cloudfrontmavenplugin;

import io.github.cloudfrontmavenplugin.base.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * A clock that moves only when the test steps it; a thread that sleeps waits until the clock has moved far enough.
 * Unlike {@link FakeTime}, whose sleeps move the clock themselves, it lets a test hold code that repeats on a timer
 * (a progress line every few seconds) between two steps of the clock, and see exactly what each step causes.
 */
public final class SteppedTime implements TimeSource {
    private static final Duration AT_MOST = Duration.ofMinutes(1);

    private final Instant start;
    private long nanos;
    private int sleepers;

    public SteppedTime(Instant start) {
        this.start = start;
    }

    @Override
    public synchronized long nanoTime() {
        return nanos;
    }

    @Override
    public synchronized Instant now() {
        return start.plusNanos(nanos);
    }

    @Override
    public synchronized void sleep(Duration duration) throws InterruptedException {
        long until = nanos + duration.toNanos();
        sleepers++;
        notifyAll();
        try {
            while (nanos < until) {
                wait();
            }
        } finally {
            sleepers--;
        }
    }

    /** Moves the clock on, waking the sleepers whose time has come. */
    public synchronized void step(Duration duration) {
        nanos += duration.toNanos();
        notifyAll();
    }

    /**
     * Waits (at most a minute of real time, should the code under test never sleep) until {@code count} threads sleep
     * on this clock: then a step reaches them.
     */
    public synchronized void awaitSleepers(int count) throws InterruptedException {
        long deadline = System.nanoTime() + AT_MOST.toNanos();
        while (sleepers < count) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                throw new IllegalStateException(
                        "expected " + count + " threads to sleep on the clock, but " + sleepers + " do");
            }
            wait(left);
        }
    }
}
