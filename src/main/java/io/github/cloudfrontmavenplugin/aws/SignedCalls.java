package io.github.cloudfrontmavenplugin.aws;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.AcquireInitialTokenResponse;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;
import software.amazon.awssdk.utils.IoUtils;

/**
 * How the plugin's own clients of CloudFront and S3 make each call as the SDK's generated clients make it: one token
 * per call from the SDK's retry strategy, the pause it chooses before each further attempt, each attempt signed afresh
 * by this machine's clock as corrected after a refusal for the time, and the number of attempts in the failure that
 * ends the call.
 */
public final class SignedCalls {
    private final String service;
    private final RetryStrategy retries;
    private final Consumer<Supplier<String>> debug;
    private final AtomicReference<Duration> clockSkew = new AtomicReference<>(Duration.ZERO);

    /**
     * @param service the service's name, as the SDK's clients name it in retries and messages: {@code CloudFront}
     * @param debug where a retry and a clock correction are logged
     */
    public SignedCalls(String service, RetryStrategy retries, Consumer<Supplier<String>> debug) {
        this.service = service;
        this.retries = retries;
        this.debug = debug;
    }

    /** One attempt of a call. */
    @FunctionalInterface
    public interface Attempt<T> {
        /**
         * @param number which attempt this is, from 1
         * @param signWith how far from this machine's clock to sign: the service's clock, once it refused a time
         */
        T run(int number, Duration signWith);
    }

    /**
     * Attempts {@code attempt} until it succeeds or the retry strategy gives up, and throws its last failure then.
     *
     * @param what the call, for the log: {@code GET /2020-05-31/distribution}
     */
    public <T> T call(String what, Attempt<T> attempt) {
        AcquireInitialTokenResponse initial = retries.acquireInitialToken(AcquireInitialTokenRequest.create(service));
        RetryToken token = initial.token();
        Duration delay = initial.delay();
        for (int number = 1; ; number++) {
            if (number > 1 || !delay.isZero()) {
                pause(delay);
            }
            try {
                T result = attempt.run(number, clockSkew.get());
                retries.recordSuccess(RecordSuccessRequest.create(token));
                return result;
            } catch (SdkException failure) {
                if (failure instanceof AwsServiceException refused && refused.isClockSkewException()) {
                    correctClock(refused);
                }
                SdkException counted = failure.numAttempts() == null
                        ? failure.toBuilder().numAttempts(number).build()
                        : failure;
                try {
                    RefreshRetryTokenResponse retry = retries.refreshRetryToken(RefreshRetryTokenRequest.builder()
                            .token(token)
                            .failure(counted)
                            .build());
                    token = retry.token();
                    delay = retry.delay();
                    debug.accept(() -> service + " " + what + " failed (" + counted.getMessage() + "); retrying in "
                            + retry.delay().toMillis() + " ms");
                } catch (TokenAcquisitionFailedException noMore) {
                    throw counted;
                }
            }
        }
    }

    /** How many attempts a call may make in all: what each attempt's {@code amz-sdk-request} header says. */
    public int maxAttempts() {
        return retries.maxAttempts();
    }

    /** The clock to sign an attempt by. */
    public static Clock clock(Duration signWith) {
        return Clock.offset(Clock.systemUTC(), signWith);
    }

    /** A refusal for the signing time: later attempts sign by the service's clock, as the SDK's would. */
    private void correctClock(AwsServiceException refused) {
        if (refused.awsErrorDetails() == null || refused.awsErrorDetails().sdkHttpResponse() == null) {
            return;
        }
        refused.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("Date").ifPresent(date -> {
            try {
                Instant server = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                Duration skew = Duration.between(Instant.now(), server);
                clockSkew.set(skew);
                debug.accept(() -> service + "'s clock is " + skew + " from this machine's; signing by it");
            } catch (DateTimeParseException ignored) {
                // No usable time: the next attempt is signed as this one was.
            }
        });
    }

    /** Waits before a retry; an interrupted build makes no further attempt. */
    private static void pause(Duration delay) {
        try {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
            Thread.sleep(Math.max(0, delay.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AbortedException.builder()
                    .message("Thread was interrupted")
                    .cause(e)
                    .build();
        }
    }

    /** An I/O failure of one attempt, as the SDK reports it: aborted when the build was interrupted. */
    public static SdkException ioFailure(Exception e, int attempt) {
        if (Thread.currentThread().isInterrupted()) {
            return AbortedException.builder()
                    .message("Thread was interrupted")
                    .cause(e)
                    .build();
        }
        return SdkClientException.builder()
                .message("Unable to execute HTTP request: " + e.getMessage())
                .cause(e)
                .numAttempts(attempt)
                .build();
    }

    /** Reads an answer's body whole, and closes it. */
    public static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return IoUtils.toByteArray(in);
        }
    }

    /** Writes {@code <name>text</name>}, escaped as the SDK's XML marshaller escapes it. */
    public static void element(StringBuilder xml, String name, String text) {
        xml.append('<').append(name).append('>');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> xml.append("&amp;");
                case '<' -> xml.append("&lt;");
                case '>' -> xml.append("&gt;");
                case '"' -> xml.append("&quot;");
                case '\'' -> xml.append("&apos;");
                case '\r' -> xml.append("&#x0D;");
                case '\n' -> xml.append("&#x0A;");
                default -> xml.append(c);
            }
        }
        xml.append("</").append(name).append('>');
    }
}
