package io.github.cloudfrontmavenplugin;

import io.github.cloudfrontmavenplugin.core.Progress;
import org.apache.maven.plugin.logging.Log;

/** Routes the core's progress reports to Maven's log. */
final class MavenLogProgress implements Progress {
    private final Log log;

    MavenLogProgress(Log log) {
        this.log = log;
    }

    @Override
    public void info(String message) {
        log.info(message);
    }

    @Override
    public void warn(String message) {
        log.warn(message);
    }

    @Override
    public void debug(String message) {
        if (log.isDebugEnabled()) {
            log.debug(message);
        }
    }
}
