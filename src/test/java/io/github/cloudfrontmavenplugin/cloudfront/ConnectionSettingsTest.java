package io.github.cloudfrontmavenplugin.cloudfront;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cloudfrontmavenplugin.base.UserFixableException;
import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.awscore.endpoints.AwsEndpointAttribute;
import software.amazon.awssdk.awscore.endpoints.authscheme.EndpointAuthScheme;
import software.amazon.awssdk.awscore.endpoints.authscheme.SigV4AuthScheme;
import software.amazon.awssdk.endpoints.Endpoint;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.endpoints.CloudFrontEndpointParams;
import software.amazon.awssdk.services.cloudfront.endpoints.CloudFrontEndpointProvider;

class ConnectionSettingsTest {
    /** Where the SDK's CloudFront endpoint rules send a client built for {@code region}, and the region it signs for. */
    private static Endpoint sdkEndpoint(String region) {
        return CloudFrontEndpointProvider.defaultProvider()
                .resolveEndpoint(CloudFrontEndpointParams.builder()
                        .region(Region.of(region))
                        .build())
                .join();
    }

    private static String sdkSigningRegion(Endpoint endpoint) {
        for (EndpointAuthScheme scheme : endpoint.attribute(AwsEndpointAttribute.AUTH_SCHEMES)) {
            if (scheme instanceof SigV4AuthScheme sigV4) {
                return sigV4.signingRegion();
            }
        }
        throw new AssertionError("no SigV4 auth scheme in " + endpoint.url());
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws-global", "us-east-1", "eu-west-1", "ap-southeast-2", "cn-north-1", "cn-northwest-1"})
    void withoutAnOverrideRequestsGoWhereAndAreSignedAsTheSdksEndpointRulesSay(String region)
            throws UserFixableException {
        ConnectionSettings settings = ConnectionSettings.of(region, null, null);
        Endpoint sdk = sdkEndpoint(region);

        assertEquals(sdk.url(), settings.defaultEndpoint());
        assertEquals(sdkSigningRegion(sdk), settings.signingRegion());
    }

    @ParameterizedTest
    @ValueSource(strings = {"us-east-1", "eu-west-1", "cn-north-1"})
    void withAnOverrideRequestsAreSignedForTheRegionGiven(String region) throws UserFixableException {
        ConnectionSettings settings = ConnectionSettings.of(region, "http://localhost:4566", null);

        assertEquals(region, settings.signingRegion());
        assertEquals(URI.create("http://localhost:4566"), settings.endpoint().orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws-global", ""})
    void withAnOverrideAndNoRegionRequestsAreSignedForUsEast1(String region) throws UserFixableException {
        assertEquals(
                "us-east-1",
                ConnectionSettings.of(region, "http://localhost:4566", null).signingRegion());
    }
}
