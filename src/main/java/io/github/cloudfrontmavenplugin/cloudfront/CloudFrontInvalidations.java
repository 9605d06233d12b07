package io.github.cloudfrontmavenplugin.cloudfront;

import io.github.cloudfrontmavenplugin.aws.AwsCredentials;
import io.github.cloudfrontmavenplugin.aws.ConnectionSettings;
import io.github.cloudfrontmavenplugin.aws.HttpClients;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.cloudfront.CloudFrontApi.DistributionPage;
import io.github.cloudfrontmavenplugin.cloudfront.CloudFrontApi.DistributionSummary;
import io.github.cloudfrontmavenplugin.cloudfront.CloudFrontApi.TenantPage;
import io.github.cloudfrontmavenplugin.cloudfront.CloudFrontApi.TenantSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.utils.IoUtils;

/**
 * CloudFront's invalidation API ({@link CloudFrontApi}), with retries more patient than the SDK's default and
 * failures explained in the user's terms.
 */
public final class CloudFrontInvalidations implements AutoCloseable {
    private static final String SERVICE = "CloudFront";

    private final CloudFrontApi api;
    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final ConnectionSettings settings;
    private final CloudFrontEndpoint endpoint;

    private CloudFrontInvalidations(
            SdkHttpClient http,
            AwsCredentialsProvider credentials,
            ConnectionSettings settings,
            CloudFrontEndpoint endpoint) {
        this.api = new CloudFrontApi(http, credentials, endpoint.url(), endpoint.signingRegion(), settings.retries());
        this.http = http;
        this.credentials = credentials;
        this.settings = settings;
        this.endpoint = endpoint;
    }

    /**
     * Builds the client and resolves the credentials at once, so that missing credentials are reported before any
     * other work, with how to provide them; then where CloudFront is ({@link CloudFrontEndpoint}).
     */
    public static CloudFrontInvalidations connect(ConnectionSettings settings) throws UserFixableException {
        AwsCredentialsProvider credentials = credentialsFor(settings);
        CloudFrontEndpoint endpoint;
        try {
            endpoint = CloudFrontEndpoint.resolve(settings);
        } catch (UserFixableException | RuntimeException e) {
            IoUtils.closeIfCloseable(credentials, null);
            throw e;
        }
        SdkHttpClient http = null;
        try {
            http = HttpClients.forEndpoint(settings.proxies(), SERVICE, endpoint.url())
                    .maxConnections(HttpClients.DEFAULT_MAX_CONNECTIONS)
                    .build();
            return new CloudFrontInvalidations(http, credentials, settings, endpoint);
        } catch (RuntimeException e) {
            IoUtils.closeIfCloseable(http, null);
            IoUtils.closeIfCloseable(credentials, null);
            throw e;
        }
    }

    /** The credentials of {@code settings}, resolved at once; the caller closes them, or hands them on. */
    private static AwsCredentialsProvider credentialsFor(ConnectionSettings settings) throws UserFixableException {
        return AwsCredentials.resolve(settings.credentials(), settings.proxies(), settings.retries());
    }

    /**
     * Creates one invalidation. Every retry sends the same CallerReference, so a lost answer followed by a retry
     * gets the same invalidation back instead of a second one.
     *
     * @throws SdkException TooManyInvalidationsInProgress, as CloudFront sent it, so that the caller can wait for room
     */
    public InvalidationInfo create(Target target, List<String> paths, String callerReference)
            throws UserFixableException {
        CloudFrontCall call = CloudFrontCall.createInvalidation(target, paths, callerReference);
        try {
            return api.createInvalidation(target, paths, callerReference);
        } catch (SdkException e) {
            if (isTooManyInProgress(e)) {
                throw e;
            }
            Optional<List<String>> tenants = isNoSuchDistribution(e) ? someTenants(target) : Optional.empty();
            if (tenants.isPresent()) {
                throw new UserFixableException(
                        CloudFrontErrors.explainMultiTenant((AwsServiceException) e, call, tenants.get()), e);
            }
            throw CloudFrontErrors.translate(e, call, endpoint);
        }
    }

    public InvalidationInfo get(Target target, String invalidationId) throws UserFixableException {
        try {
            return api.getInvalidation(target, invalidationId);
        } catch (SdkException e) {
            throw CloudFrontErrors.translate(e, CloudFrontCall.getInvalidation(target, invalidationId), endpoint);
        }
    }

    /** What serves a domain: a distribution, or a tenant of the multi-tenant distribution named. */
    public record DomainOwner(Target target, Optional<String> distributionId) {}

