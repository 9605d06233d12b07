package io.github.cloudfrontmavenplugin.emulator;

import java.time.Duration;
import java.util.Map;

/**
 * A failure the emulator injects into the next requests of one operation, as the live service or the network
 * produces them.
 */
public sealed interface Fault {
    /** HTTP 400 {@code Throttling: Rate exceeded}, which the SDK retries. */
    static Fault throttling() {
        return new Error(new ApiError(400, "Throttling", "Rate exceeded"));
    }

    /** The HTTP status of each error code in CloudFront's model (2020-05-31) for the operations the plugin calls. */
    Map<String, Integer> MODELLED_ERRORS = Map.ofEntries(
            Map.entry("AccessDenied", 403),
            Map.entry("MissingBody", 400),
            Map.entry("InvalidArgument", 400),
            Map.entry("NoSuchDistribution", 404),
            Map.entry("NoSuchInvalidation", 404),
            Map.entry("EntityNotFound", 404),
            Map.entry("BatchTooLarge", 413),
            Map.entry("TooManyInvalidationsInProgress", 400),
            Map.entry("InconsistentQuantities", 400),
            Map.entry("InvalidationBatchAlreadyExists", 409),
            Map.entry("Throttling", 400));

    /** Any error of CloudFront's model, by its code, with the status the model gives it. */
    static Fault error(String code, String message) {
        Integer status = MODELLED_ERRORS.get(code);
        if (status == null) {
            throw new IllegalArgumentException(
                    code + " is not an error of CloudFront's model: " + MODELLED_ERRORS.keySet());
        }
        return new Error(new ApiError(status, code, message));
    }

    /** A 5xx answer, which the SDK retries. */
    static Fault serverError(int status) {
        String code = status == 503 ? "ServiceUnavailable" : "InternalFailure";
        return new Error(new ApiError(status, code, "We encountered an internal error. Please try again."));
    }

    /**
     * Holds the request until {@code count} held requests of its operation are in flight at once (at most a minute),
     * so a test sees concurrency by construction rather than by timing: a client that sends one at a time is held the
     * whole minute and then shows only one in flight (its retries, after its socket timeout, are the same request).
     */
    static Fault holdUntilInFlight(int count) {
        return new HoldUntilInFlight(count, Duration.ofMinutes(1));
    }

    /**
     * Holds the request until the test counts {@code release} down (at most a minute): the client is caught in the
     * middle of its work, for as long as the test needs to look at it.
     */
    static Fault holdUntil(java.util.concurrent.CountDownLatch release) {
        return new HoldUntil(release, Duration.ofMinutes(1));
    }

    /**
     * Holds the request until the test counts {@code release} down (at most a minute), then closes its connection
     * unanswered without handling it: a request in flight when its client was killed, which takes no effect.
     */
    static Fault holdThenDrop(java.util.concurrent.CountDownLatch release) {
        return new HoldThenDrop(release, Duration.ofMinutes(1));
    }

    /** Waits before handling the request, as a slow service does. */
    static Fault delay(Duration delay) {
        return new Delay(delay);
    }

    /**
     * Handles the request (an invalidation is created) and then closes the connection without answering, as when a
     * response is lost on the way back: the client cannot tell whether the request took effect.
     */
    static Fault dropConnectionAfterCommit() {
        return new DropConnectionAfterCommit();
    }

    /** Closes the connection before handling the request: nothing takes effect. */
    static Fault dropConnectionBeforeCommit() {
        return new DropConnectionBeforeCommit();
    }

    record Error(ApiError error) implements Fault {}

    record Delay(Duration delay) implements Fault {}

    record HoldUntilInFlight(int count, Duration timeout) implements Fault {}

    record HoldUntil(java.util.concurrent.CountDownLatch release, Duration timeout) implements Fault {}

    record HoldThenDrop(java.util.concurrent.CountDownLatch release, Duration timeout) implements Fault {}

    record DropConnectionAfterCommit() implements Fault {}

    record DropConnectionBeforeCommit() implements Fault {}
}
