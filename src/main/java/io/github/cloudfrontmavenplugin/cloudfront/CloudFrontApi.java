package io.github.cloudfrontmavenplugin.cloudfront;

import io.github.cloudfrontmavenplugin.aws.Retries;
import io.github.cloudfrontmavenplugin.aws.SignedCalls;
import io.github.cloudfrontmavenplugin.aws.UserAgent;
import io.github.cloudfrontmavenplugin.aws.XmlElement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import javax.xml.stream.XMLStreamException;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.utils.Logger;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * The operations of CloudFront's REST API (version 2020-05-31) that the plugin calls, sent through the SDK's HTTP
 * client, signed by its SigV4 signer and retried by its retry strategy, to the endpoint the SDK's own resolution
 * chooses ({@link CloudFrontEndpoint}). The SDK's generated CloudFrontClient does the same through the model classes
 * of every CloudFront operation, which a Maven run would load and link before its first call; the README's
 * Performance section has the measurements. Failures are the exceptions the SDK throws, an {@link AwsServiceException}
 * carrying CloudFront's error code or an {@link SdkClientException} around the I/O error, so that the retry strategy
 * and {@link CloudFrontErrors} treat them as the SDK's own. CloudFrontApiConformanceTest holds this class to the
 * generated client: requests byte for byte and their whole signatures, answers, errors and retries.
 *
 * <p>When to go back to the generated client: when an SDK upgrade makes the conformance test fail in a way that
 * cannot be fixed here within a day; when the plugin needs an operation beyond these seven (CreateInvalidation,
 * GetInvalidation and their ForDistributionTenant twins, ListDistributions, GetDistributionTenantByDomain,
 * ListDistributionTenants), or a feature of the
 * client's pipeline this class does not reproduce (request compression, checksums, a new auth scheme, endpoint
 * rules that depend on the operation); or when the SDK's start-up cost falls to where the difference no longer
 * matters. Going back means {@link CloudFrontInvalidations} builds a CloudFrontClient with this class's endpoint,
 * credentials, HTTP client and retry strategy, and the cloudfront module is shaded whole.
 */
final class CloudFrontApi {
    private static final Logger LOG = Logger.loggerFor(CloudFrontApi.class);
    private static final String VERSION = "/2020-05-31";
    private static final String NAMESPACE = "http://cloudfront.amazonaws.com/doc/2020-05-31/";
    private static final String SERVICE = "CloudFront";
    private static final String USER_AGENT = UserAgent.HEADER;

    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final URI endpoint;
    private final String basePath;
    private final String signingRegion;
    private final SignedCalls calls;
    private final boolean logs;
    private final HttpSigner<AwsCredentialsIdentity> signer = AwsV4HttpSigner.create();

    /**
     * @param endpoint scheme, host, port and any path, which requests' paths go below, as the SDK's would
     * @param signingRegion the region signatures are made for: us-east-1 for cloudfront.amazonaws.com
     */
    CloudFrontApi(
            SdkHttpClient http,
            AwsCredentialsProvider credentials,
            URI endpoint,
            String signingRegion,
            Retries retries) {
        this(http, credentials, endpoint, signingRegion, retries.strategy(), true);
    }

    /**
     * @param logs false for {@link CloudFrontWarmUp}, whose requests are answered in memory: a debug line for them
     *     would show a request that was never sent
     */
    CloudFrontApi(
            SdkHttpClient http,
            AwsCredentialsProvider credentials,
            URI endpoint,
            String signingRegion,
            RetryStrategy retries,
            boolean logs) {
        this.http = http;
        this.credentials = credentials;
        this.endpoint = endpoint;
        String path = endpoint.getRawPath() == null ? "" : endpoint.getRawPath();
        this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        this.signingRegion = signingRegion;
        this.logs = logs;
        this.calls = new SignedCalls(SERVICE, retries, this::debug);
    }

    private void debug(Supplier<String> line) {
        if (logs) {
            LOG.debug(line);
        }
    }

