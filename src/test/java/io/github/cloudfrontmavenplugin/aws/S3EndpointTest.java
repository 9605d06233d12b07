package io.github.cloudfrontmavenplugin.aws;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontmavenplugin.base.UserFixableException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.utils.internal.SystemSettingUtilsTestBackdoor;

/**
 * S3Endpoint against the SDK's generated S3Client built as {@link S3Clients#build} builds it, in the same environment
 * (environment variables, system properties, config file, the plugin's parameters): each sends a HeadObject and a
 * ListObjectsV2 over an HTTP client that records them, and S3Endpoint must name the same scheme, host, port and path,
 * and the same region and service as the SDK's signature.
 */
class S3EndpointTest {
    private static final List<String> SYSTEM_PROPERTIES = List.of(
            "aws.profile",
            "aws.endpointUrl",
            "aws.endpointUrlS3",
            "aws.useFipsEndpoint",
            "aws.useDualstackEndpoint",
            "aws.defaultsMode");

    private static final List<String> VARIABLES = List.of(
            "AWS_ENDPOINT_URL",
            "AWS_ENDPOINT_URL_S3",
            "AWS_USE_FIPS_ENDPOINT",
            "AWS_USE_DUALSTACK_ENDPOINT",
            "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS",
            "AWS_S3_US_EAST_1_REGIONAL_ENDPOINT",
            "AWS_DEFAULTS_MODE");

    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDS3ENDPOINT", "endpoint-secret"));

    /** A key with a space, a slash and a plus: the plus is where encoders disagree. */
    private static final String KEY = "a b/c+d.html";

    @TempDir
    Path dir;

    private EndpointEnvironment environment;

    private Path config;

    /** Every test starts from no endpoint setting at all, and an empty config file of its own. */
    @BeforeEach
    void isolate() throws IOException {
        environment = new EndpointEnvironment(dir, SYSTEM_PROPERTIES, VARIABLES);
        config = environment.config;
    }

    @AfterEach
    void clear() {
        environment.clear();
    }

    // ---- The SDK's client in the same environment -----------------------------------------------------------------

    /** One environment and the plugin's parameters. */
    private record Setup(
            String name,
            String bucket,
            Optional<String> region,
            Optional<String> endpointParameter,
            Map<String, String> environment,
            Map<String, String> systemProperties,
            String configFile) {
        @Override
        public String toString() {
            return name;
        }

        Setup env(String variable, String value) {
            Map<String, String> more = new LinkedHashMap<>(environment);
            more.put(variable, value);
            return new Setup(name, bucket, region, endpointParameter, more, systemProperties, configFile);
        }

        Setup prop(String property, String value) {
            Map<String, String> more = new LinkedHashMap<>(systemProperties);
            more.put(property, value);
            return new Setup(name, bucket, region, endpointParameter, environment, more, configFile);
        }

        Setup config(String file) {
            return new Setup(name, bucket, region, endpointParameter, environment, systemProperties, file);
        }

        Setup endpoint(String url) {
            return new Setup(name, bucket, region, Optional.of(url), environment, systemProperties, configFile);
        }
    }

    private static Setup setup(String name, String bucket, String region) {
        return new Setup(name, bucket, Optional.ofNullable(region), Optional.empty(), Map.of(), Map.of(), "");
    }

