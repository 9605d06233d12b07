package io.github.cloudfrontmavenplugin.aws;

import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/** A credential source that calls services of its own, so that a failure to reach one can name them. */
interface CallsServices {
    /** The hosts it calls, the first-called first, such as {@code portal.sso.eu-west-1.amazonaws.com}. */
    List<String> hosts();

    /**
     * What its calls to those services threw, oldest first: a token provider that cannot renew a token says only that
     * the token expired, and logs why.
     */
    default List<Throwable> failedCalls() {
        return List.of();
    }

    /** What {@code provider}'s calls threw, if it says; else nothing. */
    static List<Throwable> failedCallsOf(AwsCredentialsProvider provider) {
        return provider instanceof CallsServices calls ? calls.failedCalls() : List.of();
    }

    /** The hosts {@code provider} calls, if it says; else none. */
    static List<String> of(AwsCredentialsProvider provider) {
        return provider instanceof CallsServices calls ? calls.hosts() : List.of();
    }
}
