package io.github.cloudfrontmavenplugin.aws;

import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsWebIdentityTokenFileCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * A web-identity token exchanged for a role's credentials through the plugin's own STS client. The SDK's default
 * chain builds an STS client of its own for this, which knows nothing of the settings.xml proxy.
 */
final class WebIdentityCredentials implements AwsCredentialsProvider, SdkAutoCloseable {
    private final StsClient sts;
    private final StsWebIdentityTokenFileCredentialsProvider provider;

    WebIdentityCredentials(CredentialSource.WebIdentity identity, Proxies proxies, Retries retries) {
        Region region = Region.of(identity.stsRegion());
        // AssumeRoleWithWebIdentity is not signed: the token is the proof.
        this.sts = AwsClients.configure(
                        StsClient.builder().region(region).credentialsProvider(AnonymousCredentialsProvider.create()),
                        "STS (web identity)",
                        Optional.empty(),
                        AssumedRoleCredentials.endpoint(identity.stsRegion()),
                        proxies,
                        retries)
                .build();
        StsWebIdentityTokenFileCredentialsProvider.Builder builder =
                StsWebIdentityTokenFileCredentialsProvider.builder()
                        .stsClient(sts)
                        .webIdentityTokenFile(identity.tokenFile())
                        .roleArn(identity.roleArn());
        identity.sessionName().ifPresent(builder::roleSessionName);
        this.provider = builder.build();
    }

    @Override
    public AwsCredentials resolveCredentials() {
        return provider.resolveCredentials();
    }

    @Override
    public void close() {
        provider.close();
        sts.close();
    }
}
