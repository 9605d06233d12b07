package io.github.cloudfrontmavenplugin.core;

import io.github.cloudfrontmavenplugin.base.UserFixableException;
import java.time.Duration;

/**
 * Whether and how long to wait for an invalidation to complete.
 *
 * @param failOnTimeout fail the build when the timeout passes first; otherwise warn and pass
 */
public record WaitSettings(boolean enabled, Duration timeout, boolean failOnTimeout) {
    public static final WaitSettings NO_WAIT = new WaitSettings(false, Duration.ofSeconds(900), true);

    public static WaitSettings of(boolean enabled, int timeoutSeconds, boolean failOnTimeout)
            throws UserFixableException {
        if (timeoutSeconds <= 0) {
            throw new UserFixableException("<waitTimeout> (cloudfront.waitTimeout) is " + timeoutSeconds
                    + "; it is the number of seconds to wait for the invalidation to complete and must be positive,"
                    + " for example 900.");
        }
        return new WaitSettings(enabled, Duration.ofSeconds(timeoutSeconds), failOnTimeout);
    }

    /** Waits if either does, as long as the longer wait, failing on timeout if a wait that asks so is involved. */
    WaitSettings or(WaitSettings other) {
        if (!other.enabled) {
            return this;
        }
        if (!enabled) {
            return other;
        }
        Duration longer = timeout.compareTo(other.timeout) >= 0 ? timeout : other.timeout;
        return new WaitSettings(true, longer, failOnTimeout || other.failOnTimeout);
    }
}