    static Stream<Setup> matrix() {
        List<Setup> all = new ArrayList<>();
        for (String bucket : List.of("www.example-bucket", "my-site-bucket")) {
            for (String region : new String[] {null, "us-east-1", "eu-west-1", "cn-north-1", "us-gov-west-1"}) {
                for (boolean fips : List.of(false, true)) {
                    for (boolean dualStack : List.of(false, true)) {
                        String name = bucket + " in " + (region == null ? "(no region)" : region)
                                + (fips ? " FIPS" : "") + (dualStack ? " dual-stack" : "");
                        Setup s = setup(name, bucket, region);
                        if (fips) {
                            s = s.prop("aws.useFipsEndpoint", "true");
                        }
                        if (dualStack) {
                            s = s.prop("aws.useDualstackEndpoint", "true");
                        }
                        all.add(s);
                    }
                }
                String where = " in " + (region == null ? "(no region)" : region);
                all.add(setup(bucket + where + " with <s3Endpoint>", bucket, region)
                        .endpoint("http://127.0.0.1:9000"));
                all.add(setup(bucket + where + " with aws.endpointUrlS3", bucket, region)
                        .prop("aws.endpointUrlS3", "http://localhost:4566"));
            }
        }
        String bucket = "my-site-bucket";
        all.add(setup("<s3Endpoint> with a path", bucket, "eu-west-1").endpoint("http://127.0.0.1:9000/store/"));
        all.add(setup("<s3Endpoint> over https", "www.example-bucket", null).endpoint("https://minio.example:9443"));
        all.add(setup("<s3Endpoint> beats aws.endpointUrlS3", bucket, null)
                .prop("aws.endpointUrlS3", "http://from-property:1")
                .endpoint("http://127.0.0.1:9000"));
        all.add(setup("<s3Endpoint> with FIPS", bucket, null)
                .endpoint("http://127.0.0.1:9000")
                .env("AWS_USE_FIPS_ENDPOINT", "true"));
        all.add(setup("<s3Endpoint> with dual-stack", bucket, null)
                .endpoint("http://127.0.0.1:9000")
                .env("AWS_USE_DUALSTACK_ENDPOINT", "true"));
        all.add(setup("AWS_ENDPOINT_URL_S3 over https", bucket, null)
                .env("AWS_ENDPOINT_URL_S3", "https://s3.example.com"));
        all.add(setup("AWS_ENDPOINT_URL_S3 with a dotted bucket over https", "www.example-bucket", null)
                .env("AWS_ENDPOINT_URL_S3", "https://s3.example.com"));
        all.add(setup("AWS_ENDPOINT_URL with a path", bucket, null).env("AWS_ENDPOINT_URL", "http://local:4566/s3/"));
        all.add(
                setup("a services section", bucket, null)
                        .config(
                                "[default]\nservices = local\n\n[services local]\ns3 =\n  endpoint_url = http://services:4566\n"));
        all.add(setup("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", bucket, null)
                .env("AWS_ENDPOINT_URL_S3", "http://ignored:1")
                .env("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true"));
        all.add(setup("aws.endpointUrlS3 with FIPS", bucket, null)
                .prop("aws.endpointUrlS3", "http://localhost:4566")
                .prop("aws.useFipsEndpoint", "true"));
        all.add(setup("use_fips_endpoint in the profile", bucket, "us-east-1")
                .config("[default]\nuse_fips_endpoint = true\n"));
        all.add(setup("AWS_S3_US_EAST_1_REGIONAL_ENDPOINT", bucket, null)
                .env("AWS_S3_US_EAST_1_REGIONAL_ENDPOINT", "regional"));
        all.add(setup("s3_us_east_1_regional_endpoint", "www.example-bucket", "us-east-1")
                .config("[default]\ns3_us_east_1_regional_endpoint = regional\n"));
        all.add(setup("defaults mode standard", bucket, null).env("AWS_DEFAULTS_MODE", "standard"));
        all.add(setup("defaults mode in-region", bucket, "us-east-1").prop("aws.defaultsMode", "in-region"));
        all.add(setup("defaults mode legacy", bucket, "us-east-1").config("[default]\ndefaults_mode = legacy\n"));
        all.add(setup("a bucket name with capitals", "My_Old_Bucket", "eu-west-1"));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void requestsGoWhereTheSdksClientSendsThemAndAreSignedAlike(Setup setup) throws Exception {
        apply(setup);
        ConnectionSettings settings = settings(setup);
        String region = setup.region().orElse("us-east-1");

        List<SdkHttpRequest> sdk;
        try {
            sdk = sdkRequests(setup, settings, answering(ok(), ok()));
        } catch (SdkException refused) {
            UserFixableException ours = assertThrows(
                    UserFixableException.class,
                    () -> S3Endpoint.resolve(settings, setup.bucket(), region),
                    () -> "the SDK refused (" + refused + "), the plugin did not");
            assertTrue(ours.getMessage().contains(refused.getMessage()), ours.getMessage());
            return;
        }
        S3Endpoint ours = S3Endpoint.resolve(settings, setup.bucket(), region).orElseThrow();
        assertSameAddress(sdk.get(0), sdk.get(1), ours);
    }

    /**
     * Without {@code <s3Region>} the SDK starts in us-east-1 and, told by S3 that the bucket is elsewhere, asks again
     * there: with the same settings but that region, which S3Endpoint is given in the same way.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("redirects")
    void afterS3sRedirectRequestsGoWhereTheSdksClientSendsThem(Setup setup) throws Exception {
        apply(setup);
        ConnectionSettings settings = settings(setup);

        List<SdkHttpRequest> sdk =
                sdkRequests(setup, settings, answering(redirect("eu-west-1"), ok(), redirect("eu-west-1"), ok()));

        S3Endpoint ours =
                S3Endpoint.resolve(settings, setup.bucket(), "eu-west-1").orElseThrow();
        assertEquals(4, sdk.size(), "each request sent twice: once before, once after the redirect");
        assertSameAddress(sdk.get(1), sdk.get(3), ours);
    }

    static Stream<Setup> redirects() {
        return Stream.of(
                setup("my-site-bucket from us-east-1's global endpoint", "my-site-bucket", null),
                setup("www.example-bucket from us-east-1's global endpoint", "www.example-bucket", null),
                setup("my-site-bucket with dual-stack", "my-site-bucket", null)
                        .env("AWS_USE_DUALSTACK_ENDPOINT", "true"),
                setup("my-site-bucket from us-east-1, regional", "my-site-bucket", "us-east-1")
                        .env("AWS_S3_US_EAST_1_REGIONAL_ENDPOINT", "regional"));
    }

    @Test
    void aRedirectToUsEast1KeepsTheRegionalEndpointOfAClientBuiltElsewhere() throws Exception {
        Setup setup = setup("from eu-west-1 to us-east-1", "my-site-bucket", "eu-west-1");
        ConnectionSettings settings = settings(setup);

        List<SdkHttpRequest> sdk =
                sdkRequests(setup, settings, answering(redirect("us-east-1"), ok(), redirect("us-east-1"), ok()));

        S3Endpoint ours =
                S3Endpoint.resolve(settings, setup.bucket(), "us-east-1").orElseThrow();
        assertEquals("my-site-bucket.s3.us-east-1.amazonaws.com", ours.base().getHost());
        assertSameAddress(sdk.get(1), sdk.get(3), ours);
    }

    private static void assertSameAddress(SdkHttpRequest head, SdkHttpRequest list, S3Endpoint ours) {
        URI object = ours.objectUri(KEY);
        assertAll(
                () -> assertEquals(head.protocol(), ours.base().getScheme(), "scheme"),
                () -> assertEquals(head.host(), ours.base().getHost(), "host"),
                () -> assertEquals(head.port(), port(ours.base()), "port"),
                () -> assertEquals(head.encodedPath(), object.getRawPath(), "HeadObject's path"),
                () -> assertEquals(SdkHttpMethod.GET, list.method()),
                () -> assertEquals(list.host(), ours.base().getHost(), "ListObjectsV2's host"),
                () -> assertEquals(list.encodedPath(), ours.base().getRawPath(), "ListObjectsV2's path"),
                () -> assertEquals(
                        EndpointEnvironment.scope(head), ours.signingRegion() + "/" + ours.signingName(), "signed for"),
                () -> assertEquals(
                        EndpointEnvironment.scope(list),
                        ours.signingRegion() + "/" + ours.signingName(),
                        "signed for"));
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    }

    // ---- What the plugin leaves to the SDK's client ---------------------------------------------------------------

    @Test
    void anAccessPointArnIsLeftToTheSdksClient() throws UserFixableException {
        ConnectionSettings settings = ConnectionSettings.forS3(null, null, null);

        assertEquals(
                Optional.empty(),
                S3Endpoint.resolve(settings, "arn:aws:s3:us-west-2:123456789012:accesspoint/my-site", "us-west-2"));
    }

    @Test
    void aDirectoryBucketIsLeftToTheSdksClient() throws UserFixableException {
        ConnectionSettings settings = ConnectionSettings.forS3("us-east-1", null, null);

        assertEquals(Optional.empty(), S3Endpoint.resolve(settings, "my-site--use1-az4--x-s3", "us-east-1"));
    }

    // ---- Log lines and errors -------------------------------------------------------------------------------------

    @Test
    void theLogLineSaysTheRulesChoseAPathStyleAddressForADottedBucket() throws UserFixableException {
        System.setProperty("aws.useDualstackEndpoint", "true");

        S3Endpoint endpoint = S3Endpoint.resolve(
                        ConnectionSettings.forS3("eu-west-1", null, null), "www.example-bucket", "eu-west-1")
                .orElseThrow();

        assertEquals(
                "https://s3.dualstack.eu-west-1.amazonaws.com/www.example-bucket (signing s3 eu-west-1): the SDK's"
                        + " endpoint rules for bucket www.example-bucket in region eu-west-1 with dual-stack on"
                        + " (system property aws.useDualstackEndpoint), path-style",
                endpoint.describe());
        assertFalse(endpoint.configured());
    }

    @Test
    void thePluginsOwnEndpointIsPathStyleAndSaysSo() throws UserFixableException {
        S3Endpoint endpoint = S3Endpoint.resolve(
                        ConnectionSettings.forS3(null, "http://127.0.0.1:9000", null), "my-site-bucket", "us-east-1")
                .orElseThrow();

        assertEquals(
                "http://127.0.0.1:9000/my-site-bucket (signing s3 us-east-1): <s3Endpoint> (cloudfront.s3Endpoint),"
                        + " path-style",
                endpoint.describe());
        assertTrue(endpoint.configured());
    }

    @Test
    void theLogLineNamesTheServicesSectionThatChoseTheEndpoint() throws Exception {
        Files.writeString(
                config,
                "[default]\nservices = local\n\n[services local]\ns3 =\n  endpoint_url = http://services:4566\n");

        S3Endpoint endpoint = S3Endpoint.resolve(
                        ConnectionSettings.forS3(null, null, null), "my-site-bucket", "us-east-1")
                .orElseThrow();

        assertEquals(
                "http://my-site-bucket.services:4566 (signing s3 us-east-1): endpoint_url of s3 in [services local]"
                        + " (profile default)",
                endpoint.describe());
    }

    @Test
    void aVariableThatIsNotAUrlIsNamedWithTheFix() {
        SystemSettingUtilsTestBackdoor.addEnvironmentVariableOverride("AWS_ENDPOINT_URL_S3", "localhost:4566");

        String message = assertThrows(
                        UserFixableException.class,
                        () -> S3Endpoint.resolve(
                                ConnectionSettings.forS3(null, null, null), "my-site-bucket", "us-east-1"))
                .getMessage();

        assertEquals(
                "AWS_ENDPOINT_URL_S3 is 'localhost:4566', which is not an http(s) URL for S3. Use a URL such as"
                        + " http://localhost:4566, or unset it to call S3 itself.",
                message);
    }

    @Test
    void fipsAndThePluginsEndpointAreRefusedNamingBoth() throws UserFixableException {
        SystemSettingUtilsTestBackdoor.addEnvironmentVariableOverride("AWS_USE_FIPS_ENDPOINT", "true");
        ConnectionSettings settings = ConnectionSettings.forS3(null, "http://127.0.0.1:9000", null);

        String message = assertThrows(
                        UserFixableException.class, () -> S3Endpoint.resolve(settings, "my-site-bucket", "us-east-1"))
                .getMessage();

        assertTrue(message.startsWith("The AWS SDK's S3 endpoint rules refuse this: "), message);
        assertTrue(
                message.endsWith("FIPS (AWS_USE_FIPS_ENDPOINT) asks for S3's own FIPS or dual-stack endpoint, while"
                        + " <s3Endpoint> (cloudfront.s3Endpoint) names another. Unset one of the two."),
                message);
    }

    @Test
    void fipsInChinaIsRefusedNamingTheRegionAndTheSetting() throws Exception {
        Files.writeString(config, "[profile ci]\nuse_fips_endpoint = true\n");
        ConnectionSettings settings = ConnectionSettings.forS3("cn-north-1", null, "ci");

        String message = assertThrows(
                        UserFixableException.class, () -> S3Endpoint.resolve(settings, "my-site-bucket", "cn-north-1"))
                .getMessage();

        assertEquals(
                "The AWS SDK's S3 endpoint rules refuse this: Partition does not support FIPS. Region 'cn-north-1'"
                        + " (<s3Region>, cloudfront.s3Region, or the bucket's) with FIPS on (use_fips_endpoint of"
                        + " profile ci) has no S3 endpoint for bucket 'my-site-bucket'. Turn the variant off.",
                message);
    }

    @Test
    void anUnreadableSettingIsReportedWithTheSdksWords() {
        SystemSettingUtilsTestBackdoor.addEnvironmentVariableOverride("AWS_USE_FIPS_ENDPOINT", "maybe");

        String message = assertThrows(
                        UserFixableException.class,
                        () -> S3Endpoint.resolve(
                                ConnectionSettings.forS3(null, null, null), "my-site-bucket", "us-east-1"))
                .getMessage();

        assertTrue(message.startsWith("Could not work out S3's endpoint from the AWS settings: "), message);
        assertTrue(message.contains("maybe"), message);
    }

    // ---- Sending the requests -------------------------------------------------------------------------------------

    private void apply(Setup setup) throws IOException {
        setup.environment().forEach(SystemSettingUtilsTestBackdoor::addEnvironmentVariableOverride);
        setup.systemProperties().forEach(System::setProperty);
        Files.writeString(config, setup.configFile());
    }

    private static ConnectionSettings settings(Setup setup) throws UserFixableException {
        return ConnectionSettings.forS3(
                setup.region().orElse(null), setup.endpointParameter().orElse(null), null);
    }

    /** A HeadObject and a ListObjectsV2 from the client S3Clients builds for these settings, as they were sent. */
    private static List<SdkHttpRequest> sdkRequests(
            Setup setup, ConnectionSettings settings, RecordingHttpClient wire) {
        try (S3Client s3 = S3Clients.generated(
                AwsClients.configure(
                        S3Client.builder(),
                        wire,
                        settings.endpoint(),
                        new Retries(1, Duration.ofMillis(1), Duration.ofMillis(1))),
                CREDENTIALS,
                settings.region().orElse("us-east-1"),
                settings.endpoint())) {
            s3.headObject(r -> r.bucket(setup.bucket()).key(KEY));
            s3.listObjectsV2(r -> r.bucket(setup.bucket()));
        }
        return wire.requests();
    }

    private record Answer(int status, Map<String, String> headers) {}

    private static Answer ok() {
        return new Answer(200, Map.of());
    }

    private static Answer redirect(String region) {
        return new Answer(301, Map.of("x-amz-bucket-region", region));
    }

    /** Records each request and gives the answers it was told, in order: an empty listing to a GET, else nothing. */
    private static RecordingHttpClient answering(Answer... answers) {
        return new RecordingHttpClient("S3EndpointTest", (number, request) -> {
            Answer answer = answers[Math.min(number, answers.length) - 1];
            String body = answer.status() == 200 && request.method() == SdkHttpMethod.GET
                    ? "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"></ListBucketResult>"
                    : "";
            return RecordingHttpClient.Canned.of(answer.status(), answer.headers(), body);
        });
    }
}
