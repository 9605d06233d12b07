package io.github.cloudfrontmavenplugin.aws;

import io.github.cloudfrontmavenplugin.base.UserFixableException;
import java.net.URI;
import java.util.Optional;

/**
 * How to reach one AWS service and whose credentials to use: every client the plugin builds, for CloudFront and for
 * S3 (and STS and the sign-in services through {@link #credentials}), is built from one of these.
 *
 * @param region for CloudFront, the region its endpoint rules are given ({@link #CLOUDFRONT_REGION} everywhere but
 *     China); for S3, the bucket's region, empty to start in us-east-1 and follow S3's redirect
 * @param endpoint an endpoint instead of the service's (an emulator, a test, a VPC endpoint), before any of the SDK's
 *     endpoint settings; an S3-compatible endpoint is addressed path-style
 * @param profile {@code <profile>}: the AWS profile whose endpoint settings apply (else {@code AWS_PROFILE}, else
 *     {@code default}), whichever credentials are used
 * @param credentials where the credentials come from
 * @param retries how the SDK retries transient failures
 * @param proxies where the proxy of each connection comes from (settings.xml, JVM properties, environment)
 */
public record ConnectionSettings(
        Optional<String> region,
        Optional<URI> endpoint,
        Optional<String> profile,
        CredentialSource credentials,
        Retries retries,
        Proxies proxies) {
    /** CloudFront's region outside China: its endpoint is global. */
    public static final String CLOUDFRONT_REGION = "aws-global";

    /** For CloudFront, from {@code <region>}, {@code <endpoint>} and {@code <profile>}, checked before any call. */
    public static ConnectionSettings forCloudFront(String region, String endpoint, String profile)
            throws UserFixableException {
        String effectiveRegion = region == null || region.isBlank() ? CLOUDFRONT_REGION : region.strip();
        if (!effectiveRegion.matches("[a-z0-9-]+")) {
            throw new UserFixableException("<region> (cloudfront.region) is '" + region + "', which is not an AWS"
                    + " region name. Leave it unset (aws-global) or, for CloudFront in China, use cn-north-1.");
        }
        return of(
                Optional.of(effectiveRegion),
                Endpoints.parse(
                        endpoint, "<endpoint> (cloudfront.endpoint)", "http://localhost:4566", "to call CloudFront"),
                profile);
    }

    /** For S3, from {@code <s3Region>}, {@code <s3Endpoint>} and {@code <profile>}, checked before any call. */
    public static ConnectionSettings forS3(String region, String endpoint, String profile) throws UserFixableException {
        return of(
                Optional.ofNullable(region).filter(r -> !r.isBlank()).map(String::strip),
                Endpoints.parse(endpoint, "<s3Endpoint> (cloudfront.s3Endpoint)", "http://localhost:9000", "for AWS"),
                profile);
    }

    private static ConnectionSettings of(Optional<String> region, Optional<URI> endpoint, String profile) {
        return new ConnectionSettings(
                region,
                endpoint,
                Optional.ofNullable(profile).filter(p -> !p.isBlank()).map(String::strip),
                CredentialSource.profile(profile),
                Retries.DEFAULT,
                Proxies.NONE);
    }

    public ConnectionSettings withRetries(Retries newRetries) {
        return new ConnectionSettings(region, endpoint, profile, credentials, newRetries, proxies);
    }

    public ConnectionSettings withCredentials(CredentialSource source) {
        return new ConnectionSettings(region, endpoint, profile, source, retries, proxies);
    }

    public ConnectionSettings withProxies(Proxies newProxies) {
        return new ConnectionSettings(region, endpoint, profile, credentials, retries, newProxies);
    }
}
