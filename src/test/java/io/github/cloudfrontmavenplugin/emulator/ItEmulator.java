package io.github.cloudfrontmavenplugin.emulator;

import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.history.DeployHistory;
import io.github.cloudfrontmavenplugin.history.DeployRecord;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Runs an emulator for one integration test: started by the test's {@code setup.groovy} inside the invoker's JVM,
 * handed to the forked Maven build as {@code -Dcloudfront.endpoint}, inspected and stopped by its {@code verify.groovy}.
 */
public final class ItEmulator {
    private static final String KEY = "emulator";
    private static final String S3_KEY = "s3";
    private static final String CLOSE_AT_STOP_KEY = "closeAtStop";
    private static final String PROXY_KEY = "tlsProxy";
    private static final String PROXY_ROUTES_KEY = "tlsProxyRoutes";

    private ItEmulator() {}

    @SuppressWarnings("unchecked")
    public static CloudFrontEmulator start(Map<String, Object> context) throws IOException {
        CloudFrontEmulator emulator = CloudFrontEmulator.start();
        context.put(KEY, emulator);
        ((Map<Object, Object>) context.get("userProperties")).put("cloudfront.endpoint", emulator.endpoint());
        return emulator;
    }

    /**
     * Starts the emulator without telling the build where it is: the case names it in the AWS SDK's own endpoint
     * settings (an environment variable, a config file).
     *
     * @param port 0 for any free port, or the one the case's environment names
     */
    public static CloudFrontEmulator startUnnamed(Map<String, Object> context, int port) throws IOException {
        CloudFrontEmulator emulator = CloudFrontEmulator.start(port, Duration.ofSeconds(2), Instant::now);
        context.put(KEY, emulator);
        return emulator;
    }

    /** Starts an S3 emulator with a bucket {@code deploys}, passed to the build as {@code -Dcloudfront.s3Endpoint}. */
    @SuppressWarnings("unchecked")
    public static S3Emulator startS3(Map<String, Object> context) throws IOException {
        S3Emulator s3 = S3Emulator.start().createBucket("deploys");
        context.put(S3_KEY, s3);
        ((Map<Object, Object>) context.get("userProperties")).put("cloudfront.s3Endpoint", s3.endpoint());
        return s3;
    }

    /**
     * Production-shaped: CloudFront (which answers STS too) and S3 emulators behind a TLS-inspecting proxy on
     * loopback that serves them under AWS's own host names; the build gets no endpoint, and reaches them only through
     * that proxy. The proxy's CA is written to {@code truststore.p12} in {@code basedir}, which the case's {@code
     * invoker.mavenOpts} hands the build as {@code javax.net.ssl.trustStore}. S3 has a bucket {@code deploys} in
     * us-east-1.
     *
     * @param port the proxy's port: 0 for any, or the one the case's {@code HTTPS_PROXY} names
     * @param credentials {@code user:password} the proxy demands, or null
     */
    @SuppressWarnings("unchecked")
    public static ForwardProxy startBehindTlsProxy(
            Map<String, Object> context, File basedir, int port, String credentials)
            throws IOException, GeneralSecurityException {
        CloudFrontEmulator emulator = CloudFrontEmulator.start();
        context.put(KEY, emulator);
        S3Emulator s3 = S3Emulator.start().sameAccountAs(emulator).createBucket("deploys");
        context.put(S3_KEY, s3);
        TestCa ca = TestCa.create();
        ca.writeTrustStore(new File(basedir, "truststore.p12").toPath());
        Map<String, URI> moreHosts = new ConcurrentHashMap<>();
        context.put(PROXY_ROUTES_KEY, moreHosts);
        Function<String, Optional<URI>> route =
                host -> Optional.ofNullable(moreHosts.get(host)).or(() -> awsHost(host, emulator, s3));
        ForwardProxy proxy = ForwardProxy.inspectingTls(port, ca, route, Optional.ofNullable(credentials));
        context.put(PROXY_KEY, proxy);
        return proxy;
    }

    /**
     * Has the proxy of {@link #startBehindTlsProxy} serve one more of AWS's host names from {@code emulator}, such as
     * a credential service's, as DNS would route it.
     */
    @SuppressWarnings("unchecked")
    public static void routeThroughTlsProxy(Map<String, Object> context, String host, String emulator) {
        ((Map<String, URI>) context.get(PROXY_ROUTES_KEY)).put(host, URI.create(emulator));
    }

    public static ForwardProxy tlsProxy(Map<String, Object> context) {
        return (ForwardProxy) context.get(PROXY_KEY);
    }

