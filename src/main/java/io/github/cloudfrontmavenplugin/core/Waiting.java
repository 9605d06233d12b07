package io.github.cloudfrontmavenplugin.core;

import io.github.cloudfrontmavenplugin.base.Progress;
import io.github.cloudfrontmavenplugin.base.TimeSource;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.cloudfront.CloudFrontInvalidations;
import io.github.cloudfrontmavenplugin.cloudfront.CompletionWaiter;
import io.github.cloudfrontmavenplugin.cloudfront.GrowingDelay;
import io.github.cloudfrontmavenplugin.cloudfront.InvalidationInfo;
import io.github.cloudfrontmavenplugin.cloudfront.Pacing;
import java.util.random.RandomGenerator;

/** Waits for an invalidation as {@link WaitSettings} say, for both goals, and reports how the wait ended. */
final class Waiting {
    private Waiting() {}

    /**
     * @return the invalidation as last seen
     * @throws UserFixableException when the timeout passed first and the build should fail
     */
    static InvalidationInfo await(
            CloudFrontInvalidations cloudFront,
            InvalidationInfo invalidation,
            WaitSettings wait,
            TimeSource time,
            RandomGenerator random,
            Progress progress)
            throws UserFixableException, InterruptedException {
        if (!wait.enabled() || invalidation.isCompleted()) {
            return invalidation;
        }
        CompletionWaiter.Result result = new CompletionWaiter(
                        cloudFront, new Pacing(time, GrowingDelay.POLL, random), progress)
                .await(invalidation, wait.timeout());
        InvalidationInfo last = result.invalidation();
        long seconds = Math.round(result.elapsed().toMillis() / 1000.0);
        if (result.completed()) {
            progress.info("Invalidation " + last.id() + " completed after " + seconds + " s");
            return last;
        }
        String message = "Invalidation " + last.id() + " on " + last.target().describe() + " is still "
                + last.status() + " after " + seconds + " s, the <waitTimeout> (cloudfront.waitTimeout). CloudFront"
                + " finishes it on its own; check it later with: mvn cloudfront:get-invalidation"
                + " -Dcloudfront.distributionId=" + last.distributionId() + " -Dcloudfront.invalidationId="
                + last.id() + " -Dcloudfront.wait";
        if (wait.failOnTimeout()) {
            throw new UserFixableException(message + " (or set <failOnTimeout>false</failOnTimeout>,"
                    + " cloudfront.failOnTimeout, to warn instead of failing).");
        }
        progress.warn(message);
        return last;
    }
}
