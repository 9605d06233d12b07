package io.github.cloudfrontmavenplugin.cloudfront;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontmavenplugin.aws.ConnectionSettings;
import io.github.cloudfrontmavenplugin.aws.RecordingHttpClient;
import io.github.cloudfrontmavenplugin.aws.RecordingHttpClient.Canned;
import io.github.cloudfrontmavenplugin.aws.Retries;
import io.github.cloudfrontmavenplugin.aws.SignedCalls;
import io.github.cloudfrontmavenplugin.cloudfront.CloudFrontApi.DistributionPage;
import io.github.cloudfrontmavenplugin.cloudfront.CloudFrontApi.DistributionSummary;
import io.github.cloudfrontmavenplugin.cloudfront.CloudFrontApi.TenantPage;
import io.github.cloudfrontmavenplugin.cloudfront.CloudFrontApi.TenantSummary;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkGlobalTime;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.CreateInvalidationForDistributionTenantResponse;
import software.amazon.awssdk.services.cloudfront.model.CreateInvalidationResponse;
import software.amazon.awssdk.services.cloudfront.model.DistributionList;
import software.amazon.awssdk.services.cloudfront.model.DistributionTenant;
import software.amazon.awssdk.services.cloudfront.model.DistributionTenantSummary;
import software.amazon.awssdk.services.cloudfront.model.Invalidation;
import software.amazon.awssdk.services.cloudfront.model.InvalidationBatch;
import software.amazon.awssdk.services.cloudfront.model.ListDistributionTenantsResponse;

/**
 * CloudFrontApi against the SDK's generated CloudFrontClient, the implementation it replaced: the same call made
 * through both, over one in-memory HTTP client each that records what is sent and answers what it is given, must put
 * the same request on the wire, read the same answer into the same values, and fail, retry and give up alike.
 *
 * <p>Bodies are compared byte for byte: both write the same XML declaration, namespace and escapes, so no canonical
 * form is needed. Signatures are compared whole: the SDK's request, signed again with the same credentials on a clock
 * fixed at the time ours was signed and with our invocation ID, must carry our Authorization header exactly. What
 * differs, CloudFront cannot see: the invocation ID is random in both, each sends its own User-Agent, which neither
 * signs and which is not compared here; the SDK throws a modelled subclass of
 * AwsServiceException (NoSuchDistributionException, ...) where CloudFrontApi throws AwsServiceException itself, and
 * the plugin reads only the error code, status and request ID.
 */
class CloudFrontApiConformanceTest {
    private static final String NS = "http://cloudfront.amazonaws.com/doc/2020-05-31/";
    private static final String DISTRIBUTION = "EDFDVBD6EXAMPLE";
    private static final String TENANT = "dt_2wjDZi3hD1ivOXf6rpZJOSNE1AB";
    private static final String REQUEST_ID = "7d1b1b5e-5c3a-4f0e-9d2a-0b6e2c1f9a11";

    /** Retries as fast as the SDK's strategy allows (it refuses a zero delay), so that retry tests take no time. */
    private static final Retries QUICK = new Retries(3, Duration.ofMillis(1), Duration.ofMillis(1));

    private static final Retries ONE_ATTEMPT = new Retries(1, Duration.ofMillis(1), Duration.ofMillis(1));

    /** What an HTTP client must carry byte for byte: XML specials, spaces, non-ASCII, %-sequences, wildcards, tags. */
    private static final List<String> TRICKY_PATHS = List.of(
            "/index.html",
            "/a&b<c>d\"e'f.html",
            "/my file with spaces.html",
            "/café/日本語.html",
            "/emoji-\uD83D\uDE00.png",
            "/already%20encoded%2Fslash%E2%82%AC",
            "/img/*",
            "*",
            "#product:tv",
            "/tab\there",
            "/cr\rlf\nend");

    private static final String TRICKY_CALLER_REFERENCE = "deploy <2026-12-01> & 'release' \"42\" #7 é\r\n日本";

    private Both both;

    /**
     * The SDK keeps the clock correction a skewed-clock answer teaches it in a JVM-wide offset, which every SDK client
     * built afterwards starts from: each test starts from none, and leaves none to other tests.
     */
    @BeforeEach
    void startWithTheSdksClockUncorrected() {
        SdkGlobalTime.setGlobalTimeOffset(0);
    }

    @AfterEach
    void closeClientsAndForgetTheSdksClockCorrection() {
        if (both != null) {
            both.sdk.close();
        }
        SdkGlobalTime.setGlobalTimeOffset(0);
    }

    // ---- Requests -------------------------------------------------------------------------------------------------

    static Stream<Arguments> targets() {
        return Stream.of(
                Arguments.of(Target.distribution(DISTRIBUTION)),
                Arguments.of(Target.tenant(TENANT)),
                Arguments.of(Target.distribution("E1/../x y%2F&é")));
    }

    @ParameterizedTest
    @MethodSource("targets")
    void createInvalidationSendsTheSdksRequestWithTrickyPathsAndCallerReference(Target target) {
        both = new Both(Retries.DEFAULT, created(target, "I2J0I21PCUYOIK", List.of("/index.html"), "ref"));

        both.ours.createInvalidation(target, TRICKY_PATHS, TRICKY_CALLER_REFERENCE);
        sdkCreate(both.sdk, target, TRICKY_PATHS, TRICKY_CALLER_REFERENCE);

        both.assertSameRequests();
    }

    @ParameterizedTest
    @MethodSource("targets")
    void getInvalidationSendsTheSdksRequest(Target target) {
        both = new Both(Retries.DEFAULT, ok(invalidationXml("I2J0I21PCUYOIK", "Completed", List.of("/"), "ref")));

        both.ours.getInvalidation(target, "I2J0I21PCUYOIK");
        sdkGet(both.sdk, target, "I2J0I21PCUYOIK");

        both.assertSameRequests();
    }

