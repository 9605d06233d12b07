package io.github.cloudfrontmavenplugin.core;

import io.github.cloudfrontmavenplugin.base.UserFixableException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks what names the distribution before anything is sent: its ID, or one of its domain names (an alias such as
 * {@code www.example.com}, or its {@code d111111abcdef8.cloudfront.net} domain), which is looked up later.
 */
public final class DistributionIds {
    private DistributionIds() {}

    /** @return the ID, or the domain name in lower case */
    public static String require(String distributionId) throws UserFixableException {
        if (distributionId == null || distributionId.isBlank()) {
            throw new UserFixableException("<distributionId> (cloudfront.distributionId) is not set. Set it to the ID"
                    + " of the CloudFront distribution, such as EDFDVBD6EXAMPLE, as 'aws cloudfront"
                    + " list-distributions' shows it, or to one of its domain names, such as www.example.com.");
        }
        return require(distributionId, "<distributionId> (cloudfront.distributionId)");
    }

    private static String require(String distributionId, String parameter) throws UserFixableException {
        String value = distributionId.strip();
        if (isId(value)) {
            return value;
        }
        String domain = value.toLowerCase(Locale.ROOT);
        if (!domain.matches("(\\*\\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+")) {
            throw new UserFixableException(parameter + " names '" + value + "', which is"
                    + " neither a CloudFront distribution ID (such as EDFDVBD6EXAMPLE) nor a domain name (such as"
                    + " www.example.com or d111111abcdef8.cloudfront.net).");
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

    /** IDs are letters and digits; domain names have dots. */
    public static boolean isId(String value) {
        return value.matches("[A-Za-z0-9]+");
    }
}
