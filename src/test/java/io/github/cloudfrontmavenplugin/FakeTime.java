package io.github.cloudfrontmavenplugin;

import io.github.cloudfrontmavenplugin.base.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A clock that moves only when the code under test sleeps. Shared with the emulator, it makes a 15-minute wait take
 * no time while the emulator still sees the time pass.
 */
public final class FakeTime implements TimeSource, Supplier<Instant> {
    private Instant now;
    private long nanos;
    private final List<Duration> sleeps = new ArrayList<>();

    public FakeTime(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized long nanoTime() {
        return nanos;
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public Instant get() {
        return now();
    }

    @Override
    public synchronized void sleep(Duration duration) {
        sleeps.add(duration);
        advance(duration);
    }

    public synchronized void advance(Duration duration) {
        now = now.plus(duration);
        nanos += duration.toNanos();
    }

    public synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    public synchronized Duration elapsed() {
        return Duration.ofNanos(nanos);
    }
}
