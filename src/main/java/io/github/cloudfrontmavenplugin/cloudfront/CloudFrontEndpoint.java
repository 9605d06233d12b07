package io.github.cloudfrontmavenplugin.cloudfront;

import io.github.cloudfrontmavenplugin.aws.ConnectionSettings;
import io.github.cloudfrontmavenplugin.aws.EndpointSettings;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.awscore.endpoint.AwsClientEndpointProvider;
import software.amazon.awssdk.awscore.endpoints.AwsEndpointAttribute;
import software.amazon.awssdk.awscore.endpoints.authscheme.EndpointAuthScheme;
import software.amazon.awssdk.awscore.endpoints.authscheme.SigV4AuthScheme;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.endpoints.Endpoint;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.endpoints.CloudFrontEndpointParams;
import software.amazon.awssdk.services.cloudfront.endpoints.CloudFrontEndpointProvider;
import software.amazon.awssdk.utils.Logger;

/**
 * Where CloudFront's requests go and the region they are signed for, resolved as the SDK's generated CloudFront client
 * resolves them: {@code <endpoint>} (cloudfront.endpoint) first, as an endpoint set in code; else the SDK's endpoint
 * settings ({@code aws.endpointUrlCloudFront}, {@code aws.endpointUrl}, {@code AWS_ENDPOINT_URL_CLOUDFRONT}, {@code
 * AWS_ENDPOINT_URL}, the profile's {@code services} section and {@code endpoint_url}, all off with {@code
 * AWS_IGNORE_CONFIGURED_ENDPOINT_URLS}), read by the SDK's own {@link AwsClientEndpointProvider}; then CloudFront's
 * endpoint rules ({@link CloudFrontEndpointProvider}, the SDK's, shipped without the rest of its CloudFront module),
 * with FIPS and dual-stack as the SDK reads them.
 *
 * @param url scheme, host, port and any path
 * @param signingRegion the region signatures are made for
 * @param reason why this endpoint: the setting that named it, or the rules and what they were given
 * @param configured whether a setting named the endpoint (rather than CloudFront's rules)
 */
public record CloudFrontEndpoint(URI url, String signingRegion, String reason, boolean configured) {
    private static final Logger LOG = Logger.loggerFor(CloudFrontEndpoint.class);

    /** The names the SDK's CloudFront client gives its endpoint settings. */
    static final EndpointSettings.ServiceNames NAMES = new EndpointSettings.ServiceNames(
            "CloudFront", "AWS_ENDPOINT_URL_CLOUDFRONT", "aws.endpointUrlCloudFront", "cloudfront");

    /**
     * @throws UserFixableException when a setting is not a URL, or the SDK's rules refuse the combination (FIPS or
     *     dual-stack with an endpoint of one's own, FIPS in a partition without it)
     */
    public static CloudFrontEndpoint resolve(ConnectionSettings settings) throws UserFixableException {
        CloudFrontEndpoint endpoint;
        try {
            endpoint = resolve(settings, EndpointSettings.read(settings));
        } catch (SdkClientException | IllegalStateException e) {
            // An unreadable config file, or a value the SDK cannot parse: its message names which.
            throw new UserFixableException(
                    "Could not work out CloudFront's endpoint from the AWS settings: " + e.getMessage(), e);
        }
        LOG.debug(() -> "CloudFront endpoint " + endpoint.describe());
        return endpoint;
    }

    private static CloudFrontEndpoint resolve(ConnectionSettings settings, EndpointSettings sdk)
            throws UserFixableException {
        Optional<EndpointSettings.Configured> configured = settings.endpoint().isPresent()
                ? settings.endpoint()
                        .map(url -> new EndpointSettings.Configured(url, "<endpoint> (cloudfront.endpoint)"))
                : sdk.configuredEndpoint(NAMES);
        String setting = configured.map(EndpointSettings.Configured::setting).orElse("");
        Region region = Region.of(settings.region().orElse(ConnectionSettings.CLOUDFRONT_REGION));
        Endpoint resolved;
        try {
            resolved = CloudFrontEndpointProvider.defaultProvider()
                    .resolveEndpoint(CloudFrontEndpointParams.builder()
                            .region(region)
                            .useFips(sdk.fips().isPresent())
                            .useDualStack(sdk.dualStack().isPresent())
                            .endpoint(configured.map(c -> c.url().toString()).orElse(null))
                            .build())
                    .join();
        } catch (CompletionException e) {
            throw refused(e.getCause() == null ? e : e.getCause(), region.id(), setting, sdk.fips(), sdk.dualStack());
        }
        if (configured.isPresent()) {
            // The rules give an endpoint of one's own no auth scheme: the SDK signs for the client's region, which for
            // aws-global (a name no CloudFront accepts a signature for) is us-east-1, the global endpoint's.
            String signing = signingRegion(resolved)
                    .orElse(region.id().equals(ConnectionSettings.CLOUDFRONT_REGION) ? "us-east-1" : region.id());
            return new CloudFrontEndpoint(configured.get().url(), signing, setting, true);
        }
        String signing = signingRegion(resolved).orElse("us-east-1");
        return new CloudFrontEndpoint(
                resolved.url(), signing, "the SDK's endpoint rules for region " + region.id() + sdk.variants(), false);
    }

    /** The address and why it was chosen, for the log and messages. */
    public String describe() {
        return url + " (signing " + signingRegion + "): " + reason;
    }

    private static Optional<String> signingRegion(Endpoint endpoint) {
        List<EndpointAuthScheme> schemes = endpoint.attribute(AwsEndpointAttribute.AUTH_SCHEMES);
        if (schemes != null) {
            for (EndpointAuthScheme scheme : schemes) {
                if (scheme instanceof SigV4AuthScheme sigV4 && sigV4.signingRegion() != null) {
                    return Optional.of(sigV4.signingRegion());
                }
            }
        }
        return Optional.empty();
    }

    private static UserFixableException refused(
            Throwable e, String region, String setting, Optional<String> fips, Optional<String> dualStack) {
        String sdk = e.getMessage();
        String fix;
        if (!setting.isEmpty() && (fips.isPresent() || dualStack.isPresent())) {
            String on = fips.map(f -> "FIPS (" + f + ")").orElseGet(() -> "dual-stack (" + dualStack.get() + ")");
            fix = on + " asks for CloudFront's own FIPS or dual-stack endpoint, while " + setting
                    + " names another. Unset one of the two.";
        } else {
            fix = "Region '" + region + "' (<region>, cloudfront.region)"
                    + fips.map(f -> " with FIPS (" + f + ")").orElse("")
                    + dualStack.map(d -> " with dual-stack (" + d + ")").orElse("")
                    + " has no CloudFront endpoint. Leave <region> unset (aws-global), or turn the variant off.";
        }
        return new UserFixableException("The AWS SDK's CloudFront endpoint rules refuse this: " + sdk + ". " + fix, e);
    }
}