    /** The emulator that serves one of AWS's host names, as DNS would route it. */
    private static Optional<URI> awsHost(String host, CloudFrontEmulator cloudFront, S3Emulator s3) {
        if (host.equals("cloudfront.amazonaws.com")
                || host.matches("cloudfront\\.[a-z0-9-]+\\.amazonaws\\.com\\.cn")
                || host.matches("sts(\\.[a-z0-9-]+)?\\.amazonaws\\.com(\\.cn)?")) {
            return Optional.of(URI.create(cloudFront.endpoint()));
        }
        if (host.matches("(.+\\.)?s3(\\.[a-z0-9-]+)?\\.amazonaws\\.com(\\.cn)?")) {
            return Optional.of(URI.create(s3.endpoint()));
        }
        return Optional.empty();
    }

    /**
     * Writes {@code proxy-settings.xml} with an active {@code <proxy>} on loopback, to pass as {@code -gs}: global
     * settings, merged with the ITs' user settings.
     *
     * @param credentials {@code user:password}, or null
     */
    public static void writeProxySettings(File basedir, String protocol, int port, String credentials)
            throws IOException {
        String login = credentials == null
                ? ""
                : "      <username>" + credentials.split(":", 2)[0] + "</username>\n      <password>"
                        + credentials.split(":", 2)[1] + "</password>\n";
        Files.writeString(
                new File(basedir, "proxy-settings.xml").toPath(),
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<settings>\n  <proxies>\n    <proxy>\n"
                        + "      <id>corporate</id>\n      <active>true</active>\n      <protocol>" + protocol
                        + "</protocol>\n      <host>127.0.0.1</host>\n      <port>" + port + "</port>\n" + login
                        + "    </proxy>\n  </proxies>\n</settings>\n");
    }

    public static S3Emulator s3(Map<String, Object> context) {
        return (S3Emulator) context.get(S3_KEY);
    }

    public static CloudFrontEmulator get(Map<String, Object> context) {
        return (CloudFrontEmulator) context.get(KEY);
    }

    /**
     * The deploys kept in the history beside the ITs' manifest {@code s3://deploys/www/manifest.txt}, newest first,
     * as the plugin reads them.
     */
    public static List<DeployRecord> keptDeploys(Map<String, Object> context) throws IOException, UserFixableException {
        Path copy = Files.createTempFile("kept-deploys", ".history");
        try {
            Files.write(
                    copy,
                    s3(context).object("deploys", "www/manifest.txt.history").orElseThrow());
            return DeployHistory.read(copy).records();
        } finally {
            Files.delete(copy);
        }
    }

    /** The build's log, to assert on; the emulator stays up for further checks until {@link #stop}. */
    public static String buildLog(File basedir) throws IOException {
        return Files.readString(new File(basedir, "build.log").toPath(), StandardCharsets.UTF_8);
    }

    /** Has {@link #stop} close {@code closeable} too, such as a credential source's emulator; returns it. */
    @SuppressWarnings("unchecked")
    public static <T extends AutoCloseable> T closeAtStop(Map<String, Object> context, T closeable) {
        ((List<AutoCloseable>) context.computeIfAbsent(CLOSE_AT_STOP_KEY, key -> new ArrayList<AutoCloseable>()))
                .add(closeable);
        return closeable;
    }

    @SuppressWarnings("unchecked")
    public static void stop(Map<String, Object> context) throws Exception {
        for (AutoCloseable closeable : (List<AutoCloseable>) context.getOrDefault(CLOSE_AT_STOP_KEY, List.of())) {
            closeable.close();
        }
        CloudFrontEmulator emulator = get(context);
        if (emulator != null) {
            emulator.close();
        }
        S3Emulator s3 = s3(context);
        if (s3 != null) {
            s3.close();
        }
        ForwardProxy proxy = tlsProxy(context);
        if (proxy != null) {
            try {
                proxy.close();
            } catch (IOException e) {
                // nothing is left listening either way
            }
        }
    }

    /** The multi-tenant distribution of {@link #startWithTenants}, and its tenants, each serving its own domain. */
    public static final String MULTI_TENANT_DISTRIBUTION = "EMULTITENANT1";

    public static final List<String> TENANTS = List.of(
            "dt_2wjDZi3hD1ivOXf6rpZJOSNE1AB", "dt_3xkEAj4iE2jwPYg7sqaKPTOF2BC", "dt_4ylFBk5jF3kxQZh8trbLQUPG3CD");

