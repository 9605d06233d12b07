package io.github.cloudfrontmavenplugin;

import io.github.cloudfrontmavenplugin.base.Progress;
import java.util.ArrayList;
import java.util.List;

/** Keeps what the core reported, level by level. */
public final class RecordingProgress implements Progress {
    public final List<String> info = new ArrayList<>();
    public final List<String> warnings = new ArrayList<>();
    public final List<String> debug = new ArrayList<>();

    @Override
    public synchronized void info(String message) {
        info.add(message);
        notifyAll();
    }

    /**
     * Waits (at most a minute, should they never come) until {@code count} info lines start with {@code prefix}, as
     * another thread reports them; @return those lines.
     */
    public synchronized List<String> awaitInfo(String prefix, int count) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(1);
        while (infoStartingWith(prefix).size() < count) {
            long left = java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                throw new IllegalStateException(count + " lines starting with '" + prefix + "' never came: " + info);
            }
            wait(left);
        }
        return infoStartingWith(prefix);
    }

    public synchronized List<String> infoStartingWith(String prefix) {
        return info.stream().filter(line -> line.startsWith(prefix)).toList();
    }

    @Override
    public synchronized void warn(String message) {
        warnings.add(message);
    }

    @Override
    public synchronized void debug(String message) {
        debug.add(message);
    }

    public synchronized String all() {
        return String.join("\n", info) + "\n" + String.join("\n", warnings) + "\n" + String.join("\n", debug);
    }
}
