package io.github.cloudfrontmavenplugin.cloudfront;

import io.github.cloudfrontmavenplugin.aws.ConnectionSettings;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.endpoint.AwsClientEndpointProvider;
import software.amazon.awssdk.awscore.endpoint.DualstackEnabledProvider;
import software.amazon.awssdk.awscore.endpoint.FipsEnabledProvider;
import software.amazon.awssdk.awscore.endpoints.AwsEndpointAttribute;
import software.amazon.awssdk.awscore.endpoints.authscheme.EndpointAuthScheme;
import software.amazon.awssdk.awscore.endpoints.authscheme.SigV4AuthScheme;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.endpoints.Endpoint;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileFileSystemSetting;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.endpoints.CloudFrontEndpointParams;
import software.amazon.awssdk.services.cloudfront.endpoints.CloudFrontEndpointProvider;
import software.amazon.awssdk.utils.Lazy;
import software.amazon.awssdk.utils.Logger;
import software.amazon.awssdk.utils.internal.SystemSettingUtils;

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
    static final String ENVIRONMENT_VARIABLE = "AWS_ENDPOINT_URL_CLOUDFRONT";

    static final String SYSTEM_PROPERTY = "aws.endpointUrlCloudFront";
    static final String PROFILE_KEY = "cloudfront";

    /**
     * @throws UserFixableException when a setting is not a URL, or the SDK's rules refuse the combination (FIPS or
     *     dual-stack with an endpoint of one's own, FIPS in a partition without it)
     */
    public static CloudFrontEndpoint resolve(ConnectionSettings settings) throws UserFixableException {
        String profileName = settings.profile()
                .orElseGet(() ->
                        ProfileFileSystemSetting.AWS_PROFILE.getStringValue().orElse("default"));
        Supplier<ProfileFile> profileFile = new Lazy<>(ProfileFile::defaultProfileFile)::getValue;
        CloudFrontEndpoint endpoint;
        try {
            endpoint = resolve(settings, profileName, profileFile);
        } catch (SdkClientException | IllegalStateException e) {
            // An unreadable config file, or a value the SDK cannot parse: its message names which.
            throw new UserFixableException(
                    "Could not work out CloudFront's endpoint from the AWS settings: " + e.getMessage(), e);
        }
        LOG.debug(() -> "CloudFront endpoint " + endpoint.describe());
        return endpoint;
    }

    private static CloudFrontEndpoint resolve(
            ConnectionSettings settings, String profileName, Supplier<ProfileFile> profileFile)
            throws UserFixableException {
        Optional<String> fips = FipsEnabledProvider.builder()
                        .profileFile(profileFile)
                        .profileName(profileName)
                        .build()
                        .isFipsEnabled()
                        .orElse(false)
                ? Optional.of(
                        source(SdkSystemSetting.AWS_USE_FIPS_ENDPOINT, "use_fips_endpoint", profileName, profileFile))
                : Optional.empty();
        Optional<String> dualStack = DualstackEnabledProvider.builder()
                        .profileFile(profileFile)
                        .profileName(profileName)
                        .build()
                        .isDualstackEnabled()
                        .orElse(false)
                ? Optional.of(source(
                        SdkSystemSetting.AWS_USE_DUALSTACK_ENDPOINT,
                        "use_dualstack_endpoint",
                        profileName,
                        profileFile))
                : Optional.empty();
        Optional<URI> configured;
        String setting;
        if (settings.endpoint().isPresent()) {
            configured = settings.endpoint();
            setting = "<endpoint> (cloudfront.endpoint)";
        } else {
            configured = AwsClientEndpointProvider.builder()
                    .serviceEndpointOverrideEnvironmentVariable(ENVIRONMENT_VARIABLE)
                    .serviceEndpointOverrideSystemProperty(SYSTEM_PROPERTY)
                    .serviceProfileProperty(PROFILE_KEY)
                    .profileFile(profileFile)
                    .profileName(profileName)
                    .resolveFromOverrides();
            setting = configured
                    .map(url -> overrideSource(url, profileName, profileFile))
                    .orElse("");
            if (configured.isPresent()) {
                checkUrl(configured.get(), setting);
            }
        }
        Region region = Region.of(settings.region().orElse(ConnectionSettings.CLOUDFRONT_REGION));
        Endpoint resolved;
        try {
            resolved = CloudFrontEndpointProvider.defaultProvider()
                    .resolveEndpoint(CloudFrontEndpointParams.builder()
                            .region(region)
                            .useFips(fips.isPresent())
                            .useDualStack(dualStack.isPresent())
                            .endpoint(configured.map(URI::toString).orElse(null))
                            .build())
                    .join();
        } catch (CompletionException e) {
            throw refused(e.getCause() == null ? e : e.getCause(), region.id(), setting, fips, dualStack);
        }
        if (configured.isPresent()) {
            // The rules give an endpoint of one's own no auth scheme: the SDK signs for the client's region, which for
            // aws-global (a name no CloudFront accepts a signature for) is us-east-1, the global endpoint's.
            String signing = signingRegion(resolved)
                    .orElse(region.id().equals(ConnectionSettings.CLOUDFRONT_REGION) ? "us-east-1" : region.id());
            return new CloudFrontEndpoint(configured.get(), signing, setting, true);
        }
        String signing = signingRegion(resolved).orElse("us-east-1");
        StringBuilder why = new StringBuilder("the SDK's endpoint rules for region ").append(region.id());
        fips.ifPresent(f -> why.append(" with FIPS on (").append(f).append(")"));
        dualStack.ifPresent(d -> why.append(fips.isPresent() ? " and" : " with")
                .append(" dual-stack on (")
                .append(d)
                .append(")"));
        return new CloudFrontEndpoint(resolved.url(), signing, why.toString(), false);
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

    /**
     * Which setting gave the SDK {@code url}, named in the order the SDK reads them (AwsClientEndpointProvider's): for
     * the log only, as the SDK does not say.
     */
    private static String overrideSource(URI url, String profileName, Supplier<ProfileFile> profileFile) {
        String value = url.toString();
        for (String property : List.of(SYSTEM_PROPERTY, "aws.endpointUrl")) {
            if (value.equals(System.getProperty(property))) {
                return "system property " + property;
            }
        }
        for (String variable : List.of(ENVIRONMENT_VARIABLE, "AWS_ENDPOINT_URL")) {
            if (SystemSettingUtils.resolveEnvironmentVariable(variable)
                    .filter(value::equals)
                    .isPresent()) {
                return variable;
            }
        }
        Optional<Profile> profile = profileFile.get().profile(profileName);
        Optional<String> services = profile.flatMap(p -> p.property("services"));
        if (services.flatMap(name -> profileFile.get().getSection("services", name))
                .flatMap(s -> s.property(PROFILE_KEY + ".endpoint_url"))
                .filter(value::equals)
                .isPresent()) {
            return "endpoint_url of cloudfront in [services " + services.get() + "] (profile " + profileName + ")";
        }
        for (String key : List.of(PROFILE_KEY + ".endpoint_url", "endpoint_url")) {
            if (profile.flatMap(p -> p.property(key)).filter(value::equals).isPresent()) {
                return key + " of profile " + profileName;
            }
        }
        return "the AWS SDK's endpoint settings";
    }

    /** Which setting turned FIPS or dual-stack on: its system property, environment variable or profile key. */
    private static String source(
            SdkSystemSetting setting, String profileKey, String profileName, Supplier<ProfileFile> profileFile) {
        if (System.getProperty(setting.property()) != null) {
            return "system property " + setting.property();
        }
        if (SystemSettingUtils.resolveEnvironmentVariable(setting.environmentVariable())
                .isPresent()) {
            return setting.environmentVariable();
        }
        return profileKey + " of profile " + profileName;
    }

    private static void checkUrl(URI url, String setting) throws UserFixableException {
        if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
            throw new UserFixableException(setting + " is '" + url + "', which is not an http(s) URL for CloudFront."
                    + " Use a URL such as http://localhost:4566, or unset it to call CloudFront itself.");
        }
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
