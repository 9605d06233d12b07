package io.github.cloudfrontmavenplugin.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.cloudfrontmavenplugin.emulator.SigV4Verifier.Credentials;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/**
 * An in-memory CloudFront on loopback that speaks the 2020-05-31 REST-XML protocol, so tests run the real AWS SDK
 * (and the AWS CLI) against it: CreateInvalidation, GetInvalidation, ListInvalidations, ListDistributions and
 * GetDistribution; for distribution tenants CreateInvalidationForDistributionTenant,
 * GetInvalidationForDistributionTenant, ListInvalidationsForDistributionTenant, GetDistributionTenantByDomain,
 * GetDistributionTenant and ListDistributionTenants; with SigV4 verification, CloudFront's errors and limits (cache
 * tag items included), and injected faults.
 */
public final class CloudFrontEmulator implements AutoCloseable {
    public static final String DISTRIBUTION_ID = "EDFDVBD6EXAMPLE";
    public static final String ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    public static final String SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private static final String API = "/2020-05-31/distribution";
    private static final Pattern INVALIDATION = Pattern.compile(API + "/([^/]+)/invalidation/([^/]+)");
    private static final Pattern INVALIDATIONS = Pattern.compile(API + "/([^/]+)/invalidation/?");
    private static final Pattern DISTRIBUTION = Pattern.compile(API + "/([^/]+)/?");
    private static final String TENANT_API = "/2020-05-31/distribution-tenant";
    private static final Pattern TENANT_INVALIDATION = Pattern.compile(TENANT_API + "/([^/]+)/invalidation/([^/]+)");
    private static final Pattern TENANT_INVALIDATIONS = Pattern.compile(TENANT_API + "/([^/]+)/invalidation/?");
    private static final Pattern TENANT = Pattern.compile(TENANT_API + "/([^/]+)/?");
    private static final String LIST_TENANTS = "/2020-05-31/distribution-tenants";
    private static final Pattern ATTEMPT = Pattern.compile("attempt=(\\d+)");
    private static final Pattern ACCESS_KEY = Pattern.compile("Credential=([^/,\\s]+)/");
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final HttpServer server;
    private final ExecutorService executor;
    private final EmulatorState state;
    private final Map<String, Credentials> credentials = new ConcurrentHashMap<>();
    private final Map<String, Deque<Fault>> faults = new HashMap<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    /** Per operation, the SDK invocation of each request being handled (a retry repeats its first's). */
    private final Map<String, List<String>> inFlight = new HashMap<>();

    private final Map<String, Integer> mostInFlight = new HashMap<>();
    private final Map<String, Holding> holdings = new HashMap<>();
    /** The requests held by {@link Fault#holdUntil} now, by operation; guarded by itself. */
    private final Map<String, Integer> held = new HashMap<>();

    private volatile String signingRegion = "us-east-1";
    private volatile Duration clockOffset = Duration.ZERO;

