package io.github.cloudfrontmavenplugin.aws;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.utils.IoUtils;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/** Credentials of a role assumed through STS with base credentials, renewed by the SDK before they expire. */
final class AssumedRoleCredentials implements AwsCredentialsProvider, SdkAutoCloseable {
    static final URI STS = URI.create("https://sts.amazonaws.com");

    private final AwsCredentialsProvider base;
    private final StsClient sts;
    private final StsAssumeRoleCredentialsProvider assumed;

    AssumedRoleCredentials(
            AwsCredentialsProvider base, CredentialSource.RoleToAssume role, Proxies proxies, Retries retries) {
        this.base = base;
        this.sts = AwsClients.configure(
                        StsClient.builder().region(Region.US_EAST_1).credentialsProvider(base),
                        "STS",
                        role.stsEndpoint(),
                        STS,
                        proxies,
                        retries)
                .build();
        this.assumed = StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts)
                .refreshRequest(request -> {
                    request.roleArn(role.roleArn()).roleSessionName(role.sessionName());
                    role.externalId().ifPresent(request::externalId);
                })
                .build();
    }

    @Override
    public AwsCredentials resolveCredentials() {
        return assumed.resolveCredentials();
    }

    @Override
    public void close() {
        assumed.close();
        sts.close();
        IoUtils.closeIfCloseable(base, null);
    }
}
