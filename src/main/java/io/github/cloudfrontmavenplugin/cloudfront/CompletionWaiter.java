package io.github.cloudfrontmavenplugin.cloudfront;

import io.github.cloudfrontmavenplugin.base.Progress;
import io.github.cloudfrontmavenplugin.base.TimeSource;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import java.time.Duration;

/**
 * Polls an invalidation until CloudFront reports it {@code Completed} or the timeout passes, on a schedule that
 * starts at about a second and grows with the time waited to about 20 seconds, so that short invalidations are seen
 * done promptly and long ones do not spend API calls.
 */
public final class CompletionWaiter {
    /** How often to report progress at INFO while waiting; every poll is reported at DEBUG. */
    private static final Duration REPORT_INTERVAL = Duration.ofSeconds(15);

    private final CloudFrontInvalidations cloudFront;
    private final Pacing pacing;
    private final TimeSource time;
    private final Progress progress;

    public CompletionWaiter(CloudFrontInvalidations cloudFront, Pacing pacing, Progress progress) {
        this.cloudFront = cloudFront;
        this.pacing = pacing;
        this.time = pacing.time();
        this.progress = progress;
    }

    /** What the wait ended with: the last status seen, how long it took and how many times CloudFront was asked. */
    public record Result(InvalidationInfo invalidation, Duration elapsed, int polls) {
        public boolean completed() {
            return invalidation.isCompleted();
        }
    }

    /**
     * @param known the invalidation as last reported; if it is already completed, CloudFront is not asked again
     */
    public Result await(InvalidationInfo known, Duration timeout) throws UserFixableException, InterruptedException {
        long start = time.nanoTime();
        long deadline = start + timeout.toNanos();
        long lastReport = start;
        InvalidationInfo current = known;
        int polls = 0;
        progress.info("Waiting for invalidation " + known.id() + " to complete (timeout "
                + InvalidationSubmitter.seconds(timeout) + ")");
        while (!current.isCompleted()) {
            long now = time.nanoTime();
            if (now - deadline >= 0) {
                break;
            }
            Duration delay = pacing.delay(Duration.ofNanos(now - start));
            time.sleep(Duration.ofNanos(Math.min(delay.toNanos(), deadline - now)));
            current = cloudFront.get(known.target(), known.id());
            polls++;
            long after = time.nanoTime();
            Duration elapsed = Duration.ofNanos(after - start);
            progress.debug("Poll " + polls + ": invalidation " + current.id() + " is " + current.status() + " after "
                    + elapsed.toMillis() + " ms");
            if (!current.isCompleted() && after - lastReport >= REPORT_INTERVAL.toNanos()) {
                progress.info("Invalidation " + current.id() + " is " + current.status() + " ("
                        + InvalidationSubmitter.seconds(elapsed) + " elapsed)");
                lastReport = after;
            }
        }
        return new Result(current, Duration.ofNanos(time.nanoTime() - start), polls);
    }
}
