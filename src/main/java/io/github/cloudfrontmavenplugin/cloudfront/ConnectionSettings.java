package io.github.cloudfrontmavenplugin.cloudfront;

import io.github.cloudfrontmavenplugin.aws.CredentialSource;
import io.github.cloudfrontmavenplugin.aws.Endpoints;
import io.github.cloudfrontmavenplugin.aws.ProxySettings;
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
 * @param proxy an HTTP proxy from settings.xml; otherwise the JVM's proxy properties apply
 * @param retries how the SDK retries transient failures
 */
public record ConnectionSettings(
        String region,
        Optional<URI> endpoint,
        CredentialSource credentials,
        Retries retries,
        Optional<ProxySettings> proxy) {
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
                Optional.empty());
    }

    public ConnectionSettings withRetries(Retries newRetries) {
        return new ConnectionSettings(region, endpoint, credentials, newRetries, proxy);
    }

    public ConnectionSettings withCredentials(CredentialSource source) {
        return new ConnectionSettings(region, endpoint, source, retries, proxy);
    }

    public ConnectionSettings withProxy(Optional<ProxySettings> newProxy) {
        return new ConnectionSettings(region, endpoint, credentials, retries, newProxy);
    }

    /** The address requests go to, for messages. */
    public String describeEndpoint() {
        return endpoint.map(URI::toString)
                .orElse(
                        region.startsWith("cn-")
                                ? "https://cloudfront.cn-northwest-1.amazonaws.com.cn"
                                : "https://cloudfront.amazonaws.com");
    }
}
