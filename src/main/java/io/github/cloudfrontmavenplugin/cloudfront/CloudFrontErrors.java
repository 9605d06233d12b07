package io.github.cloudfrontmavenplugin.cloudfront;

import io.github.cloudfrontmavenplugin.aws.ClockSkew;
import io.github.cloudfrontmavenplugin.aws.ProxyFailures;
import io.github.cloudfrontmavenplugin.aws.TlsFailures;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.paths.CacheTag;
import io.github.cloudfrontmavenplugin.paths.InvalidationPath;
import io.github.cloudfrontmavenplugin.paths.InvalidationPaths;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns what the SDK throws into a message that says what happened and what the user can do about it. */
public final class CloudFrontErrors {
    static final String TOO_MANY_IN_PROGRESS = "TooManyInvalidationsInProgress";

    private static final Set<String> REJECTED_CREDENTIALS = Set.of(
            "InvalidClientTokenId",
            "SignatureDoesNotMatch",
            "IncompleteSignature",
            "MissingAuthenticationToken",
            "ExpiredToken",
            "ExpiredTokenException",
            "UnrecognizedClientException",
            "InvalidSignatureException",
            "InvalidAccessKeyId");

    private CloudFrontErrors() {}

    /**
     * @return the explanation of a failure the user can act on
     * @throws SdkException the original exception, when it is not one the plugin can explain
     */
    public static UserFixableException translate(SdkException e, CloudFrontCall call, CloudFrontEndpoint endpoint) {
        Optional<String> proxy = ProxyFailures.explain(e, "CloudFront");
        if (proxy.isPresent()) {
            return new UserFixableException(proxy.get(), e);
        }
        if (e instanceof AwsServiceException service) {
            return new UserFixableException(explainServiceError(service, call), e);
        }
        if (e instanceof SdkClientException && hasCause(e, IOException.class)) {
            return new UserFixableException(explainNetworkError(e, call, endpoint), e);
        }
        throw e;
    }

    static String errorCode(AwsServiceException e) {
        return e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null
                ? ""
                : e.awsErrorDetails().errorCode();
    }

    /** Explains the in-progress limits after the plugin gave up waiting for room under them. */
    static String explainTooManyInProgress(AwsServiceException e, CloudFrontCall call, Duration waited) {
        long wildcards =
                call.paths().stream().filter(InvalidationPath::isWildcard).count();
        long tags = call.paths().stream().filter(CacheTag::isTag).count();
        Target target = call.target();
        return target.describeCapitalised() + " has too many invalidations in progress (" + TOO_MANY_IN_PROGRESS
                + ": " + serverMessage(e) + "). CloudFront allows at most " + InvalidationPaths.MAX_PATHS
                + " individually named paths and " + InvalidationPaths.MAX_WILDCARDS
                + " wildcard paths in progress at once per distribution (a cache tag counts as a named path)"
                + (target.isTenant() ? " (the tenants of a multi-tenant distribution may share them)" : "")
                + ", and this batch of " + call.paths().size() + " paths (" + wildcards + " wildcards"
                + (tags == 0 ? "" : ", " + tags + " cache tags") + ") did not fit beside the running ones within "
                + waited.toSeconds() + " s. Wait for them to complete (" + target.listInvalidationsCommand()
                + "), invalidate fewer paths or wildcards, or wait longer with <inProgressRetryTimeout>"
                + " (cloudfront.inProgressRetryTimeout, seconds).";
    }

    /**
     * Explains NoSuchDistribution for an ID that is a multi-tenant distribution: CloudFront invalidates its tenants,
     * one by one, not the distribution.
     */
    static String explainMultiTenant(AwsServiceException e, CloudFrontCall call, List<String> someTenants) {
        String id = call.subject();
        return "Distribution " + id + " is a multi-tenant distribution, which CloudFront does not invalidate as a"
                + " whole (" + errorCode(e) + ": " + serverMessage(e) + "): its distribution tenants are invalidated"
                + " one by one. Set <allTenants>true</allTenants> (-Dcloudfront.allTenants) to invalidate every tenant"
                + " of " + id + ", or set <distributionId> (cloudfront.distributionId) to one tenant's ID (such as "
                + someTenants.get(0) + ") or domain; 'aws cloudfront list-distribution-tenants --association-filter"
                + " DistributionId=" + id + "' lists them.";
    }

