package io.github.cloudfrontmavenplugin.aws;

import io.github.cloudfrontmavenplugin.base.UserFixableException;
import java.io.InterruptedIOException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;
import software.amazon.awssdk.services.sts.model.StsException;
import software.amazon.awssdk.utils.IoUtils;

/** The credentials every AWS call of the plugin uses: a settings.xml server, a named profile, or the SDK's default chain. */
public final class AwsCredentials {
    private AwsCredentials() {}

    /**
     * Resolves the credentials at once, so that missing ones are reported before any other work, with how to provide
     * them; the caller closes the provider. Clients open at the same time with the same source share one provider.
     */
    public static AwsCredentialsProvider resolve(CredentialSource source, Proxies proxies, Retries retries)
            throws UserFixableException {
        SecretSafeLogging.capSecretBearingLoggers();
        return SharedCredentials.acquire(source, proxies, () -> open(source, proxies, retries));
    }

    private static AwsCredentialsProvider open(CredentialSource source, Proxies proxies, Retries retries)
            throws UserFixableException {
        AwsCredentialsProvider base;
        if (source.accessKey().isPresent()) {
            CredentialSource.AccessKey key = source.accessKey().get();
            base = StaticCredentialsProvider.create(AwsBasicCredentials.create(key.id(), key.secret()));
            CredentialOrigin.debug(source.profile(), base.resolveCredentials());
        } else if (source.webIdentity().isPresent()) {
            CredentialSource.WebIdentity identity = source.webIdentity().get();
            WebIdentityCredentials exchanged = new WebIdentityCredentials(identity, proxies, retries);
            try {
                CredentialOrigin.debug(source.profile(), exchanged.resolveCredentials());
            } catch (SdkException e) {
                exchanged.close();
                throw new UserFixableException(explainWebIdentity(identity, e), e);
            }
            base = exchanged;
        } else if (signingIn(source).isPresent()) {
            base = profileCallingAService(source.profile(), signingIn(source).get(), proxies, retries);
        } else {
            base = source.profile()
                    .<AwsCredentialsProvider>map(name -> ProfileCredentialsProvider.builder()
                            .profileName(name)
                            .build())
                    .orElseGet(() -> DefaultCredentialsProvider.builder().build());
            try {
                CredentialOrigin.debug(source.profile(), base.resolveCredentials());
            } catch (RuntimeException e) {
                // Not only SdkException: a failing credential_process throws IllegalStateException.
                IoUtils.closeIfCloseable(base, null);
                throw CredentialFailure.explain(source.profile(), e);
            }
        }
        if (source.role().isEmpty()) {
            return base;
        }
        AssumedRoleCredentials assumed =
                new AssumedRoleCredentials(base, source.role().get(), proxies, retries);
        try {
            assumed.resolveCredentials();
            CredentialOrigin.debugAssumed(source.role().get());
            return assumed;
        } catch (SdkException e) {
            assumed.close();
            throw new UserFixableException(explainAssumeRole(source.role().get(), e), e);
        }
    }

    /**
     * The profile the build reads, when its sign-in calls a service of its own ({@code role_arn}, IAM Identity Center,
     * console sign-in), so that the plugin's clients call it: the {@code <profile>}, else, as the SDK's default chain
     * reads it after access keys in the environment, {@code AWS_PROFILE} or {@code default}.
     */
    private static Optional<String> signingIn(CredentialSource source) {
        boolean keysFirst = SdkSystemSetting.AWS_ACCESS_KEY_ID
                .getStringValue()
                .filter(key -> !key.isBlank())
                .isPresent();
        if (source.profile().isEmpty() && keysFirst) {
            return Optional.empty();
        }
        String name = ProfileInUse.of(source.profile()).name();
        try {
            return ProfileFile.defaultProfileFile()
                    .profile(name)
                    .filter(p -> p.property(ProfileProperty.ROLE_ARN).isPresent() || ProfileSignIns.callsAService(p))
                    .map(p -> name);
        } catch (RuntimeException unreadable) {
            // The SDK reports an unreadable file in its own message.
            return Optional.empty();
        }
    }

