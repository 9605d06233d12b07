package io.github.cloudfrontmavenplugin.emulator;

import java.time.Duration;

/**
 * A failure the emulator injects into the next requests of one operation, as the live service or the network
 * produces them.
 */
public sealed interface Fault {
    /** HTTP 400 {@code Throttling: Rate exceeded}, which the SDK retries. */
    static Fault throttling() {
        return new Error(new ApiError(400, "Throttling", "Rate exceeded"));
    }

    /** A 5xx answer, which the SDK retries. */
    static Fault serverError(int status) {
        String code = status == 503 ? "ServiceUnavailable" : "InternalFailure";
        return new Error(new ApiError(status, code, "We encountered an internal error. Please try again."));
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

    record DropConnectionAfterCommit() implements Fault {}

    record DropConnectionBeforeCommit() implements Fault {}
}