    @Test
    void getInvalidationEncodesAnInvalidationIdAsTheSdkDoes() {
        Target target = Target.distribution(DISTRIBUTION);
        String id = "I2J/../é x%41";
        both = new Both(Retries.DEFAULT, ok(invalidationXml("I2J0I21PCUYOIK", "Completed", List.of("/"), "ref")));

        both.ours.getInvalidation(target, id);
        sdkGet(both.sdk, target, id);

        both.assertSameRequests();
    }

    static Stream<Arguments> distributionMarkers() {
        return Stream.of(
                Arguments.of(Optional.empty()),
                Arguments.of(Optional.of("EMARKER0123456")),
                Arguments.of(Optional.of("E2&x=1 é+/%41")));
    }

    @ParameterizedTest
    @MethodSource("distributionMarkers")
    void listDistributionsSendsTheSdksRequest(Optional<String> marker) {
        both = new Both(Retries.DEFAULT, ok(LAST_DISTRIBUTION_PAGE));

        both.ours.listDistributions(marker);
        both.sdk.listDistributions(r -> r.marker(marker.orElse(null)));

        both.assertSameRequests();
    }

    @ParameterizedTest
    @MethodSource("domains")
    void getDistributionTenantByDomainSendsTheSdksRequest(String domain) {
        both = new Both(Retries.DEFAULT, ok(TENANT_XML));

        both.ours.distributionTenantByDomain(domain);
        both.sdk.getDistributionTenantByDomain(r -> r.domain(domain));

        both.assertSameRequests();
    }

    static Stream<String> domains() {
        return Stream.of("WWW.Example.COM", "tenant-1.example.com", "shop.例え.jp", "a&b=c d+e.example.com");
    }

    static Stream<Arguments> tenantListings() {
        return Stream.of(
                Arguments.of(DISTRIBUTION, Optional.empty(), Optional.empty()),
                Arguments.of(DISTRIBUTION, Optional.of(TENANT), Optional.empty()),
                Arguments.of(DISTRIBUTION, Optional.empty(), Optional.of(5)),
                Arguments.of(DISTRIBUTION, Optional.of(TENANT), Optional.of(100)),
                Arguments.of("E<&>\"'é", Optional.of("dt_<&>"), Optional.of(1)));
    }

    @ParameterizedTest
    @MethodSource("tenantListings")
    void listDistributionTenantsSendsTheSdksRequest(
            String distributionId, Optional<String> marker, Optional<Integer> maxItems) {
        both = new Both(Retries.DEFAULT, ok(LAST_TENANT_PAGE));

        both.ours.listDistributionTenants(distributionId, marker, maxItems);
        both.sdk.listDistributionTenants(r -> r.associationFilter(f -> f.distributionId(distributionId))
                .marker(marker.orElse(null))
                .maxItems(maxItems.orElse(null)));

        both.assertSameRequests();
    }

    // ---- Answers --------------------------------------------------------------------------------------------------

    /** Escaped, numeric and CDATA text, as any XML writer on CloudFront's side may send it. */
    private static final String ENTITY_INVALIDATION = xml("<Invalidation xmlns=\"" + NS + "\">\n"
            + "  <Id>I2J0I21PCUYOIK</Id>\n  <Status>InProgress</Status>\n"
            + "  <CreateTime>2019-12-05T18:40:49.413Z</CreateTime>\n"
            + "  <InvalidationBatch>\n    <Paths>\n      <Quantity>5</Quantity>\n      <Items>\n"
            + "        <Path>/a&amp;b&lt;c&gt;d&quot;e&apos;f.html</Path>\n"
            + "        <Path><![CDATA[/q?x=<1>&y=\"2\"]]></Path>\n"
            + "        <Path>/caf&#xE9;/&#26085;&#26412;.html</Path>\n"
            + "        <Path>/my file.html</Path>\n"
            + "        <Path>/split<![CDATA[&joined]]>&amp;more</Path>\n"
            + "      </Items>\n    </Paths>\n"
            + "    <CallerReference>deploy &amp; &apos;7&apos; <![CDATA[<cdata>]]></CallerReference>\n"
            + "  </InvalidationBatch>\n</Invalidation>\n");

    static Stream<Arguments> invalidationAnswers() {
        return Stream.of(
                Arguments.of(Target.distribution(DISTRIBUTION), ENTITY_INVALIDATION),
                Arguments.of(Target.tenant(TENANT), ENTITY_INVALIDATION),
                Arguments.of(
                        Target.distribution(DISTRIBUTION),
                        invalidationXml("IEMPTY", "Completed", List.of(), "no-paths")),
                Arguments.of(
                        Target.distribution(DISTRIBUTION),
                        invalidationXml("ISECONDS", "COMPLETED", List.of("/x"), "r")
                                .replace(".413Z", "Z")));
    }

    @ParameterizedTest
    @MethodSource("invalidationAnswers")
    void createInvalidationReadsWhatTheSdkReads(Target target, String answer) {
        both = new Both(Retries.DEFAULT, created(target, answer));

        InvalidationInfo ours = both.ours.createInvalidation(target, List.of("/x"), "r");
        InvalidationInfo sdk = sdkCreate(both.sdk, target, List.of("/x"), "r");

        assertEquals(sdk, ours);
        assertTrue(ours.location().isPresent(), "the Location header was not read");
    }

    @ParameterizedTest
    @MethodSource("invalidationAnswers")
    void getInvalidationReadsWhatTheSdkReads(Target target, String answer) {
        both = new Both(Retries.DEFAULT, ok(answer));

        InvalidationInfo ours = both.ours.getInvalidation(target, "I2J0I21PCUYOIK");
        InvalidationInfo sdk = sdkGet(both.sdk, target, "I2J0I21PCUYOIK");

        assertEquals(sdk, ours);
    }

    private static final String FIRST_DISTRIBUTION_PAGE = xml("<DistributionList xmlns=\"" + NS + "\">"
            + "<Marker></Marker><NextMarker>E2&amp;NEXT</NextMarker><MaxItems>2</MaxItems>"
            + "<IsTruncated>true</IsTruncated><Quantity>2</Quantity><Items>"
            + summaryXml(DISTRIBUTION, "d111111abcdef8.cloudfront.net", "www.Example.com", "*.example&amp;co.org")
            + summaryXml("E2NOALIASES", "d222222abcdef8.cloudfront.net")
            + "</Items></DistributionList>");

