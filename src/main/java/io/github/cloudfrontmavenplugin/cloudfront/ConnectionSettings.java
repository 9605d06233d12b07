package io.github.cloudfrontmavenplugin.cloudfront;

import io.github.cloudfrontmavenplugin.aws.CredentialSource;
import io.github.cloudfrontmavenplugin.aws.Endpoints;
import io.github.cloudfrontmavenplugin.aws.Proxies;
import io.github.cloudfrontmavenplugin.aws.Retries;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import java.net.URI;
import java.util.Optional;

/**
 * How to reach CloudFront and whose credentials to use.
 *
 * @param region the region CloudFront's endpoint rules are given; {@code aws-global} everywhere but China
 * @param endpoint {@code <endpoint>}: an endpoint to use instead of CloudFront's (an emulator, a test), before any
 *     of the SDK's endpoint settings; {@link CloudFrontEndpoint} resolves where requests go
 * @param profile {@code <profile>}: the AWS profile whose endpoint settings apply (else {@code AWS_PROFILE}, else
 *     {@code default}), whichever credentials are used
 * @param credentials where the credentials come from
 * @param proxies where the proxy of each connection comes from (settings.xml, JVM properties, environment)
 * @param retries how the SDK retries transient failures
 */
public record ConnectionSettings(
        String region,
        Optional<URI> endpoint,
        Optional<String> profile,
        CredentialSource credentials,
        Retries retries,
        Proxies proxies) {
    public static final String DEFAULT_REGION = "aws-global";

    public static ConnectionSettings of(String region, String endpoint, String profile) throws UserFixableException {
        String effectiveRegion = region == null || region.isBlank() ? DEFAULT_REGION : region.strip();
        if (!effectiveRegion.matches("[a-z0-9-]+")) {
            throw new UserFixableException("<region> (cloudfront.region) is '" + region + "', which is not an AWS"
                    + " region name. Leave it unset (aws-global) or, for CloudFront in China, use cn-north-1.");
        }
        return new ConnectionSettings(
                effectiveRegion,
                Endpoints.parse(
                        endpoint, "<endpoint> (cloudfront.endpoint)", "http://localhost:4566", "to call CloudFront"),
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
