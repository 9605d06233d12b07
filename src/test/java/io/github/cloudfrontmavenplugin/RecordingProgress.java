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
