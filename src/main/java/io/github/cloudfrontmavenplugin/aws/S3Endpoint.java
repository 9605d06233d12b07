package io.github.cloudfrontmavenplugin.aws;

import io.github.cloudfrontmavenplugin.base.UserFixableException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.awscore.defaultsmode.DefaultsMode;
import software.amazon.awssdk.awscore.endpoints.AwsEndpointAttribute;
import software.amazon.awssdk.awscore.endpoints.authscheme.EndpointAuthScheme;
import software.amazon.awssdk.awscore.endpoints.authscheme.SigV4AuthScheme;
import software.amazon.awssdk.awscore.internal.defaultsmode.DefaultsModeConfiguration;
import software.amazon.awssdk.awscore.internal.defaultsmode.DefaultsModeResolver;
import software.amazon.awssdk.core.client.config.SdkClientConfiguration;
import software.amazon.awssdk.core.client.config.SdkClientOption;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.endpoints.Endpoint;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.ServiceMetadataAdvancedOption;
import software.amazon.awssdk.services.s3.endpoints.S3EndpointParams;
import software.amazon.awssdk.services.s3.endpoints.S3EndpointProvider;
import software.amazon.awssdk.services.s3.internal.endpoints.UseGlobalEndpointResolver;
import software.amazon.awssdk.utils.Logger;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * Where S3 requests for one bucket go and what they are signed for, resolved as the client {@link S3Clients#build}
 * makes resolves them: the SDK's S3 endpoint rules ({@link S3EndpointProvider}) given what that client gives them.
 * That is {@code <s3Endpoint>} (cloudfront.s3Endpoint) as an endpoint set in code and path-style; else the SDK's
 * endpoint settings for S3 ({@code aws.endpointUrlS3}, {@code AWS_ENDPOINT_URL_S3}, the profile's {@code s3} settings,
 * then the settings for every service: see {@link EndpointSettings}), addressed as the rules choose; FIPS and
 * dual-stack as the SDK reads them; and us-east-1's global endpoint ({@code s3.amazonaws.com}) when the SDK would use
 * it, which it decides from the client's region, not the bucket's, and which its cross-region client (S3Clients' without
 * {@code <s3Endpoint>}) does not use until S3 has named the bucket's region.
 *
 * <p>How the generated client forms a request's address, read from the SDK: its marshaller leaves the bucket out of the
 * path ({@code /{Key+}} with the key encoded as {@link SdkHttpUtils#urlEncodeIgnoreSlashes}, or nothing for a bucket
 * operation), and the endpoint rules put it in the host (virtual-hosted: {@code
 * https://bucket.s3.eu-west-1.amazonaws.com}) or in the endpoint's path (path-style, for a name with dots over https
 * or with {@code <s3Endpoint>}: {@code https://s3.eu-west-1.amazonaws.com/www.example.com}); the endpoint's path and
 * the request's are then joined. So an object is at {@link #objectUri}, and a bucket operation (ListObjectsV2) at
 * {@link #base} itself with its query: path {@code /bucket} path-style, an empty path (signed as {@code /})
 * virtual-hosted.
 *
 * @param base scheme, host, port and, path-style, the bucket: an object's key goes after it and a slash
 * @param signingName the service name signatures are made for ({@code s3})
 * @param signingRegion the region signatures are made for
 * @param reason why this endpoint: the setting that named it, or the rules and what they were given
 * @param configured whether a setting named the endpoint (rather than S3's rules)
 */
public record S3Endpoint(URI base, String signingName, String signingRegion, String reason, boolean configured) {
    private static final Logger LOG = Logger.loggerFor(S3Endpoint.class);

    /** The names the SDK's S3 client gives its endpoint settings. */
    static final EndpointSettings.ServiceNames NAMES =
            new EndpointSettings.ServiceNames("S3", "AWS_ENDPOINT_URL_S3", "aws.endpointUrlS3", "s3");

    static final String PARAMETER = "<s3Endpoint> (cloudfront.s3Endpoint)";

    /**
     * @param bucket the bucket every request goes to
     * @param region the region to address and sign for: the client's ({@code settings.region()}, else us-east-1)
     *     until S3 has said which is the bucket's, then that one; the SDK's client addresses a bucket differently
     *     before and after (only before does it never use us-east-1's global endpoint), and so does this
     * @return empty when the SDK would address this bucket in a way the plugin's own client does not (an access point
     *     or other ARN, a directory bucket with S3 Express sessions, SigV4a): the caller uses the SDK's client, and the
     *     {@code -X} log says why
     * @throws UserFixableException when a setting is not a URL or cannot be read, or the SDK's rules refuse the
     *     combination (FIPS or dual-stack with an endpoint of one's own, FIPS in a partition without it, a name no
     *     bucket can have)
     */
    public static Optional<S3Endpoint> resolve(ConnectionSettings settings, String bucket, String region)
            throws UserFixableException {
        if (bucket.startsWith("arn:")) {
            LOG.debug(() -> "S3 bucket " + bucket + " is an ARN, which only the SDK's S3 client addresses");
            return Optional.empty();
        }
        Optional<S3Endpoint> endpoint;
        try {
            endpoint = resolve(settings, EndpointSettings.read(settings), bucket, region);
        } catch (SdkClientException | IllegalStateException | IllegalArgumentException e) {
            // An unreadable config file, or a value the SDK cannot parse: its message names which.
            throw new UserFixableException(
                    "Could not work out S3's endpoint from the AWS settings: " + e.getMessage(), e);
        }
        endpoint.ifPresent(e -> LOG.debug(() -> "S3 endpoint for bucket " + bucket + ": " + e.describe()));
        return endpoint;
    }

    private static Optional<S3Endpoint> resolve(
            ConnectionSettings settings, EndpointSettings sdk, String bucket, String region)
            throws UserFixableException {
        Optional<EndpointSettings.Configured> configured = settings.endpoint().isPresent()
                ? settings.endpoint().map(url -> new EndpointSettings.Configured(url, PARAMETER))
                : sdk.configuredEndpoint(NAMES);
        String setting = configured.map(EndpointSettings.Configured::setting).orElse("");
        String clientRegion = settings.region().orElse("us-east-1");
        Region addressed = Region.of(region);
        boolean global;
        if (settings.endpoint().isPresent()) {
            global = useGlobalEndpoint(sdk, clientRegion);
        } else if (region.equals(clientRegion)) {
            // S3Clients' client follows S3's redirects: until S3 names the bucket's region, its endpoint provider asks
            // for the regional endpoint of the client's region (us-east-1 for aws-global), never the global one.
            global = false;
            if (addressed.equals(Region.AWS_GLOBAL)) {
                addressed = Region.US_EAST_1;
            }
        } else {
            // Once S3 has named it, the bucket's region with what the client was built with.
            global = useGlobalEndpoint(sdk, clientRegion);
        }
        Endpoint resolved;
        try {
            resolved = S3EndpointProvider.defaultProvider()
                    .resolveEndpoint(S3EndpointParams.builder()
                            .bucket(bucket)
                            .region(addressed)
                            .useFips(sdk.fips().isPresent())
                            .useDualStack(sdk.dualStack().isPresent())
                            .endpoint(configured
                                    .map(c -> EndpointSettings.sanitized(c.url()))
                                    .orElse(null))
                            // S3Clients addresses its own endpoint path-style, as S3-compatible stores expect.
                            .forcePathStyle(settings.endpoint().isPresent())
                            .accelerate(false)
                            .useGlobalEndpoint(global)
                            .build())
                    .join();
        } catch (CompletionException e) {
            throw refused(e.getCause() == null ? e : e.getCause(), bucket, region, setting, sdk);
        }
        List<EndpointAuthScheme> schemes = resolved.attribute(AwsEndpointAttribute.AUTH_SCHEMES);
        EndpointAuthScheme scheme = schemes == null || schemes.isEmpty() ? null : schemes.get(0);
        if (!(scheme instanceof SigV4AuthScheme sigV4) || !"s3".equals(sigV4.signingName())) {
            String name = scheme == null ? "none" : scheme.name();
            LOG.debug(() -> "S3 bucket " + bucket + " at " + resolved.url() + " is signed with " + name
                    + ", which only the SDK's S3 client does");
            return Optional.empty();
        }
        String reason;
        if (configured.isPresent()) {
            reason = setting;
        } else {
            reason = "the SDK's endpoint rules for bucket " + bucket + " in region " + addressed.id() + sdk.variants()
                    + (global && Region.US_EAST_1.equals(addressed) ? ", us-east-1's global endpoint" : "");
        }
        if (!resolved.url().getRawPath().isEmpty()) {
            reason += ", path-style";
        }
        return Optional.of(new S3Endpoint(
                resolved.url(),
                sigV4.signingName(),
                sigV4.signingRegion() == null ? addressed.id() : sigV4.signingRegion(),
                reason,
                configured.isPresent()));
    }

    /** Where an object is: its key encoded as the SDK encodes it, slashes kept, after {@link #base} and a slash. */
    public URI objectUri(String key) {
        // Joined as the SDK joins an endpoint's path and a request's: one slash between, where the endpoint's path
        // (an AWS_ENDPOINT_URL_S3 of http://host/s3/) may end with one.
        return URI.create(SdkHttpUtils.appendUri(base.toString(), "/" + SdkHttpUtils.urlEncodeIgnoreSlashes(key)));
    }

    /** The address and why it was chosen, for the log and messages. */
    public String describe() {
        return base + " (signing " + signingName + " " + signingRegion + "): " + reason;
    }

    /**
     * Whether the SDK sends us-east-1's requests to the global {@code s3.amazonaws.com}: as its S3 client builder
     * decides, with its own resolver ({@code AWS_S3_US_EAST_1_REGIONAL_ENDPOINT}, the profile's {@code
     * s3_us_east_1_regional_endpoint}, else the defaults mode: global in {@code legacy}, the SDK's default, regional in
     * every other, {@code auto} included, which the SDK turns into one of the others), for the region the client was
     * built for.
     */
    private static boolean useGlobalEndpoint(EndpointSettings sdk, String clientRegion) {
        DefaultsMode mode = DefaultsModeResolver.create()
                .profileFile(sdk.profileFile())
                .profileName(sdk.profileName())
                .resolve();
        String smartDefault = DefaultsModeConfiguration.defaultConfig(
                        mode == DefaultsMode.AUTO ? DefaultsMode.STANDARD : mode)
                .get(ServiceMetadataAdvancedOption.DEFAULT_S3_US_EAST_1_REGIONAL_ENDPOINT);
        SdkClientConfiguration config = SdkClientConfiguration.builder()
                .option(SdkClientOption.PROFILE_FILE_SUPPLIER, sdk.profileFile())
                .option(SdkClientOption.PROFILE_NAME, sdk.profileName())
                .option(ServiceMetadataAdvancedOption.DEFAULT_S3_US_EAST_1_REGIONAL_ENDPOINT, smartDefault)
                .build();
        return new UseGlobalEndpointResolver(config).resolve(Region.of(clientRegion));
    }

    private static UserFixableException refused(
            Throwable e, String bucket, String region, String setting, EndpointSettings sdk) {
        String fix;
        if (!setting.isEmpty() && (sdk.fips().isPresent() || sdk.dualStack().isPresent())) {
            String on = sdk.fips()
                    .map(f -> "FIPS (" + f + ")")
                    .orElseGet(() -> "dual-stack (" + sdk.dualStack().get() + ")");
            fix = on + " asks for S3's own FIPS or dual-stack endpoint, while " + setting
                    + " names another. Unset one of the two.";
        } else if (sdk.fips().isPresent() || sdk.dualStack().isPresent()) {
            fix = "Region '" + region + "' (<s3Region>, cloudfront.s3Region, or the bucket's)" + sdk.variants()
                    + " has no S3 endpoint for bucket '" + bucket + "'. Turn the variant off.";
        } else {
            fix = "Check the bucket's name and <s3Region> (cloudfront.s3Region).";
        }
        return new UserFixableException(
                "The AWS SDK's S3 endpoint rules refuse this: " + e.getMessage() + ". " + fix, e);
    }
}