    /**
     * Starts the emulator with a multi-tenant distribution, {@code EMULTITENANT1}, of three {@link #TENANTS} serving
     * {@code www.customer1.com}, {@code www.customer2.com} and {@code www.customer3.com}.
     */
    public static CloudFrontEmulator startWithTenants(Map<String, Object> context) throws IOException {
        CloudFrontEmulator emulator = start(context).addMultiTenantDistribution(MULTI_TENANT_DISTRIBUTION);
        for (int i = 0; i < TENANTS.size(); i++) {
            emulator.addTenant(TENANTS.get(i), MULTI_TENANT_DISTRIBUTION, "www.customer" + (i + 1) + ".com");
        }
        return emulator;
    }

    /**
     * Writes the two deploys of the planner ITs: 8,000 pages in 10 sections of 10 parts, where {@code v2/} rewrites
     * sections 0 to 5 (4,800 pages) and 200 pages elsewhere; the 5,000 changed URL paths go to {@code changed.txt}.
     */
    public static void writeFiveThousandChanges(File basedir) throws IOException {
        List<String> pages = new ArrayList<>();
        for (int section = 0; section < 10; section++) {
            for (int part = 0; part < 10; part++) {
                for (int page = 0; page < 80; page++) {
                    pages.add("sec" + section + "/part" + part + "/page" + page + ".html");
                }
            }
        }
        Pattern numbers = Pattern.compile("sec(\\d+)/part\\d+/page(\\d+)\\.html");
        List<String> changed = writeTwoDeploys(basedir, pages, page -> {
            java.util.regex.Matcher m = numbers.matcher(page);
            return m.matches() && (Integer.parseInt(m.group(1)) < 6 || Integer.parseInt(m.group(2)) % 16 == 0);
        });
        Files.writeString(new File(basedir, "changed.txt").toPath(), String.join("\n", changed) + "\n");
    }

    /**
     * Writes two deploys of one site, {@code v1/} and {@code v2/} under {@code basedir}: every page, with new content
     * in {@code v2/} where {@code modified} says so.
     *
     * @param pages paths relative to the site, such as {@code docs/index.html}
     * @return the URL paths of the modified pages
     */
    public static List<String> writeTwoDeploys(File basedir, List<String> pages, Predicate<String> modified)
            throws IOException {
        List<String> changed = new ArrayList<>();
        for (String page : pages) {
            boolean rewritten = modified.test(page);
            for (String version : List.of("v1", "v2")) {
                Path file = basedir.toPath().resolve(version).resolve(page);
                Files.createDirectories(file.getParent());
                Files.writeString(file, (version.equals("v2") && rewritten ? "new " : "old ") + page);
            }
            if (rewritten) {
                changed.add("/" + page);
            }
        }
        return changed;
    }

    /**
     * Checks the second of two deploys as the planner ITs expect it: two invalidations in all, the second one batch
     * within the budget that covers every page listed in {@code changed.txt}, its plan and cost in the build log.
     *
     * @return the paths of the second deploy's batch
     */
    public static List<String> secondDeployPlan(
            Map<String, Object> context, File basedir, String log, int maxPaths, int maxWildcards, int changedPages)
            throws IOException {
        List<StoredInvalidation> stored = get(context).invalidations();
        check(stored.size() == 2, "two invalidations, one per deploy: " + stored);
        List<String> plan = stored.get(1).paths();
        long wildcards = plan.stream().filter(path -> path.endsWith("*")).count();
        check(plan.size() <= maxPaths && wildcards <= maxWildcards, "the batch fits the budget: " + plan);
        List<String> changed = Files.readAllLines(new File(basedir, "changed.txt").toPath());
        check(changed.size() == changedPages, changed.size() + " changed pages listed, not " + changedPages);
        List<String> uncovered = uncovered(changed, plan);
        check(
                uncovered.isEmpty(),
                "changed pages the batch misses: " + uncovered.subList(0, Math.min(5, uncovered.size())));
        check(log.contains("Invalidation plan: "), "the plan is in the build log");
        check(
                Pattern.compile("Cost estimate: \\d+ paths? at USD 0\\.005 each")
                        .matcher(log)
                        .find(),
                "the cost estimate is in the build log");
        return plan;
    }

