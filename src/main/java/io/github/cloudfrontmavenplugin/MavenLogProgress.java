package io.github.cloudfrontmavenplugin;

import io.github.cloudfrontmavenplugin.base.Progress;
import org.apache.maven.plugin.logging.Log;

/**
 * Routes the core's progress reports to Maven's log, one line at a time across the whole plugin.
 *
 * <p>Several distributions and {@code -T} reactor builds report from several threads at once. Maven 4.0.0-rc-4's
 * logger renders its level names lazily without synchronisation, so a logger's first lines written at the same moment
 * can come out as {@code [null]} instead of {@code [INFO]}. Writing under one lock, shared by every execution of the
 * plugin in the build, avoids that and keeps concurrent lines whole.
 */
final class MavenLogProgress implements Progress {
    private static final Object ONE_WRITER = new Object();

    private final Log log;

    MavenLogProgress(Log log) {
        this.log = log;
    }

    @Override
    public void info(String message) {
        synchronized (ONE_WRITER) {
            log.info(message);
        }
    }

    @Override
    public void warn(String message) {
        synchronized (ONE_WRITER) {
            log.warn(message);
        }
    }

    @Override
    public void debug(String message) {
        if (log.isDebugEnabled()) {
            synchronized (ONE_WRITER) {
                log.debug(message);
            }
        }
    }
}