    /**
     * Finds what serves {@code domain}: a distribution, as its {@code *.cloudfront.net} domain or one of its aliases
     * (an exact alias first, else a wildcard alias such as {@code *.example.com}), over every page of
     * ListDistributions; when no distribution does, the distribution tenant GetDistributionTenantByDomain finds.
     */
    public DomainOwner findByDomain(String domain) throws UserFixableException {
        List<DistributionSummary> all = new ArrayList<>();
        CloudFrontCall call = CloudFrontCall.lookup("ListDistributions", domain);
        try {
            Optional<String> marker = Optional.empty();
            do {
                DistributionPage page = api.listDistributions(marker);
                all.addAll(page.items());
                marker = page.nextMarker();
            } while (marker.isPresent());
        } catch (SdkException e) {
            throw CloudFrontErrors.translate(e, call, endpoint);
        }
        List<DistributionSummary> matches = all.stream()
                .filter(d ->
                        domain.equalsIgnoreCase(d.domainName()) || aliases(d).contains(domain))
                .toList();
        if (matches.isEmpty()) {
            matches = all.stream()
                    .filter(d -> aliases(d).stream().anyMatch(alias -> coversWildcard(alias, domain)))
                    .toList();
        }
        if (matches.size() == 1) {
            return new DomainOwner(Target.distribution(matches.get(0).id()), Optional.empty());
        }
        String listed = (matches.isEmpty() ? all : matches)
                .stream()
                        .limit(20)
                        .map(d -> d.id() + " (" + d.domainName()
                                + (aliases(d).isEmpty() ? "" : ", " + String.join(", ", aliases(d))) + ")")
                        .reduce((a, b) -> a + "; " + b)
                        .orElse("none");
        if (matches.isEmpty()) {
            Optional<TenantSummary> tenant = tenantByDomain(domain);
            if (tenant.isPresent()) {
                return new DomainOwner(
                        Target.tenant(tenant.get().id()), tenant.get().distributionId());
            }
            throw new UserFixableException("No CloudFront distribution these credentials can see serves '" + domain
                    + "' (<distributionId>, cloudfront.distributionId), nor does any distribution tenant. The account"
                    + " has " + all.size() + (all.size() == 1 ? " distribution: " : " distributions: ") + listed
                    + (all.size() > 20 ? "; ..." : "")
                    + ". Use one of these IDs or domain names, or a distribution tenant's ID or domain.");
        }
        throw new UserFixableException(matches.size() + " distributions serve '" + domain + "': " + listed
                + ". Set <distributionId> (cloudfront.distributionId) to the ID of the one to invalidate.");
    }

    private Optional<TenantSummary> tenantByDomain(String domain) throws UserFixableException {
        try {
            return Optional.of(api.distributionTenantByDomain(domain));
        } catch (SdkException e) {
            if (e instanceof AwsServiceException service
                    && "EntityNotFound".equals(CloudFrontErrors.errorCode(service))) {
                return Optional.empty();
            }
            throw CloudFrontErrors.translate(
                    e, CloudFrontCall.lookup("GetDistributionTenantByDomain", domain), endpoint);
        }
    }

    /** The IDs of every distribution tenant of {@code distributionId}, over every page of ListDistributionTenants. */
    public List<String> tenantsOf(String distributionId) throws UserFixableException {
        try {
            return tenantIds(distributionId, Optional.empty());
        } catch (SdkException e) {
            throw CloudFrontErrors.translate(
                    e, CloudFrontCall.lookup("ListDistributionTenants", distributionId), endpoint);
        }
    }

    /** Every page, or only the first with {@code maxItems}. */
    private List<String> tenantIds(String distributionId, Optional<Integer> maxItems) {
        List<String> ids = new ArrayList<>();
        Optional<String> marker = Optional.empty();
        do {
            TenantPage page = api.listDistributionTenants(distributionId, marker, maxItems);
            ids.addAll(page.ids());
            marker = maxItems.isEmpty() ? page.nextMarker() : Optional.empty();
        } while (marker.isPresent());
        return ids;
    }

    /**
     * A few tenants of a distribution CloudFront said does not exist, when it is a multi-tenant one; empty when it has
     * none or they cannot be listed, which leaves the plain explanation.
     */
    private Optional<List<String>> someTenants(Target target) {
        if (target.isTenant()) {
            return Optional.empty();
        }
        try {
            List<String> tenants = tenantIds(target.id(), Optional.of(3));
            return tenants.isEmpty() ? Optional.empty() : Optional.of(tenants);
        } catch (SdkException e) {
            return Optional.empty();
        }
    }

    private static boolean isNoSuchDistribution(SdkException e) {
        return e instanceof AwsServiceException service
                && "NoSuchDistribution".equals(CloudFrontErrors.errorCode(service));
    }

    private static List<String> aliases(DistributionSummary distribution) {
        return distribution.aliases().stream()
                .map(alias -> alias.toLowerCase(Locale.ROOT))
                .toList();
    }

    /** {@code *.example.com} serves {@code www.example.com}, not {@code example.com} nor {@code a.b.example.com}. */
    private static boolean coversWildcard(String alias, String domain) {
        if (!alias.startsWith("*.")) {
            return false;
        }
        String suffix = alias.substring(1);
        return domain.endsWith(suffix) && domain.indexOf('.') == domain.length() - suffix.length();
    }

    public ConnectionSettings settings() {
        return settings;
    }

    /** Where requests go, and why there. */
    public CloudFrontEndpoint endpoint() {
        return endpoint;
    }

    static boolean isTooManyInProgress(SdkException e) {
        return e instanceof AwsServiceException service
                && CloudFrontErrors.TOO_MANY_IN_PROGRESS.equals(CloudFrontErrors.errorCode(service));
    }

    @Override
    public void close() {
        http.close();
        IoUtils.closeIfCloseable(credentials, null);
    }
}