    /**
     * Checks a build that invalidated {@code /index.html} as an assumed role: one role assumed through the emulated
     * STS, the one CreateInvalidation signed with the key and session token it issued, and that token not in the log.
     *
     * @return the role, for checks of how it was assumed
     */
    public static CloudFrontEmulator.AssumedRole invalidatedAsTheRole(Map<String, Object> context, String log) {
        CloudFrontEmulator emulator = get(context);
        List<CloudFrontEmulator.AssumedRole> roles = emulator.assumedRoles();
        check(roles.size() == 1, "one role assumed: " + roles);
        List<RecordedRequest> create = emulator.requests("CreateInvalidation");
        check(create.size() == 1 && create.get(0).status() == 201, "one invalidation created: " + create);
        check(
                create.get(0).accessKeyId().equals(Optional.of(roles.get(0).issuedAccessKeyId())),
                "CloudFront called with the issued key, not " + create.get(0).accessKeyId());
        Optional<String> token = create.get(0).securityToken();
        check(token.isPresent(), "CloudFront called with the issued session token");
        List<List<String>> paths =
                emulator.invalidations().stream().map(StoredInvalidation::paths).toList();
        check(paths.equals(List.of(List.of("/index.html"))), "invalidated /index.html: " + paths);
        check(!log.contains(token.get()), "the session token is not in the build log");
        return roles.get(0);
    }

    /**
     * Checks {@link #invalidatedAsTheRole} for the ITs' profile {@code deployer} (role {@code site-deploy}, session
     * {@code maven-site-deploy}, {@code source_profile} with the example key): STS was asked with the source profile's
     * key, whose secret is not in the log either.
     */
    public static void invalidatedAsTheDeployerProfile(Map<String, Object> context, String log) {
        CloudFrontEmulator.AssumedRole role = invalidatedAsTheRole(context, log);
        check(role.action().equals("AssumeRole"), "AssumeRole, not " + role.action());
        check(role.roleArn().equals("arn:aws:iam::123456789012:role/site-deploy"), "the profile's role: " + role);
        check(role.sessionName().equals("maven-site-deploy"), "the profile's role_session_name: " + role);
        check(
                role.callerKey().equals(Optional.of("AKIAIOSFODNN7EXAMPLE")),
                "STS asked with the source profile's key, not " + role.callerKey());
        check(!log.contains("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"), "the source profile's secret is not logged");
    }

    /**
     * Checks a build that gave up waiting for its one invalidation when its {@code <waitTimeout>} passed, without
     * racing the clock: CloudFront never answered Completed; the last poll came at least the timeout after the
     * CreateInvalidation on the emulator's monotonic clock (a busy machine only makes it later); and the seconds the
     * message reports are no fewer than the timeout and no more than the emulator saw pass from the
     * CreateInvalidation to this check, after the build ended.
     *
     * @return the invalidation's ID
     */
    public static String waitedOutTheTimeout(Map<String, Object> context, String log, int timeoutSeconds) {
        long checkedNanos = System.nanoTime();
        CloudFrontEmulator emulator = get(context);
        List<StoredInvalidation> stored = emulator.invalidations();
        check(stored.size() == 1, "one invalidation: " + stored);
        String id = stored.get(0).id();
        check(emulator.firstReportedCompleted(id).isEmpty(), "never reported Completed");
        List<RecordedRequest> create = emulator.requests("CreateInvalidation");
        List<RecordedRequest> polls = emulator.requests("GetInvalidation");
        check(create.size() == 1 && !polls.isEmpty(), "one CreateInvalidation, then polls: " + create + polls);
        long createdNanos = create.get(0).receivedNanos();
        long lastPollNanos =
                polls.stream().mapToLong(RecordedRequest::receivedNanos).max().getAsLong();
        long waitedMillis = (lastPollNanos - createdNanos) / 1_000_000;
        check(
                waitedMillis >= timeoutSeconds * 1000L,
                "the last poll came " + waitedMillis + " ms after the CreateInvalidation, before the " + timeoutSeconds
                        + " s timeout");
        java.util.regex.Matcher message = Pattern.compile("Invalidation " + id
                        + " on distribution [A-Z0-9]+ is still InProgress after (\\d+) s, the <waitTimeout>"
                        + " \\(cloudfront\\.waitTimeout\\)\\.")
                .matcher(log);
        check(message.find(), "the timeout's message, with the seconds waited");
        int reported = Integer.parseInt(message.group(1));
        long sinceCreated = (checkedNanos - createdNanos + 999_999_999) / 1_000_000_000;
        check(
                reported >= timeoutSeconds && reported <= sinceCreated,
                "reports " + reported + " s waited; the timeout is " + timeoutSeconds + " s, and " + sinceCreated
                        + " s passed from the CreateInvalidation to this check");
        return id;
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }

    /** The changed paths that no path of the plan covers, neither named nor under one of its wildcards. */
    public static List<String> uncovered(List<String> changed, List<String> plan) {
        List<String> prefixes = plan.stream()
                .filter(path -> path.endsWith("*"))
                .map(path -> path.substring(0, path.length() - 1))
                .toList();
        return changed.stream()
                .filter(path -> !plan.contains(path) && prefixes.stream().noneMatch(path::startsWith))
                .toList();
    }
}