    private CloudFrontEmulator(HttpServer server, EmulatorState state) {
        this.server = server;
        this.state = state;
        this.executor = Executors.newFixedThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, "cloudfront-emulator");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        addCredentials(ACCESS_KEY_ID, SECRET_ACCESS_KEY);
        state.addDistribution(DISTRIBUTION_ID, List.of("www.example.com"));
    }

    /** Starts on a free loopback port; invalidations complete 2 seconds after they are created. */
    public static CloudFrontEmulator start() throws IOException {
        return start(0, Duration.ofSeconds(2), Instant::now);
    }

    public static CloudFrontEmulator start(int port, Duration completionDelay, Supplier<Instant> clock)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        CloudFrontEmulator emulator = new CloudFrontEmulator(server, new EmulatorState(clock, completionDelay));
        server.start();
        return emulator;
    }

    public String endpoint() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * The region signatures must be scoped to: us-east-1, as CloudFront's global endpoint; CloudFront in China
     * (cloudfront.cn-northwest-1.amazonaws.com.cn) signs for cn-northwest-1.
     */
    public CloudFrontEmulator signingRegion(String region) {
        signingRegion = region;
        return this;
    }

    /**
     * Sets the clock signatures are checked against this far from the real one, as a service whose clock differs from
     * the build machine's. (The fake clock a test may give {@link #start(int, Duration, Supplier)} only paces
     * invalidations: it stands for the passing of time, not for AWS's clock.)
     */
    public CloudFrontEmulator clockOffBy(Duration offset) {
        clockOffset = offset;
        return this;
    }

    private Instant awsClock() {
        return Instant.now().plus(clockOffset);
    }

    public CloudFrontEmulator completionDelay(Duration delay) {
        state.setCompletionDelay(delay);
        return this;
    }

    /**
     * Makes every invalidation answer InProgress to its first reads and Completed from read number {@code read} of it
     * on (GetInvalidation or GetInvalidationForDistributionTenant), whatever the clock says: a test that must see an
     * invalidation in progress, then waited for, does not race how long a build takes to start.
     */
    public CloudFrontEmulator completesOnRead(int read) {
        state.setCompletesOnRead(read);
        return this;
    }

    public CloudFrontEmulator addDistribution(String id, String... aliases) {
        state.addDistribution(id, List.of(aliases));
        return this;
    }

    /**
     * Adds a multi-tenant distribution: CloudFront invalidates its tenants, and answers NoSuchDistribution to an
     * invalidation of the distribution itself.
     */
    public CloudFrontEmulator addMultiTenantDistribution(String id) {
        state.addDistribution(id, List.of(), true);
        return this;
    }

    /** Adds a distribution tenant, such as {@code dt_2wjDZi3hD1ivOXf6rpZJOSNE1AB}, of a multi-tenant distribution. */
    public CloudFrontEmulator addTenant(String tenantId, String distributionId, String... domains) {
        state.addTenant(tenantId, distributionId, List.of(domains));
        return this;
    }

    /** The credentials this account accepts, live: the keys given and those its STS issued. */
    Map<String, Credentials> acceptedCredentials() {
        return credentials;
    }

    public CloudFrontEmulator addCredentials(String accessKeyId, String secretAccessKey) {
        credentials.put(accessKeyId, new Credentials(accessKeyId, secretAccessKey, Optional.empty()));
        return this;
    }

    public CloudFrontEmulator addCredentials(String accessKeyId, String secretAccessKey, String sessionToken) {
        credentials.put(accessKeyId, new Credentials(accessKeyId, secretAccessKey, Optional.of(sessionToken)));
        return this;
    }

    /** Answers every call of {@code action} (such as CreateInvalidation) with AccessDenied. */
    public CloudFrontEmulator deny(String action) {
        state.deny(action);
        return this;
    }

    /**
     * Answers {@code action} on one distribution or tenant (by its ID) with AccessDenied, as a policy scoped to other
     * resources does.
     */
    public CloudFrontEmulator deny(String action, String distributionOrTenantId) {
        state.deny(action, EmulatorState.arn(target(distributionOrTenantId)));
        return this;
    }

    private static EmulatorState.Target target(String id) {
        return new EmulatorState.Target(id, id.startsWith("dt_"));
    }

    /**
     * Applies the faults, in order, to the next requests of {@code operation}, one fault per request. {@link
     * Fault#holdThenDrop} is the S3 emulator's only, and refused here.
     */
    public CloudFrontEmulator inject(String operation, Fault... injected) {
        for (Fault fault : injected) {
            if (fault instanceof Fault.HoldThenDrop) {
                throw new IllegalArgumentException("CloudFrontEmulator does not drop held requests: " + fault);
            }
        }
        synchronized (faults) {
            Deque<Fault> queue = faults.computeIfAbsent(operation, o -> new ArrayDeque<>());
            queue.addAll(List.of(injected));
        }
        return this;
    }

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    public List<RecordedRequest> requests(String operation) {
        return requests.stream().filter(r -> r.operation().equals(operation)).toList();
    }

    public List<StoredInvalidation> invalidations() {
        return state.allInvalidations();
    }

    public List<StoredInvalidation> invalidations(String distributionId) {
        return invalidations().stream()
                .filter(i -> i.distributionId().equals(distributionId))
                .toList();
    }

    /**
     * The most requests of {@code operation} that were being handled at the same time: 2 or more shows that a client
     * sent them concurrently (with a {@link Fault#holdUntilInFlight} or {@link Fault#delay} holding each long enough to
     * overlap). A retry of a request still being handled is not counted again: its client gave up on the first one, so
     * the two are one request, not two sent at once.
     */
    public int mostInFlight(String operation) {
        synchronized (inFlight) {
            return mostInFlight.getOrDefault(operation, 0);
        }
    }

    /** When a client was first answered that the invalidation is Completed. */
    public Optional<Instant> firstReportedCompleted(String invalidationId) {
        return state.firstReportedCompleted(invalidationId);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A response: status, headers and XML body. */
    private record Response(int status, Map<String, String> headers, String body) {
        static Response ok(int status, String body) {
            return new Response(status, Map.of(), body);
        }
    }

    /** Thrown from the handler to make the HTTP server close the connection without an answer. */
    private static final class DroppedConnection extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DroppedConnection() {
            super("connection dropped by an injected fault", null, false, false);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String operation =
                operation(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath());
        String invocation = Optional.ofNullable(exchange.getRequestHeaders().getFirst("amz-sdk-invocation-id"))
                .orElseGet(() -> UUID.randomUUID().toString());
        synchronized (inFlight) {
            List<String> handled = inFlight.computeIfAbsent(operation, o -> new ArrayList<>());
            handled.add(invocation);
            mostInFlight.merge(operation, (int) handled.stream().distinct().count(), Math::max);
        }
        try {
            handleCounted(exchange, invocation);
        } finally {
            synchronized (inFlight) {
                inFlight.get(operation).remove(invocation);
            }
        }
    }

    private void handleCounted(HttpExchange exchange, String invocation) throws IOException {
        Instant receivedAt = state.now();
        long receivedNanos = System.nanoTime();
        byte[] body = exchange.getRequestBody().readAllBytes();
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        String operation = operation(method, path);
        String authorization = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization"))
                .orElse("");
        Matcher key = ACCESS_KEY.matcher(authorization);
        Optional<String> accessKeyId = key.find() ? Optional.of(key.group(1)) : Optional.empty();
        Optional<String> token =
                Optional.ofNullable(exchange.getRequestHeaders().getFirst("X-Amz-Security-Token"));
        Matcher attemptMatcher =
                ATTEMPT.matcher(Optional.ofNullable(exchange.getRequestHeaders().getFirst("amz-sdk-request"))
                        .orElse(""));
        int attempt = attemptMatcher.find() ? Integer.parseInt(attemptMatcher.group(1)) : 0;
        String userAgent = Optional.ofNullable(exchange.getRequestHeaders().getFirst("User-Agent"))
                .orElse("");
        String text = new String(body, StandardCharsets.UTF_8);

        if (operation.equals("STS")) {
            handleSts(exchange, receivedAt, receivedNanos, method, path, body, accessKeyId, token, attempt, userAgent);
            return;
        }
        Fault fault = nextFault(operation);
        Response response = null;
        DroppedConnection dropped = null;
        try {
            if (fault instanceof Fault.Delay delay) {
                sleep(delay.delay());
            }
            if (fault instanceof Fault.HoldUntilInFlight hold) {
                awaitInFlight(operation, hold, invocation);
            }
            if (fault instanceof Fault.HoldUntil hold) {
                holdUntilReleased(operation, hold);
            }
            if (fault instanceof Fault.DropConnectionBeforeCommit) {
                throw new DroppedConnection();
            }
            SigV4Verifier.verify(
                    new SigV4Verifier.SignedRequest(
                            method, path, exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body),
                    credentials,
                    new SigV4Verifier.Expected("cloudfront", signingRegion, awsClock()));
            if (fault instanceof Fault.Error error) {
                throw error.error();
            }
            response =
                    dispatch(operation, method, path, exchange.getRequestURI().getRawQuery(), body);
            if (fault instanceof Fault.DropConnectionAfterCommit) {
                throw new DroppedConnection();
            }
        } catch (ApiError e) {
            response = errorResponse(e);
        } catch (DroppedConnection e) {
            dropped = e;
        }
        int status = dropped != null ? 0 : response.status();
        Optional<String> errorCode = status >= 300 ? errorCode(response.body()) : Optional.empty();
        requests.add(new RecordedRequest(
                receivedAt,
                operation,
                method,
                path,
                text,
                accessKeyId,
                token,
                attempt,
                status,
                errorCode,
                userAgent,
                receivedNanos));
        if (dropped != null) {
            throw dropped;
        }
        send(exchange, response);
    }

    private static String operation(String method, String path) {
        if ("/".equals(path) && "POST".equals(method)) {
            return "STS";
        }
        if (TENANT_INVALIDATION.matcher(path).matches()) {
            return "GET".equals(method) ? "GetInvalidationForDistributionTenant" : "Unknown";
        }
        if (TENANT_INVALIDATIONS.matcher(path).matches()) {
            return "POST".equals(method)
                    ? "CreateInvalidationForDistributionTenant"
                    : "GET".equals(method) ? "ListInvalidationsForDistributionTenant" : "Unknown";
        }
        if (TENANT_API.equals(path) && "GET".equals(method)) {
            return "GetDistributionTenantByDomain";
        }
        if (TENANT.matcher(path).matches() && "GET".equals(method)) {
            return "GetDistributionTenant";
        }
        if (LIST_TENANTS.equals(path) && "POST".equals(method)) {
            return "ListDistributionTenants";
        }
        if (INVALIDATION.matcher(path).matches()) {
            return "GET".equals(method) ? "GetInvalidation" : "Unknown";
        }
        if (INVALIDATIONS.matcher(path).matches()) {
            return "POST".equals(method)
                    ? "CreateInvalidation"
                    : "GET".equals(method) ? "ListInvalidations" : "Unknown";
        }
        if ((API.equals(path) || (API + "/").equals(path)) && "GET".equals(method)) {
            return "ListDistributions";
        }
        if (DISTRIBUTION.matcher(path).matches() && "GET".equals(method)) {
            return "GetDistribution";
        }
        return "Unknown";
    }

    private Response dispatch(String operation, String method, String path, String rawQuery, byte[] body)
            throws ApiError {
        Map<String, String> query = query(rawQuery);
        switch (operation) {
            case "CreateInvalidation" -> {
                return createInvalidation(distribution(INVALIDATIONS, path), body);
            }
            case "GetInvalidation" -> {
                Matcher m = matched(INVALIDATION, path);
                return getInvalidation(new EmulatorState.Target(m.group(1), false), m.group(2));
            }
            case "ListInvalidations" -> {
                return listInvalidations(distribution(INVALIDATIONS, path), query);
            }
            case "CreateInvalidationForDistributionTenant" -> {
                return createInvalidation(tenant(TENANT_INVALIDATIONS, path), body);
            }
            case "GetInvalidationForDistributionTenant" -> {
                Matcher m = matched(TENANT_INVALIDATION, path);
                return getInvalidation(new EmulatorState.Target(m.group(1), true), m.group(2));
            }
            case "ListInvalidationsForDistributionTenant" -> {
                return listInvalidations(tenant(TENANT_INVALIDATIONS, path), query);
            }
            case "GetDistributionTenantByDomain" -> {
                state.checkAllowed("GetDistributionTenantByDomain", "*");
                String domain = query.get("domain");
                if (domain == null || domain.isBlank()) {
                    throw new ApiError(400, "InvalidArgument", "The domain parameter is required.");
                }
                return tenantResponse(state.tenantByDomain(domain));
            }
            case "GetDistributionTenant" -> {
                // An ARN arrives percent-encoded ('%3A', '%2F') in the URI.
                EmulatorState.Tenant tenant =
                        state.tenant(URLDecoder.decode(matched(TENANT, path).group(1), StandardCharsets.UTF_8));
                state.checkAllowed("GetDistributionTenant", EmulatorState.tenantArn(tenant.id()));
                return tenantResponse(tenant);
            }
            case "ListDistributionTenants" -> {
                return listDistributionTenants(body);
            }
            case "ListDistributions" -> {
                return listDistributions(query);
            }
            case "GetDistribution" -> {
                return getDistribution(matched(DISTRIBUTION, path).group(1));
            }
            default ->
                throw new ApiError(
                        400, "InvalidAction", "The action " + method + " " + path + " is not valid for this endpoint.");
        }
    }

    private static Matcher matched(Pattern pattern, String path) {
        Matcher m = pattern.matcher(path);
        if (!m.matches()) {
            throw new IllegalStateException(path + " does not match " + pattern);
        }
        return m;
    }

    private static EmulatorState.Target distribution(Pattern pattern, String path) {
        return new EmulatorState.Target(matched(pattern, path).group(1), false);
    }

    private static EmulatorState.Target tenant(Pattern pattern, String path) {
        return new EmulatorState.Target(matched(pattern, path).group(1), true);
    }

    /** STS signs for the region of its endpoint: {@code sts.eu-west-1.amazonaws.com}; the global one for us-east-1. */
    private static String stsRegion(HttpExchange exchange) {
        String host = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Host"))
                .orElse("")
                .replaceFirst(":\\d+$", "");
        Matcher regional =
                Pattern.compile("sts\\.([a-z0-9-]+)\\.amazonaws\\.com(\\.cn)?").matcher(host);
        return regional.matches() ? regional.group(1) : "us-east-1";
    }

    /** A role assumed through the emulated STS, and the temporary credentials it issued. */
    public record AssumedRole(
            String action,
            String roleArn,
            String sessionName,
            Optional<String> externalId,
            Optional<String> callerKey,
            String issuedAccessKeyId) {}

    private final List<AssumedRole> assumedRoles = new CopyOnWriteArrayList<>();

    public List<AssumedRole> assumedRoles() {
        return List.copyOf(assumedRoles);
    }

    /**
     * STS's query protocol: AssumeRole (signed for service {@code sts}) and AssumeRoleWithWebIdentity (unsigned, with
     * a token). The temporary credentials it issues are the only ones CloudFront then accepts for that key.
     */
    private void handleSts(
            HttpExchange exchange,
            Instant receivedAt,
            long receivedNanos,
            String method,
            String path,
            byte[] body,
            Optional<String> accessKeyId,
            Optional<String> token,
            int attempt,
            String userAgent)
            throws IOException {
        String text = new String(body, StandardCharsets.UTF_8);
        Map<String, String> form = query(text);
        String action = form.getOrDefault("Action", "");
        int status = 200;
        String xml;
        try {
            if (action.equals("AssumeRole")) {
                SigV4Verifier.verify(
                        new SigV4Verifier.SignedRequest(
                                method,
                                path,
                                exchange.getRequestURI().getRawQuery(),
                                exchange.getRequestHeaders(),
                                body),
                        credentials,
                        new SigV4Verifier.Expected("sts", stsRegion(exchange), awsClock()));
            } else if (action.equals("AssumeRoleWithWebIdentity")) {
                if (form.getOrDefault("WebIdentityToken", "").isBlank()) {
                    throw new ApiError(400, "InvalidIdentityToken", "The web identity token is missing.");
                }
            } else {
                throw new ApiError(
                        400, "InvalidAction", "Could not find operation " + action + " for version" + " 2011-06-15");
            }
            state.checkAllowed(action, form.getOrDefault("RoleArn", ""));
            String roleArn = form.get("RoleArn");
            String session = form.get("RoleSessionName");
            if (roleArn == null || session == null) {
                throw new ApiError(400, "ValidationError", "RoleArn and RoleSessionName are required.");
            }
            String issuedKey = "ASIA"
                    + UUID.randomUUID()
                            .toString()
                            .replace("-", "")
                            .substring(0, 16)
                            .toUpperCase();
            String issuedSecret = UUID.randomUUID().toString();
            String issuedToken = "FwoGZXIvYXdzE" + UUID.randomUUID().toString().replace("-", "");
            addCredentials(issuedKey, issuedSecret, issuedToken);
            assumedRoles.add(new AssumedRole(
                    action,
                    roleArn,
                    session,
                    Optional.ofNullable(form.get("ExternalId")),
                    action.equals("AssumeRole") ? accessKeyId : Optional.empty(),
                    issuedKey));
            String role = roleArn.substring(roleArn.lastIndexOf('/') + 1);
            xml = "<" + action + "Response xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><" + action + "Result>"
                    + "<Credentials><AccessKeyId>" + issuedKey + "</AccessKeyId><SecretAccessKey>" + issuedSecret
                    + "</SecretAccessKey><SessionToken>" + issuedToken + "</SessionToken><Expiration>"
                    // The client checks expiry against its real clock, whatever clock the emulator runs on.
                    + TIME.format(Instant.now().plus(Duration.ofHours(1))) + "</Expiration></Credentials>"
                    + "<AssumedRoleUser><AssumedRoleId>AROAEXAMPLE:" + Xml.escape(session) + "</AssumedRoleId><Arn>"
                    + "arn:aws:sts::123456789012:assumed-role/" + Xml.escape(role) + "/" + Xml.escape(session)
                    + "</Arn></AssumedRoleUser></" + action + "Result><ResponseMetadata><RequestId>"
                    + UUID.randomUUID() + "</RequestId></ResponseMetadata></" + action + "Response>";
        } catch (ApiError e) {
            status = e.status;
            xml = "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type><Code>"
                    + e.code + "</Code><Message>" + Xml.escape(e.getMessage()) + "</Message></Error><RequestId>"
                    + UUID.randomUUID() + "</RequestId></ErrorResponse>";
        }
        requests.add(new RecordedRequest(
                receivedAt,
                action.isEmpty() ? "STS" : action,
                method,
                path,
                text,
                accessKeyId,
                token,
                attempt,
                status,
                Optional.empty(),
                userAgent,
                receivedNanos));
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private Response createInvalidation(EmulatorState.Target target, byte[] body) throws ApiError {
        state.checkAllowed(
                target.tenant() ? "CreateInvalidationForDistributionTenant" : "CreateInvalidation",
                EmulatorState.arn(target));
        if (body.length == 0) {
            throw ApiError.missingBody();
        }
        Element batch = Xml.parse(body);
        if (!"InvalidationBatch".equals(batch.getLocalName()) || !Xml.NAMESPACE.equals(batch.getNamespaceURI())) {
            throw ApiError.malformedInput("the root element must be InvalidationBatch in " + Xml.NAMESPACE);
        }
        Element paths = Xml.child(batch, "Paths").orElseThrow(ApiError::invalidPaths);
        String quantity = Xml.child(paths, "Quantity")
                .map(Element::getTextContent)
                .orElseThrow(() -> ApiError.malformedInput("Paths.Quantity is required"));
        List<String> items = new ArrayList<>();
        Xml.child(paths, "Items").ifPresent(list -> {
            for (Element item : Xml.children(list, "Path")) {
                items.add(item.getTextContent());
            }
        });
        try {
            if (Integer.parseInt(quantity.strip()) != items.size()) {
                throw ApiError.inconsistentQuantities();
            }
        } catch (NumberFormatException e) {
            throw ApiError.malformedInput("Paths.Quantity must be an integer");
        }
        String callerReference =
                Xml.child(batch, "CallerReference").map(Element::getTextContent).orElse(null);
        StoredInvalidation invalidation = state.create(target, items, callerReference);
        String location = endpoint() + (target.tenant() ? TENANT_API : API) + "/" + target.id() + "/invalidation/"
                + invalidation.id();
        return new Response(201, Map.of("Location", location), invalidationXml(invalidation));
    }

    private Response getInvalidation(EmulatorState.Target target, String invalidationId) throws ApiError {
        state.checkAllowed(
                target.tenant() ? "GetInvalidationForDistributionTenant" : "GetInvalidation",
                EmulatorState.arn(target));
        StoredInvalidation invalidation = state.get(target, invalidationId);
        return Response.ok(200, invalidationXml(invalidation, state.statusOnRead(invalidation)));
    }

    private Response listInvalidations(EmulatorState.Target target, Map<String, String> query) throws ApiError {
        state.checkAllowed(
                target.tenant() ? "ListInvalidationsForDistributionTenant" : "ListInvalidations",
                EmulatorState.arn(target));
        List<StoredInvalidation> all = state.invalidationsNewestFirst(target);
        Page<StoredInvalidation> page = page(all, StoredInvalidation::id, query);
        Instant now = state.now();
        Xml.Writer xml = page.header(new Xml.Writer("InvalidationList"));
        if (!page.items().isEmpty()) {
            xml.open("Items");
            for (StoredInvalidation i : page.items()) {
                String status = i.status(now);
                state.reported(i, status);
                xml.open("InvalidationSummary")
                        .element("Id", i.id())
                        .element("CreateTime", TIME.format(i.createTime()))
                        .element("Status", status)
                        .close();
            }
            xml.close();
        }
        return Response.ok(200, xml.finish());
    }

    private Response listDistributions(Map<String, String> query) throws ApiError {
        state.checkAllowed("ListDistributions", "*");
        Page<EmulatorState.Distribution> page = page(state.distributions(), d -> d.id, query);
        Xml.Writer xml = page.header(new Xml.Writer("DistributionList"));
        if (!page.items().isEmpty()) {
            xml.open("Items");
            for (EmulatorState.Distribution d : page.items()) {
                xml.open("DistributionSummary")
                        .element("Id", d.id)
                        .element("ARN", arn(d.id))
                        .element("Status", "Deployed")
                        .element("LastModifiedTime", TIME.format(d.lastModified))
                        .element("DomainName", d.domainName);
                aliases(xml, d);
                xml.open("Origins")
                        .element("Quantity", 1)
                        .open("Items")
                        .open("Origin")
                        .element("Id", "site")
                        .element("DomainName", "site.s3.amazonaws.com")
                        .element("OriginPath", "")
                        .close()
                        .close()
                        .close();
                xml.open("DefaultCacheBehavior")
                        .element("TargetOriginId", "site")
                        .element("ViewerProtocolPolicy", "redirect-to-https")
                        .close();
                xml.element("Comment", "")
                        .element("PriceClass", "PriceClass_All")
                        .element("Enabled", true)
                        .element("HttpVersion", "http2")
                        .element("IsIPV6Enabled", true)
                        .element("Staging", false)
                        .close();
            }
            xml.close();
        }
        return Response.ok(200, xml.finish());
    }

    /** GetDistributionTenant and GetDistributionTenantByDomain: the tenant, with its ETag. */
    private Response tenantResponse(EmulatorState.Tenant tenant) {
        Xml.Writer xml = new Xml.Writer("DistributionTenant");
        tenantElements(xml, tenant, false);
        return new Response(200, Map.of("ETag", etag(tenant)), xml.finish());
    }

    /** The members of DistributionTenant, or of DistributionTenantSummary, in the model's order. */
    private static void tenantElements(Xml.Writer xml, EmulatorState.Tenant tenant, boolean summary) {
        xml.element("Id", tenant.id())
                .element("DistributionId", tenant.distributionId())
                .element("Name", tenant.name())
                .element("Arn", EmulatorState.tenantArn(tenant.id()))
                .open("Domains");
        for (String domain : tenant.domains()) {
            xml.open("member")
                    .element("Domain", domain)
                    .element("Status", "active")
                    .close();
        }
        xml.close()
                .element("CreatedTime", TIME.format(tenant.created()))
                .element("LastModifiedTime", TIME.format(tenant.created()));
        if (summary) {
            xml.element("ETag", etag(tenant));
        }
        xml.element("Enabled", true).element("Status", "Deployed");
    }

    private static String etag(EmulatorState.Tenant tenant) {
        return "E" + Integer.toHexString(tenant.id().hashCode()).toUpperCase();
    }

    /** ListDistributionTenants: a POSTed ListDistributionTenantsRequest; NextMarker is the page's last tenant. */
    private Response listDistributionTenants(byte[] body) throws ApiError {
        state.checkAllowed("ListDistributionTenants", "*");
        Optional<String> distributionId = Optional.empty();
        String marker = "";
        String maxItems = "100";
        if (body.length > 0) {
            Element request = Xml.parse(body);
            if (!"ListDistributionTenantsRequest".equals(request.getLocalName())
                    || !Xml.NAMESPACE.equals(request.getNamespaceURI())) {
                throw ApiError.malformedInput(
                        "the root element must be ListDistributionTenantsRequest in " + Xml.NAMESPACE);
            }
            distributionId = Xml.child(request, "AssociationFilter")
                    .flatMap(filter -> Xml.child(filter, "DistributionId"))
                    .map(Element::getTextContent);
            marker = Xml.child(request, "Marker").map(Element::getTextContent).orElse("");
            maxItems =
                    Xml.child(request, "MaxItems").map(Element::getTextContent).orElse(maxItems);
        }
        List<EmulatorState.Tenant> all =
                distributionId.isPresent() ? state.tenantsOf(distributionId.get()) : state.tenants();
        Page<EmulatorState.Tenant> page =
                page(all, EmulatorState.Tenant::id, Map.of("Marker", marker, "MaxItems", maxItems.strip()));
        Xml.Writer xml = new Xml.Writer("ListDistributionTenantsResult");
        page.nextMarker().ifPresent(next -> xml.element("NextMarker", next));
        xml.open("DistributionTenantList");
        for (EmulatorState.Tenant tenant : page.items()) {
            xml.open("DistributionTenantSummary");
            tenantElements(xml, tenant, true);
            xml.close();
        }
        xml.close();
        return Response.ok(200, xml.finish());
    }

    private Response getDistribution(String distributionId) throws ApiError {
        state.checkAllowed("GetDistribution", arn(distributionId));
        EmulatorState.Distribution d = state.distribution(distributionId);
        Xml.Writer xml = new Xml.Writer("Distribution")
                .element("Id", d.id)
                .element("ARN", arn(d.id))
                .element("Status", "Deployed")
                .element("LastModifiedTime", TIME.format(d.lastModified))
                .element("InProgressInvalidationBatches", state.inProgressCount(d))
                .element("DomainName", d.domainName)
                .open("DistributionConfig")
                .element("CallerReference", "emulator-" + d.id);
        aliases(xml, d);
        xml.element("DefaultRootObject", "index.html")
                .element("Comment", "")
                .element("Enabled", true)
                .element("ConnectionMode", d.multiTenant ? "tenant-only" : "direct")
                .close();
        return new Response(
                200, Map.of("ETag", "E" + Integer.toHexString(d.id.hashCode()).toUpperCase()), xml.finish());
    }

    private static void aliases(Xml.Writer xml, EmulatorState.Distribution d) {
        xml.open("Aliases").element("Quantity", d.aliases.size());
        if (!d.aliases.isEmpty()) {
            xml.open("Items");
            d.aliases.forEach(alias -> xml.element("CNAME", alias));
            xml.close();
        }
        xml.close();
    }

    private String invalidationXml(StoredInvalidation invalidation) {
        return invalidationXml(invalidation, invalidation.status(state.now()));
    }

    private String invalidationXml(StoredInvalidation invalidation, String status) {
        state.reported(invalidation, status);
        Xml.Writer xml = new Xml.Writer("Invalidation")
                .element("Id", invalidation.id())
                .element("Status", status)
                .element("CreateTime", TIME.format(invalidation.createTime()))
                .open("InvalidationBatch")
                .open("Paths")
                .element("Quantity", invalidation.paths().size())
                .open("Items");
        invalidation.paths().forEach(p -> xml.element("Path", p));
        return xml.close()
                .close()
                .element("CallerReference", invalidation.callerReference())
                .finish();
    }

    /** One page of a list, paged as CloudFront pages: Marker is the last item of the previous page. */
    private record Page<T>(List<T> items, String marker, Optional<String> nextMarker, int maxItems) {
        Xml.Writer header(Xml.Writer xml) {
            xml.element("Marker", marker);
            nextMarker.ifPresent(next -> xml.element("NextMarker", next));
            return xml.element("MaxItems", maxItems)
                    .element("IsTruncated", nextMarker.isPresent())
                    .element("Quantity", items.size());
        }
    }

    private static <T> Page<T> page(List<T> all, java.util.function.Function<T, String> id, Map<String, String> query)
            throws ApiError {
        String marker = query.getOrDefault("Marker", "");
        int maxItems;
        try {
            maxItems = Integer.parseInt(query.getOrDefault("MaxItems", "100"));
        } catch (NumberFormatException e) {
            throw new ApiError(400, "InvalidArgument", "MaxItems must be a number.");
        }
        if (maxItems < 1) {
            throw new ApiError(400, "InvalidArgument", "MaxItems must be at least 1.");
        }
        int start = 0;
        if (!marker.isEmpty()) {
            start = -1;
            for (int i = 0; i < all.size(); i++) {
                if (id.apply(all.get(i)).equals(marker)) {
                    start = i + 1;
                }
            }
            if (start < 0) {
                throw new ApiError(400, "InvalidArgument", "The marker is not valid.");
            }
        }
        int end = Math.min(all.size(), start + maxItems);
        List<T> items = all.subList(start, end);
        Optional<String> next = end < all.size() ? Optional.of(id.apply(all.get(end - 1))) : Optional.empty();
        return new Page<>(List.copyOf(items), marker, next, maxItems);
    }

    private Fault nextFault(String operation) {
        synchronized (faults) {
            Deque<Fault> queue = faults.get(operation);
            return queue == null ? null : queue.poll();
        }
    }

    private Response errorResponse(ApiError e) {
        String requestId = UUID.randomUUID().toString();
        String body = new Xml.Writer("ErrorResponse")
                .open("Error")
                .element("Type", e.status >= 500 ? "Receiver" : "Sender")
                .element("Code", e.code)
                .element("Message", e.getMessage())
                .close()
                .element("RequestId", requestId)
                .finish();
        return new Response(e.status, Map.of(), body);
    }

    private static Optional<String> errorCode(String body) {
        Matcher m = Pattern.compile("<Code>([^<]*)</Code>").matcher(body);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static void send(HttpExchange exchange, Response response) throws IOException {
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml");
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        response.headers()
                .forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(response.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** A query string (or form body) decoded into names and values. */
    static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new HashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(
                            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }

    private static String arn(String distributionId) {
        return EmulatorState.arn(distributionId);
    }

    /** Holds a request, before it is handled, until the test releases it (at most the hold's timeout). */
    private void holdUntilReleased(String operation, Fault.HoldUntil hold) {
        synchronized (held) {
            held.merge(operation, 1, Integer::sum);
            held.notifyAll();
        }
        try {
            hold.release().await(hold.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            synchronized (held) {
                held.merge(operation, -1, Integer::sum);
                held.notifyAll();
            }
        }
    }

    /** Waits (at most a minute) until {@code count} requests of {@code operation} are held by {@link Fault#holdUntil}. */
    public void awaitHeld(String operation, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        synchronized (held) {
            while (held.getOrDefault(operation, 0) < count) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw new IllegalStateException(count + " " + operation + " requests were never held at once");
                }
                held.wait(left);
            }
        }
    }

    /** Requests held together until {@code count} of them have come; see {@link #awaitInFlight}. */
    private static final class Holding {
        final CountDownLatch missing;
        final Set<String> invocations = new HashSet<>();

        Holding(int count) {
            missing = new CountDownLatch(count);
        }
    }

    /**
     * Holds the request until {@code hold.count()} requests of its operation have come to a hold (at most the hold's
     * timeout). A held request stays in flight until all are released, so the last one to come finds all of them in
     * flight at once. They are released by a latch, not by each looking at how many are in flight now: on a busy
     * machine a request can reach its look only after the others were released and had finished, and would then wait
     * for requests that already came, until its client timed out and retried. A retry of a held request (the same SDK
     * invocation) waits too but is not counted as one more.
     */
    private void awaitInFlight(String operation, Fault.HoldUntilInFlight hold, String invocation) {
        CountDownLatch missing;
        synchronized (holdings) {
            Holding holding = holdings.get(operation);
            if (holding == null || holding.missing.getCount() == 0) {
                holding = new Holding(hold.count());
                holdings.put(operation, holding);
            }
            if (holding.invocations.add(invocation)) {
                holding.missing.countDown();
            }
            missing = holding.missing;
        }
        try {
            missing.await(hold.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
