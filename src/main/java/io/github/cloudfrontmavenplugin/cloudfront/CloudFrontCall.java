package io.github.cloudfrontmavenplugin.cloudfront;

import java.util.List;
import java.util.Optional;

/**
 * What the plugin asked CloudFront, so that a failure can be explained in the user's terms.
 *
 * @param action the API action, which is also the IAM action {@code cloudfront:<action>}
 * @param target what the call was about: the distribution or tenant, or for a lookup the domain or distribution
 *     searched for
 */
public record CloudFrontCall(
        String action,
        Target target,
        Optional<String> invalidationId,
        Optional<String> callerReference,
        List<String> paths) {

    public CloudFrontCall {
        paths = List.copyOf(paths);
    }

    public static CloudFrontCall createInvalidation(Target target, List<String> paths, String reference) {
        return new CloudFrontCall(target.createAction(), target, Optional.empty(), Optional.of(reference), paths);
    }

    public static CloudFrontCall getInvalidation(Target target, String invalidationId) {
        return new CloudFrontCall(target.getAction(), target, Optional.of(invalidationId), Optional.empty(), List.of());
    }

    /** A call that finds something, such as ListDistributions for the distribution serving {@code subject}. */
    public static CloudFrontCall lookup(String action, String subject) {
        return new CloudFrontCall(action, Target.distribution(subject), Optional.empty(), Optional.empty(), List.of());
    }

    public boolean createsInvalidation() {
        return action.startsWith("CreateInvalidation");
    }

    /** The distribution, tenant, domain or ID the call was about. */
    public String subject() {
        return target.id();
    }
}