    /** CreateInvalidation, or CreateInvalidationForDistributionTenant for a tenant. */
    InvalidationInfo createInvalidation(Target target, List<String> paths, String callerReference) {
        StringBuilder batch = new StringBuilder(64 + paths.size() * 48)
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><InvalidationBatch xmlns=\"")
                .append(NAMESPACE)
                .append("\"><Paths><Quantity>")
                .append(paths.size())
                .append("</Quantity><Items>");
        for (String path : paths) {
            SignedCalls.element(batch, "Path", path);
        }
        batch.append("</Items></Paths>");
        SignedCalls.element(batch, "CallerReference", callerReference);
        batch.append("</InvalidationBatch>");
        Answer answer = send(SdkHttpMethod.POST, invalidationsOf(target), Map.of(), Optional.of(batch.toString()));
        return invalidation(target, answer.body(), answer.response().firstMatchingHeader("Location"));
    }

    /** GetInvalidation, or GetInvalidationForDistributionTenant for a tenant. */
    InvalidationInfo getInvalidation(Target target, String invalidationId) {
        Answer answer = send(
                SdkHttpMethod.GET,
                invalidationsOf(target) + "/" + SdkHttpUtils.urlEncode(invalidationId),
                Map.of(),
                Optional.empty());
        return invalidation(target, answer.body(), Optional.empty());
    }

    /** A distribution as ListDistributions summarises it: what the plugin matches a domain against. */
    record DistributionSummary(String id, String domainName, List<String> aliases) {}

    record DistributionPage(List<DistributionSummary> items, Optional<String> nextMarker) {}

    /** One page of ListDistributions, from {@code marker} on. */
    DistributionPage listDistributions(Optional<String> marker) {
        Map<String, String> query = new TreeMap<>();
        marker.ifPresent(m -> query.put("Marker", m));
        XmlElement list = send(SdkHttpMethod.GET, VERSION + "/distribution", query, Optional.empty())
                .body();
        List<DistributionSummary> items = new ArrayList<>();
        for (XmlElement summary :
                list.child("Items").map(i -> i.children("DistributionSummary")).orElse(List.of())) {
            List<String> aliases = summary.find("Aliases", "Items")
                    .map(i -> i.children("CNAME").stream().map(XmlElement::text).toList())
                    .orElse(List.of());
            items.add(new DistributionSummary(
                    required(summary, "Id"), summary.childText("DomainName").orElse(""), aliases));
        }
        boolean truncated =
                list.childText("IsTruncated").map(Boolean::parseBoolean).orElse(false);
        return new DistributionPage(
                items, truncated ? list.childText("NextMarker").filter(m -> !m.isEmpty()) : Optional.empty());
    }

    /** A distribution tenant: its ID and the multi-tenant distribution it belongs to. */
    record TenantSummary(String id, Optional<String> distributionId) {}

    /**
     * GetDistributionTenantByDomain.
     *
     * @throws AwsServiceException EntityNotFound when no tenant serves {@code domain}
     */
    TenantSummary distributionTenantByDomain(String domain) {
        XmlElement tenant = send(
                        SdkHttpMethod.GET, VERSION + "/distribution-tenant", Map.of("domain", domain), Optional.empty())
                .body();
        return new TenantSummary(required(tenant, "Id"), tenant.childText("DistributionId"));
    }

    record TenantPage(List<String> ids, Optional<String> nextMarker) {}

    /** One page of ListDistributionTenants for the tenants of {@code distributionId}, from {@code marker} on. */
    TenantPage listDistributionTenants(String distributionId, Optional<String> marker, Optional<Integer> maxItems) {
        StringBuilder request = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .append("<ListDistributionTenantsRequest xmlns=\"")
                .append(NAMESPACE)
                .append("\"><AssociationFilter>");
        SignedCalls.element(request, "DistributionId", distributionId);
        request.append("</AssociationFilter>");
        marker.ifPresent(m -> SignedCalls.element(request, "Marker", m));
        maxItems.ifPresent(max -> SignedCalls.element(request, "MaxItems", Integer.toString(max)));
        request.append("</ListDistributionTenantsRequest>");
        XmlElement result = send(
                        SdkHttpMethod.POST,
                        VERSION + "/distribution-tenants",
                        Map.of(),
                        Optional.of(request.toString()))
                .body();
        List<String> ids = result.child("DistributionTenantList")
                .map(l -> l.children("DistributionTenantSummary").stream()
                        .map(t -> required(t, "Id"))
                        .toList())
                .orElse(List.of());
        return new TenantPage(ids, result.childText("NextMarker").filter(m -> !m.isEmpty()));
    }

    private static String invalidationsOf(Target target) {
        return VERSION + (target.isTenant() ? "/distribution-tenant/" : "/distribution/")
                + SdkHttpUtils.urlEncode(target.id()) + "/invalidation";
    }

    private static InvalidationInfo invalidation(Target target, XmlElement invalidation, Optional<String> location) {
        List<String> paths = invalidation
                .find("InvalidationBatch", "Paths", "Items")
                .map(items ->
                        items.children("Path").stream().map(XmlElement::text).toList())
                .orElse(List.of());
        String createTime = required(invalidation, "CreateTime");
        Instant created;
        try {
            created = Instant.parse(createTime);
        } catch (DateTimeParseException e) {
            throw unreadable("its CreateTime '" + createTime + "' is not a time", e);
        }
        return new InvalidationInfo(
                target,
                required(invalidation, "Id"),
                required(invalidation, "Status"),
                created,
                paths,
                invalidation
                        .find("InvalidationBatch", "CallerReference")
                        .map(XmlElement::text)
                        .orElse(""),
                location);
    }

    private static String required(XmlElement element, String child) {
        return element.childText(child)
                .orElseThrow(() -> unreadable("its " + element.name() + " has no " + child, null));
    }

    private static SdkClientException unreadable(String why, Throwable cause) {
        return SdkClientException.builder()
                .message("Unable to unmarshall response from " + SERVICE + ": " + why)
                .cause(cause)
                .build();
    }

    /** The answer to a request that succeeded: its status and headers, and its body parsed. */
    private record Answer(SdkHttpResponse response, XmlElement body) {}

    /** Sends one request, with retries, as the SDK would: each attempt signed afresh, from the clock as corrected. */
    private Answer send(SdkHttpMethod method, String path, Map<String, String> query, Optional<String> xml) {
        Optional<byte[]> body = xml.map(x -> x.getBytes(StandardCharsets.UTF_8));
        SdkHttpFullRequest.Builder request =
                SdkHttpFullRequest.builder().method(method).uri(endpoint).encodedPath(basePath + path);
        query.forEach(request::putRawQueryParameter);
        body.ifPresent(b -> request.putHeader("Content-Type", "application/xml")
                .putHeader("Content-Length", Integer.toString(b.length)));
        // As the SDK's: one ID for the call, kept by its retries; the attempt number in each.
        request.putHeader("amz-sdk-invocation-id", UUID.randomUUID().toString()).putHeader("User-Agent", USER_AGENT);
        SdkHttpFullRequest unsigned = request.build();
        // Once per call, before any attempt, as the SDK does: a failure to get credentials is not retried.
        AwsCredentialsIdentity identity = credentials.resolveCredentials();
        return calls.call(
                method + " " + path, (number, signWith) -> attempt(unsigned, body, identity, number, signWith));
    }

    /** @param number which attempt this is, which its failure says, as the SDK's do */
    private Answer attempt(
            SdkHttpFullRequest call,
            Optional<byte[]> body,
            AwsCredentialsIdentity identity,
            int number,
            Duration signedWith) {
        SdkHttpFullRequest unsigned = call.toBuilder()
                .putHeader("amz-sdk-request", "attempt=" + number + "; max=" + calls.maxAttempts())
                .build();
        Clock clock = SignedCalls.clock(signedWith);
        SignedRequest signed = signer.sign(r -> r.identity(identity)
                .request(unsigned)
                .payload(body.map(ContentStreamProvider::fromByteArrayUnsafe).orElse(null))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "cloudfront")
                .putProperty(AwsV4HttpSigner.REGION_NAME, signingRegion)
                .putProperty(HttpSigner.SIGNING_CLOCK, clock));
        debug(() -> SERVICE + " request: " + unsigned.method() + " " + unsigned.getUri() + " (attempt " + number + ")");
        HttpExecuteResponse executed;
        byte[] answer;
        try {
            executed = http.prepareRequest(HttpExecuteRequest.builder()
                            .request(signed.request())
                            .contentStreamProvider(signed.payload().orElse(null))
                            .build())
                    .call();
            answer = executed.responseBody().isPresent()
                    ? SignedCalls.readAll(executed.responseBody().get())
                    : new byte[0];
        } catch (IOException | UncheckedIOException e) {
            throw SignedCalls.ioFailure(e, number);
        }
        SdkHttpResponse response = executed.httpResponse();
        debug(() -> SERVICE + " answered HTTP " + response.statusCode()
                + response.firstMatchingHeader("x-amzn-RequestId")
                        .map(id -> " (request id " + id + ")")
                        .orElse(""));
        if (!response.isSuccessful()) {
            throw serviceError(response, answer, signedWith, number);
        }
        try {
            return new Answer(response, XmlElement.parse(answer));
        } catch (XMLStreamException e) {
            throw unreadable("the answer (HTTP " + response.statusCode() + ") is not XML", e);
        }
    }

    /**
     * An error answer as the SDK reports it: CloudFront's code and message, when the body is its ErrorResponse.
     *
     * @param signedWith how far from this machine's clock the request was signed, which the SDK's exception holds (as
     *     this machine's lead) to tell whether a refusal was for the time; set here, since a copy made by {@code
     *     toBuilder()} loses it
     */
    private static AwsServiceException serviceError(
            SdkHttpResponse response, byte[] body, Duration signedWith, int attempt) {
        Optional<XmlElement> error = Optional.empty();
        Optional<String> requestId = Optional.empty();
        try {
            XmlElement root = XmlElement.parse(body);
            if (root.name().equals("ErrorResponse")) {
                error = root.child("Error");
                requestId = root.childText("RequestId");
            }
        } catch (XMLStreamException notCloudFront) {
            // A proxy's or load balancer's page: the status code is all there is.
        }
        // The SDK's order: the body's RequestId, the header CloudFront sends, then S3's spelling of it.
        requestId = requestId
                .or(() -> response.firstMatchingHeader("x-amzn-RequestId"))
                .or(() -> response.firstMatchingHeader("x-amz-request-id"));
        AwsErrorDetails details = AwsErrorDetails.builder()
                .errorCode(error.flatMap(e -> e.childText("Code")).orElse(null))
                .errorMessage(error.flatMap(e -> e.childText("Message")).orElse(null))
                .serviceName(SERVICE)
                .sdkHttpResponse(response)
                .rawResponse(SdkBytes.fromByteArrayUnsafe(body))
                .build();
        return AwsServiceException.builder()
                .awsErrorDetails(details)
                .statusCode(response.statusCode())
                .requestId(requestId.orElse(null))
                .message(details.errorMessage())
                .clockSkew(signedWith.negated())
                .numAttempts(attempt)
                .build();
    }
}
