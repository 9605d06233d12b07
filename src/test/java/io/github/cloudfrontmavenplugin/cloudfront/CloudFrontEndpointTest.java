package io.github.cloudfrontmavenplugin.cloudfront;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontmavenplugin.aws.ConnectionSettings;
import io.github.cloudfrontmavenplugin.aws.EndpointEnvironment;
import io.github.cloudfrontmavenplugin.aws.Retries;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.endpoints.AwsEndpointAttribute;
import software.amazon.awssdk.awscore.endpoints.authscheme.EndpointAuthScheme;
import software.amazon.awssdk.awscore.endpoints.authscheme.SigV4AuthScheme;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.endpoints.Endpoint;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.CloudFrontClientBuilder;
import software.amazon.awssdk.services.cloudfront.endpoints.CloudFrontEndpointParams;
import software.amazon.awssdk.services.cloudfront.endpoints.CloudFrontEndpointProvider;
import software.amazon.awssdk.utils.internal.SystemSettingUtilsTestBackdoor;

/**
 * CloudFrontEndpoint against the SDK: its CloudFront endpoint rules called directly over partitions and variants, and
 * its generated CloudFrontClient built in the same environment (environment variables, system properties, config
 * file, profile), sending one request each way to see where both go and what region both sign for.
 */
class CloudFrontEndpointTest {
    private static final List<String> SYSTEM_PROPERTIES = List.of(
            "aws.profile",
            "aws.endpointUrl",
            "aws.endpointUrlCloudFront",
            "aws.useFipsEndpoint",
            "aws.useDualstackEndpoint",
            "aws.ignoreConfiguredEndpointUrls");

    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDENDPOINTS", "endpoint-secret"));

    @TempDir
    Path dir;

    private EndpointEnvironment environment;

    private Path config;

    /** Every test starts from no endpoint setting at all, and an empty config file of its own. */
    @BeforeEach
    void isolate() throws IOException {
        environment = new EndpointEnvironment(
                dir,
                SYSTEM_PROPERTIES,
                List.of(
                        "AWS_ENDPOINT_URL",
                        "AWS_ENDPOINT_URL_CLOUDFRONT",
                        "AWS_USE_FIPS_ENDPOINT",
                        "AWS_USE_DUALSTACK_ENDPOINT",
                        "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"));
        config = environment.config;
    }

    @AfterEach
    void clear() {
        environment.clear();
    }

    // ---- CloudFront's endpoint rules ------------------------------------------------------------------------------

