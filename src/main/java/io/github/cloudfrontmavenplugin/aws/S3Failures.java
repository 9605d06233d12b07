package io.github.cloudfrontmavenplugin.aws;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * What went wrong with a request to one S3 bucket, in words the user can act on: for the manifest's store and for the
 * bucket a sync publishes to alike. A proxy that wants credentials, a clock that is off, a bucket that does not exist,
 * a permission that is missing and TLS that failed are each named with their fix; anything else is S3's answer in one
 * line.
 *
 * @param bucket the bucket the requests are for
 * @param host where the requests go, for a TLS failure
 * @param bucketParameter where the user named the bucket, for one that does not exist: {@code <manifest>
 *     (cloudfront.manifest)}
 */
public record S3Failures(String bucket, String host, String bucketParameter) {
    /** @param endpoint the S3-compatible endpoint requests go to instead of AWS, if any */
    public static S3Failures of(String bucket, Optional<URI> endpoint, String bucketParameter) {
        return new S3Failures(bucket, endpoint.map(URI::getHost).orElse(bucket + ".s3.amazonaws.com"), bucketParameter);
    }

    /**
     * The end of a message that starts {@code Cannot list s3://www/site/: }, ending with a full stop.
     *
     * @param permission what an access denied asks to allow, such as {@code s3:ListBucket on arn:aws:s3:::www}
     */
    public String explain(Throwable failure, String permission) {
        if (failure instanceof SdkException sdk) {
            Optional<String> proxy = ProxyFailures.explain(sdk, "S3");
            if (proxy.isPresent()) {
                return proxy.get();
            }
        }
        if (failure instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            if ("NoSuchBucket".equals(code(service))) {
                return "the bucket '" + bucket + "' does not exist (NoSuchBucket). Check " + bucketParameter + ".";
            }
            Optional<String> clock = ClockSkew.explain(service, "S3");
            if (clock.isPresent()) {
                return clock.get();
            }
            return answer(service)
                    + (service.statusCode() == 403
                            ? ". Allow " + permission + " to the identity the build runs as."
                            : ".");
        }
        String said = TlsFailures.explain(failure, host).orElse(answer(failure));
        return said.endsWith(".") ? said : said + ".";
    }

    /** S3's answer in one line, for a list of keys that failed: {@code HTTP 403 AccessDenied: Access Denied}. */
    public static String answer(Throwable failure) {
        if (failure instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            return "HTTP " + service.statusCode() + " " + code(service) + ": "
                    + service.awsErrorDetails().errorMessage();
        }
        return failure.getMessage() == null ? failure.toString() : failure.getMessage();
    }

    /** S3's error code, such as {@code NoSuchKey}; empty when the answer had none. */
    public static String code(AwsServiceException e) {
        return e.awsErrorDetails() == null
                ? ""
                : String.valueOf(e.awsErrorDetails().errorCode());
    }
}
