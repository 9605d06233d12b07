package io.github.cloudfrontmavenplugin.base;

import java.time.Duration;
import java.time.Instant;

/** Reads the clock and sleeps; tests replace it so that waiting takes no time. */
public interface TimeSource {
    long nanoTime();

    Instant now();

    void sleep(Duration duration) throws InterruptedException;

    TimeSource SYSTEM = new TimeSource() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public Instant now() {
            return Instant.now();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        }
    };
}
