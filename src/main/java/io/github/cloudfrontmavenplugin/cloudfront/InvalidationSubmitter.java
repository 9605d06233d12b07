package io.github.cloudfrontmavenplugin.cloudfront;

import io.github.cloudfrontmavenplugin.base.Progress;
import io.github.cloudfrontmavenplugin.base.TimeSource;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Submits one invalidation batch. When CloudFront has no room for it under the in-progress limits, which the SDK does
 * not retry, it waits for running invalidations to finish and tries again, with the same CallerReference, until
 * {@code retryTimeout} has passed.
 */
public final class InvalidationSubmitter {
    private final CloudFrontInvalidations cloudFront;
    private final Pacing pacing;
    private final TimeSource time;
    private final Progress progress;

    public InvalidationSubmitter(CloudFrontInvalidations cloudFront, Pacing pacing, Progress progress) {
        this.cloudFront = cloudFront;
        this.pacing = pacing;
        this.time = pacing.time();
        this.progress = progress;
    }

    public InvalidationInfo submit(Target target, List<String> paths, String callerReference, Duration retryTimeout)
            throws UserFixableException, InterruptedException {
        long start = time.nanoTime();
        while (true) {
            try {
                return cloudFront.create(target, paths, callerReference);
            } catch (SdkException e) {
                if (!CloudFrontInvalidations.isTooManyInProgress(e)) {
                    throw e;
                }
                Duration waited = Duration.ofNanos(time.nanoTime() - start);
                Duration left = retryTimeout.minus(waited);
                if (left.isNegative() || left.isZero()) {
                    throw new UserFixableException(
                            CloudFrontErrors.explainTooManyInProgress(
                                    (AwsServiceException) e,
                                    CloudFrontCall.createInvalidation(target, paths, callerReference),
                                    waited),
                            e);
                }
                Duration delay = min(pacing.delay(waited), left);
                progress.info(target.describeCapitalised() + " has too many invalidations in progress;"
                        + " trying again in " + seconds(delay) + " (waited " + seconds(waited) + " of "
                        + seconds(retryTimeout) + ")");
                time.sleep(delay);
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    static String seconds(Duration duration) {
        return Math.round(duration.toMillis() / 1000.0) + " s";
    }
}
