package io.github.cloudfrontmavenplugin.diff;

import io.github.cloudfrontmavenplugin.aws.CredentialSource;
import io.github.cloudfrontmavenplugin.aws.Endpoints;
import io.github.cloudfrontmavenplugin.aws.Proxies;
import io.github.cloudfrontmavenplugin.aws.Retries;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import java.net.URI;
import java.util.Optional;

/**
 * How to reach the S3 bucket of an {@code s3://} manifest.
 *
 * @param region the bucket's region; without it the plugin starts in us-east-1 and follows S3's redirect
 * @param endpoint an S3-compatible endpoint instead of AWS (tests, emulators), addressed path-style
 */
public record S3Settings(
        Optional<String> region,
        Optional<URI> endpoint,
        CredentialSource credentials,
        Retries retries,
        Proxies proxies) {
    public static S3Settings of(String region, String endpoint, String profile) throws UserFixableException {
        Optional<URI> uri =
                Endpoints.parse(endpoint, "<s3Endpoint> (cloudfront.s3Endpoint)", "http://localhost:9000", "for AWS");
        Optional<String> regionName =
                region == null || region.isBlank() ? Optional.empty() : Optional.of(region.strip());
        return new S3Settings(regionName, uri, CredentialSource.profile(profile), Retries.DEFAULT, Proxies.NONE);
    }

    public S3Settings withRetries(Retries newRetries) {
        return new S3Settings(region, endpoint, credentials, newRetries, proxies);
    }

    public S3Settings withCredentials(CredentialSource source) {
        return new S3Settings(region, endpoint, source, retries, proxies);
    }

    public S3Settings withProxies(Proxies newProxies) {
        return new S3Settings(region, endpoint, credentials, retries, newProxies);
    }
}
