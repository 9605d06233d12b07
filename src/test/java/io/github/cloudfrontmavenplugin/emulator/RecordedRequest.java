package io.github.cloudfrontmavenplugin.emulator;

import java.time.Instant;
import java.util.Optional;

/**
 * One request as the emulator received it and what it answered.
 *
 * @param accessKeyId the access key the request was signed with (never the secret)
 * @param attempt the SDK's {@code amz-sdk-request} attempt number, 0 when the client does not send it
 * @param status the HTTP status answered, or 0 when the connection was dropped
 * @param userAgent the {@code User-Agent} header, empty when there was none
 * @param receivedNanos {@link System#nanoTime()} when it arrived: a monotonic clock, unmoved by a step of the wall
 *     clock, for the time between two requests, or from one to the {@code System.nanoTime()} of a {@code verify.groovy}
 *     (which runs in the emulator's JVM)
 */
public record RecordedRequest(
        Instant receivedAt,
        String operation,
        String method,
        String path,
        String body,
        Optional<String> accessKeyId,
        Optional<String> securityToken,
        int attempt,
        int status,
        Optional<String> errorCode,
        String userAgent,
        long receivedNanos) {}