    static Stream<Arguments> regionsAndVariants() {
        List<Arguments> all = new ArrayList<>();
        for (String region : List.of(
                "aws-global",
                "us-east-1",
                "eu-west-1",
                "ap-southeast-2",
                "cn-north-1",
                "cn-northwest-1",
                "us-gov-west-1",
                "us-iso-east-1",
                "us-isob-east-1",
                "eusc-de-east-1")) {
            for (boolean fips : List.of(false, true)) {
                for (boolean dualStack : List.of(false, true)) {
                    all.add(Arguments.of(region, fips, dualStack));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} FIPS {1} dual-stack {2}")
    @MethodSource("regionsAndVariants")
    void theRulesGiveWhatTheSdksCloudFrontEndpointProviderGives(String region, boolean fips, boolean dualStack)
            throws UserFixableException {
        setProperty("aws.useFipsEndpoint", fips);
        setProperty("aws.useDualstackEndpoint", dualStack);
        ConnectionSettings settings = ConnectionSettings.forCloudFront(region, null, null);

        Endpoint sdk;
        try {
            sdk = CloudFrontEndpointProvider.defaultProvider()
                    .resolveEndpoint(CloudFrontEndpointParams.builder()
                            .region(Region.of(region))
                            .useFips(fips)
                            .useDualStack(dualStack)
                            .build())
                    .join();
        } catch (CompletionException refused) {
            UserFixableException ours =
                    assertThrows(UserFixableException.class, () -> CloudFrontEndpoint.resolve(settings));
            assertTrue(ours.getMessage().contains(refused.getCause().getMessage()), ours.getMessage());
            return;
        }
        CloudFrontEndpoint ours = CloudFrontEndpoint.resolve(settings);
        assertEquals(sdk.url(), ours.url());
        assertEquals(sdkSigningRegion(sdk), ours.signingRegion());
        assertFalse(ours.configured());
    }

    @Test
    void theFipsEndpointIsCloudFrontFipsAndSaysWhichSettingAskedForIt() throws UserFixableException {
        SystemSettingUtilsTestBackdoor.addEnvironmentVariableOverride("AWS_USE_FIPS_ENDPOINT", "true");

        CloudFrontEndpoint endpoint = CloudFrontEndpoint.resolve(ConnectionSettings.forCloudFront(null, null, null));

        assertEquals(
                "https://cloudfront-fips.amazonaws.com (signing us-east-1): the SDK's endpoint rules for region"
                        + " aws-global with FIPS on (AWS_USE_FIPS_ENDPOINT)",
                endpoint.describe());
    }

    @Test
    void fipsAndAnEndpointOfOnesOwnAreRefusedAsTheSdkRefusesThem() throws UserFixableException {
        System.setProperty("aws.useFipsEndpoint", "true");
        ConnectionSettings settings = ConnectionSettings.forCloudFront(null, "http://localhost:4566", null);

        String message = assertThrows(UserFixableException.class, () -> CloudFrontEndpoint.resolve(settings))
                .getMessage();

        assertTrue(message.contains("Invalid Configuration: FIPS and custom endpoint are not supported"), message);
        assertTrue(message.contains("system property aws.useFipsEndpoint"), message);
        assertTrue(message.contains("<endpoint> (cloudfront.endpoint)"), message);
    }

    // ---- The SDK's client in the same environment -----------------------------------------------------------------

    /** One environment: variables, system properties, a config file, and the plugin's parameters. */
    private record Setup(
            String name,
            Map<String, String> environment,
            Map<String, String> systemProperties,
            String configFile,
            String region,
            Optional<String> endpointParameter,
            Optional<String> profileParameter) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Setup setup(String name) {
        return new Setup(name, Map.of(), Map.of(), "", "aws-global", Optional.empty(), Optional.empty());
    }

    private static Setup env(Setup s, String... pairs) {
        return new Setup(
                s.name,
                pairs(pairs),
                s.systemProperties,
                s.configFile,
                s.region,
                s.endpointParameter,
                s.profileParameter);
    }

    private static Setup props(Setup s, String... pairs) {
        return new Setup(
                s.name, s.environment, pairs(pairs), s.configFile, s.region, s.endpointParameter, s.profileParameter);
    }

    private static Setup config(Setup s, String file) {
        return new Setup(
                s.name, s.environment, s.systemProperties, file, s.region, s.endpointParameter, s.profileParameter);
    }

    private static Setup region(Setup s, String region) {
        return new Setup(
                s.name,
                s.environment,
                s.systemProperties,
                s.configFile,
                region,
                s.endpointParameter,
                s.profileParameter);
    }

    private static Setup endpointParameter(Setup s, String endpoint) {
        return new Setup(
                s.name,
                s.environment,
                s.systemProperties,
                s.configFile,
                s.region,
                Optional.of(endpoint),
                s.profileParameter);
    }

    private static Setup profileParameter(Setup s, String profile) {
        return new Setup(
                s.name,
                s.environment,
                s.systemProperties,
                s.configFile,
                s.region,
                s.endpointParameter,
                Optional.of(profile));
    }

    private static Map<String, String> pairs(String... pairs) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static final String SERVICES = "[default]\nservices = local\n\n[services local]\ncloudfront =\n"
            + "  endpoint_url = http://services.example:4566\n";

    static Stream<Setup> environments() {
        return Stream.of(
                setup("nothing configured"),
                env(setup("AWS_ENDPOINT_URL_CLOUDFRONT"), "AWS_ENDPOINT_URL_CLOUDFRONT", "http://localhost:4566"),
                env(setup("AWS_ENDPOINT_URL"), "AWS_ENDPOINT_URL", "http://localstack:4566"),
                env(
                        setup("AWS_ENDPOINT_URL_CLOUDFRONT beats AWS_ENDPOINT_URL"),
                        "AWS_ENDPOINT_URL",
                        "http://everything:1",
                        "AWS_ENDPOINT_URL_CLOUDFRONT",
                        "http://cloudfront-only:2"),
                props(
                        env(
                                setup("aws.endpointUrlCloudFront beats AWS_ENDPOINT_URL_CLOUDFRONT"),
                                "AWS_ENDPOINT_URL_CLOUDFRONT",
                                "http://from-env:1"),
                        "aws.endpointUrlCloudFront",
                        "http://from-property:2"),
                props(setup("aws.endpointUrl"), "aws.endpointUrl", "http://from-property:3"),
                config(setup("a services section"), SERVICES),
                config(
                        setup("a services section beats the profile's endpoint_url"),
                        SERVICES + "\n[default]\nendpoint_url = http://profile-wide:1\n"),
                config(setup("the profile's endpoint_url"), "[default]\nendpoint_url = http://profile-wide:5\n"),
                config(
                        setup("the profile's cloudfront.endpoint_url"),
                        "[default]\ncloudfront =\n  endpoint_url = http://legacy:6\n"),
                config(
                        env(setup("AWS_ENDPOINT_URL beats the config file"), "AWS_ENDPOINT_URL", "http://env:7"),
                        SERVICES),
                env(
                        setup("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"),
                        "AWS_ENDPOINT_URL_CLOUDFRONT",
                        "http://ignored:1",
                        "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS",
                        "true"),
                config(
                        env(setup("ignore_configured_endpoint_urls"), "AWS_ENDPOINT_URL", "http://ignored:2"),
                        "[default]\nignore_configured_endpoint_urls = true\n"),
                config(
                        env(setup("AWS_PROFILE chooses the profile"), "AWS_PROFILE", "ci"),
                        "[default]\nendpoint_url = http://default:1\n\n[profile ci]\nendpoint_url = http://ci:2\n"),
                profileParameter(
                        config(
                                env(setup("<profile> beats AWS_PROFILE"), "AWS_PROFILE", "ci"),
                                "[profile ci]\nendpoint_url = http://ci:2\n\n[profile deploy]\n"
                                        + "endpoint_url = http://deploy:3\n"),
                        "deploy"),
                env(setup("AWS_USE_FIPS_ENDPOINT"), "AWS_USE_FIPS_ENDPOINT", "true"),
                config(setup("use_fips_endpoint"), "[default]\nuse_fips_endpoint = true\n"),
                env(setup("AWS_USE_DUALSTACK_ENDPOINT"), "AWS_USE_DUALSTACK_ENDPOINT", "true"),
                config(setup("use_dualstack_endpoint"), "[default]\nuse_dualstack_endpoint = true\n"),
                env(
                        setup("FIPS and dual-stack"),
                        "AWS_USE_FIPS_ENDPOINT",
                        "true",
                        "AWS_USE_DUALSTACK_ENDPOINT",
                        "true"),
                region(env(setup("China with FIPS"), "AWS_USE_FIPS_ENDPOINT", "true"), "cn-north-1"),
                region(setup("China"), "cn-northwest-1"),
                region(
                        env(setup("an override in another region"), "AWS_ENDPOINT_URL", "http://localhost:4566"),
                        "eu-west-1"),
                env(setup("an override with a path"), "AWS_ENDPOINT_URL_CLOUDFRONT", "http://localhost:4566/cf/"),
                endpointParameter(
                        env(
                                setup("<endpoint> beats AWS_ENDPOINT_URL_CLOUDFRONT"),
                                "AWS_ENDPOINT_URL_CLOUDFRONT",
                                "http://from-env:1"),
                        "http://parameter:9"),
                endpointParameter(config(setup("<endpoint> beats a services section"), SERVICES), "http://parameter:9"),
                env(
                        setup("FIPS with AWS_ENDPOINT_URL_CLOUDFRONT"),
                        "AWS_USE_FIPS_ENDPOINT",
                        "true",
                        "AWS_ENDPOINT_URL_CLOUDFRONT",
                        "http://localhost:4566"),
                config(
                        setup("dual-stack with a services section"),
                        SERVICES + "\n[default]\nuse_dualstack_endpoint = true\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("environments")
    void requestsGoWhereTheSdksClientSendsThemAndAreSignedAlike(Setup setup) throws Exception {
        setup.environment().forEach(SystemSettingUtilsTestBackdoor::addEnvironmentVariableOverride);
        setup.systemProperties().forEach(System::setProperty);
        Files.writeString(config, setup.configFile());
        ConnectionSettings settings = ConnectionSettings.forCloudFront(
                setup.region(),
                setup.endpointParameter().orElse(null),
                setup.profileParameter().orElse(null));

        Outcome sdk = Outcome.of(() -> sdkRequest(setup));
        Outcome ours = Outcome.of(() -> ourRequest(settings));

        if (sdk.failure() != null) {
            assertTrue(
                    ours.failure() instanceof UserFixableException
                            && ours.failure()
                                    .getMessage()
                                    .contains(sdk.failure().getMessage()),
                    () -> "the SDK refused (" + sdk.failure() + "), the plugin did not: " + ours);
            return;
        }
        assertTrue(
                ours.failure() == null, () -> "the SDK went to " + sdk.request().getUri() + ": " + ours.failure());
        SdkHttpRequest a = sdk.request();
        SdkHttpRequest b = ours.request();
        assertAll(
                () -> assertEquals(a.protocol(), b.protocol(), "scheme"),
                () -> assertEquals(a.host(), b.host(), "host"),
                () -> assertEquals(a.port(), b.port(), "port"),
                () -> assertEquals(a.encodedPath(), b.encodedPath(), "path"),
                () -> assertEquals(
                        pluginScope(EndpointEnvironment.scope(a)),
                        EndpointEnvironment.scope(b),
                        "region and service signed for"));
    }

    /**
     * The one difference the plugin keeps on purpose: for an endpoint of one's own the SDK signs for the client's
     * region, which is {@code aws-global} unless {@code <region>} says otherwise; no CloudFront accepts that name in a
     * signature (a VPC endpoint or a proxy in front of the real service would refuse it), so the plugin signs for
     * us-east-1, the region of CloudFront's global endpoint.
     */
    private static String pluginScope(String sdkScope) {
        return sdkScope.replace("aws-global/", "us-east-1/");
    }

    @Test
    void theLogLineNamesTheVariableThatChoseTheEndpoint() throws UserFixableException {
        SystemSettingUtilsTestBackdoor.addEnvironmentVariableOverride(
                "AWS_ENDPOINT_URL_CLOUDFRONT", "http://localhost:4566");

        CloudFrontEndpoint endpoint = CloudFrontEndpoint.resolve(ConnectionSettings.forCloudFront(null, null, null));

        assertEquals("http://localhost:4566 (signing us-east-1): AWS_ENDPOINT_URL_CLOUDFRONT", endpoint.describe());
        assertTrue(endpoint.configured());
    }

    @Test
    void theLogLineNamesTheServicesSectionThatChoseTheEndpoint() throws Exception {
        Files.writeString(config, SERVICES);

        CloudFrontEndpoint endpoint = CloudFrontEndpoint.resolve(ConnectionSettings.forCloudFront(null, null, null));

        assertEquals(
                "http://services.example:4566 (signing us-east-1): endpoint_url of cloudfront in [services local]"
                        + " (profile default)",
                endpoint.describe());
    }

    @Test
    void aVariableThatIsNotAUrlIsNamedWithTheFix() {
        SystemSettingUtilsTestBackdoor.addEnvironmentVariableOverride("AWS_ENDPOINT_URL", "localhost:4566");

        String message = assertThrows(
                        UserFixableException.class,
                        () -> CloudFrontEndpoint.resolve(ConnectionSettings.forCloudFront(null, null, null)))
                .getMessage();

        assertTrue(message.startsWith("AWS_ENDPOINT_URL is 'localhost:4566', which is not an http(s) URL"), message);
    }

    /**
     * The plugin's jar holds only the endpoints package of the SDK's CloudFront module (the shade filter in the POM):
     * a class of the plugin that used anything else of it would fail in a build, though not in these tests.
     */
    @Test
    void thePluginUsesNothingOfTheCloudFrontModuleButItsEndpointRules() throws Exception {
        Path classes = Path.of(CloudFrontEndpoint.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        Pattern module = Pattern.compile("software/amazon/awssdk/services/cloudfront/(?!endpoints/)[A-Za-z/$]+");
        List<String> used = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                Matcher m = module.matcher(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
                while (m.find()) {
                    used.add(classes.relativize(file) + " uses " + m.group());
                }
            }
        }
        assertEquals(List.of(), used);
    }

    // ---- Sending one request each way -----------------------------------------------------------------------------

    private record Outcome(SdkHttpRequest request, Exception failure) {
        interface Call {
            SdkHttpRequest run() throws Exception;
        }

        static Outcome of(Call call) {
            try {
                return new Outcome(call.run(), null);
            } catch (Exception e) {
                return new Outcome(null, e);
            }
        }
    }

    private static SdkHttpRequest sdkRequest(Setup setup) {
        Wire wire = new Wire();
        CloudFrontClientBuilder builder = CloudFrontClient.builder()
                .region(Region.of(setup.region()))
                .httpClient(wire)
                .credentialsProvider(CREDENTIALS);
        setup.endpointParameter().map(URI::create).ifPresent(builder::endpointOverride);
        setup.profileParameter().ifPresent(p -> builder.overrideConfiguration(o -> o.defaultProfileName(p)));
        try (CloudFrontClient client = builder.build()) {
            client.getInvalidation(r -> r.distributionId("EDFDVBD6EXAMPLE").id("I2J0I21PCUYOIK"));
        } catch (SdkException answered) {
            if (wire.sent.isEmpty()) {
                throw answered;
            }
        }
        return wire.sent.get(0);
    }

    private static SdkHttpRequest ourRequest(ConnectionSettings settings) throws UserFixableException {
        CloudFrontEndpoint endpoint = CloudFrontEndpoint.resolve(settings);
        Wire wire = new Wire();
        CloudFrontApi api = new CloudFrontApi(
                wire,
                CREDENTIALS,
                endpoint.url(),
                endpoint.signingRegion(),
                new Retries(1, Duration.ofMillis(1), Duration.ofMillis(1)));
        try {
            api.getInvalidation(Target.distribution("EDFDVBD6EXAMPLE"), "I2J0I21PCUYOIK");
        } catch (SdkException answered) {
            // The wire answers 404: only the request matters.
        }
        return wire.sent.get(0);
    }

    private static String sdkSigningRegion(Endpoint endpoint) {
        for (EndpointAuthScheme scheme : endpoint.attribute(AwsEndpointAttribute.AUTH_SCHEMES)) {
            if (scheme instanceof SigV4AuthScheme sigV4) {
                return sigV4.signingRegion();
            }
        }
        throw new AssertionError("no SigV4 auth scheme in " + endpoint.url());
    }

    private static void setProperty(String name, boolean value) {
        System.setProperty(name, Boolean.toString(value));
    }

    /** Records each request and answers 404 NoSuchInvalidation. */
    private static final class Wire implements SdkHttpClient {
        final List<SdkHttpRequest> sent = new ArrayList<>();

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() {
                    sent.add(request.httpRequest());
                    byte[] body = ("<ErrorResponse xmlns=\"http://cloudfront.amazonaws.com/doc/2020-05-31/\"><Error>"
                                    + "<Type>Sender</Type><Code>NoSuchInvalidation</Code><Message>none</Message>"
                                    + "</Error><RequestId>r</RequestId></ErrorResponse>")
                            .getBytes(StandardCharsets.UTF_8);
                    return HttpExecuteResponse.builder()
                            .response(SdkHttpResponse.builder()
                                    .statusCode(404)
                                    .putHeader("Content-Length", Integer.toString(body.length))
                                    .build())
                            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)))
                            .build();
                }

                @Override
                public void abort() {}
            };
        }

        @Override
        public String clientName() {
            return "Endpoints";
        }

        @Override
        public void close() {}
    }
}
