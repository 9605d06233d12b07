package io.github.cloudfrontmavenplugin.core;

import io.github.cloudfrontmavenplugin.base.Progress;
import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.cloudfront.CloudFrontInvalidations;
import io.github.cloudfrontmavenplugin.cloudfront.Target;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Checks what names the distribution before anything is sent: its ID, a distribution tenant's ID
 * ({@code dt_...}), or a domain name (an alias such as {@code www.example.com}, its
 * {@code d111111abcdef8.cloudfront.net} domain, or a tenant's domain), which is looked up later.
 */
public final class DistributionIds {
    private DistributionIds() {}

    /** @return the ID, or the domain name in lower case */
    public static String require(String distributionId) throws UserFixableException {
        if (distributionId == null || distributionId.isBlank()) {
            throw new UserFixableException("<distributionId> (cloudfront.distributionId) is not set. Set it to the ID"
                    + " of the CloudFront distribution, such as EDFDVBD6EXAMPLE, as 'aws cloudfront"
                    + " list-distributions' shows it, to a distribution tenant's ID (dt_...), or to a domain name one of"
                    + " them serves, such as www.example.com.");
        }
        return require(distributionId, "<distributionId> (cloudfront.distributionId)");
    }

    private static String require(String distributionId, String parameter) throws UserFixableException {
        String value = distributionId.strip();
        if (isId(value) || Target.isTenantId(value)) {
            return value;
        }
        String domain = value.toLowerCase(Locale.ROOT);
        if (!domain.matches("(\\*\\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+")) {
            throw new UserFixableException(parameter + " names '" + value + "', which is"
                    + " neither a CloudFront distribution ID (such as EDFDVBD6EXAMPLE), a distribution tenant ID (such as"
                    + " dt_2wjDZi3hD1ivOXf6rpZJOSNE1AB) nor a domain name (such as www.example.com or"
                    + " d111111abcdef8.cloudfront.net).");
        }
        return domain;
    }

    /**
     * The distributions {@code <distributionId>} and {@code <distributionIds>} name together, checked, in their order
     * and without repeats.
     */
    public static List<String> requireAll(String distributionId, List<String> distributionIds)
            throws UserFixableException {
        List<String> listed = distributionIds == null
                ? List.of()
                : distributionIds.stream()
                        .filter(id -> id != null && !id.isBlank())
                        .toList();
        boolean single = distributionId != null && !distributionId.isBlank();
        if (single && !listed.isEmpty()) {
            throw new UserFixableException("Both <distributionId> (cloudfront.distributionId) and <distributionIds>"
                    + " (cloudfront.distributionIds) are set; name one distribution in the first or several in the"
                    + " second, not both.");
        }
        if (listed.isEmpty()) {
            return List.of(require(distributionId));
        }
        Set<String> checked = new LinkedHashSet<>();
        for (String id : listed) {
            checked.add(require(id, "<distributionIds> (cloudfront.distributionIds)"));
        }
        return List.copyOf(checked);
    }

    /** Distribution IDs are letters and digits; domain names have dots. */
    public static boolean isId(String value) {
        return value.matches("[A-Za-z0-9]+");
    }

    /** An ID as CloudFront takes it, case and all; a domain name is compared without regard to case. */
    static String canonical(String value) {
        String stripped = value.strip();
        return isId(stripped) || Target.isTenantId(stripped) ? stripped : stripped.toLowerCase(Locale.ROOT);
    }

    /** What an ID names, without a call; empty for a domain name, which must be looked up. */
    static Optional<Target> target(String value) {
        if (isId(value)) {
            return Optional.of(Target.distribution(value));
        }
        return Target.isTenantId(value) ? Optional.of(Target.tenant(value)) : Optional.empty();
    }

    /** What {@code idOrDomain} names: a distribution or tenant ID as it is, a domain name as looked up. */
    static Target resolve(CloudFrontInvalidations cloudFront, String idOrDomain, Progress progress)
            throws UserFixableException {
        Optional<Target> named = target(idOrDomain);
        if (named.isPresent()) {
            return named.get();
        }
        CloudFrontInvalidations.DomainOwner owner = cloudFront.findByDomain(idOrDomain);
        if (owner.target().isTenant()) {
            progress.info(idOrDomain + " is distribution tenant "
                    + owner.target().id()
                    + owner.distributionId().map(d -> " of distribution " + d).orElse(""));
        } else {
            progress.info("Distribution " + idOrDomain + " is " + owner.target().id());
        }
        return owner.target();
    }

    /** The IDs for a message: {@code distribution E1, E2}, or {@code distribution tenant dt_1}. */
    static String describe(List<String> distributionIds) {
        return noun(distributionIds) + " " + String.join(", ", distributionIds);
    }

    /** What the IDs name, in the singular or plural: distributions, or tenants when they all are. */
    static String noun(List<String> distributionIds) {
        boolean tenants = distributionIds.stream().allMatch(Target::isTenantId);
        return (tenants ? "distribution tenant" : "distribution") + (distributionIds.size() == 1 ? "" : "s");
    }
}