    private static final String LAST_DISTRIBUTION_PAGE = xml("<DistributionList xmlns=\"" + NS + "\">"
            + "<Marker>E2&amp;NEXT</Marker><MaxItems>100</MaxItems><IsTruncated>false</IsTruncated>"
            + "<Quantity>1</Quantity><Items>"
            + summaryXml("E3CDATA", "<![CDATA[d333333abcdef8.cloudfront.net]]>", "<![CDATA[a&b.example.com]]>")
            + "</Items></DistributionList>");

    private static final String EMPTY_DISTRIBUTION_PAGE = xml("<DistributionList xmlns=\"" + NS + "\">"
            + "<Marker></Marker><MaxItems>100</MaxItems><IsTruncated>false</IsTruncated><Quantity>0</Quantity>"
            + "</DistributionList>");

    @ParameterizedTest
    @MethodSource("distributionPages")
    void listDistributionsReadsWhatTheSdkReads(String page) {
        both = new Both(Retries.DEFAULT, ok(page));

        DistributionPage ours = both.ours.listDistributions(Optional.empty());
        DistributionList sdk = both.sdk.listDistributions(r -> {}).distributionList();

        // CloudFrontApi hands on NextMarker only where IsTruncated says there is a next page, as the plugin used
        // the SDK's answer.
        Optional<String> sdkNext =
                Boolean.TRUE.equals(sdk.isTruncated()) ? Optional.ofNullable(sdk.nextMarker()) : Optional.empty();
        List<DistributionSummary> sdkItems = sdk.items().stream()
                .map(s -> new DistributionSummary(
                        s.id(),
                        s.domainName(),
                        s.aliases() == null
                                ? List.of()
                                : List.copyOf(s.aliases().items())))
                .toList();
        assertEquals(new DistributionPage(sdkItems, sdkNext), ours);
    }

    static Stream<String> distributionPages() {
        return Stream.of(FIRST_DISTRIBUTION_PAGE, LAST_DISTRIBUTION_PAGE, EMPTY_DISTRIBUTION_PAGE);
    }

    private static final String TENANT_XML = xml("<DistributionTenant xmlns=\"" + NS + "\">"
            + tenantElements(TENANT, DISTRIBUTION, "tenant-1", "WWW.Example.COM")
            + "</DistributionTenant>");

    @Test
    void getDistributionTenantByDomainReadsWhatTheSdkReads() {
        both = new Both(Retries.DEFAULT, withHeader(ok(TENANT_XML), "ETag", "E2QWRUHEXAMPLE"));

        TenantSummary ours = both.ours.distributionTenantByDomain("WWW.Example.COM");
        DistributionTenant sdk = both.sdk
                .getDistributionTenantByDomain(r -> r.domain("WWW.Example.COM"))
                .distributionTenant();

        assertEquals(new TenantSummary(sdk.id(), Optional.ofNullable(sdk.distributionId())), ours);
    }

    private static final String FIRST_TENANT_PAGE = xml("<ListDistributionTenantsResult xmlns=\"" + NS + "\">"
            + "<NextMarker>dt_NEXT&amp;1</NextMarker><DistributionTenantList>"
            + tenantSummaryXml(TENANT)
            + tenantSummaryXml("dt_<![CDATA[SECOND]]>")
            + "</DistributionTenantList></ListDistributionTenantsResult>");

    private static final String LAST_TENANT_PAGE = xml("<ListDistributionTenantsResult xmlns=\"" + NS + "\">"
            + "<DistributionTenantList>" + tenantSummaryXml("dt_LAST") + "</DistributionTenantList>"
            + "</ListDistributionTenantsResult>");

    private static final String EMPTY_TENANT_PAGE =
            xml("<ListDistributionTenantsResult xmlns=\"" + NS + "\"></ListDistributionTenantsResult>");

    @ParameterizedTest
    @MethodSource("tenantPages")
    void listDistributionTenantsReadsWhatTheSdkReads(String page) {
        both = new Both(Retries.DEFAULT, ok(page));

        TenantPage ours = both.ours.listDistributionTenants(DISTRIBUTION, Optional.empty(), Optional.empty());
        ListDistributionTenantsResponse sdk =
                both.sdk.listDistributionTenants(r -> r.associationFilter(f -> f.distributionId(DISTRIBUTION)));

        assertEquals(
                new TenantPage(
                        sdk.distributionTenantList().stream()
                                .map(DistributionTenantSummary::id)
                                .toList(),
                        Optional.ofNullable(sdk.nextMarker())),
                ours);
    }

    static Stream<String> tenantPages() {
        return Stream.of(FIRST_TENANT_PAGE, LAST_TENANT_PAGE, EMPTY_TENANT_PAGE);
    }

    // ---- Errors ---------------------------------------------------------------------------------------------------