    /** The credentials of a profile whose sign-in calls a service, resolved at once. */
    private static AwsCredentialsProvider profileCallingAService(
            Optional<String> chosen, String profile, Proxies proxies, Retries retries) throws UserFixableException {
        ProfileFile file = ProfileFile.defaultProfileFile();
        boolean assumesRole = ProfileRoles.assumesRole(file, profile);
        AwsCredentialsProvider credentials = assumesRole
                ? ProfileRoles.open(file, profile, proxies, retries).orElseThrow()
                : ProfileSignIns.open(file, profile, proxies, retries);
        try {
            CredentialOrigin.debug(chosen, credentials.resolveCredentials());
            return credentials;
        } catch (RuntimeException e) {
            IoUtils.closeIfCloseable(credentials, null);
            String named = "profile '" + profile + "'" + CredentialFailure.chosenBy(chosen, profile);
            List<String> hosts = CallsServices.of(credentials);
            Optional<String> unreachable = unreachable(e, hosts);
            for (Throwable failed : CallsServices.failedCallsOf(credentials)) {
                unreachable = unreachable.or(() -> unreachable(failed, hosts));
            }
            if (unreachable.isPresent()) {
                throw new UserFixableException(
                        "Could not get the AWS credentials of " + named + ": " + unreachable.get(), e);
            }
            // The role's source failed before STS was asked (an expired SSO or console sign-in, a failing
            // credential_process): say what to run for that source, not that the role could not be assumed.
            if (!assumesRole
                    || (!(e instanceof StsException)
                            && ProfileInUse.of(Optional.of(profile)).kind() != ProfileInUse.Kind.OTHER)) {
                throw CredentialFailure.explain(chosen, e);
            }
            if (!(e instanceof SdkException sdk)) {
                throw e;
            }
            throw new UserFixableException(
                    "Could not assume the role of profile '" + profile + "' ("
                            + CredentialFailure.chosenHow(chosen, profile)
                                    .map(how -> how + "; ")
                                    .orElse("")
                            + "role_arn in the AWS config file) through STS: " + said(sdk)
                            + ". Its source credentials need sts:AssumeRole on the role, and the role's trust policy"
                            + " must allow them.",
                    e);
        }
    }

    /**
     * Explains a service of a credential source that could not be reached: TLS, a proxy that refused, or no
     * connection at all; empty when the service answered.
     */
    private static Optional<String> unreachable(Throwable e, List<String> hosts) {
        String where = hosts.isEmpty() ? "the credential service" : String.join(" or ", hosts);
        Optional<String> tls = TlsFailures.explain(e, where);
        if (tls.isPresent()) {
            return tls;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            // A token provider wraps what its client threw, so the proxy's answer may be a cause.
            Optional<String> proxy =
                    cause instanceof SdkException sdk ? ProxyFailures.explain(sdk, where) : Optional.empty();
            if (proxy.isPresent()) {
                return proxy;
            }
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            // Only the network's: a missing token cache file is an IOException too, and means "sign in".
            if (cause instanceof SocketException
                    || cause instanceof UnknownHostException
                    || cause instanceof InterruptedIOException) {
                return Optional.of("could not connect to " + where + " (" + cause + "). Check the network and the"
                        + " proxy: run with -X to see which proxy each connection used.");
            }
        }
        return Optional.empty();
    }

    /** A token that is there but cannot be exchanged is that source failing, not "no credentials". */
    private static String explainWebIdentity(CredentialSource.WebIdentity identity, SdkException e) {
        String sts = AssumedRoleCredentials.endpoint(identity.stsRegion()).getHost();
        return "The web identity token of AWS_WEB_IDENTITY_TOKEN_FILE (" + identity.tokenFile() + ") could not be"
                + " exchanged through STS for the role of AWS_ROLE_ARN (" + identity.roleArn() + "): "
                + TlsFailures.explain(e, sts).orElse(said(e))
                + (isServiceError(e)
                        ? " The role's trust policy must"
                                + " allow sts:AssumeRoleWithWebIdentity for this token's issuer and subject."
                        : "");
    }

    private static boolean isServiceError(SdkException e) {
        return e instanceof software.amazon.awssdk.awscore.exception.AwsServiceException;
    }

    private static String said(SdkException e) {
        Optional<String> proxy = ProxyFailures.explain(e, "STS");
        if (proxy.isPresent()) {
            return proxy.get();
        }
        return e instanceof software.amazon.awssdk.awscore.exception.AwsServiceException service
                        && service.awsErrorDetails() != null
                ? service.awsErrorDetails().errorCode() + ": "
                        + service.awsErrorDetails().errorMessage()
                : e.getMessage();
    }

    private static String explainAssumeRole(CredentialSource.RoleToAssume role, SdkException e) {
        Optional<String> tls = TlsFailures.explain(
                e,
                role.stsEndpoint()
                        .orElse(AssumedRoleCredentials.endpoint(role.stsRegion()))
                        .getHost());
        if (tls.isPresent()) {
            return "Could not assume the role " + role.roleArn() + " (<roleArn>, cloudfront.roleArn): " + tls.get();
        }
        String said = said(e);
        return "Could not assume the role " + role.roleArn() + " (<roleArn>, cloudfront.roleArn) through STS (" + said
                + "). The build's credentials need sts:AssumeRole on that role, and the role's trust policy must"
                + " allow them" + (role.externalId().isPresent() ? ", with the external id given in <externalId>" : "")
                + ".";
    }
}
