package io.github.cloudfrontmavenplugin.cloudfront;

/**
 * What one invalidation is created on: a distribution, or a distribution tenant of a multi-tenant distribution
 * (CloudFront SaaS Manager), which CloudFront invalidates one by one through their own actions.
 */
public record Target(Kind kind, String id) {
    public enum Kind {
        DISTRIBUTION,
        TENANT
    }

    private static final String TENANT_ID = "dt_[A-Za-z0-9]+";

    public static Target distribution(String id) {
        return new Target(Kind.DISTRIBUTION, id);
    }

    public static Target tenant(String id) {
        return new Target(Kind.TENANT, id);
    }

    /** Tenant IDs look like {@code dt_2wjDZi3hD1ivOXf6rpZJOSNE1AB}. */
    public static boolean isTenantId(String value) {
        return value.matches(TENANT_ID);
    }

    public boolean isTenant() {
        return kind == Kind.TENANT;
    }

    /** As a sentence names it: {@code distribution EDFDVBD6EXAMPLE}, {@code distribution tenant dt_...}. */
    public String describe() {
        return (isTenant() ? "distribution tenant " : "distribution ") + id;
    }

    /** {@link #describe()} at the start of a sentence. */
    public String describeCapitalised() {
        return (isTenant() ? "Distribution tenant " : "Distribution ") + id;
    }

    /** The API and IAM action that creates an invalidation on it. */
    public String createAction() {
        return isTenant() ? "CreateInvalidationForDistributionTenant" : "CreateInvalidation";
    }

    /** The API and IAM action that reads one of its invalidations. */
    public String getAction() {
        return isTenant() ? "GetInvalidationForDistributionTenant" : "GetInvalidation";
    }

    /** The resource an IAM policy grants its invalidation actions on. */
    public String arn() {
        return "arn:aws:cloudfront::<account-id>:" + (isTenant() ? "distribution-tenant/" : "distribution/") + id;
    }

    /** The AWS CLI command that lists its invalidations. */
    public String listInvalidationsCommand() {
        return isTenant()
                ? "aws cloudfront list-invalidations-for-distribution-tenant --id " + id
                : "aws cloudfront list-invalidations --distribution-id " + id;
    }
}
