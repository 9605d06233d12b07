package io.github.cloudfrontmavenplugin.core;

/** Checks a distribution ID before it is sent, so a typo fails with a clear message and no API call. */
public final class DistributionIds {
    private DistributionIds() {}

    public static String require(String distributionId) throws UserFixableException {
        if (distributionId == null || distributionId.isBlank()) {
            throw new UserFixableException("<distributionId> (cloudfront.distributionId) is not set. Set it to the ID"
                    + " of the CloudFront distribution, such as EDFDVBD6EXAMPLE, as 'aws cloudfront"
                    + " list-distributions' shows it.");
        }
        String id = distributionId.strip();
        if (!id.matches("[A-Za-z0-9]+")) {
            throw new UserFixableException("<distributionId> (cloudfront.distributionId) is '" + id + "', which is"
                    + " not a CloudFront distribution ID" + (id.contains(".") ? " but looks like a domain name" : "")
                    + ". Use the distribution's ID, such as EDFDVBD6EXAMPLE, as 'aws cloudfront list-distributions'"
                    + " shows it.");
        }
        return id;
    }
}
