package io.github.cloudfrontmavenplugin.core;

import java.util.Locale;

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
        String value = distributionId.strip();
        if (isId(value)) {
            return value;
        }
        String domain = value.toLowerCase(Locale.ROOT);
        if (!domain.matches("(\\*\\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+")) {
            throw new UserFixableException("<distributionId> (cloudfront.distributionId) is '" + value + "', which is"
                    + " neither a CloudFront distribution ID (such as EDFDVBD6EXAMPLE) nor a domain name (such as"
                    + " www.example.com or d111111abcdef8.cloudfront.net).");
        }
        return domain;
    }

    /** IDs are letters and digits; domain names have dots. */
    public static boolean isId(String value) {
        return value.matches("[A-Za-z0-9]+");
    }
}
