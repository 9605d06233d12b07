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
 * @param region the signing region; {@code aws-global} everywhere but China
 * @param endpoint an endpoint to use instead of CloudFront's (an emulator, a test)
 * @param credentials where the credentials come from
 * @param proxies where the proxy of each connection comes from (settings.xml, JVM properties, environment)
 * @param retries how the SDK retries transient failures
 */
public record ConnectionSettings(
        String region, Optional<URI> endpoint, CredentialSource credentials, Retries retries, Proxies proxies) {
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
                CredentialSource.profile(profile),
                Retries.DEFAULT,
                Proxies.NONE);
    }

    public ConnectionSettings withRetries(Retries newRetries) {
        return new ConnectionSettings(region, endpoint, credentials, newRetries, proxies);
    }

    public ConnectionSettings withCredentials(CredentialSource source) {
        return new ConnectionSettings(region, endpoint, source, retries, proxies);
    }

    public ConnectionSettings withProxies(Proxies newProxies) {
        return new ConnectionSettings(region, endpoint, credentials, retries, newProxies);
    }

    /**
     * The region requests are signed for, as the SDK's CloudFront endpoint rules pick it. Without an endpoint
     * override: the partition's CloudFront, us-east-1 (cn-northwest-1 in China). With one: the region as given, but
     * us-east-1 for {@code aws-global}, since no CloudFront accepts a signature for {@code aws-global}.
     */
    public String signingRegion() {
        if (endpoint.isPresent()) {
            return region.equals(DEFAULT_REGION) ? "us-east-1" : region;
        }
        return region.startsWith("cn-") ? "cn-northwest-1" : "us-east-1";
    }

    /** The address requests go to, for messages. */
    public String describeEndpoint() {
        return endpoint.orElse(defaultEndpoint()).toString();
    }

    /** Where the SDK sends CloudFront's requests for this region without an override. */
    public URI defaultEndpoint() {
        return URI.create(
                region.startsWith("cn-")
                        ? "https://cloudfront.cn-northwest-1.amazonaws.com.cn"
                        : "https://cloudfront.amazonaws.com");
    }
}