    private static String explainServiceError(AwsServiceException e, CloudFrontCall call) {
        String code = errorCode(e);
        String what = code.isEmpty() ? "HTTP " + e.statusCode() : code;
        String said = " (" + what + ": " + serverMessage(e) + ")";
        Target target = call.target();
        String distribution = call.subject();
        boolean denied = "AccessDenied".equals(code) || "AccessDeniedException".equals(code);
        if ("NoSuchDistribution".equals(code)
                || ("EntityNotFound".equals(code) && "ListDistributionTenants".equals(call.action()))) {
            return "CloudFront has no distribution '" + distribution + "'" + said + ". Check <distributionId>"
                    + " (cloudfront.distributionId): it is the distribution's ID, such as EDFDVBD6EXAMPLE, as"
                    + " 'aws cloudfront list-distributions' shows it, and the credentials must belong to the AWS"
                    + " account that owns the distribution.";
        }
        if ("EntityNotFound".equals(code)) {
            return "CloudFront has no distribution tenant '" + distribution + "'" + said + ". Check <distributionId>"
                    + " (cloudfront.distributionId) or <distributionIds>: a tenant ID looks like"
                    + " dt_2wjDZi3hD1ivOXf6rpZJOSNE1AB; 'aws cloudfront list-distribution-tenants"
                    + " --association-filter DistributionId=<distribution ID>' lists the tenants of a multi-tenant"
                    + " distribution, and the credentials must belong to the AWS account that owns it.";
        }
        if ("NoSuchInvalidation".equals(code)) {
            return target.describeCapitalised() + " has no invalidation '"
                    + call.invalidationId().orElse("")
                    + "'" + said + ". Check <invalidationId> (cloudfront.invalidationId); '"
                    + target.listInvalidationsCommand() + "' lists them.";
        }
        if (denied && "ListDistributions".equals(call.action())) {
            return "CloudFront denied cloudfront:ListDistributions" + said + ", which the plugin needs to find the"
                    + " distribution serving '" + distribution + "'. Allow that action (on resource *) to the identity"
                    + " the build runs as, or set <distributionId> (cloudfront.distributionId) to the distribution's"
                    + " ID.";
        }
        if (denied && "GetDistributionTenantByDomain".equals(call.action())) {
            return "CloudFront denied cloudfront:GetDistributionTenantByDomain" + said + ", which the plugin needs to"
                    + " find the distribution tenant serving '" + distribution + "' (no distribution serves it). Allow"
                    + " that action (on arn:aws:cloudfront::<account-id>:distribution-tenant/*) to the identity the"
                    + " build runs as, or set <distributionId> (cloudfront.distributionId) to the tenant's ID.";
        }
        if (denied && "ListDistributionTenants".equals(call.action())) {
            return "CloudFront denied cloudfront:ListDistributionTenants" + said + ", which <allTenants>"
                    + " (cloudfront.allTenants) needs to find the tenants of distribution " + distribution + ". Allow"
                    + " that action (on resource *) to the identity the build runs as, or name the tenants in"
                    + " <distributionIds> (cloudfront.distributionIds).";
        }
        if (denied) {
            return "CloudFront denied cloudfront:" + call.action() + " on " + target.describe() + said
                    + ". Allow the IAM action cloudfront:" + call.action() + " on " + target.arn()
                    + " to the identity the build runs as (the README lists the policy the plugin needs).";
        }
        Optional<String> clock = ClockSkew.explain(e, "CloudFront");
        if (clock.isPresent()) {
            return clock.get();
        }
        if (REJECTED_CREDENTIALS.contains(code)) {
            return "CloudFront rejected the AWS credentials" + said + ". Check that the access key is active and the"
                    + " secret belongs to it; temporary credentials expire, so renew the session (for example"
                    + " 'aws sso login', or the CI step that assumes the role) and run the build again.";
        }
        if ("InvalidArgument".equals(code)
                && serverMessage(e).toLowerCase(Locale.ROOT).contains("caller reference")) {
            return "CloudFront refused the invalidation" + said + ": CallerReference '"
                    + call.callerReference().orElse("") + "' was already used on " + target.describe()
                    + " with other paths. Leave <callerReference> (cloudfront.callerReference) unset so that each"
                    + " deploy gets a new one, or give a new value.";
        }
        if ("InvalidationBatchAlreadyExists".equals(code)) {
            String reference = call.callerReference().orElse("");
            return "CloudFront already has an invalidation batch with CallerReference '" + reference + "' on"
                    + " distribution " + distribution + said + "; it created nothing new. If an earlier run sent this"
                    + " reference with the same paths, that invalidation stands: find it with 'aws cloudfront"
                    + " list-invalidations --distribution-id " + distribution + "'. To invalidate again, leave"
                    + " <callerReference> (cloudfront.callerReference) unset so that the deploy gets a new one, or"
                    + " give a new value.";
        }
        if ("InvalidArgument".equals(code)) {
            return "CloudFront refused the invalidation as invalid" + said + ". Paths sent: " + sample(call.paths())
                    + ". Check the paths (<paths> or <invalidationBatch>) against CloudFront's rules: each starts with"
                    + " '/', '*' only at the end; a cache tag starts with '#'.";
        }
        if ("BatchTooLarge".equals(code)) {
            return "CloudFront refused the batch of " + call.paths().size() + " paths as too large" + said
                    + ". Invalidate fewer paths: replace groups of them with a wildcard such as '/docs/*'.";
        }
        if (TOO_MANY_IN_PROGRESS.equals(code)) {
            return explainTooManyInProgress(e, call, Duration.ZERO);
        }
        if (e.isThrottlingException()) {
            return "CloudFront kept throttling " + call.action() + said + " through " + attempts(e)
                    + ". Something else in this AWS account may be calling CloudFront heavily; run the build again"
                    + " later.";
        }
        if (e.statusCode() >= 500) {
            return "CloudFront kept failing on " + call.action() + " with HTTP " + e.statusCode() + said + " through "
                    + attempts(e) + ". The fault is on CloudFront's side; run the build again later.";
        }
        return "CloudFront refused " + call.action() + " on " + target.describe() + " with HTTP " + e.statusCode()
                + said + requestId(e) + ".";
    }

