package io.github.cloudfrontmavenplugin.aws;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the AWS credentials come from: an access key given to the plugin (from a {@code <server>} of settings.xml), a
 * named profile, a web-identity token named by the environment, or else the SDK's default chain; and optionally a
 * role to assume with them.
 */
public record CredentialSource(
        Optional<String> profile,
        Optional<AccessKey> accessKey,
        Optional<RoleToAssume> role,
        Optional<WebIdentity> webIdentity) {
    public static final CredentialSource DEFAULT_CHAIN =
            new CredentialSource(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    /**
     * A role to assume through STS with the base credentials before calling AWS.
     *
     * @param stsEndpoint an STS endpoint instead of AWS's (tests, emulators)
     * @param stsRegion the region of the STS endpoint, which it signs for: see {@link #stsRegionFor}
     */
    public record RoleToAssume(
            String roleArn,
            String sessionName,
            Optional<String> externalId,
            Optional<URI> stsEndpoint,
            String stsRegion) {
        /** A role assumed through the STS of its ARN's partition, with no region configured. */
        public RoleToAssume(
                String roleArn, String sessionName, Optional<String> externalId, Optional<URI> stsEndpoint) {
            this(roleArn, sessionName, externalId, stsEndpoint, stsRegionFor(roleArn, Optional.empty()));
        }

        /**
         * The STS region that assumes {@code roleArn}. China's partition ({@code arn:aws-cn:}, or a {@code cn-} region
         * configured) has no global STS: its own regional endpoint, in the configured China region, else cn-north-1.
         * Elsewhere us-east-1, AWS's global STS.
         *
         * @param configuredRegion the build's region ({@code <region>}, or the profile's {@code region})
         */
        public static String stsRegionFor(String roleArn, Optional<String> configuredRegion) {
            Optional<String> china = configuredRegion.map(String::strip).filter(r -> r.startsWith("cn-"));
            if (china.isPresent()) {
                return china.get();
            }
            return roleArn.startsWith("arn:aws-cn:") ? "cn-north-1" : "us-east-1";
        }
    }

    /**
     * A web-identity token exchanged for a role's credentials through STS, as CI OIDC (GitHub Actions, GitLab) and EKS
     * give it: {@code AWS_WEB_IDENTITY_TOKEN_FILE}, {@code AWS_ROLE_ARN}, {@code AWS_ROLE_SESSION_NAME}.
     *
     * @param stsRegion the region of the STS endpoint: {@code AWS_REGION}, else us-east-1
     */
    public record WebIdentity(Path tokenFile, String roleArn, Optional<String> sessionName, String stsRegion) {}

    /** Whether nothing is configured: the SDK's default chain decides. */
    public boolean isDefaultChain() {
        // Not equals(DEFAULT_CHAIN): a record's first equals call bootstraps ObjectMethods, a cost paid at start-up.
        return profile.isEmpty() && accessKey.isEmpty() && role.isEmpty() && webIdentity.isEmpty();
    }

    public CredentialSource assuming(RoleToAssume roleToAssume) {
        return new CredentialSource(profile, accessKey, Optional.of(roleToAssume), webIdentity);
    }

    /**
     * For the default chain: the web-identity token the environment names, when it names one and no access key comes
     * before it (as in the SDK's chain), so that the token is exchanged through the plugin's own STS client, with its
     * proxy, trust and retries, and a failure is reported as that token's.
     *
     * @param systemProperty {@code System::getProperty} in a build ({@code aws.webIdentityTokenFile}, ...)
     * @param environment {@code System::getenv} in a build
     */
    public CredentialSource withEnvironment(
            Function<String, String> systemProperty, Function<String, String> environment) {
        if (!isDefaultChain()
                || present(systemProperty.apply("aws.accessKeyId"))
                || present(environment.apply("AWS_ACCESS_KEY_ID"))) {
            return this;
        }
        String tokenFile = first(
                systemProperty.apply("aws.webIdentityTokenFile"), environment.apply("AWS_WEB_IDENTITY_TOKEN_FILE"));
        String roleArn = first(systemProperty.apply("aws.roleArn"), environment.apply("AWS_ROLE_ARN"));
        if (!present(tokenFile) || !present(roleArn)) {
            return this;
        }
        String session = first(systemProperty.apply("aws.roleSessionName"), environment.apply("AWS_ROLE_SESSION_NAME"));
        String region = first(
                systemProperty.apply("aws.region"),
                first(environment.apply("AWS_REGION"), environment.apply("AWS_DEFAULT_REGION")));
        return new CredentialSource(
                profile,
                accessKey,
                role,
                Optional.of(new WebIdentity(
                        Path.of(tokenFile.strip()),
                        roleArn.strip(),
                        Optional.ofNullable(session)
                                .filter(CredentialSource::present)
                                .map(String::strip),
                        present(region) ? region.strip() : "us-east-1")));
    }

    private static String first(String preferred, String otherwise) {
        return present(preferred) ? preferred : otherwise;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
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
                : new CredentialSource(Optional.of(name.strip()), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static CredentialSource accessKey(String id, String secret) {
        return new CredentialSource(
                Optional.empty(), Optional.of(new AccessKey(id, secret)), Optional.empty(), Optional.empty());
    }
}
