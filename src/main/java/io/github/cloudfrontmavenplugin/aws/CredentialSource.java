package io.github.cloudfrontmavenplugin.aws;

import java.util.Optional;

/**
 * Where the AWS credentials come from: an access key given to the plugin (from a {@code <server>} of settings.xml), a
 * named profile, or else the SDK's default chain; and optionally a role to assume with them.
 */
public record CredentialSource(Optional<String> profile, Optional<AccessKey> accessKey, Optional<RoleToAssume> role) {
    public static final CredentialSource DEFAULT_CHAIN =
            new CredentialSource(Optional.empty(), Optional.empty(), Optional.empty());

    /**
     * A role to assume through STS with the base credentials before calling AWS.
     *
     * @param stsEndpoint an STS endpoint instead of AWS's (tests, emulators)
     */
    public record RoleToAssume(
            String roleArn, String sessionName, Optional<String> externalId, Optional<java.net.URI> stsEndpoint) {}

    public CredentialSource assuming(RoleToAssume roleToAssume) {
        return new CredentialSource(profile, accessKey, Optional.of(roleToAssume));
    }

    /** An access key and its secret. Its text form never shows the secret, so it cannot reach a log by accident. */
    public record AccessKey(String id, String secret) {
        @Override
        public String toString() {
            return "AccessKey[id=" + id + ", secret=****]";
        }
    }

    public static CredentialSource profile(String name) {
        return name == null || name.isBlank()
                ? DEFAULT_CHAIN
                : new CredentialSource(Optional.of(name.strip()), Optional.empty(), Optional.empty());
    }

    public static CredentialSource accessKey(String id, String secret) {
        return new CredentialSource(Optional.empty(), Optional.of(new AccessKey(id, secret)), Optional.empty());
    }
}