    private static String explainNetworkError(SdkException e, CloudFrontCall call, CloudFrontEndpoint endpoint) {
        String endpointHint = endpoint.configured()
                ? " Check " + endpoint.reason() + ", which named it."
                : " Check the network connection and any proxy.";
        String cause = rootCause(e);
        Optional<String> tls = TlsFailures.explain(e, endpoint.url().getHost());
        if (tls.isPresent()) {
            return "Could not call CloudFront: " + tls.get() + maybeCreated(call);
        }
        if (hasCause(e, ConnectException.class)
                || hasCause(e, UnknownHostException.class)
                || hasCause(e, NoRouteToHostException.class)) {
            return "Could not reach CloudFront at " + endpoint.url() + " (" + cause + ") through " + attempts(e) + "."
                    + endpointHint + maybeCreated(call);
        }
        return "Lost the connection to CloudFront at " + endpoint.url() + " during " + call.action() + " (" + cause
                + ") through " + attempts(e) + "." + endpointHint + maybeCreated(call);
    }

    /** A lost answer does not tell whether CloudFront created the invalidation; reusing the reference is safe. */
    private static String maybeCreated(CloudFrontCall call) {
        if (!call.createsInvalidation()) {
            return "";
        }
        String reference = call.callerReference().orElse("");
        return " CloudFront may have created the invalidation all the same: to retry without creating a second one,"
                + " run again with -Dcloudfront.callerReference=" + reference + " (CloudFront returns the existing"
                + " invalidation for a repeated reference with the same paths).";
    }

    private static String serverMessage(AwsServiceException e) {
        String message =
                e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
        return message == null || message.isBlank() ? "no message" : message;
    }

    private static String requestId(AwsServiceException e) {
        return e.requestId() == null ? "" : "; request id " + e.requestId();
    }

    private static String attempts(SdkException e) {
        Integer attempts = e.numAttempts();
        return attempts == null || attempts <= 1 ? "1 attempt" : attempts + " attempts";
    }

    private static String sample(List<String> paths) {
        int shown = Math.min(5, paths.size());
        String listed = String.join(", ", paths.subList(0, shown));
        return paths.size() > shown ? listed + " and " + (paths.size() - shown) + " more" : listed;
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
