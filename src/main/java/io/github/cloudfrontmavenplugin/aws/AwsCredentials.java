package io.github.cloudfrontmavenplugin.aws;

import io.github.cloudfrontmavenplugin.base.UserFixableException;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.utils.IoUtils;

/** The credentials every AWS call of the plugin uses: a settings.xml server, a named profile, or the SDK's default chain. */
public final class AwsCredentials {
    private AwsCredentials() {}

    /**
     * Resolves the credentials at once, so that missing ones are reported before any other work, with how to provide
     * them; the caller closes the provider. Clients open at the same time with the same source share one provider.
     */
    public static AwsCredentialsProvider resolve(CredentialSource source, Optional<ProxySettings> proxy)
            throws UserFixableException {
        SecretSafeLogging.capSecretBearingLoggers();
        return SharedCredentials.acquire(source, proxy, () -> open(source, proxy));
    }

    private static AwsCredentialsProvider open(CredentialSource source, Optional<ProxySettings> proxy)
            throws UserFixableException {
        AwsCredentialsProvider base;
        if (source.accessKey().isPresent()) {
            CredentialSource.AccessKey key = source.accessKey().get();
            base = StaticCredentialsProvider.create(AwsBasicCredentials.create(key.id(), key.secret()));
            CredentialOrigin.debug(source.profile(), base.resolveCredentials());
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
                new AssumedRoleCredentials(base, source.role().get(), proxy);
        try {
            assumed.resolveCredentials();
            CredentialOrigin.debugAssumed(source.role().get());
            return assumed;
        } catch (SdkException e) {
            assumed.close();
            throw new UserFixableException(explainAssumeRole(source.role().get(), e), e);
        }
    }

    private static String explainAssumeRole(CredentialSource.RoleToAssume role, SdkException e) {
        String said = e instanceof software.amazon.awssdk.awscore.exception.AwsServiceException service
                        && service.awsErrorDetails() != null
                ? service.awsErrorDetails().errorCode() + ": "
                        + service.awsErrorDetails().errorMessage()
                : e.getMessage();
        return "Could not assume the role " + role.roleArn() + " (<roleArn>, cloudfront.roleArn) through STS (" + said
                + "). The build's credentials need sts:AssumeRole on that role, and the role's trust policy must"
                + " allow them" + (role.externalId().isPresent() ? ", with the external id given in <externalId>" : "")
                + ".";
    }
}
