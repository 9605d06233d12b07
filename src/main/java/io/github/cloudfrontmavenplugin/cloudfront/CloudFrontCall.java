package io.github.cloudfrontmavenplugin.cloudfront;

import java.util.List;
import java.util.Optional;

/**
 * What the plugin asked CloudFront, so that a failure can be explained in the user's terms.
 *
 * @param action the API action, which is also the IAM action {@code cloudfront:<action>}
 */
public record CloudFrontCall(
        String action,
        String distributionId,
        Optional<String> invalidationId,
        Optional<String> callerReference,
        List<String> paths) {

    public CloudFrontCall {
        paths = List.copyOf(paths);
    }

    public static CloudFrontCall createInvalidation(String distributionId, List<String> paths, String reference) {
        return new CloudFrontCall(
                "CreateInvalidation", distributionId, Optional.empty(), Optional.of(reference), paths);
    }

    public static CloudFrontCall getInvalidation(String distributionId, String invalidationId) {
        return new CloudFrontCall(
                "GetInvalidation", distributionId, Optional.of(invalidationId), Optional.empty(), List.of());
    }

    public boolean createsInvalidation() {
        return "CreateInvalidation".equals(action);
    }
}
