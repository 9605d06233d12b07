package io.github.cloudfrontmavenplugin.emulator;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sets up a credential source for one integration test, as a developer machine or a CI runner has it, and checks that
 * the build signed with what that source issued. The source's emulator issues to the account of the test's {@link
 * CloudFrontEmulator} (started first with {@link ItEmulator#start}) and stops with it ({@link ItEmulator#stop}). Files a
 * source reads from the home directory go under {@code <basedir>/home}, which the test hands to the build as {@code
 * HOME}; endpoints go to the build as the SDK's own system properties, through the invoker's user properties.
 */
public final class ItCredentialSources {
    /** The test's home directory, relative to its basedir: {@code invoker.environmentVariables.HOME = home}. */
    public static final String HOME = "home";

    private ItCredentialSources() {}

    @SuppressWarnings("unchecked")
    private static void systemProperty(Map<String, Object> context, String name, String value) {
        ((Map<Object, Object>) context.get("userProperties")).put(name, value);
    }

    private static <T extends AutoCloseable> T keep(Map<String, Object> context, T emulator) {
        context.put(emulator.getClass().getName(), emulator);
        return ItEmulator.closeAtStop(context, emulator);
    }

    /** The source's emulator that setup started, for verify. */
    public static <T> T get(Map<String, Object> context, Class<T> type) {
        return type.cast(context.get(type.getName()));
    }

    /**
     * An IAM Identity Center portal where the user signed in with {@code aws sso login} for {@code sessionName},
     * assigned {@code roleName} in {@code accountId}; the token cache holds a token that expires after {@code
     * validFor} (negative: already expired, to be renewed with its refresh token). The SDK finds the portal through
     * {@code aws.endpointUrlSso}, and the OIDC service that renews tokens through {@code aws.endpointUrlSsoOidc}.
     */
    public static SsoPortalEmulator ssoSignedIn(
            Map<String, Object> context,
            File basedir,
            String sessionName,
            String accountId,
            String roleName,
            Duration validFor)
            throws IOException {
        SsoPortalEmulator portal = portalSignedIn(context, basedir, sessionName, accountId, roleName, validFor);
        systemProperty(context, "aws.endpointUrlSso", portal.endpoint());
        // The same server renews tokens as IAM Identity Center's OIDC service.
        systemProperty(context, "aws.endpointUrlSsoOidc", portal.endpoint());
        return portal;
    }

    /**
     * The same, production-shaped: no endpoint for the SDK; the TLS-inspecting proxy of {@link
     * ItEmulator#startBehindTlsProxy} serves the portal and the OIDC service under their own host names in {@code
     * ssoRegion} ({@code portal.sso.<region>.amazonaws.com}, {@code oidc.<region>.amazonaws.com}).
     */
    public static SsoPortalEmulator ssoSignedInBehindTlsProxy(
            Map<String, Object> context,
            File basedir,
            String sessionName,
            String accountId,
            String roleName,
            Duration validFor,
            String ssoRegion)
            throws IOException {
        SsoPortalEmulator portal = portalSignedIn(context, basedir, sessionName, accountId, roleName, validFor);
        ItEmulator.routeThroughTlsProxy(context, "portal.sso." + ssoRegion + ".amazonaws.com", portal.endpoint());
        ItEmulator.routeThroughTlsProxy(context, "oidc." + ssoRegion + ".amazonaws.com", portal.endpoint());
        return portal;
    }

    private static SsoPortalEmulator portalSignedIn(
            Map<String, Object> context,
            File basedir,
            String sessionName,
            String accountId,
            String roleName,
            Duration validFor)
            throws IOException {
        SsoPortalEmulator portal = keep(context, SsoPortalEmulator.start(ItEmulator.get(context)));
        String token = portal.signIn(accountId, roleName, Instant.now().plus(validFor));
        portal.writeTokenCache(home(basedir), sessionName, token);
        return portal;
    }

    /**
     * The sign-in service where the user signed in with {@code aws login} as {@code loginSession}, with credentials
     * that expire after {@code lifetime} (negative: expired, to be renewed), cached where {@code aws login} leaves
     * them. The SDK finds the service through {@code aws.endpointUrlSignin}.
     */
    public static SigninEmulator.LoginSession consoleSignedIn(
            Map<String, Object> context, File basedir, String loginSession, Duration lifetime) throws IOException {
        SigninEmulator signin = keep(context, SigninEmulator.start(ItEmulator.get(context)));
        SigninEmulator.LoginSession session = signin.signIn(loginSession, lifetime);
        SigninEmulator.writeLoginCache(
                home(basedir).resolve(".aws").resolve("login").resolve("cache"), session);
        systemProperty(context, "aws.endpointUrlSignin", signin.endpoint());
        return session;
    }

    /**
     * A container credentials endpoint, named to the build by {@code aws.containerCredentialsFullUri} (the system
     * property form of {@code AWS_CONTAINER_CREDENTIALS_FULL_URI}, as its port is only known now), with the agent's
     * token written to {@code tokenFile} under basedir, which the test names in {@code
     * AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE}.
     */
    public static ContainerCredentialsEmulator container(Map<String, Object> context, File basedir, String tokenFile)
            throws IOException {
        ContainerCredentialsEmulator container =
                keep(context, ContainerCredentialsEmulator.start(ItEmulator.get(context)));
        container.writeTokenFile(basedir.toPath().resolve(tokenFile));
        systemProperty(context, "aws.containerCredentialsFullUri", container.fullUri());
        return container;
    }

    /**
     * A container credentials endpoint as the ECS agent serves a task (and CodeBuild a build): the relative URI as
     * {@code aws.containerCredentialsPath} ({@code AWS_CONTAINER_CREDENTIALS_RELATIVE_URI}), on the agent's address
     * given as {@code aws.containerServiceEndpoint} in place of 169.254.170.2.
     */
    public static ContainerCredentialsEmulator taskRole(Map<String, Object> context) throws IOException {
        ContainerCredentialsEmulator task =
                keep(context, ContainerCredentialsEmulator.startForTask(ItEmulator.get(context)));
        systemProperty(context, "aws.containerCredentialsPath", task.relativeUri());
        systemProperty(context, "aws.containerServiceEndpoint", task.endpoint());
        return task;
    }

    /** An EC2 instance metadata service with an instance role, named to the build by aws.ec2MetadataServiceEndpoint. */
    public static InstanceMetadataEmulator instanceMetadata(Map<String, Object> context) throws IOException {
        InstanceMetadataEmulator imds = keep(context, InstanceMetadataEmulator.start(ItEmulator.get(context)));
        systemProperty(context, "aws.ec2MetadataServiceEndpoint", imds.endpoint());
        return imds;
    }

    /** Names to the build an instance metadata endpoint where nothing listens, as off EC2. */
    public static String instanceMetadataUnreachable(Map<String, Object> context) throws IOException {
        String endpoint;
        try (InstanceMetadataEmulator stopped = InstanceMetadataEmulator.start(ItEmulator.get(context))) {
            endpoint = stopped.endpoint();
        }
        systemProperty(context, "aws.ec2MetadataServiceEndpoint", endpoint);
        return endpoint;
    }

    private static Path home(File basedir) {
        return basedir.toPath().resolve(HOME);
    }

    /**
     * Checks a build run with {@code -X} that deployed with credentials a source issued: one invalidation created,
     * signed with that key and session token, and neither the secret nor the token anywhere in the log.
     *
     * @return the CreateInvalidation request, for further checks
     */
    public static RecordedRequest invalidatedWith(
            Map<String, Object> context, String log, CredentialEndpoint.Issued issued) {
        List<RecordedRequest> create = ItEmulator.get(context).requests("CreateInvalidation");
        check(create.size() == 1 && create.get(0).status() == 201, "one invalidation created: " + create);
        check(
                create.get(0).accessKeyId().equals(Optional.of(issued.accessKeyId())),
                "CloudFront called with the key the source issued (" + issued.accessKeyId() + "), not "
                        + create.get(0).accessKeyId());
        check(
                create.get(0).securityToken().equals(Optional.of(issued.sessionToken())),
                "CloudFront called with the session token the source issued");
        neverLogged(log, issued);
        return create.get(0);
    }

    /** Neither the secret nor the session token of {@code issued} is in a log that has DEBUG lines (-X). */
    public static void neverLogged(String log, CredentialEndpoint.Issued issued) {
        check(log.contains("[DEBUG]"), "the build ran with -X");
        check(!log.contains(issued.secretAccessKey()), "the secret key is not in the build log");
        check(!log.contains(issued.sessionToken()), "the session token is not in the build log");
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }
}