    static Stream<Arguments> errorAnswers() {
        return Stream.of(
                Arguments.of(
                        "404 NoSuchDistribution",
                        error(404, "NoSuchDistribution", "The specified distribution does not exist.")),
                Arguments.of(
                        "400 InvalidArgument, escaped and CDATA",
                        error(
                                400,
                                "InvalidArgument",
                                "Your request contains one or more invalid invalidation paths: /a&amp;b"
                                        + "<![CDATA[ <&> ]]>")),
                Arguments.of(
                        "400 TooManyInvalidationsInProgress",
                        error(
                                400,
                                "TooManyInvalidationsInProgress",
                                "Processing your request would cause the maximum number of in-progress"
                                        + " invalidations to be exceeded.")),
                Arguments.of(
                        "403 AccessDenied",
                        error(
                                403,
                                "AccessDenied",
                                "User: arn:aws:iam::123456789012:user/ci is not authorized to perform:"
                                        + " cloudfront:CreateInvalidation")),
                Arguments.of("400 Throttling", error(400, "Throttling", "Rate exceeded")),
                Arguments.of("429 Throttling", error(429, "Throttling", "Rate exceeded")),
                Arguments.of("500 InternalError", error(500, "InternalError", "We encountered an internal error.")),
                Arguments.of(
                        "404 without a RequestId element",
                        xmlAnswer(
                                404,
                                "<ErrorResponse xmlns=\"" + NS + "\"><Error><Type>Sender</Type>"
                                        + "<Code>NoSuchInvalidation</Code><Message>gone</Message></Error>"
                                        + "</ErrorResponse>")),
                Arguments.of(
                        "503 with an HTML body",
                        new Canned(
                                503,
                                Map.of("Content-Type", "text/html", "x-amzn-RequestId", REQUEST_ID),
                                "<html><body><h1>503 Service Unavailable</h1></body></html>"
                                        .getBytes(StandardCharsets.UTF_8),
                                false)),
                Arguments.of("407 with no body", new Canned(407, Map.of(), null, false)),
                Arguments.of(
                        "500 with both request id headers",
                        new Canned(
                                500,
                                Map.of("x-amz-request-id", "REQ-AMZ", "x-amzn-RequestId", "REQ-AMZN"),
                                new byte[0],
                                false)),
                Arguments.of(
                        "400 whose RequestId differs from its headers'",
                        withHeader(
                                withHeader(error(400, "InvalidArgument", "bad"), "x-amzn-RequestId", "REQ-AMZN"),
                                "x-amz-request-id",
                                "REQ-AMZ")),
                Arguments.of(
                        "502 with an empty body and x-amz-request-id",
                        new Canned(502, Map.of("x-amz-request-id", "REQ-AMZ"), new byte[0], false)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errorAnswers")
    void anErrorAnswerFailsAsTheSdkFails(String name, Canned answer) {
        both = new Both(ONE_ATTEMPT, answer);
        Target target = Target.distribution(DISTRIBUTION);

        SdkException ours =
                assertThrows(SdkException.class, () -> both.ours.createInvalidation(target, List.of("/"), "r"));
        SdkException sdk = assertThrows(SdkException.class, () -> sdkCreate(both.sdk, target, List.of("/"), "r"));

        assertSameFailure(sdk, ours);
        assertInstanceOf(AwsServiceException.class, ours);
    }

    /** One operation the plugin calls, made through either client. */
    private record Operation(String name, Consumer<CloudFrontApi> ours, Consumer<CloudFrontClient> sdk) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Operation> operations() {
        Target distribution = Target.distribution(DISTRIBUTION);
        Target tenant = Target.tenant(TENANT);
        return List.of(
                new Operation(
                        "CreateInvalidation",
                        api -> api.createInvalidation(distribution, List.of("/"), "r"),
                        sdk -> sdkCreate(sdk, distribution, List.of("/"), "r")),
                new Operation(
                        "CreateInvalidationForDistributionTenant",
                        api -> api.createInvalidation(tenant, List.of("/"), "r"),
                        sdk -> sdkCreate(sdk, tenant, List.of("/"), "r")),
                new Operation(
                        "GetInvalidation",
                        api -> api.getInvalidation(distribution, "I2J0I21PCUYOIK"),
                        sdk -> sdkGet(sdk, distribution, "I2J0I21PCUYOIK")),
                new Operation(
                        "GetInvalidationForDistributionTenant",
                        api -> api.getInvalidation(tenant, "I2J0I21PCUYOIK"),
                        sdk -> sdkGet(sdk, tenant, "I2J0I21PCUYOIK")),
                new Operation(
                        "ListDistributions",
                        api -> api.listDistributions(Optional.empty()),
                        sdk -> sdk.listDistributions(r -> {})),
                new Operation(
                        "GetDistributionTenantByDomain",
                        api -> api.distributionTenantByDomain("www.example.com"),
                        sdk -> sdk.getDistributionTenantByDomain(r -> r.domain("www.example.com"))),
                new Operation(
                        "ListDistributionTenants",
                        api -> api.listDistributionTenants(DISTRIBUTION, Optional.empty(), Optional.empty()),
                        sdk -> sdk.listDistributionTenants(
                                r -> r.associationFilter(f -> f.distributionId(DISTRIBUTION)))));
    }

    /** The errors CloudFront's model gives the plugin's operations, and those any AWS service may answer. */
    static List<Canned> errorsOfEveryOperation() {
        return List.of(
                error(404, "EntityNotFound", "The specified entity was not found."),
                error(404, "NoSuchDistribution", "The specified distribution does not exist."),
                error(404, "NoSuchInvalidation", "The specified invalidation does not exist."),
                error(409, "InvalidationBatchAlreadyExists", "The invalidation batch already exists."),
                error(413, "BatchTooLarge", "Invalidation batch specified is too large."),
                error(403, "ExpiredToken", "The security token included in the request is expired"),
                error(403, "AccessDenied", "Access denied."),
                error(400, "InvalidArgument", "bad"),
                error(400, "MissingBody", "missing"),
                error(400, "InconsistentQuantities", "inconsistent"),
                error(400, "TooManyInvalidationsInProgress", "busy"));
    }

    static Stream<Arguments> everyOperationAndError() {
        return operations().stream()
                .flatMap(op -> errorsOfEveryOperation().stream().map(error -> Arguments.of(op, codeOf(error), error)));
    }

    private static String codeOf(Canned error) {
        Matcher m = Pattern.compile("<Code>([^<]+)</Code>").matcher(utf8(error.body()));
        return m.find() ? error.status() + " " + m.group(1) : String.valueOf(error.status());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyOperationAndError")
    void everyOperationFailsOnEveryErrorAsTheSdkFails(Operation operation, String name, Canned answer) {
        both = new Both(ONE_ATTEMPT, answer);

        SdkException ours =
                assertThrows(SdkException.class, () -> operation.ours().accept(both.ours));
        SdkException sdk =
                assertThrows(SdkException.class, () -> operation.sdk().accept(both.sdk));

        assertSameFailure(sdk, ours);
        assertInstanceOf(AwsServiceException.class, ours);
        both.assertSameRequests();
    }

    // ---- Endpoints ------------------------------------------------------------------------------------------------

    static Stream<Arguments> endpointSettings() {
        return Stream.of(
                Arguments.of("aws-global", false, "cloudfront.amazonaws.com"),
                Arguments.of("aws-global", true, "cloudfront-fips.amazonaws.com"),
                Arguments.of("cn-north-1", false, "cloudfront.cn-northwest-1.amazonaws.com.cn"),
                Arguments.of("cn-northwest-1", true, "cloudfront-fips.cn-northwest-1.amazonaws.com.cn"));
    }

    @ParameterizedTest(name = "{0} FIPS {1}")
    @MethodSource("endpointSettings")
    void everyOperationGoesWhereTheSdkSendsItAndIsSignedAlike(String region, boolean fips, String host) {
        System.setProperty("aws.useFipsEndpoint", Boolean.toString(fips));
        try {
            for (Operation operation : operations()) {
                both = new Both(ONE_ATTEMPT, region, error(404, "NoSuchInvalidation", "none"));
                assertThrows(SdkException.class, () -> operation.ours().accept(both.ours));
                assertThrows(SdkException.class, () -> operation.sdk().accept(both.sdk));

                both.assertSameRequests();
                assertEquals(host, both.ourWire.sent.get(0).request().host(), operation.name());
                both.sdk.close();
            }
        } finally {
            System.clearProperty("aws.useFipsEndpoint");
        }
    }

    // ---- Retries --------------------------------------------------------------------------------------------------

    /** A time far from any machine's clock, so that a clock-skew check does not depend on when the test runs. */
    private static final String SKEWED_DATE = "Sat, 01 Jan 2000 00:00:00 GMT";

    static Stream<Arguments> firstAttemptFailures() {
        return Stream.of(
                Arguments.of("503 with an HTML body", new Canned(503, Map.of(), "<html/>".getBytes(), false)),
                Arguments.of("500 InternalError", error(500, "InternalError", "internal")),
                Arguments.of("502 with no body", new Canned(502, Map.of(), null, false)),
                Arguments.of("504 with no body", new Canned(504, Map.of(), null, false)),
                Arguments.of("400 Throttling", error(400, "Throttling", "Rate exceeded")),
                Arguments.of("429 with no body", new Canned(429, Map.of(), null, false)),
                Arguments.of("an I/O error", Canned.IO_FAILURE),
                Arguments.of(
                        "403 RequestTimeTooSkewed",
                        withHeader(error(403, "RequestTimeTooSkewed", "skewed"), "Date", SKEWED_DATE)),
                Arguments.of(
                        "403 SignatureDoesNotMatch from a skewed clock",
                        withHeader(error(403, "SignatureDoesNotMatch", "no match"), "Date", SKEWED_DATE)),
                Arguments.of(
                        "403 AccessDenied from a skewed clock",
                        withHeader(error(403, "AccessDenied", "denied"), "Date", SKEWED_DATE)),
                Arguments.of("403 AccessDenied", error(403, "AccessDenied", "denied")),
                Arguments.of(
                        "400 TooManyInvalidationsInProgress", error(400, "TooManyInvalidationsInProgress", "busy")),
                Arguments.of("400 InvalidArgument", error(400, "InvalidArgument", "bad path")),
                Arguments.of("404 NoSuchDistribution", error(404, "NoSuchDistribution", "none")),
                Arguments.of("407 with no body", new Canned(407, Map.of(), null, false)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("firstAttemptFailures")
    void aFailedFirstAttemptIsRetriedOrNotAsTheSdkDoes(String name, Canned failure) {
        Target target = Target.distribution(DISTRIBUTION);
        both = new Both(QUICK, failure, created(target, "I2J0I21PCUYOIK", List.of("/"), "r"));

        Outcome ours = Outcome.of(() -> both.ours.createInvalidation(target, List.of("/"), "r"));
        Outcome sdk = Outcome.of(() -> sdkCreate(both.sdk, target, List.of("/"), "r"));

        assertEquals(both.sdkWire.sent.size(), both.ourWire.sent.size(), "attempts");
        assertEquals(sdk.result(), ours.result());
        if (sdk.failure() != null || ours.failure() != null) {
            assertSameFailure(sdk.failure(), ours.failure());
        }
    }

    @Test
    void aRetryableErrorThenSuccessTakesTwoAttemptsInBoth() {
        Target target = Target.distribution(DISTRIBUTION);
        both = new Both(
                QUICK,
                new Canned(503, Map.of(), "<html/>".getBytes(), false),
                created(target, "I2J0I21PCUYOIK", List.of("/"), "r"));

        InvalidationInfo ours = both.ours.createInvalidation(target, List.of("/"), "r");
        InvalidationInfo sdk = sdkCreate(both.sdk, target, List.of("/"), "r");

        assertEquals(List.of(2, 2), List.of(both.sdkWire.sent.size(), both.ourWire.sent.size()));
        assertEquals(sdk, ours);
        both.assertSameRequests();
    }

    @Test
    void aNonRetryableErrorIsOneAttemptInBoth() {
        Target target = Target.distribution(DISTRIBUTION);
        both = new Both(
                QUICK,
                error(400, "TooManyInvalidationsInProgress", "busy"),
                created(target, "I2J0I21PCUYOIK", List.of("/"), "r"));

        SdkException ours =
                assertThrows(SdkException.class, () -> both.ours.createInvalidation(target, List.of("/"), "r"));
        SdkException sdk = assertThrows(SdkException.class, () -> sdkCreate(both.sdk, target, List.of("/"), "r"));

        assertEquals(List.of(1, 1), List.of(both.sdkWire.sent.size(), both.ourWire.sent.size()));
        assertEquals(List.of(1, 1), List.of(sdk.numAttempts(), ours.numAttempts()));
    }

    static Stream<Arguments> persistentFailures() {
        return Stream.of(
                Arguments.of("503 with an HTML body", new Canned(503, Map.of(), "<html/>".getBytes(), false)),
                Arguments.of("400 Throttling", error(400, "Throttling", "Rate exceeded")),
                Arguments.of("an I/O error", Canned.IO_FAILURE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("persistentFailures")
    void exhaustedRetriesFailAfterTheSameNumberOfAttemptsInBoth(String name, Canned failure) {
        Target target = Target.distribution(DISTRIBUTION);
        both = new Both(QUICK, failure);

        SdkException ours =
                assertThrows(SdkException.class, () -> both.ours.createInvalidation(target, List.of("/"), "r"));
        SdkException sdk = assertThrows(SdkException.class, () -> sdkCreate(both.sdk, target, List.of("/"), "r"));

        assertEquals(List.of(3, 3), List.of(both.sdkWire.sent.size(), both.ourWire.sent.size()));
        assertEquals(List.of(3, 3), List.of(sdk.numAttempts(), ours.numAttempts()));
        assertSameFailure(sdk, ours);
    }

    /** The refusals of a signature made by a clock far from CloudFront's, as the answer's Date shows. */
    static Stream<Arguments> skewedClockRefusals() {
        return Stream.of(
                Arguments.of("403 RequestTimeTooSkewed", error(403, "RequestTimeTooSkewed", "skewed")),
                Arguments.of(
                        "403 SignatureDoesNotMatch, Signature expired",
                        error(
                                403,
                                "SignatureDoesNotMatch",
                                "Signature expired: 20261201T100000Z is now earlier than 20261201T101500Z")),
                Arguments.of("403 AccessDenied", error(403, "AccessDenied", "denied")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("skewedClockRefusals")
    void aSkewedClockRefusalIsRetriedSignedByCloudFrontsClockInBoth(String name, Canned refusal) {
        Target target = Target.distribution(DISTRIBUTION);
        both = new Both(
                QUICK, withHeader(refusal, "Date", SKEWED_DATE), created(target, "I2J0I21PCUYOIK", List.of("/"), "r"));

        both.ours.createInvalidation(target, List.of("/"), "r");
        sdkCreate(both.sdk, target, List.of("/"), "r");

        assertEquals(
                List.of("20000101", "20000101"),
                List.of(signingDay(both.sdkWire.sent.get(1)), signingDay(both.ourWire.sent.get(1))));
    }

    @Test
    void theCorrectedClockSignsTheNextCallInBoth() {
        Target target = Target.distribution(DISTRIBUTION);
        both = new Both(
                QUICK,
                withHeader(error(403, "RequestTimeTooSkewed", "skewed"), "Date", SKEWED_DATE),
                created(target, "I2J0I21PCUYOIK", List.of("/"), "r"));

        both.ours.createInvalidation(target, List.of("/"), "r");
        both.ours.getInvalidation(target, "I2J0I21PCUYOIK");
        sdkCreate(both.sdk, target, List.of("/"), "r");
        sdkGet(both.sdk, target, "I2J0I21PCUYOIK");

        assertEquals(
                List.of("20000101", "20000101"),
                List.of(signingDay(both.sdkWire.sent.get(2)), signingDay(both.ourWire.sent.get(2))));
    }

    // ---- The two clients ------------------------------------------------------------------------------------------

    /** The SDK's client and CloudFrontApi, set up as the plugin sets up its connection, each with its own wire. */
    private static final class Both {
        final RecordingHttpClient sdkWire;
        final RecordingHttpClient ourWire;
        final CloudFrontClient sdk;
        final CloudFrontApi ours;

        Both(Retries retries, Canned... answers) {
            this(retries, "aws-global", answers);
        }

        /** Both clients for {@code region}, with FIPS and dual-stack as the SDK's settings say. */
        Both(Retries retries, String region, Canned... answers) {
            sdkWire = RecordingHttpClient.inTurn("conformance", List.of(answers));
            ourWire = RecordingHttpClient.inTurn("conformance", List.of(answers));
            StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                    AwsBasicCredentials.create("AKIDCONFORMANCE", "conformance-secret"));
            sdk = CloudFrontClient.builder()
                    .region(Region.of(region))
                    .httpClient(sdkWire)
                    .credentialsProvider(credentials)
                    .overrideConfiguration(o -> o.retryStrategy(retries.strategy()))
                    .build();
            CloudFrontEndpoint endpoint;
            try {
                endpoint = CloudFrontEndpoint.resolve(ConnectionSettings.forCloudFront(region, null, null));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            ours = new CloudFrontApi(ourWire, credentials, endpoint.url(), endpoint.signingRegion(), retries);
        }

        void assertSameRequests() {
            assertEquals(sdkWire.sent.size(), ourWire.sent.size(), "requests sent");
            for (int i = 0; i < sdkWire.sent.size(); i++) {
                assertSameRequest(sdkWire.sent.get(i), ourWire.sent.get(i));
            }
        }
    }

    private static void assertSameRequest(RecordingHttpClient.Sent sdk, RecordingHttpClient.Sent ours) {
        SdkHttpRequest a = sdk.request();
        SdkHttpRequest b = ours.request();
        assertAll(
                () -> assertEquals(a.method(), b.method(), "method"),
                () -> assertEquals(a.protocol(), b.protocol(), "scheme"),
                () -> assertEquals(a.host(), b.host(), "host"),
                () -> assertEquals(a.port(), b.port(), "port"),
                () -> assertEquals(a.encodedPath(), b.encodedPath(), "encoded path"),
                () -> assertEquals(a.rawQueryParameters(), b.rawQueryParameters(), "query parameters"),
                () -> assertEquals(a.getUri(), b.getUri(), "the URI as sent, query encoded"),
                () -> assertEquals(a.firstMatchingHeader("Content-Type"), b.firstMatchingHeader("Content-Type")),
                () -> assertEquals(a.firstMatchingHeader("Content-Length"), b.firstMatchingHeader("Content-Length")),
                () -> assertEquals(utf8(sdk.body()), utf8(ours.body()), "body"),
                () -> assertArrayEquals(sdk.body(), ours.body(), "body bytes"),
                () -> assertEquals(signedHeaders(a), signedHeaders(b), "SignedHeaders"),
                () -> assertEquals(
                        a.firstMatchingHeader("amz-sdk-request"), b.firstMatchingHeader("amz-sdk-request"), "attempt"),
                () -> assertEquals(
                        a.firstMatchingHeader("amz-sdk-invocation-id").isPresent(),
                        b.firstMatchingHeader("amz-sdk-invocation-id").isPresent(),
                        "invocation ID"),
                () -> assertEquals(credentialScope(a), credentialScope(b), "region and service signed for"),
                () -> assertEquals(
                        b.firstMatchingHeader("Authorization").orElse(""),
                        signedAs(sdk, ours),
                        "the whole signature: the SDK's request signed at this request's time and invocation ID"),
                () -> assertEquals(
                        a.firstMatchingHeader("X-Amz-Date").isPresent(),
                        b.firstMatchingHeader("X-Amz-Date").isPresent(),
                        "x-amz-date"));
    }

    private static void assertSameFailure(SdkException sdk, SdkException ours) {
        assertAll(
                () -> assertEquals(
                        sdk instanceof AwsServiceException, ours instanceof AwsServiceException, "service error"),
                () -> assertEquals(
                        sdk instanceof SdkServiceException, ours instanceof SdkServiceException, "service error"),
                () -> assertEquals(sdk instanceof SdkClientException, ours instanceof SdkClientException, "client"),
                () -> assertEquals(sdk.numAttempts(), ours.numAttempts(), "attempts"),
                () -> assertEquals(sdk.retryable(), ours.retryable(), "retryable"));
        if (sdk instanceof AwsServiceException s && ours instanceof AwsServiceException o) {
            assertAll(
                    () -> assertEquals(
                            s.awsErrorDetails().errorCode(), o.awsErrorDetails().errorCode(), "code"),
                    () -> assertEquals(
                            s.awsErrorDetails().errorMessage(),
                            o.awsErrorDetails().errorMessage(),
                            "message"),
                    () -> assertEquals(s.statusCode(), o.statusCode(), "status"),
                    () -> assertEquals(s.requestId(), o.requestId(), "request id"),
                    () -> assertEquals(s.isThrottlingException(), o.isThrottlingException(), "throttling"),
                    () -> assertEquals(s.getMessage(), o.getMessage(), "getMessage()"));
        }
    }

    private static InvalidationInfo sdkCreate(
            CloudFrontClient sdk, Target target, List<String> paths, String callerReference) {
        InvalidationBatch batch = InvalidationBatch.builder()
                .paths(p -> p.quantity(paths.size()).items(paths))
                .callerReference(callerReference)
                .build();
        if (target.isTenant()) {
            CreateInvalidationForDistributionTenantResponse response = sdk.createInvalidationForDistributionTenant(
                    r -> r.id(target.id()).invalidationBatch(batch));
            return info(target, response.invalidation(), response.location());
        }
        CreateInvalidationResponse response =
                sdk.createInvalidation(r -> r.distributionId(target.id()).invalidationBatch(batch));
        return info(target, response.invalidation(), response.location());
    }

    private static InvalidationInfo sdkGet(CloudFrontClient sdk, Target target, String id) {
        Invalidation invalidation = target.isTenant()
                ? sdk.getInvalidationForDistributionTenant(
                                r -> r.distributionTenantId(target.id()).id(id))
                        .invalidation()
                : sdk.getInvalidation(r -> r.distributionId(target.id()).id(id)).invalidation();
        return info(target, invalidation, null);
    }

    private static InvalidationInfo info(Target target, Invalidation invalidation, String location) {
        return new InvalidationInfo(
                target,
                invalidation.id(),
                invalidation.status(),
                invalidation.createTime(),
                invalidation.invalidationBatch().paths().items(),
                invalidation.invalidationBatch().callerReference(),
                Optional.ofNullable(location));
    }

    /** What a call came to: its result, or how it failed. */
    private record Outcome(Object result, SdkException failure) {
        static Outcome of(Supplier<?> call) {
            try {
                return new Outcome(call.get(), null);
            } catch (SdkException e) {
                return new Outcome(null, e);
            }
        }
    }

    // ---- The wire -------------------------------------------------------------------------------------------------

    // ---- CloudFront's answers -------------------------------------------------------------------------------------

    private static String xml(String root) {
        return "<?xml version=\"1.0\"?>" + root;
    }

    private static Canned xmlAnswer(int status, String root) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "text/xml");
        headers.put("x-amzn-RequestId", REQUEST_ID);
        return new Canned(status, headers, xml(root).getBytes(StandardCharsets.UTF_8), false);
    }

    private static Canned ok(String xml) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "text/xml");
        headers.put("x-amzn-RequestId", REQUEST_ID);
        return new Canned(200, headers, xml.getBytes(StandardCharsets.UTF_8), false);
    }

    private static Canned withHeader(Canned answer, String name, String value) {
        Map<String, String> headers = new LinkedHashMap<>(answer.headers());
        headers.put(name, value);
        return new Canned(answer.status(), headers, answer.body(), answer.ioFailure());
    }

    private static Canned created(Target target, String id, List<String> paths, String callerReference) {
        return created(target, invalidationXml(id, "InProgress", paths, callerReference));
    }

    private static Canned created(Target target, String invalidation) {
        Canned ok = ok(invalidation);
        return withHeader(
                new Canned(201, ok.headers(), ok.body(), false),
                "Location",
                "https://cloudfront.amazonaws.com/2020-05-31/"
                        + (target.isTenant() ? "distribution-tenant/" : "distribution/") + target.id()
                        + "/invalidation/I2J0I21PCUYOIK");
    }

    /** CloudFront's ErrorResponse; its RequestId is the one in the x-amzn-RequestId header, as CloudFront sends. */
    private static Canned error(int status, String code, String message) {
        return xmlAnswer(
                status,
                "<ErrorResponse xmlns=\"" + NS + "\"><Error><Type>" + (status >= 500 ? "Receiver" : "Sender")
                        + "</Type><Code>" + code + "</Code><Message>" + message + "</Message></Error><RequestId>"
                        + REQUEST_ID + "</RequestId></ErrorResponse>");
    }

    private static String invalidationXml(String id, String status, List<String> paths, String callerReference) {
        StringBuilder xml = new StringBuilder("<Invalidation xmlns=\"" + NS + "\"><Id>" + id + "</Id><Status>"
                + status + "</Status><CreateTime>2019-12-05T18:40:49.413Z</CreateTime><InvalidationBatch><Paths>"
                + "<Quantity>" + paths.size() + "</Quantity>");
        if (!paths.isEmpty()) {
            xml.append("<Items>");
            paths.forEach(p -> SignedCalls.element(xml, "Path", p));
            xml.append("</Items>");
        }
        xml.append("</Paths>");
        SignedCalls.element(xml, "CallerReference", callerReference);
        return xml("" + xml.append("</InvalidationBatch></Invalidation>"));
    }

    private static String summaryXml(String id, String domainName, String... aliases) {
        StringBuilder xml = new StringBuilder("<DistributionSummary><Id>" + id
                + "</Id><ARN>arn:aws:cloudfront::123456789012:distribution/" + id
                + "</ARN><Status>Deployed</Status><LastModifiedTime>2026-11-30T10:00:00.000Z</LastModifiedTime>"
                + "<DomainName>" + domainName + "</DomainName><Aliases><Quantity>" + aliases.length
                + "</Quantity>");
        if (aliases.length > 0) {
            xml.append("<Items>");
            for (String alias : aliases) {
                xml.append("<CNAME>").append(alias).append("</CNAME>");
            }
            xml.append("</Items>");
        }
        return xml.append("</Aliases><Origins><Quantity>1</Quantity><Items><Origin><Id>site</Id>"
                        + "<DomainName>site.s3.amazonaws.com</DomainName><OriginPath></OriginPath></Origin></Items>"
                        + "</Origins><DefaultCacheBehavior><TargetOriginId>site</TargetOriginId>"
                        + "<ViewerProtocolPolicy>redirect-to-https</ViewerProtocolPolicy></DefaultCacheBehavior>"
                        + "<Comment></Comment><PriceClass>PriceClass_All</PriceClass><Enabled>true</Enabled>"
                        + "<HttpVersion>http2</HttpVersion><IsIPV6Enabled>true</IsIPV6Enabled>"
                        + "<Staging>false</Staging></DistributionSummary>")
                .toString();
    }

    private static String tenantElements(String id, String distributionId, String name, String domain) {
        return "<Id>" + id + "</Id><DistributionId>" + distributionId + "</DistributionId><Name>" + name
                + "</Name><Arn>arn:aws:cloudfront::123456789012:distribution-tenant/" + id + "</Arn>"
                + "<Domains><member><Domain>" + domain + "</Domain><Status>active</Status></member></Domains>"
                + "<CreatedTime>2026-11-30T10:00:00.000Z</CreatedTime>"
                + "<LastModifiedTime>2026-11-30T10:00:00.000Z</LastModifiedTime>";
    }

    private static String tenantSummaryXml(String id) {
        return "<DistributionTenantSummary>" + tenantElements(id, DISTRIBUTION, "tenant", "t.example.com")
                + "<ETag>E2QWRUHEXAMPLE</ETag><Enabled>true</Enabled><Status>Deployed</Status>"
                + "</DistributionTenantSummary>";
    }

    // ---- Reading a request ----------------------------------------------------------------------------------------

    private static final Pattern SIGNED_HEADERS = Pattern.compile("SignedHeaders=([^,]+)");
    private static final Pattern SCOPE = Pattern.compile("Credential=[^/]+/\\d{8}/([^/]+/[^/]+)/aws4_request");

    private static String signedHeaders(SdkHttpRequest request) {
        return authorizationPart(request, SIGNED_HEADERS);
    }

    private static String credentialScope(SdkHttpRequest request) {
        return authorizationPart(request, SCOPE);
    }

    private static String authorizationPart(SdkHttpRequest request, Pattern part) {
        String authorization = request.firstMatchingHeader("Authorization").orElse("");
        Matcher m = part.matcher(authorization);
        assertTrue(m.find(), () -> "no " + part + " in '" + authorization + "'");
        return m.group(1);
    }

    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern REGION = Pattern.compile("Credential=[^/]+/\\d{8}/([^/]+)/");

    /**
     * The Authorization header the SDK's request would carry had it been signed with the same credentials, on a clock
     * fixed at the time {@code ours} was signed, with the invocation ID {@code ours} drew: the two requests' only
     * differences CloudFront could see. Equal to {@code ours}' own header only if every signed part of the two
     * requests (method, path, query, every signed header, the body's hash) and the scope are the same.
     */
    private static String signedAs(RecordingHttpClient.Sent sdk, RecordingHttpClient.Sent ours) {
        SdkHttpRequest template = ours.request();
        Instant signedAt =
                AMZ_DATE.parse(template.firstMatchingHeader("X-Amz-Date").orElseThrow(), Instant::from);
        SdkHttpRequest unsigned = sdk.request().toBuilder()
                .removeHeader("Authorization")
                .removeHeader("X-Amz-Date")
                .putHeader(
                        "amz-sdk-invocation-id",
                        template.firstMatchingHeader("amz-sdk-invocation-id").orElseThrow())
                .build();
        SignedRequest signed = AwsV4HttpSigner.create()
                .sign(r -> r.identity(AwsCredentialsIdentity.create("AKIDCONFORMANCE", "conformance-secret"))
                        .request(unsigned)
                        .payload(ContentStreamProvider.fromByteArray(sdk.body()))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "cloudfront")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, authorizationPart(template, REGION))
                        .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC)));
        return signed.request().firstMatchingHeader("Authorization").orElse("");
    }

    private static String signingDay(RecordingHttpClient.Sent sent) {
        return sent.request().firstMatchingHeader("X-Amz-Date").orElse("").substring(0, 8);
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
